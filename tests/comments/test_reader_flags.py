"""Readers flag a published comment: a plain form on each comment (no JavaScript, nothing
personal on a cached page), one flag per reader and comment, rate-limited per address;
after COMMENTS_FLAGS_TO_HOLD flags from as many addresses the comment is back in the queue
with the reason."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation

from comments import services, wording
from comments.models import Comment, Flag
from tests.comments.moderation_factories import make_comment, make_editor
from tests.conftest import make_user

Status = Comment.Status
CHANGELIST = "/admin/comments/comment/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def published(post):
    return make_comment(post=post, status=Status.APPROVED, body="Un commento discutibile.")


def flag_url(comment):
    return f"/comments/{comment.pk}/flag/"


def flag(comment, address="198.51.100.1", client=None):
    """A new reader (its own browser) flags the comment from `address`."""
    client = client or Client()
    return client.post(flag_url(comment), REMOTE_ADDR=address, HTTP_ORIGIN="http://testserver")


def flag_form(html, comment):
    return re.search(
        rf'<form class="comment-inline-form comment-flag-form" method="post"'
        rf' action="{flag_url(comment)}">.*?</form>',
        html,
        re.S,
    ).group(0)


def test_every_published_comment_has_a_flag_form_that_carries_nothing_personal(
    client, post, published
):
    held = make_comment(post=post, status=Status.PENDING)
    response = client.get(post.get_absolute_url())
    html = response.content.decode()
    form = flag_form(html, published)
    assert 'name="csrfmiddlewaretoken" value=""' in form
    assert f'aria-describedby="comment-{published.pk}-by">Segnala ai moderatori</button>' in form
    assert flag_url(held) not in html
    # A second stranger gets the cached page: the very same form.
    again = Client().get(post.get_absolute_url())
    assert again["X-Page-Cache"] == "hit"
    assert flag_form(again.content.decode(), published) == form


def test_a_reader_flags_a_comment_and_lands_back_on_it_with_a_thank_you(post, published):
    browser = Client()
    response = browser.post(
        flag_url(published), REMOTE_ADDR="198.51.100.1", HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 302
    assert response["Location"] == f"{post.get_absolute_url()}#comment-{published.pk}"
    [stored] = Flag.objects.all()
    assert stored.comment == published
    assert stored.reader.startswith("a:")  # the anonymous key the reactions use
    assert "198.51.100.1" not in stored.source
    assert "reactions_voter" in response.cookies
    page = browser.get(response["Location"]).content.decode()
    assert "Grazie: i moderatori daranno un&#x27;occhiata a questo commento." in page
    published.refresh_from_db()
    assert published.status == Status.APPROVED


def test_a_reader_flags_a_comment_once(published):
    browser = Client()
    flag(published, client=browser)
    response = flag(published, client=browser)
    assert Flag.objects.count() == 1
    page = browser.get(response["Location"]).content.decode()
    assert "Hai già segnalato questo commento." in page


def test_a_signed_in_reader_flags_as_their_account(published, reader):
    browser = Client()
    browser.force_login(reader)
    flag(published, client=browser)
    assert Flag.objects.get().reader == f"u:{reader.pk}"


def test_enough_flags_from_different_readers_send_the_comment_back_to_the_queue(
    settings, post, published
):
    settings.COMMENTS_FLAGS_TO_HOLD = 3
    flag(published, "198.51.100.1")
    flag(published, "198.51.100.2")
    published.refresh_from_db()
    assert published.status == Status.APPROVED
    response = flag(published, "203.0.113.9")
    assert response["Location"] == f"{post.get_absolute_url()}#comments"
    published.refresh_from_db()
    assert published.status == Status.PENDING
    assert published.spam_reasons[-1]["check"] == "moderation.flagged"
    with translation.override("it"):
        assert wording.text_of(published.spam_reasons[-1]) == "Segnalato da 3 lettori."
    # Readers no longer see it (the cached page was forgotten).
    assert "Un commento discutibile." not in Client().get(post.get_absolute_url()).content.decode()

    editor = Client()
    editor.force_login(make_editor(username="editor", email="editor@example.com"))
    page = editor.get(CHANGELIST, {"status": "pending", "reason": "moderation.flagged"})
    html = page.content.decode()
    assert f'name="_selected_action" value="{published.pk}"' in html
    assert "<li>Segnalato da 3 lettori.</li>" in html


def test_the_moderators_hear_of_a_comment_the_readers_sent_back(
    settings, post, published, django_capture_on_commit_callbacks
):
    settings.COMMENTS_FLAGS_TO_HOLD = 2
    editor = make_editor(username="editor", email="editor@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        flag(published, "198.51.100.1")
    assert mail.outbox == []  # one flag holds nothing
    with django_capture_on_commit_callbacks(execute=True):
        flag(published, "198.51.100.2")
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert post.title in mail.outbox[0].subject
    assert "Segnalato da 2 lettori." in mail.outbox[0].body


def test_a_moderator_sending_a_comment_back_is_not_told_of_their_own_click(
    post, published, django_capture_on_commit_callbacks
):
    editor = make_editor(username="editor", email="editor@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate(comment=published, status=Status.PENDING, moderator=editor)
    assert published.status == Status.PENDING
    assert mail.outbox == []


def test_many_browsers_behind_one_address_count_once(settings, published):
    settings.COMMENTS_FLAGS_TO_HOLD = 2
    for _ in range(4):
        flag(published, "198.51.100.1")
    assert Flag.objects.count() == 4
    published.refresh_from_db()
    assert published.status == Status.APPROVED


def test_the_number_of_flags_is_a_setting(settings, published):
    settings.COMMENTS_FLAGS_TO_HOLD = 1
    flag(published)
    published.refresh_from_db()
    assert published.status == Status.PENDING


def test_flags_are_rate_limited_per_address_and_the_refusal_says_so(settings, post):
    settings.COMMENTS_FLAG_RATE_LIMIT = "2/h"
    settings.COMMENTS_FLAGS_TO_HOLD = 10
    comments = [make_comment(post=post, status=Status.APPROVED) for _ in range(3)]
    browser = Client()
    for comment in comments[:2]:
        flag(comment, client=browser)
    response = flag(comments[2], client=browser)
    assert Flag.objects.count() == 2
    page = browser.get(response["Location"]).content.decode()
    assert "Stai segnalando commenti più in fretta di quanto accettiamo" in page
    assert flag(comments[2], "203.0.113.50").status_code == 302  # another address may
    assert Flag.objects.count() == 3


def test_a_moderators_approval_answers_the_flags_so_far(settings, published):
    settings.COMMENTS_FLAGS_TO_HOLD = 2
    first, second = Client(), Client()
    flag(published, "198.51.100.1", client=first)
    flag(published, "198.51.100.2", client=second)
    published.refresh_from_db()
    assert published.status == Status.PENDING

    editor = Client()
    editor.force_login(make_editor(username="editor", email="editor@example.com"))
    editor.post(f"{CHANGELIST}{published.pk}/moderate/", {"status": "approved"})
    published.refresh_from_db()
    assert published.status == Status.APPROVED
    assert not Flag.objects.unreviewed().exists()
    # The same readers have flagged it already; one new reader is not enough again.
    flag(published, "198.51.100.1", client=first)
    flag(published, "203.0.113.3")
    published.refresh_from_db()
    assert published.status == Status.APPROVED
    flag(published, "203.0.113.4")
    published.refresh_from_db()
    assert published.status == Status.PENDING


def test_only_a_published_comment_can_be_flagged_and_only_by_post(client, post):
    held = make_comment(post=post, status=Status.PENDING)
    spam = make_comment(post=post, status=Status.SPAM)
    for comment in (held, spam):
        assert flag(comment).status_code == 404
    published = make_comment(post=post, status=Status.APPROVED)
    assert client.get(flag_url(published)).status_code == 405
    assert flag(make_comment(post=post, status=Status.APPROVED, parent=held)).status_code == 404
    assert not Flag.objects.exists()


def test_a_post_from_another_site_is_refused(published):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(flag_url(published), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    response = browser.post(flag_url(published), HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 302
    assert Flag.objects.count() == 1


def test_a_reader_account_flag_and_an_anonymous_one_are_two_readers(settings, published):
    settings.COMMENTS_FLAGS_TO_HOLD = 2
    signed_in = Client()
    signed_in.force_login(make_user())
    flag(published, "198.51.100.1", client=signed_in)
    flag(published, "198.51.100.2")
    assert Flag.objects.count() == 2
    published.refresh_from_db()
    assert published.status == Status.PENDING


@pytest.mark.django_db(transaction=True)
def test_flags_racing_each_other_are_each_counted_and_the_same_reader_once(settings, post):
    import threading

    from django.db import connection, connections

    from comments import services

    if connection.vendor == "sqlite":
        pytest.skip("SQLite serializes writers itself; the row lock matters on PostgreSQL")
    settings.COMMENTS_FLAGS_TO_HOLD = 4
    comment = make_comment(post=post, status=Status.APPROVED)
    # Four readers from four addresses, one of them clicking twice.
    senders = [("a:1", "198.51.100.1"), ("a:1", "198.51.100.1")]
    senders += [(f"a:{n}", f"198.51.100.{n}") for n in (2, 3, 4)]
    barrier = threading.Barrier(len(senders))
    errors = []

    def send(reader, address):
        try:
            barrier.wait()
            services.flag_comment(comment=comment, reader=reader, ip_address=address)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=sender) for sender in senders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Flag.objects.count() == 4
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    assert [r["check"] for r in comment.spam_reasons].count("moderation.flagged") == 1


def test_the_privacy_page_says_what_a_flag_stores(client, db):
    page = client.get("/privacy/").content.decode()
    assert "Quando segnali un commento ai moderatori registriamo" in page
    assert "e di segnalare un commento una volta sola" in page
