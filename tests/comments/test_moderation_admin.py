"""The moderation queue in the admin: listing, counts, bulk actions, reply, permissions.

The admin is not under i18n_patterns, so it speaks the site's default language, Italian.
"""

import re

import pytest
from django.contrib.auth.models import Permission

from comments.models import Comment, ModerationTerm
from tests.comments.moderation_factories import make_comment, make_group_member
from tests.conftest import make_user

Status = Comment.Status
CHANGELIST = "/admin/comments/comment/"


@pytest.fixture
def queue(post):
    """Two pending, one approved, one spam and one trashed comment."""
    return {
        "pending": [
            make_comment(post=post, status=Status.PENDING, body="In attesa uno"),
            make_comment(post=post, status=Status.PENDING, body="In attesa due"),
        ],
        "approved": make_comment(post=post, status=Status.APPROVED, body="Già approvato"),
        "spam": make_comment(
            post=post,
            status=Status.SPAM,
            body="Pillole a buon mercato",
            spam_score=0.97,
            spam_reasons=[
                {"check": "links", "score": 0.6, "message": "Too many links (5)"},
                {"check": "words", "score": 0.4, "message": "Blocked word: pillole"},
            ],
        ),
        "trash": make_comment(post=post, status=Status.TRASH, body="Nel cestino"),
    }


def _rows(page):
    """The comment ids of the changelist rows, in order."""
    return [int(pk) for pk in re.findall(r'name="_selected_action" value="(\d+)"', page)]


def _bulk(client, action, comments, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return client.post(
        f"{CHANGELIST}?{query}" if query else CHANGELIST,
        {"action": action, "_selected_action": [c.pk for c in comments], "index": 0},
        follow=True,
    )


@pytest.mark.django_db
def test_the_queue_lists_pending_comments_first_and_all_means_pending_and_approved(
    editor_client, post, queue
):
    late = make_comment(post=post, status=Status.APPROVED, body="Il più recente")
    page = editor_client.get(CHANGELIST).content.decode()
    rows = _rows(page)
    pending_ids = {c.pk for c in queue["pending"]}
    assert set(rows[:2]) == pending_ids
    assert late.pk in rows[2:]
    assert len(rows) == 4
    assert queue["spam"].pk not in rows and queue["trash"].pk not in rows


@pytest.mark.django_db
def test_the_queue_shows_the_columns_a_moderator_needs(editor_client, queue):
    page = editor_client.get(CHANGELIST + "?status=spam").content.decode()
    assert "Pillole a buon mercato" in page
    assert queue["spam"].author_name in page
    assert queue["spam"].author_email in page  # the admin is not a public page
    assert "0,97" in page  # localized
    assert "<li>Too many links (5)</li><li>Blocked word: pillole</li>" in page  # in full
    assert "sortable column-spam_score_mark" in page
    assert _rows(page) == [queue["spam"].pk]


@pytest.mark.django_db
def test_the_queue_shows_counts_per_status(editor_client, queue):
    page = editor_client.get(CHANGELIST).content.decode()
    count = '<span class="count" data-status-count="{}">({})</span>'
    assert re.search(r'href="\?status=pending">In attesa <span class="count"', page)
    assert re.search(r'href="\?"[^>]*>Tutti <span class="count" data-status-count="all">', page)
    # Once in the counts above the list, once in the status filter in the sidebar.
    assert page.count("In attesa " + count.format("pending", 2)) == 2
    assert page.count("Approvato " + count.format("approved", 1)) == 2
    assert page.count("Tutti " + count.format("all", 3)) == 2
    assert page.count("Spam " + count.format("spam", 1)) == 2
    assert page.count("Cestino " + count.format("trash", 1)) == 2


@pytest.mark.django_db
def test_the_queue_is_searchable_by_name_email_body_and_ip(editor_client, post, queue):
    other = make_comment(
        post=post,
        author_name="Zeno",
        author_email="zeno@elsewhere.test",
        body="Domanda sulle spedizioni",
        ip_address="198.51.100.9",
    )
    for term in ("Zeno", "elsewhere.test", "spedizioni", "198.51.100.9"):
        page = editor_client.get(CHANGELIST, {"q": term}).content.decode()
        assert _rows(page) == [other.pk], term


@pytest.mark.django_db
def test_the_queue_filters_by_article(editor_client, post, queue):
    from tests.conftest import make_post

    other_post = make_post()
    other = make_comment(post=other_post)
    page = editor_client.get(CHANGELIST, {"post__id__exact": other_post.pk}).content.decode()
    assert _rows(page) == [other.pk]


@pytest.mark.django_db
def test_the_admin_index_shows_how_many_comments_await_moderation(editor_client, queue):
    page = editor_client.get("/admin/").content.decode()
    assert "Commenti in attesa di moderazione: 2" in page
    assert f'href="{CHANGELIST}?status=pending"' in page


@pytest.mark.django_db
def test_the_admin_index_hides_the_count_from_staff_who_cannot_moderate(client, queue):
    author = make_group_member("Authors")
    client.force_login(author)
    page = client.get("/admin/").content.decode()
    assert "in attesa di moderazione" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "selected", "expected"),
    [
        ("approve", "pending", Status.APPROVED),
        ("mark_spam", "pending", Status.SPAM),
        ("move_to_trash", "pending", Status.TRASH),
        ("mark_not_spam", "spam", Status.PENDING),
        ("restore", "trash", Status.PENDING),
        ("mark_not_spam_and_approve", "spam", Status.APPROVED),
    ],
)
def test_each_bulk_action_moves_the_selected_comments(
    editor_client, queue, action, selected, expected
):
    comments = queue[selected] if isinstance(queue[selected], list) else [queue[selected]]
    # Spam and trash have their own views, where their actions are used.
    view = {"status": selected} if selected in ("spam", "trash") else {}
    response = _bulk(editor_client, action, comments, **view)
    assert response.status_code == 200
    for comment in comments:
        comment.refresh_from_db()
        assert comment.status == expected
    assert "spostat" in response.content.decode()
    queue["approved"].refresh_from_db()
    assert queue["approved"].status == Status.APPROVED  # not selected, not touched


