"""Banning a commenter from the queue: their e-mail, IP range or account becomes a blocked
term, all their comments go to spam in the same submit, and what they send next goes to
the trash. Bad choices are refused with a clear message and change nothing."""

import ipaddress
import random

import pytest
from django.contrib.auth.models import Permission

from comments import services
from comments.models import Comment, ModerationTerm
from comments.spam.models import ClassifierState
from tests.comments.moderation_factories import make_comment
from tests.comments.reader_helpers import submit
from tests.conftest import make_post, make_user

Status = Comment.Status
CHANGELIST = "/admin/comments/comment/"
Kind = ModerationTerm.Kind


def blocked():
    return set(
        ModerationTerm.objects.filter(list=ModerationTerm.List.BLOCKED).values_list(
            "kind", "value"
        )
    )


@pytest.mark.django_db
def test_banning_the_email_and_account_sends_all_their_comments_to_spam(editor_client, post):
    spammer = make_user(username="venditore")
    other_post = make_post()
    theirs = [
        make_comment(post=post, user=spammer, author_email="venditore@example.net"),
        make_comment(post=post, author_email="VENDITORE@example.net", status=Status.APPROVED),
        make_comment(post=other_post, user=spammer, author_email="x@y.it", status=Status.TRASH),
    ]
    innocent = make_comment(post=post, status=Status.APPROVED)
    page = editor_client.get(f"{CHANGELIST}{theirs[0].pk}/ban/").content.decode()
    assert "L&#x27;indirizzo email venditore@example.net (2 commenti)" in page
    assert "L&#x27;account venditore (2 commenti)" in page

    response = editor_client.post(
        f"{CHANGELIST}{theirs[0].pk}/ban/",
        {
            "email": "on",
            "account": "on",
            "ip_range": "203.0.113.7",
            "spam_comments": "on",
            "note": "Pillole",
            "_changelist_filters": "status=pending",
        },
        follow=True,
    )
    assert response.redirect_chain == [(f"{CHANGELIST}?status=pending", 302)]
    assert (
        "Bloccati: Indirizzo email venditore@example.net, Account venditore. "
        "3 commenti spostati nello spam." in response.content.decode()
    )
    assert blocked() == {(Kind.EMAIL, "venditore@example.net"), (Kind.ACCOUNT, "venditore")}
    for comment in theirs:
        comment.refresh_from_db()
        assert comment.status == Status.SPAM
    innocent.refresh_from_db()
    assert innocent.status == Status.APPROVED
    # The filter learned each of them as spam.
    assert ClassifierState.objects.get().spam_learned == 3


@pytest.mark.django_db
def test_what_a_banned_commenter_sends_next_goes_to_the_trash(post, editor):
    spammer = make_user(username="venditore")
    services.ban_commenter(
        email="venditore@example.net", ip_address="198.51.100.0/24", user=spammer, moderator=editor
    )
    assert submit(post, email="Venditore@Example.net").status == Status.TRASH
    assert submit(post, ip_address="198.51.100.200").status == Status.TRASH
    assert submit(post, user=spammer).status == Status.TRASH
    assert submit(post, ip_address="198.51.101.1").status == Status.PENDING


