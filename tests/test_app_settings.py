"""The apps' settings are typed, read in one place, and checked at start-up."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from blogsite.appsettings import Int, Rate, SettingError, TextList
from blogsite.checks import app_settings_are_valid
from comments.conf import comment_settings
from comments.spam.conf import spam_settings
from posts.reactions.conf import reaction_settings


def test_defaults_apply_when_nothing_is_set():
    assert comment_settings.MAX_DEPTH == 3
    assert reaction_settings.IP_HOURLY_LIMIT == 20
    assert spam_settings.THRESHOLD == 0.85


def test_values_from_the_environment_arrive_as_text_and_are_converted():
    with override_settings(
        COMMENTS_MAX_DEPTH="5", REACTIONS_REQUIRE_LOGIN="true", SPAM_THRESHOLD="0.9"
    ):
        assert comment_settings.MAX_DEPTH == 5
        assert reaction_settings.REQUIRE_LOGIN is True
        assert spam_settings.THRESHOLD == 0.9
    assert comment_settings.MAX_DEPTH == 3  # the cached value follows override_settings back


def test_a_rate_is_parsed_to_requests_and_seconds():
    with override_settings(COMMENTS_RATE_LIMIT="20/10m"):
        assert comment_settings.RATE_LIMIT == (20, 600)
    with override_settings(COMMENTS_RATE_LIMIT=""):
        assert comment_settings.RATE_LIMIT is None


def test_a_list_may_be_written_comma_separated():
    assert TextList(()).parse("a.example, b.example") == ("a.example", "b.example")
    assert TextList(()).parse('["a.example"]') == ("a.example",)


@pytest.mark.parametrize(
    ("setting", "value"),
    [(Int(1, minimum=1), "0"), (Int(1), "many"), (Int(1), 2.5), (Rate(None), "five a minute")],
)
def test_unusable_values_are_refused_with_a_reason(setting, value):
    with pytest.raises(SettingError):
        setting.parse(value)


@override_settings(COMMENTS_RATE_LIMIT="5 per minute", COMMENTS_MAX_DEPTH=0)
def test_a_bad_setting_fails_manage_py_check_naming_it():
    errors = app_settings_are_valid()
    messages = " ".join(error.msg for error in errors)
    assert "COMMENTS_RATE_LIMIT" in messages
    assert "COMMENTS_MAX_DEPTH: must be at least 1, got 0" in messages
    with pytest.raises(SystemCheckError, match="COMMENTS_RATE_LIMIT"):
        call_command("check")


def test_the_shipped_defaults_pass_the_check():
    assert app_settings_are_valid() == []