@pytest.mark.django_db
def test_not_spam_and_restore_leave_comments_they_do_not_apply_to(editor_client, queue):
    response = _bulk(editor_client, "restore", [queue["approved"], queue["trash"]], status="trash")
    queue["trash"].refresh_from_db()
    assert queue["trash"].status == Status.PENDING
    response = _bulk(editor_client, "mark_not_spam", [queue["approved"], queue["pending"][0]])
    queue["approved"].refresh_from_db()
    queue["pending"][0].refresh_from_db()
    assert queue["approved"].status == Status.APPROVED
    assert queue["pending"][0].status == Status.PENDING
    assert "2 commenti lasciati" in response.content.decode()


@pytest.mark.django_db
def test_changing_the_status_on_the_change_form_moderates_the_comment(
    editor_client, queue, django_capture_on_commit_callbacks
):
    from comments.signals import comment_moderated

    heard = []
    comment_moderated.connect(
        lambda sender, comment, old_status, **kw: heard.append((old_status, comment.status)),
        weak=False,
        dispatch_uid="test-change-form",
    )
    comment = queue["pending"][0]
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(
                f"{CHANGELIST}{comment.pk}/change/",
                {
                    "status": Status.APPROVED,
                    "body": comment.body,
                    "author_name": comment.author_name,
                    "author_email": comment.author_email,
                    "author_url": "",
                    "notify_replies": "",
                },
            )
    finally:
        comment_moderated.disconnect(dispatch_uid="test-change-form")
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED
    assert heard == [(Status.PENDING, Status.APPROVED)]


@pytest.mark.django_db
def test_the_change_page_shows_the_spam_reasons_read_only(editor_client, queue):
    page = editor_client.get(f"{CHANGELIST}{queue['spam'].pk}/change/").content.decode()
    assert "<li>Too many links (5) <small>(links, 0.6)</small></li>" in page
    assert 'name="spam_reasons"' not in page
    assert f'href="{CHANGELIST}{queue["spam"].pk}/reply/"' in page


