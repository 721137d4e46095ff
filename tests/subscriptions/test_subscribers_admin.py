"""Subscribers in the admin: counts, search, CSV export, bounces and complaints; the
record of what was sent."""

import csv
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from posts.subscriptions import mailings, sending
from posts.subscriptions.models import Subscription
from tests.comments.moderation_factories import make_editor
from tests.conftest import make_post
from tests.subscriptions.conftest import make_subscriber

pytestmark = pytest.mark.django_db

URL = "/admin/subscriptions/subscription/"


@pytest.fixture
def editor_client(client, db):
    client.force_login(make_editor(username="editrice"))
    return client


def test_the_list_counts_subscribers_by_language_and_status_and_searches(editor_client):
    make_subscriber(email="anna@example.com")
    make_subscriber(email="bruno@example.com", confirm=False)
    make_subscriber(email="carla@example.com", language="en")
    response = editor_client.get(URL)
    rows = response.context["summary_rows"]
    italian = dict(zip(Subscription.Status.values, rows[0]["counts"], strict=True))
    assert (italian["active"], italian["pending"], rows[0]["total"]) == (1, 1, 2)
    assert rows[1]["total"] == 1
    found = editor_client.get(URL, {"q": "bruno"})
    assert [s.email for s in found.context["cl"].result_list] == ["bruno@example.com"]


def test_the_selection_is_exported_as_csv(editor_client):
    anna = make_subscriber(email="anna@example.com", frequency="weekly")
    make_subscriber(email="bruno@example.com")
    response = editor_client.post(
        URL, {"action": "export_csv", "_selected_action": [anna.pk], "index": 0}
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["email", "language", "frequency", "status"]
    assert rows[1][:4] == ["anna@example.com", "it", "weekly", "active"]
    assert len(rows) == 2


def test_a_recorded_bounce_stops_sending_to_that_address(editor_client, author):
    gone = make_subscriber(email="gone@example.com")
    make_subscriber(email="gone@example.com", language="en")
    stays = make_subscriber(email="stays@example.com")
    editor_client.post(
        URL, {"action": "record_bounces", "_selected_action": [gone.pk], "index": 0}
    )
    assert set(
        Subscription.objects.of_address("gone@example.com").values_list("status", flat=True)
    ) == {"bounced"}
    post = make_post(author=author, published_at=timezone.now())
    mailing, _created = mailings.start_article_mailing(post_id=post.pk)
    mail.outbox.clear()
    sending.send_mailing(mailing.pk)
    assert [message.to for message in mail.outbox] == [[stays.email]]


def test_a_complaint_is_recorded_from_the_command_line():
    make_subscriber(email="angry@example.com")
    out = io.StringIO()
    call_command("record_bounce", "Angry@Example.com", "--complaint", stdout=out)
    assert Subscription.objects.get().status == "complained"
    assert "1 subscriptions" in out.getvalue()


def test_mailings_show_what_was_sent(editor_client, author):
    make_subscriber()
    post = make_post(author=author, title="Resi facili", published_at=timezone.now())
    mailing, _created = mailings.start_article_mailing(post_id=post.pk)
    sending.send_mailing(mailing.pk)
    html = editor_client.get("/admin/subscriptions/mailing/").content.decode()
    assert "Resi facili" in html
    assert f"mailing__id__exact={mailing.pk}&amp;status=sent" in html
    deliveries = editor_client.get(
        "/admin/subscriptions/delivery/", {"mailing__id__exact": mailing.pk, "status": "sent"}
    )
    assert deliveries.status_code == 200
    assert len(deliveries.context["cl"].result_list) == 1


def test_nobody_is_subscribed_from_the_admin(editor_client):
    assert editor_client.get(URL + "add/").status_code == 403
