"""Why a comment was held or hidden is read in the reader's language, not the commenter's.

A comment sent from the English pages is checked while English is active; the Italian queue,
the moderators' e-mail (in the site's language) must read its reasons in Italian: they
were stored as finished English text, and showed so in the Italian admin.
"""

import inspect

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation

from comments import wording
from comments.models import Comment
from tests.comments.moderation_factories import make_comment, make_editor
from tests.comments.reader_helpers import form_data, post_url

CHANGELIST = "/admin/comments/comment/"
BODY = "Non sono d'accordo: i dati dicono altro, vedi https://esempio-fonte.example/rapporto-2024"


@pytest.fixture
def editor(db):
    return make_editor(username="elena", email="elena@example.com", first_name="Elena")


def comment_from_the_english_page(post, django_capture_on_commit_callbacks):
    type(post).objects.filter(pk=post.pk).update(language="en")
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        response = Client().post(post_url(post), form_data(post, body=BODY))
    assert response.status_code == 302
    return Comment.objects.get(body=BODY)


@pytest.mark.django_db
def test_a_comment_from_the_english_page_reads_in_italian_in_the_italian_queue_and_e_mail(
    client, post, editor, django_capture_on_commit_callbacks
):
    comment = comment_from_the_english_page(post, django_capture_on_commit_callbacks)
    assert comment.status == Comment.Status.PENDING
    links = next(r for r in comment.spam_reasons if r["check"] == "links")
    # Kept untranslated, with the English for whatever reads the JSON as it is.
    assert links["says"] == "links" and links["params"] == {"count": 1, "outside": 1}
    assert links["message"] == "Contains 1 link, 1 to a site that is not trusted."

    client.force_login(editor)
    queue = client.get(CHANGELIST).content.decode()
    assert "Contiene 1 link, 1 verso un sito non fidato." in queue
    assert "Commentatore non ancora fidato." in queue
    assert "Contains 1 link" not in queue and "Commenter not trusted yet." not in queue

    [message] = [m for m in mail.outbox if m.to == [editor.email]]
    assert "Contiene 1 link, 1 verso un sito non fidato." in message.body
    assert "not trusted" not in message.body


@pytest.mark.django_db
def test_reasons_stored_before_they_said_which_message_read_as_they_were_written(
    client, post, editor
):
    old = make_comment(
        post=post,
        spam_reasons=[
            {"check": "links", "score": 0.7, "message": "Contiene 2 link."},
            # A message this version no longer knows, and one whose words changed.
            {"check": "x", "score": 0.1, "message": "Vecchio motivo.", "says": "gone"},
            {"check": "y", "score": 0.1, "message": "Altro motivo.", "says": "links"},
            "not a reason",
        ],
    )
    client.force_login(editor)
    page = client.get(f"{CHANGELIST}{old.pk}/change/").content.decode()
    for message in ("Contiene 2 link.", "Vecchio motivo.", "Altro motivo."):
        assert message in page


def example(name):
    """A plausible value for a message's parameter, by its name."""
    return {"phrases": ["guadagna subito"], "error": "OSError", "how": "account"}.get(
        name, "esempio.example" if name in ("domain", "word", "term") else 2
    )


@pytest.mark.parametrize("says", sorted(wording.MESSAGES))
def test_every_reason_has_its_italian_words(says):
    function = wording.MESSAGES[says]
    params = {name: example(name) for name in inspect.signature(function).parameters}
    stored = wording.reason("check", 0.5, says, **params)
    with translation.override("it"):
        italian = wording.text_of(stored)
    with translation.override("en"):
        english = wording.text_of(stored)
    assert english == stored["message"]
    if says != "akismet_spam":  # "Akismet: spam." in both
        assert italian and italian != english


@pytest.mark.parametrize(
    ("how", "italian"),
    [
        ("account", "Commentatore fidato (un account con commenti approvati)"),
        ("browser", "Commentatore fidato (un browser con commenti approvati)"),
        ("confirmed-email", "Commentatore fidato (un indirizzo e-mail confermato)"),
    ],
)
def test_a_trusted_commenter_s_reason_says_what_earned_the_trust(how, italian):
    stored = wording.reason("moderation.trusted", 0.0, "trusted", how=how)
    with translation.override("it"):
        assert wording.text_of(stored) == italian


def test_seconds_are_written_as_the_reader_s_language_writes_numbers():
    # Beside a spam score written "0,36", "1.7 secondi" read as English.
    stored = wording.reason("check", 0.5, "too_fast", elapsed=1.66, minimum=3.0)
    with translation.override("it"):
        assert wording.text_of(stored) == (
            "Inviato 1,7 secondi dopo la comparsa del modulo (a una persona ne servono almeno 3)."
        )
    with translation.override("en"):
        assert "Sent 1.7 seconds" in wording.text_of(stored) and "at least 3)" in wording.text_of(
            stored
        )