@pytest.mark.django_db
def test_a_moderator_replies_from_the_admin_as_themselves(editor_client, editor, queue):
    parent = queue["approved"]
    form = editor_client.get(
        f"{CHANGELIST}{parent.pk}/reply/", {"_changelist_filters": "status=approved"}
    )
    assert form.status_code == 200
    page = form.content.decode()
    assert parent.body in page
    assert 'name="_changelist_filters" value="status=approved"' in page
    assert f'href="{CHANGELIST}?status=approved" class="closelink"' in page
    response = editor_client.post(
        f"{CHANGELIST}{parent.pk}/reply/",
        {"body": "Grazie!", "_changelist_filters": "status=approved"},
    )
    reply = Comment.objects.get(parent=parent)
    assert response.status_code == 302
    # Back to the view of the queue the moderator came from, not to the reply's page.
    assert response["Location"] == f"{CHANGELIST}?status=approved"
    assert reply.status == Status.APPROVED
    assert reply.user == editor
    assert reply.body == "Grazie!"


@pytest.mark.django_db
def test_an_empty_reply_is_refused_with_a_message(editor_client, queue):
    parent = queue["approved"]
    response = editor_client.post(f"{CHANGELIST}{parent.pk}/reply/", {"body": ""})
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not Comment.objects.filter(parent=parent).exists()


@pytest.mark.django_db
def test_comments_cannot_be_added_from_the_admin(editor_client):
    assert editor_client.get(f"{CHANGELIST}add/").status_code == 403


@pytest.mark.django_db
def test_a_member_of_the_authors_group_cannot_moderate(client, queue):
    author = make_group_member("Authors")
    client.force_login(author)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(f"{CHANGELIST}{queue['approved'].pk}/reply/").status_code == 403
    response = client.post(
        CHANGELIST, {"action": "approve", "_selected_action": [queue["pending"][0].pk]}
    )
    assert response.status_code == 403
    queue["pending"][0].refresh_from_db()
    assert queue["pending"][0].status == Status.PENDING


@pytest.mark.django_db
def test_a_reader_without_staff_status_is_sent_to_the_admin_login(client, queue):
    client.force_login(make_user())
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_a_staff_member_with_only_view_permission_sees_the_queue_but_has_no_actions(client, queue):
    viewer = make_user(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_comment"))
    client.force_login(viewer)
    page = client.get(CHANGELIST).content.decode()
    assert queue["pending"][0].body in page
    assert 'value="approve"' not in page


@pytest.mark.django_db
def test_editors_manage_the_moderation_word_lists(editor_client):
    response = editor_client.post(
        "/admin/comments/moderationterm/add/",
        {"list": "blocked", "kind": "word", "value": "casinò", "note": "spam ricorrente"},
    )
    assert response.status_code == 302
    assert ModerationTerm.objects.filter(list="blocked", kind="word", value="casinò").exists()
    page = editor_client.get("/admin/comments/moderationterm/", {"list__exact": "blocked"})
    assert "casinò" in page.content.decode()


@pytest.mark.django_db
def test_the_queue_takes_the_same_number_of_queries_for_10_or_60_comments(
    editor_client, post, django_assert_max_num_queries
):
    for _ in range(10):
        make_comment(post=post)
    with django_assert_max_num_queries(12) as captured:
        editor_client.get(CHANGELIST)
    few = len(captured)
    for _ in range(50):
        make_comment(post=post, status=Status.APPROVED)
    with django_assert_max_num_queries(few) as captured:
        page = editor_client.get(CHANGELIST).content.decode()
    assert len(_rows(page)) == 50  # one page
    assert len(captured) == few


@pytest.mark.django_db
def test_each_row_links_to_the_reply_page(editor_client, queue):
    page = editor_client.get(CHANGELIST).content.decode()
    assert f'href="{CHANGELIST}{queue["approved"].pk}/reply/"' in page
