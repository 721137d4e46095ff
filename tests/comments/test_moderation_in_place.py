"""The queue's script asks for JSON: a row's button or a quick reply answers with the row's
new cells, whether it stays in its view, the counts and the message, and nothing is left
for the next page. The admin's menu shows the pending count."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from comments.models import Comment
from tests.comments.moderation_factories import make_comment
from tests.conftest import make_user

Status = Comment.Status
CHANGELIST = "/admin/comments/comment/"
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.mark.django_db
def test_a_row_button_answers_the_script_with_the_row_the_counts_and_the_message(
    editor_client, post
):
    held = make_comment(post=post, author_name="Gianna")
    make_comment(post=post)
    response = editor_client.post(
        f"{CHANGELIST}{held.pk}/moderate/",
        {"status": "approved", "_changelist_filters": ""},
        **JSON,
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["message"] == "Commento di Gianna spostato in Approvato."
    assert answer["level"] == "success"
    assert (answer["comment"], answer["status"]) == (held.pk, "approved")
    assert answer["in_view"] is True  # "All" lists approved comments too
    assert answer["counts"] == {"pending": 1, "approved": 1, "spam": 0, "trash": 0, "all": 2}
    assert answer["cells"]["spam_score_mark"].startswith("Approvato")
    buttons = re.findall(r'value="(\w+)"[^>]*>([^<]+)</button>', answer["cells"]["row_actions"])
    assert buttons == [("pending", "Revoca approvazione"), ("spam", "Spam"), ("trash", "Cestino")]
    held.refresh_from_db()
    assert held.status == Status.APPROVED
    # Said once, in place: the next page shows no leftover message.
    assert "spostato in" not in editor_client.get(CHANGELIST).content.decode()


@pytest.mark.django_db
def test_a_comment_that_leaves_the_view_is_said_to_leave_it(editor_client, post):
    held = make_comment(post=post)
    answer = editor_client.post(
        f"{CHANGELIST}{held.pk}/moderate/",
        {"status": "approved", "_changelist_filters": "status=pending&q=grazie"},
        **JSON,
    ).json()
    assert answer["in_view"] is False


@pytest.mark.django_db
def test_a_move_that_does_not_apply_is_refused_with_a_message(editor_client, post):
    spam = make_comment(post=post, status=Status.SPAM)
    response = editor_client.post(f"{CHANGELIST}{spam.pk}/moderate/", {"status": "spam"}, **JSON)
    assert response.status_code == 409
    assert response.json()["message"] == "Questa azione non si applica."
    assert response.json()["level"] == "error"
    spam.refresh_from_db()
    assert spam.status == Status.SPAM


@pytest.mark.django_db
def test_the_script_needs_the_csrf_token_and_the_change_permission(editor, post):
    held = make_comment(post=post)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    url = f"{CHANGELIST}{held.pk}/moderate/"
    assert strict.post(url, {"status": "approved"}, **JSON).status_code == 403

    viewer = make_user(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_comment"))
    client = Client()
    client.force_login(viewer)
    assert client.post(url, {"status": "approved"}, **JSON).status_code == 403
    assert client.post(f"{CHANGELIST}{held.pk}/reply/", {"body": "x"}, **JSON).status_code == 403
    held.refresh_from_db()
    assert held.status == Status.PENDING
    assert not Comment.objects.filter(parent=held).exists()


@pytest.mark.django_db
def test_a_quick_reply_approves_the_held_comment_and_stays_in_the_queue(
    editor_client, editor, post
):
    held = make_comment(post=post, body="Come si fa il reso?")
    response = editor_client.post(
        f"{CHANGELIST}{held.pk}/reply/",
        {"body": "Dal sito, in due clic.", "_changelist_filters": "status=pending"},
        **JSON,
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["message"] == "Il commento è approvato e la tua risposta è pubblicata."
    assert answer["in_view"] is False  # approved: no longer in the pending view
    assert answer["counts"]["pending"] == 0
    assert answer["counts"]["approved"] == 2
    reply = Comment.objects.get(parent=held)
    assert (reply.body, reply.user, reply.status) == (
        "Dal sito, in due clic.",
        editor,
        Status.APPROVED,
    )


@pytest.mark.django_db
def test_an_empty_quick_reply_is_refused_with_a_message_and_saves_nothing(editor_client, post):
    held = make_comment(post=post)
    response = editor_client.post(f"{CHANGELIST}{held.pk}/reply/", {"body": "  "}, **JSON)
    assert response.status_code == 400
    assert response.json()["message"] == "Questo campo è obbligatorio."
    held.refresh_from_db()
    assert held.status == Status.PENDING
    assert not Comment.objects.filter(parent=held).exists()


@pytest.mark.django_db
def test_without_the_script_a_reply_returns_to_the_queue_view_it_came_from(editor_client, post):
    held = make_comment(post=post)
    page = editor_client.get(CHANGELIST, {"status": "pending"}).content.decode()
    link = f'href="{CHANGELIST}{held.pk}/reply/?_changelist_filters=status%3Dpending"'
    assert link in page
    response = editor_client.post(
        f"{CHANGELIST}{held.pk}/reply/",
        {"body": "Grazie!", "_changelist_filters": "status=pending"},
        follow=True,
    )
    assert response.redirect_chain == [(f"{CHANGELIST}?status=pending", 302)]
    assert "Il commento è approvato e la tua risposta è pubblicata." in response.content.decode()


@pytest.mark.django_db
def test_the_queue_page_carries_the_quick_reply_form_and_the_counts_the_script_updates(
    editor_client, post
):
    make_comment(post=post)
    page = editor_client.get(CHANGELIST).content.decode()
    assert '<form id="quick-reply-form" method="post" hidden>' in page
    assert 'textarea id="quick-reply-body" name="body" form="quick-reply-form"' in page
    assert '<div id="queue-messages" role="status">' in page
    assert 'data-status-count="pending">(1)</span>' in page


@pytest.mark.django_db
def test_the_admin_menu_shows_the_pending_count_to_moderators_only(editor_client, client, post):
    make_comment(post=post)
    make_comment(post=post)
    make_comment(post=post, status=Status.APPROVED)
    page = editor_client.get("/admin/").content.decode()
    entry = re.search(r'<a href="/admin/comments/comment/">Commenti(.*?)</a>', page).group(1)
    assert 'class="moderation-badge" data-status-count="pending"' in entry
    assert entry.endswith(">(2)</span>")
    assert "2 commenti attendono la moderazione" in entry

    viewer = make_user(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_comment"))
    client.force_login(viewer)
    assert "moderation-badge" not in client.get("/admin/").content.decode()
