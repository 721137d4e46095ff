"""Trust comes from evidence a commenter cannot forge, never from a typed name and e-mail."""

import pytest
from django.core import mail
from django.urls import reverse

from comments import confirmation, cookies
from comments.models import Comment, ConfirmedEmail
from comments.moderation import TrustEvidence
from tests.comments.reader_helpers import make_comment, post_comment, submit

pytestmark = pytest.mark.django_db


def test_typing_the_name_and_email_of_an_approved_commenter_grants_no_trust(post):
    make_comment(post, author_name="Maria Rossi", author_email="maria@example.com")

    comment = submit(post, name="Maria Rossi", email="maria@example.com")

    assert comment.status == Comment.Status.PENDING


def test_copying_an_approved_commenters_details_in_the_form_grants_no_trust(client, post):
    make_comment(post, author_name="Maria Rossi", author_email="maria@example.com")

    post_comment(client, post, name="Maria Rossi", email="maria@example.com", body="Ciao!")

    assert Comment.objects.get(body="Ciao!").status == Comment.Status.PENDING


def test_a_signed_in_account_with_an_approved_comment_is_trusted(client, post, reader):
    make_comment(post, user=reader)
    client.force_login(reader)

    post_comment(client, post, body="Da utente registrato")

    assert Comment.objects.get(body="Da utente registrato").status == Comment.Status.APPROVED


def test_a_signed_in_account_without_approved_comments_is_held(client, post, reader):
    make_comment(post, user=reader, status=Comment.Status.PENDING)
    client.force_login(reader)

    post_comment(client, post, body="Primo commento")

    assert Comment.objects.get(body="Primo commento").status == Comment.Status.PENDING


def test_the_browser_whose_comment_was_approved_is_trusted(client, post):
    post_comment(client, post, body="Il mio primo commento")
    first = Comment.objects.get(body="Il mio primo commento")
    assert first.status == Comment.Status.PENDING
    first.status = Comment.Status.APPROVED
    first.save()

    post_comment(client, post, body="Il secondo", name="Altro nome", email="altro@example.com")

    assert Comment.objects.get(body="Il secondo").status == Comment.Status.APPROVED


def test_another_browser_with_the_same_details_is_not_trusted(client, post, django_user_model):
    from django.test import Client

    post_comment(client, post, body="Il mio primo commento")
    Comment.objects.filter(body="Il mio primo commento").update(status=Comment.Status.APPROVED)

    stranger = Client()
    post_comment(stranger, post, body="Mi fingo Giulia")

    assert Comment.objects.get(body="Mi fingo Giulia").status == Comment.Status.PENDING


def test_a_forged_commenter_cookie_grants_no_trust(client, post):
    approved = make_comment(post)
    client.cookies[cookies.OWN_COOKIE] = f"[{approved.pk}]"  # unsigned: anyone could write it

    post_comment(client, post, body="Cookie falso")

    assert Comment.objects.get(body="Cookie falso").status == Comment.Status.PENDING


def test_a_confirmed_email_is_trusted_in_the_browser_that_confirmed_it(client, post):
    post_comment(client, post, body="Prima", email="giulia@example.com")
    first = Comment.objects.get(body="Prima")
    client.post(reverse("comments:request-confirmation", args=[first.pk]))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["giulia@example.com"]
    assert message.subject.startswith("Conferma il tuo indirizzo email")
    assert "@example.com" not in message.alternatives[0][0].replace(message.to[0], "")
    link = next(line for line in message.body.splitlines() if "/comments/confirm/" in line)
    path = link.strip().removeprefix("http://testserver")

    assert client.get(path).status_code == 200
    assert not ConfirmedEmail.objects.exists()  # a GET (e.g. a link scanner) confirms nothing
    client.post(path)

    assert ConfirmedEmail.objects.filter(email="giulia@example.com").exists()
    # A different browser would keep the trust of the first comment's cookie: forget it here
    # so only the confirmed address can explain the approval.
    del client.cookies[cookies.OWN_COOKIE]
    post_comment(client, post, body="Seconda", email="giulia@example.com")
    assert Comment.objects.get(body="Seconda").status == Comment.Status.APPROVED


def test_a_confirmed_email_typed_in_another_browser_grants_no_trust(post):
    ConfirmedEmail.objects.create(email="giulia@example.com")
    comment = submit(post, email="giulia@example.com", trust=TrustEvidence())
    assert comment.status == Comment.Status.PENDING


def test_a_confirmed_email_cookie_for_a_revoked_address_grants_no_trust(post):
    evidence = TrustEvidence(confirmed_emails=("giulia@example.com",))
    comment = submit(post, email="giulia@example.com", trust=evidence)
    assert comment.status == Comment.Status.PENDING


def test_a_forged_confirmation_link_is_refused(client, post):
    token = confirmation.make_token(email="giulia@example.com", post_id=post.pk)
    response = client.post(reverse("comments:confirm-email", args=[token[:-2] + "xx"]))
    assert response.status_code == 400
    assert not ConfirmedEmail.objects.exists()


def test_only_the_browser_that_posted_may_ask_for_a_confirmation(client, post):
    comment = make_comment(post, status=Comment.Status.PENDING)
    response = client.post(reverse("comments:request-confirmation", args=[comment.pk]))
    assert response.status_code == 403
    assert mail.outbox == []


def test_the_confirmation_email_is_written_in_the_comments_language(client, post):
    post_comment(client, post, body="Hello", email="john@example.com")
    comment = Comment.objects.get(body="Hello")
    comment.language = "en"
    comment.save()
    client.post(reverse("comments:request-confirmation", args=[comment.pk]))
    assert "Confirm your e-mail address" in mail.outbox[0].subject