@pytest.mark.django_db
def test_an_ip_range_ban_moves_the_comments_of_that_range_only(post, editor):
    inside = [
        make_comment(post=post, ip_address=address)
        for address in ("203.0.113.1", "203.0.113.254", "203.0.113.77")
    ]
    outside = [
        make_comment(post=post, ip_address=address)
        for address in ("203.0.114.1", "203.0.11.1", "2001:db8::1")
    ]
    make_comment(post=post, ip_address=None)
    ban = services.ban_commenter(ip_address="203.0.113.0/24", moderator=editor)
    assert sorted(c.pk for c in ban.moved) == sorted(c.pk for c in inside)
    assert blocked() == {(Kind.IP, "203.0.113.0/24")}
    for comment in outside:
        comment.refresh_from_db()
        assert comment.status == Status.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "10.0.0.0/8",
            "Questo intervallo è troppo ampio per un solo commentatore: al massimo /16.",
        ),
        (
            "2001:db8::/32",
            "Questo intervallo è troppo ampio per un solo commentatore: al massimo /48.",
        ),
        ("203.0.113", "Scrivi un indirizzo IP (203.0.113.7) o un intervallo (203.0.113.0/24)."),
        ("", "Scrivi un indirizzo IP (203.0.113.7) o un intervallo (203.0.113.0/24)."),
    ],
)
def test_a_bad_or_too_wide_range_is_refused_and_changes_nothing(
    editor_client, post, value, message
):
    comment = make_comment(post=post, ip_address="10.1.2.3")
    response = editor_client.post(
        f"{CHANGELIST}{comment.pk}/ban/",
        {"ban_ip": "on", "ip_range": value, "spam_comments": "on"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert f'value="{value}"' in page  # what was typed is still there
    assert blocked() == set()
    comment.refresh_from_db()
    assert comment.status == Status.PENDING


@pytest.mark.django_db
def test_choosing_nothing_to_ban_is_refused_with_a_message(editor_client, post):
    comment = make_comment(post=post)
    response = editor_client.post(f"{CHANGELIST}{comment.pk}/ban/", {"spam_comments": "on"})
    assert response.status_code == 200
    assert "Scegli che cosa bloccare: l&#x27;email, l&#x27;IP o l&#x27;account." in (
        response.content.decode()
    )
    assert blocked() == set()


@pytest.mark.django_db
def test_a_staff_account_cannot_be_banned(editor_client, post):
    colleague = make_user(username="collega", is_staff=True)
    comment = make_comment(post=post, user=colleague)
    response = editor_client.post(f"{CHANGELIST}{comment.pk}/ban/", {"account": "on"})
    assert response.status_code == 200
    assert "Gli account dello staff non si bloccano da qui" in response.content.decode()
    assert blocked() == set()


@pytest.mark.django_db
def test_a_ban_without_spam_keeps_the_comments_and_a_second_ban_adds_no_term(post, editor):
    comment = make_comment(post=post, author_email="a@example.net", status=Status.APPROVED)
    first = services.ban_commenter(email="a@example.net", spam_comments=False, moderator=editor)
    second = services.ban_commenter(email="A@example.net", spam_comments=False, moderator=editor)
    assert first.terms == second.terms
    assert first.moved == []
    assert ModerationTerm.objects.count() == 1
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED


@pytest.mark.django_db
def test_only_moderators_who_may_add_terms_can_ban(client, post):
    comment = make_comment(post=post)
    moderator = make_user(is_staff=True)
    moderator.user_permissions.add(
        Permission.objects.get(codename="change_comment"),
        Permission.objects.get(codename="view_comment"),
    )
    client.force_login(moderator)
    assert "queue-ban" not in client.get(CHANGELIST).content.decode()
    response = client.post(f"{CHANGELIST}{comment.pk}/ban/", {"email": "on"})
    assert response.status_code == 403
    assert blocked() == set()


@pytest.mark.django_db
def test_each_row_and_the_change_page_link_to_the_ban_page(editor_client, post):
    comment = make_comment(post=post)
    page = editor_client.get(CHANGELIST, {"status": "pending"}).content.decode()
    assert f'href="{CHANGELIST}{comment.pk}/ban/?_changelist_filters=status%3Dpending"' in page
    page = editor_client.get(f"{CHANGELIST}{comment.pk}/change/").content.decode()
    assert f'href="{CHANGELIST}{comment.pk}/ban/"' in page


@pytest.mark.django_db
def test_comments_from_a_network_are_those_python_finds_in_it(post):
    """The database narrows by the network's leading octets; the answer must equal the plain
    definition (every address in the network), for networks of every size."""
    rng = random.Random(21)
    addresses = [
        f"10.{rng.randrange(3)}.{rng.randrange(3)}.{rng.randrange(256)}" for _ in range(60)
    ]
    addresses += [f"2001:db8:{rng.randrange(3):x}::{rng.randrange(99)}" for _ in range(20)]
    addresses += ["10.1.1.1", "10.1.1.10", "10.1.1.100"]  # one prefix of another
    addresses += ["2001:db8:2::5", "2001:db8:20::5"]
    for address in addresses:
        make_comment(post=post, ip_address=address)
    networks = ["10.1.1.1", "10.1.1.0/24", "10.1.0.0/16", "10.1.1.0/28", "10.0.0.0/15"]
    networks += ["2001:db8:1::/48", "2001:db8::/47", "2001:db8:2::5"]
    for value in networks:
        network = ipaddress.ip_network(value)
        expected = {
            c.pk
            for c in Comment.objects.all()
            if c.ip_address and ipaddress.ip_address(c.ip_address) in network
        }
        assert expected, value
        assert set(Comment.objects.from_network(network).values_list("pk", flat=True)) == expected
