"""The Akismet backend against a local server speaking Akismet's protocol."""

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from comments.models import Comment
from comments.services import moderate
from comments.spam.pipeline import Candidate, check_comment

from .akismet_server import DISCARD_MARKER, SPAM_AUTHOR, VALID_KEY
from .conftest import make_comment

CLEAN = "Articolo chiaro e utile, grazie per gli esempi concreti."


@pytest.fixture(autouse=True)
def english():
    """Reasons are asserted in English; the Italian catalogue has its own test."""
    with translation.override("en"):
        yield


def candidate(**fields):
    values = {
        "content": CLEAN,
        "author": "Lucia",
        "email": "lucia@example.com",
        "url": "https://lucia.example.org",
        "ip_address": "203.0.113.7",
        "user_agent": "Mozilla/5.0 (X11)",
        "referrer": "https://www.google.com/",
        "permalink": "https://blog.example.com/articoli/reclami/",
        "language": "it",
        "submitted_at": timezone.now(),
        "post_modified_at": timezone.now(),
    }
    values.update(fields)
    return Candidate(**values)


def akismet_reason(verdict):
    return next(r for r in verdict.reasons if r.check == "akismet")


@pytest.mark.django_db
def test_comment_check_sends_everything_akismet_documents(akismet):
    verdict = check_comment(candidate())
    assert verdict.verdict == "ham"
    [form] = akismet.calls("comment-check")
    assert form["api_key"] == VALID_KEY
    assert form["blog"] == "https://blog.example.com"
    for field in [
        "user_ip",
        "user_agent",
        "referrer",
        "permalink",
        "comment_type",
        "comment_author",
        "comment_author_email",
        "comment_author_url",
        "comment_content",
        "comment_date_gmt",
        "comment_post_modified_gmt",
        "blog_lang",
        "blog_charset",
    ]:
        assert form.get(field), field
    assert form["comment_type"] == "comment"
    assert form["blog_charset"] == "UTF-8"
    assert form["comment_date_gmt"].endswith("Z")


@pytest.mark.django_db
def test_akismet_spam_makes_a_clean_looking_comment_spam(akismet):
    verdict = check_comment(candidate(author=SPAM_AUTHOR))
    assert verdict.verdict == "spam"
    assert akismet_reason(verdict).score > 0.9


@pytest.mark.django_db
def test_akismets_discard_pro_tip_discards_the_comment(akismet):
    verdict = check_comment(candidate(content=f"{CLEAN} {DISCARD_MARKER}"))
    assert verdict.verdict == "discard"


@pytest.mark.django_db
@pytest.mark.parametrize("mode", ["error", "slow", "garbage"])
def test_akismet_failing_holds_the_comment_with_the_reason(akismet, mode):
    akismet.mode = mode
    akismet.delay = 2.0  # beyond the 0.5 s timeout
    verdict = check_comment(candidate())
    assert verdict.verdict == "hold"
    assert "held for a moderator" in akismet_reason(verdict).message


@pytest.mark.django_db
def test_akismet_unreachable_holds_the_comment(akismet, settings, closed_port):
    settings.AKISMET_API_URL = f"http://127.0.0.1:{closed_port}"
    verdict = check_comment(candidate())
    assert verdict.verdict == "hold"
    assert "could not be reached" in akismet_reason(verdict).message


@pytest.mark.django_db
def test_akismet_answering_invalid_holds_the_comment_with_its_debug_help(akismet, settings):
    settings.AKISMET_API_KEY = "wrong-key"
    verdict = check_comment(candidate())
    assert verdict.verdict == "hold"
    assert "Invalid API key." in akismet_reason(verdict).message


@pytest.mark.django_db
def test_akismet_is_not_asked_without_a_key(akismet, settings):
    settings.AKISMET_API_KEY = ""
    check_comment(candidate())
    assert akismet.requests == []


@pytest.mark.django_db
def test_a_moderators_spam_and_not_spam_are_reported_in_the_background(akismet, post):
    comment = make_comment(post, body="Commento con dati per Akismet", referrer="https://x.test/")
    moderate_and_commit(comment, Comment.Status.SPAM)
    moderate_and_commit(comment, Comment.Status.APPROVED)
    spam, ham = akismet.calls("submit-spam"), akismet.calls("submit-ham")
    assert [f["comment_content"] for f in spam] == ["Commento con dati per Akismet"]
    assert [f["user_ip"] for f in ham] == ["203.0.113.7"]
    assert spam[0]["permalink"].endswith(post.get_absolute_url())
    assert spam[0]["comment_type"] == "comment"


@pytest.mark.django_db
def test_trashing_a_spam_marked_comment_reports_nothing_to_akismet(akismet, post):
    comment = make_comment(post, body="Commento finito nello spam e poi cestinato")
    moderate_and_commit(comment, Comment.Status.SPAM)
    moderate_and_commit(comment, Comment.Status.TRASH)
    assert len(akismet.calls("submit-spam")) == 1
    assert akismet.calls("submit-ham") == []


@pytest.mark.django_db
def test_a_failing_report_does_not_undo_the_moderation(akismet, post):
    akismet.mode = "error"
    comment = make_comment(post)
    moderate_and_commit(comment, Comment.Status.SPAM)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.SPAM
    assert len(akismet.calls("submit-spam")) == 1


def moderate_and_commit(comment, status):
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        moderate(comment=comment, status=status)


@pytest.mark.django_db
def test_check_warns_when_the_key_does_not_verify(akismet, settings):
    from comments.spam.system_checks import akismet_key_verifies

    assert akismet_key_verifies() == []
    settings.AKISMET_API_KEY = "wrong-key"
    [warning] = akismet_key_verifies()
    assert warning.id == "spam.W001"
    akismet.mode = "error"
    [warning] = akismet_key_verifies()
    assert warning.id == "spam.W002"


@pytest.mark.django_db
def test_manage_py_check_deploy_shows_the_warning(akismet, settings, capsys):
    settings.AKISMET_API_KEY = "wrong-key"
    # Only the spam tag: the other deploy checks judge the test settings, not this.
    call_command("check", deploy=True, tags=["spam"])
    assert "spam.W001" in capsys.readouterr().err
    assert [endpoint for endpoint, _form, _headers in akismet.requests] == ["verify-key"]


@pytest.mark.django_db
def test_a_plain_manage_py_check_never_calls_akismet(akismet, settings, capsys):
    settings.AKISMET_API_KEY = "wrong-key"
    call_command("check")
    assert "spam.W001" not in capsys.readouterr().err
    assert akismet.requests == []


def test_no_warning_without_a_key(settings):
    from comments.spam.system_checks import akismet_key_verifies

    settings.AKISMET_API_KEY = ""
    assert akismet_key_verifies() == []


@pytest.mark.django_db
def test_reasons_are_read_in_the_reader_s_language_not_the_commenter_s(
    akismet, settings, closed_port
):
    settings.AKISMET_API_URL = f"http://127.0.0.1:{closed_port}"
    with translation.override("en"):
        verdict = check_comment(candidate())
    with translation.override("it"):
        assert akismet_reason(verdict).message == (
            "Akismet non ha risposto in tempo; in attesa di un moderatore."
        )
    [stored] = [r for r in verdict.reasons_as_json() if r["check"] == "akismet"]
    assert stored["message"] == "Akismet could not be reached in time; held for a moderator."
