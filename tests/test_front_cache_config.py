"""The nginx configuration is generated from the app's settings, and the lag they allow is
checked at start-up (the nginx itself is exercised in tests/test_nginx_front.py)."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from blogsite.nginxconf import FrontOptions, render


def test_every_cookie_that_makes_a_page_personal_is_in_the_nginx_map(settings):
    settings.PAGE_CACHE_BYPASS_COOKIES = (*settings.PAGE_CACHE_BYPASS_COOKIES, "new_personal")
    config = render(FrontOptions(upstreams=["10.0.0.11:8000", "10.0.0.12:8000"]))
    bypass = next(line for line in config.splitlines() if line.strip().startswith('"~(?:^|;)'))
    for name in settings.PAGE_CACHE_BYPASS_COOKIES:
        assert f"|{name}|" in bypass.replace("(?:", "|").replace(")=", "|")
    assert "server 10.0.0.11:8000" in config and "server 10.0.0.12:8000" in config


def test_configured_tracking_parameters_are_taken_off_in_front_too(settings):
    settings.PAGE_CACHE_TRACKING_PARAMETERS = ["yclid", "pk_*"]
    config = render(FrontOptions())
    assert "|yclid|" in config and "|pk_[^&=]*" in config
    assert "utm_[^&=]*|fbclid|gclid|mc_cid|mc_eid|ref" in config


def test_a_cookie_name_nginx_could_misread_is_refused(settings):
    settings.PAGE_CACHE_BYPASS_COOKIES = ("sessionid", 'bad"name')
    with pytest.raises(ValueError, match="plain cookie name"):
        render(FrontOptions())


def test_a_front_cache_lag_over_ten_seconds_is_refused_at_start_up(settings):
    settings.FRONT_CACHE_SHARED_MAX_AGE = 5
    settings.FRONT_CACHE_STALE_WHILE_REVALIDATE = 5
    with pytest.raises(SystemCheckError, match="blogsite.E020"):
        call_command("check")
