"""Comment e-mails: who gets them, in which language, and the one-click unsubscribe."""

import base64
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from comments import services
from comments.models import Comment, Unsubscription
from comments.notifications import make_unsubscribe_token
from comments.signals import comment_submitted
from tests.comments.moderation_factories import make_comment, make_editor, make_group_member
from tests.conftest import make_user

Status = Comment.Status


def submitted(comment):
    """Announce a comment as submit_comment does once it is saved."""
    comment_submitted.send(sender=Comment, comment=comment)


def approve(comment, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate(comment=comment, status=Status.APPROVED)


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def unsubscribe_path(message):
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http") and header.endswith(">")
    return re.sub(r"^<https?://[^/]+", "", header)[:-1]


# --- Moderators -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_moderators_are_told_when_a_comment_is_held(post, editor):
    boss = make_user(username="boss", email="boss@example.com", is_staff=True, is_superuser=True)
    make_group_member("Authors", email="writer@example.com")  # cannot moderate
    make_editor(email="")  # nowhere to write to
    comment = make_comment(
        post=post,
        status=Status.PENDING,
        body="Ho una domanda <b>urgente</b>",
        spam_reasons=[
            {"check": "first", "score": 0.0, "message": "First comment from this address"}
        ],
    )
    submitted(comment)
    assert sorted(m.to[0] for m in mail.outbox) == [boss.email, editor.email]
    message = sent_to(editor.email)[0]
    assert message.subject == f"Un commento attende la moderazione: «{post.title}»"
    assert "Ho una domanda <b>urgente</b>" in message.body
    assert "First comment from this address" in message.body
    assert f"/admin/comments/comment/{comment.pk}/change/" in message.body
    # Each label starts with a capital, the IP address's too ("indirizzo IP" is a field name).
    assert "\nIndirizzo IP: 203.0.113.7\n" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Ho una domanda &lt;b&gt;urgente&lt;/b&gt;" in html
    assert "<dt>Indirizzo IP</dt>" in html
    assert '<html lang="it">' in html


@pytest.mark.django_db
@pytest.mark.parametrize("status", [Status.SPAM, Status.TRASH, Status.APPROVED])
def test_nobody_is_told_about_a_comment_that_is_not_held(post, editor, status):
    submitted(make_comment(post=post, status=status))
    assert mail.outbox == []


# --- The article's author -------------------------------------------------------------------


@pytest.mark.django_db
def test_the_author_is_told_when_a_comment_on_their_article_is_approved(
    post, author, django_capture_on_commit_callbacks
):
    comment = make_comment(post=post, author_name="Lucia", body="Articolo utilissimo!")
    approve(comment, django_capture_on_commit_callbacks)
    [message] = sent_to(author.email)
    assert message.subject == f"Nuovo commento al tuo articolo «{post.title}»"
    assert "Lucia ha commentato il tuo articolo" in message.body
    assert "Articolo utilissimo!" in message.body
    link = re.search(r"https?://[^/\s]+(/comments/(\d+)/)", message.body)
    assert link and link[2] == str(comment.pk)
    followed = Client().get(link[1])  # the permalink finds its page or thread when read
    assert followed.status_code == 302
    assert followed["Location"].endswith(f"{post.get_absolute_url()}#comment-{comment.pk}")
    assert comment.author_email not in message.body  # the author is not a moderator


@pytest.mark.django_db
def test_the_author_is_not_told_about_their_own_comment(
    post, author, django_capture_on_commit_callbacks
):
    approve(
        make_comment(post=post, user=author, author_email="other@example.com"),
        django_capture_on_commit_callbacks,
    )
    approve(
        make_comment(post=post, author_email=author.email.upper()),
        django_capture_on_commit_callbacks,
    )
    assert sent_to(author.email) == []


@pytest.mark.django_db
def test_nobody_is_told_when_a_comment_goes_to_spam_or_trash(
    post, author, django_capture_on_commit_callbacks
):
    for status in (Status.SPAM, Status.TRASH):
        with django_capture_on_commit_callbacks(execute=True):
            services.moderate(comment=make_comment(post=post), status=status)
    assert mail.outbox == []


# --- Subscribers to replies -----------------------------------------------------------------


@pytest.mark.django_db
def test_a_subscriber_is_told_about_an_approved_reply_in_their_language(
    post, django_capture_on_commit_callbacks
):
    parent = make_comment(
        post=post,
        status=Status.APPROVED,
        notify_replies=True,
        author_name="Jane",
        author_email="jane@example.com",
        language="en",
    )
    reply = make_comment(post=post, parent=parent, author_name="Marco", body="Sono d'accordo")
    approve(reply, django_capture_on_commit_callbacks)
    [message] = sent_to("jane@example.com")
    assert message.subject == f'New reply to your comment on "{post.title}"'
    assert message.body.startswith("Hello Jane,")
    assert "Marco replied to your comment" in message.body
    assert reply.author_email not in message.body
    assert "/en/comments/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    assert '<html lang="en">' in message.alternatives[0][0]


@pytest.mark.django_db
def test_a_subscriber_is_not_told_about_their_own_reply_or_when_not_subscribed(
    post, django_capture_on_commit_callbacks
):
    subscribed = make_comment(
        post=post, status=Status.APPROVED, notify_replies=True, author_email="jane@example.com"
    )
    not_subscribed = make_comment(
        post=post, status=Status.APPROVED, notify_replies=False, author_email="paolo@example.com"
    )
    approve(
        make_comment(post=post, parent=subscribed, author_email="JANE@example.com"),
        django_capture_on_commit_callbacks,
    )
    approve(make_comment(post=post, parent=not_subscribed), django_capture_on_commit_callbacks)
    assert sent_to("jane@example.com") == []
    assert sent_to("paolo@example.com") == []


@pytest.mark.django_db
def test_a_moderator_reply_reaches_the_subscriber(
    post, editor, django_capture_on_commit_callbacks
):
    parent = make_comment(
        post=post, status=Status.APPROVED, notify_replies=True, author_email="jane@example.com"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_as_moderator(
            parent=parent, body="Grazie della segnalazione.", moderator=editor
        )
    [message] = sent_to("jane@example.com")
    assert "Grazie della segnalazione." in message.body


@pytest.mark.django_db
def test_the_article_author_is_not_emailed_about_their_own_reply_from_the_admin(
    post, author, django_capture_on_commit_callbacks
):
    author.is_staff = True
    author.save()
    parent = make_comment(
        post=post, status=Status.PENDING, notify_replies=True, author_email="jane@example.com"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_as_moderator(parent=parent, body="Grazie a te!", moderator=author)
    # The approved parent and the reply: the author hears of neither as "new comment" about
    # their own words; the reader they answered is told once.
    assert [m for m in sent_to(author.email) if "Grazie a te!" in m.body] == []
    [message] = sent_to("jane@example.com")
    assert "Grazie a te!" in message.body


# --- Unsubscribing --------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_email_carries_the_one_click_unsubscribe_headers_and_link(post, editor):
    submitted(make_comment(post=post))
    [message] = mail.outbox
    path = unsubscribe_path(message)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert path in message.body
    assert path in message.alternatives[0][0]


@pytest.mark.django_db
def test_the_unsubscribe_link_asks_for_confirmation_then_unsubscribes(
    post, author, django_capture_on_commit_callbacks
):
    approve(make_comment(post=post), django_capture_on_commit_callbacks)
    path = unsubscribe_path(sent_to(author.email)[0])
    client = Client(enforce_csrf_checks=True)

    page = client.get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "Nuovi commenti ai miei articoli" in html
    assert author.email not in html  # never an e-mail address on a public page
    assert not Unsubscription.objects.exists()  # a GET (link preview, scanner) changes nothing

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    done = client.post(path, {"csrfmiddlewaretoken": token})
    assert done.status_code == 200
    assert "Iscrizione annullata" in done.content.decode()
    assert Unsubscription.objects.filter(email=author.email, kind="new_comment").exists()

    mail.outbox.clear()
    approve(make_comment(post=post), django_capture_on_commit_callbacks)
    assert sent_to(author.email) == []


@pytest.mark.django_db
def test_a_mail_client_unsubscribes_with_one_post_and_no_csrf_token(post, editor):
    submitted(make_comment(post=post))
    path = unsubscribe_path(mail.outbox[0])
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert Unsubscription.objects.filter(email=editor.email, kind="moderation").exists()

    mail.outbox.clear()
    submitted(make_comment(post=post))
    assert sent_to(editor.email) == []


@pytest.mark.django_db
def test_a_tampered_unsubscribe_token_is_refused(client, post):
    jane = make_comment(post=post, author_email="jane@example.com")
    victim = make_comment(post=post, author_email="victim@example.com")
    token = make_unsubscribe_token(kind="replies", comment=jane)
    forged = make_unsubscribe_token(kind="replies", comment=victim)
    tampered = forged.split(":")[0] + ":" + token.split(":", 1)[1]
    for bad in (tampered, token[:-2] + "xx", "not-a-token"):
        assert client.get(f"/comments/unsubscribe/{bad}/").status_code == 400
        assert client.post(f"/comments/unsubscribe/{bad}/").status_code == 400
    assert not Unsubscription.objects.exists()


@pytest.mark.django_db
def test_the_unsubscribe_link_reveals_no_email_address(post, editor):
    submitted(make_comment(post=post))
    path = unsubscribe_path(mail.outbox[0])
    token = path.rstrip("/").rsplit("/", 1)[-1]
    payload = base64.urlsafe_b64decode(token.split(":")[0] + "==").decode()
    assert "@" not in payload
    assert "example" not in path


@pytest.mark.django_db
def test_unsubscribing_from_replies_holds_until_the_person_opts_in_again(
    post, django_capture_on_commit_callbacks
):
    first = make_comment(
        post=post, status=Status.APPROVED, notify_replies=True, author_email="jane@example.com"
    )
    services.unsubscribe(email="Jane@Example.com", kind=Unsubscription.Kind.REPLIES)
    approve(make_comment(post=post, parent=first), django_capture_on_commit_callbacks)
    assert sent_to("jane@example.com") == []

    later = make_comment(
        post=post, status=Status.APPROVED, notify_replies=True, author_email="jane@example.com"
    )
    approve(make_comment(post=post, parent=later), django_capture_on_commit_callbacks)
    assert len(sent_to("jane@example.com")) == 1


# --- The database-backed queue --------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_with_the_database_backend_mail_waits_for_the_worker(post, editor, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    submitted(make_comment(post=post))
    assert mail.outbox == []
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [m.to for m in mail.outbox] == [[editor.email]]
