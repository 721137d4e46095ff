"""An editor enters an e-mail in the admin: every datum held as JSON, or its erasure,
with an audit record that keeps no datum."""

import json

import pytest
from django.contrib.auth import get_user_model

from blogsite.models import PersonalDataRequest
from comments.models import Comment, ConfirmedEmail
from posts.reactions.models import Reaction
from posts.subscriptions.models import Subscription
from tests.comments.moderation_factories import make_group_member
from tests.conftest import make_post
from tests.personal_data.conftest import EMAIL

pytestmark = pytest.mark.django_db

URL = "/admin/blogsite/personaldatarequest/person/"


def ask(client, editor, action, email=EMAIL, **extra):
    client.force_login(editor)
    return client.post(URL, {"email": email, "action": action, **extra})


def test_looking_up_shows_what_is_held_without_changing_anything(client, editor, footprint):
    html = ask(client, editor, "look").content.decode()
    assert "Comments, confirmed addresses and unsubscriptions" in html or "Commenti" in html
    assert not PersonalDataRequest.objects.exists()


def test_the_download_holds_every_personal_datum(client, editor, footprint):
    response = ask(client, editor, "download")
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    [comment] = data["comments"]["comments"]
    assert comment["email"] == "Marta@Example.com" and comment["ip_address"] == "203.0.113.5"
    assert (
        comment["user_agent"] == "Marta's browser"
        and comment["website"] == "https://marta.example"
    )
    assert data["comments"]["confirmed_email_addresses"][0]["email"] == EMAIL
    [subscription] = data["subscriptions"]
    assert subscription["requested_ip"] == "192.0.2.1" and subscription["status"] == "active"
    assert data["votes"][0]["reaction"] == "useful"
    assert data["accounts"][0]["username"] == "marta"
    assert data["accounts"][0]["email_addresses"] == [
        {"email": EMAIL, "verified": True, "primary": True}
    ]
    assert data["profile"][0]["display_name"] == "Marta B."
    assert data["profile"][0]["email_language"] == "en"
    assert "Di un altro." not in response.content.decode()  # nobody else's data

    record = PersonalDataRequest.objects.get()
    assert (record.action, record.channel, record.requested_by) == ("export", "admin", editor)
    assert record.summary["comments"] == 2  # one comment, one confirmed address


def test_erasure_anonymizes_comments_deletes_the_rest_and_keeps_a_record_without_data(
    client, editor, footprint, post
):
    response = ask(client, editor, "erase", confirm="yes")
    assert response.status_code == 302

    comment = Comment.objects.get(pk=footprint.comment.pk)
    assert comment.body == "Il mio commento."  # the thread stays readable
    assert (comment.author_name, comment.author_email, comment.author_url) == ("Anonimo", "", "")
    assert (comment.user, comment.ip_address, comment.user_agent, comment.referrer) == (
        None,
        None,
        "",
        "",
    )
    assert not comment.notify_replies
    assert Comment.objects.get(pk=footprint.reply_from_someone_else.pk).parent_id == comment.pk
    assert not Subscription.objects.exists()
    assert not ConfirmedEmail.objects.exists()
    assert not get_user_model().objects.filter(username="marta").exists()
    vote = Reaction.objects.get(post=post)  # the article's count stays what readers saw
    assert vote.user is None and vote.voter.startswith("a:")

    record = PersonalDataRequest.objects.get()
    assert record.action == "erase" and record.requested_by == editor
    stored = json.dumps(
        [record.summary, record.action, record.channel, str(record.created_at)]
    ).lower()
    assert "marta" not in stored and "example" not in stored
    assert record.summary["comments"]["anonymized"] == 1
    assert record.summary["subscriptions"]["deleted"] == 1


def test_with_the_delete_setting_comments_go_and_those_answered_become_a_note(
    client, editor, footprint, post, settings
):
    settings.COMMENTS_ERASURE = "delete"
    alone = Comment.objects.create(
        post=post, author_name="Marta", author_email=EMAIL, body="Senza risposte.",
        submitted_at=footprint.comment.submitted_at, status="approved", language="it",
    )  # fmt: skip
    ask(client, editor, "erase", confirm="yes")
    assert not Comment.objects.filter(pk=alone.pk).exists()
    answered = Comment.objects.get(pk=footprint.comment.pk)
    assert answered.author_name == "Anonimo" and answered.author_email == ""
    assert "Il mio commento." not in answered.body and "Il mio commento." not in answered.body_html
    assert Comment.objects.filter(pk=footprint.reply_from_someone_else.pk).exists()


def test_erasure_needs_the_box_ticked(client, editor, footprint):
    ask(client, editor, "erase")
    assert Subscription.objects.exists() and not PersonalDataRequest.objects.exists()


def test_an_author_s_account_is_not_erased_and_nothing_changes(client, editor, footprint):
    make_post(author=footprint.account)
    response = ask(client, editor, "erase", confirm="yes")
    assert response.status_code == 200
    assert "ha scritto 1 articolo o pagina" in response.content.decode()
    assert Subscription.objects.exists()
    assert Comment.objects.get(pk=footprint.comment.pk).author_email == "Marta@Example.com"
    assert not PersonalDataRequest.objects.exists()


def test_only_those_allowed_to_handle_personal_data_may(client, footprint):
    author = make_group_member("Authors", username="autore")
    client.force_login(author)
    assert client.post(URL, {"email": EMAIL, "action": "download"}).status_code == 403


def test_an_address_nobody_used_gives_an_empty_file(client, editor, footprint):
    data = json.loads(ask(client, editor, "download", email="nobody@example.com").content)
    assert set(data) == {"generated_at", "emails"}
