"""The spam folder filtered by reason, to rescue false positives (as Antispam Bee does):
each check that caught a comment is a choice with its count, and the database's answer
equals the plain reading of the stored reasons."""

import random
import re

import pytest

from comments.models import Comment
from comments.models.reasons import checks_of
from tests.comments.moderation_factories import make_comment

Status = Comment.Status
CHANGELIST = "/admin/comments/comment/"


def reason(check, score=0.5):
    return {"check": check, "score": score, "message": f"Motivo {check}"}


def rows(page):
    return [int(pk) for pk in re.findall(r'name="_selected_action" value="(\d+)"', page)]


@pytest.fixture
def spam_folder(post):
    too_fast = [
        make_comment(
            post=post,
            status=Status.SPAM,
            spam_reasons=[reason("too_fast"), reason("classifier", 0.4)],
        )
        for _ in range(2)
    ]
    links = make_comment(
        post=post, status=Status.SPAM, spam_reasons=[reason("links"), reason("classifier")]
    )
    held = make_comment(post=post, status=Status.PENDING, spam_reasons=[reason("too_fast")])
    return {"too_fast": too_fast, "links": links, "held": held}


@pytest.mark.django_db
def test_the_spam_folder_offers_each_reason_with_its_count_most_frequent_first(
    editor_client, spam_folder
):
    page = editor_client.get(CHANGELIST, {"status": "spam"}).content.decode()
    choices = re.findall(r'href="\?reason=([\w.-]+)&amp;status=spam">([^<]+)</a>', page)
    assert choices == [
        ("classifier", "Filtro addestrato (3)"),
        ("too_fast", "Inviato troppo in fretta (2)"),
        ("links", "Link (1)"),
    ]


@pytest.mark.django_db
def test_a_reason_lists_the_comments_it_caught_and_they_can_be_rescued(editor_client, spam_folder):
    page = editor_client.get(CHANGELIST, {"status": "spam", "reason": "too_fast"})
    caught = spam_folder["too_fast"]
    assert sorted(rows(page.content.decode())) == sorted(c.pk for c in caught)
    editor_client.post(
        f"{CHANGELIST}?status=spam&reason=too_fast",
        {"action": "mark_not_spam_and_approve", "_selected_action": [c.pk for c in caught]},
    )
    for comment in caught:
        comment.refresh_from_db()
        assert comment.status == Status.APPROVED
    spam_folder["links"].refresh_from_db()
    assert spam_folder["links"].status == Status.SPAM


@pytest.mark.django_db
def test_the_pending_view_filters_by_reason_too_but_all_does_not(editor_client, spam_folder):
    page = editor_client.get(CHANGELIST, {"status": "pending", "reason": "too_fast"})
    assert rows(page.content.decode()) == [spam_folder["held"].pk]
    page = editor_client.get(CHANGELIST).content.decode()
    assert "?reason=" not in page


@pytest.mark.django_db
def test_an_unknown_or_hostile_reason_lists_nothing_and_breaks_nothing(editor_client, spam_folder):
    for value in ("nessuno", "x' OR '1'='1", '"check": "links"'):
        response = editor_client.get(CHANGELIST, {"status": "spam", "reason": value})
        assert response.status_code == 200
        assert rows(response.content.decode()) == []


@pytest.mark.django_db
def test_the_spam_folder_takes_the_same_number_of_queries_for_5_or_55_comments(
    editor_client, post, django_assert_max_num_queries
):
    for _ in range(5):
        make_comment(post=post, status=Status.SPAM, spam_reasons=[reason("links")])
    with django_assert_max_num_queries(14) as captured:
        editor_client.get(CHANGELIST, {"status": "spam", "reason": "links"})
    few = len(captured)
    for n in range(50):
        make_comment(post=post, status=Status.SPAM, spam_reasons=[reason(f"check{n % 7}")])
    with django_assert_max_num_queries(few):
        editor_client.get(CHANGELIST, {"status": "spam", "reason": "links"})


@pytest.mark.django_db
def test_the_database_finds_and_counts_reasons_as_the_stored_lists_read(post):
    rng = random.Random(22)
    checks = ["links", "too_fast", "classifier", "moderation.flagged", "akismet"]
    odd = [[], {"check": "links"}, "links", [{"score": 1}], [{"check": 3}], None]
    for n in range(80):
        if n % 10 == 0:
            reasons = odd[(n // 10) % len(odd)]
        else:
            reasons = [reason(rng.choice(checks)) for _ in range(rng.randrange(4))]
        make_comment(
            post=post,
            status=rng.choice([Status.SPAM, Status.PENDING]),
            spam_reasons=reasons if reasons is not None else [],
        )
    spam = Comment.objects.filter(status=Status.SPAM)
    expected = {}
    for comment in spam:
        for check in checks_of(comment.spam_reasons):
            expected.setdefault(check, set()).add(comment.pk)
    assert spam.count_by_reason() == {check: len(ids) for check, ids in expected.items()}
    for check in [*checks, "nessuno"]:
        found = set(spam.with_reason(check).values_list("pk", flat=True))
        assert found == expected.get(check, set()), check
