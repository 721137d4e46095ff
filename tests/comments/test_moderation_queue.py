"""The queue's one-click row actions, replies as the signed-in moderator, and counts that
equal what readers see."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from comments.models import Comment
from posts.models import display_name
from tests.comments.moderation_factories import make_comment, make_editor
from tests.conftest import make_user

Status = Comment.Status
CHANGELIST = "/admin/comments/comment/"


@pytest.fixture
def editor(db):
    return make_editor(username="editor", email="editor@example.com", first_name="Elena")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def row_buttons(page, comment):
    """The (status value, label) of the buttons in a comment's row."""
    block = re.search(
        rf'<div class="queue-actions" data-comment="{comment.pk}">(.*?)</div>', page, re.S
    ).group(1)
    return re.findall(r'name="status" value="(\w+)"[^>]*>([^<]+)</button>', block)


@pytest.mark.django_db
def test_every_row_has_one_click_approve_spam_trash_and_reply(editor_client, post):
    held = make_comment(post=post)
    page = editor_client.get(CHANGELIST).content.decode()
    assert row_buttons(page, held) == [
        ("approved", "Approva"),
        ("spam", "Spam"),
        ("trash", "Cestino"),
    ]
    assert f'href="{CHANGELIST}{held.pk}/reply/">Approva e rispondi</a>' in page
    # The buttons submit one form outside the changelist's (forms cannot nest).
    assert f'formaction="{CHANGELIST}{held.pk}/moderate/"' in page
    assert re.search(
        r'<form id="row-action-form" method="post" hidden>\s*<input type="hidden" '
        r'name="csrfmiddlewaretoken"',
        page,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("status", [Status.APPROVED, Status.SPAM, Status.TRASH])
def test_a_row_button_moves_the_comment_and_returns_to_the_same_view(editor_client, post, status):
    held = make_comment(post=post)
    response = editor_client.post(
        f"{CHANGELIST}{held.pk}/moderate/",
        {"status": status, "_changelist_filters": "status=pending"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{CHANGELIST}?status=pending"
    held.refresh_from_db()
    assert held.status == status


@pytest.mark.django_db
def test_not_spam_approves_in_one_step_from_the_spam_view(editor_client, post):
    spam = make_comment(post=post, status=Status.SPAM)
    page = editor_client.get(CHANGELIST, {"status": "spam"}).content.decode()
    assert ("approved", "Non è spam: approva") in row_buttons(page, spam)
    editor_client.post(f"{CHANGELIST}{spam.pk}/moderate/", {"status": "approved"})
    spam.refresh_from_db()
    assert spam.status == Status.APPROVED


@pytest.mark.django_db
def test_a_row_button_refuses_get_a_move_that_does_not_apply_and_a_missing_csrf_token(
    editor, post
):
    approved = make_comment(post=post, status=Status.APPROVED)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = f"{CHANGELIST}{approved.pk}/moderate/"
    assert client.get(url).status_code == 405
    assert client.post(url, {"status": "trash"}).status_code == 403  # no CSRF token
    approved.refresh_from_db()
    assert approved.status == Status.APPROVED

    plain = Client()
    plain.force_login(editor)
    response = plain.post(url, {"status": "approved"}, follow=True)
    assert "Questa azione non si applica." in response.content.decode()


@pytest.mark.django_db
def test_staff_who_may_only_view_get_no_row_buttons_and_cannot_post_them(client, post):
    held = make_comment(post=post)
    viewer = make_user(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_comment"))
    client.force_login(viewer)
    page = client.get(CHANGELIST).content.decode()
    assert "queue-actions" not in page
    assert (
        client.post(f"{CHANGELIST}{held.pk}/moderate/", {"status": "approved"}).status_code == 403
    )
    held.refresh_from_db()
    assert held.status == Status.PENDING


@pytest.mark.django_db
def test_a_likely_spam_row_is_marked_and_rows_sort_by_spam_score_on_request(
    editor_client, post, settings
):
    settings.SPAM_THRESHOLD = 0.85
    low = make_comment(post=post, spam_score=0.1)
    high = make_comment(post=post, spam_score=0.95)
    middle = make_comment(post=post, spam_score=0.6)
    page = editor_client.get(CHANGELIST).content.decode()
    assert page.count('class="likely-spam"') == 1
    assert "0,95 ⚠ probabile spam" in page
    query = re.search(r'<a href="\?([^"]*)">Prima i più probabili spam</a>', page).group(1)
    page = editor_client.get(f"{CHANGELIST}?{query.replace('&amp;', '&')}").content.decode()
    rows = [int(pk) for pk in re.findall(r'name="_selected_action" value="(\d+)"', page)]
    assert rows == [high.pk, middle.pk, low.pk]


@pytest.mark.django_db
def test_reasons_are_shown_in_full(editor_client, post):
    long_reason = "Il filtro ha trovato " + "molte parole sospette " * 12 + "fine."
    make_comment(post=post, spam_reasons=[{"check": "x", "score": 0.5, "message": long_reason}])
    page = editor_client.get(CHANGELIST).content.decode()
    assert f"<li>{long_reason}</li>" in page


# --- Replies as the signed-in moderator -----------------------------------------------------


@pytest.mark.django_db
def test_replying_to_a_held_comment_approves_it_and_publishes_the_reply(
    editor_client, editor, post, client
):
    held = make_comment(post=post, body="Come si fa il reso?")
    form = editor_client.get(f"{CHANGELIST}{held.pk}/reply/").content.decode()
    assert 'value="Approva e rispondi"' in form
    response = editor_client.post(
        f"{CHANGELIST}{held.pk}/reply/", {"body": "Dal sito."}, follow=True
    )
    assert "Il commento è approvato e la tua risposta è pubblicata." in response.content.decode()
    held.refresh_from_db()
    reply = Comment.objects.get(parent=held)
    assert held.status == Status.APPROVED
    assert reply.author_name == display_name(editor)
    assert reply.user == editor

    reader = Client()
    html = reader.get(post.get_absolute_url()).content.decode()
    assert "Dal sito." in html and "Come si fa il reso?" in html
    assert '<h2 id="comments-title">2 commenti</h2>' in html
    byline = html[html.index(f'id="comment-{reply.pk}-by"') :][:800]
    assert f"<bdi>{display_name(editor)}</bdi>" in byline
    assert "comment-badge--staff" in byline  # staff, not the article's author


@pytest.mark.django_db
def test_the_article_author_replying_gets_the_author_badge(client, post, author):
    author.is_staff = True
    author.save()
    author.user_permissions.add(Permission.objects.get(codename="change_comment"))
    parent = make_comment(post=post, status=Status.APPROVED)
    client.force_login(author)
    client.post(f"{CHANGELIST}{parent.pk}/reply/", {"body": "Grazie da chi l'ha scritto."})
    reply = Comment.objects.get(parent=parent)
    html = Client().get(post.get_absolute_url()).content.decode()
    byline = html[html.index(f'id="comment-{reply.pk}-by"') :][:800]
    assert '<span class="comment-badge">Autore</span>' in byline
    assert "comment-badge--staff" not in byline


@pytest.mark.django_db
def test_a_reply_under_a_spam_comment_says_readers_cannot_see_it(editor_client, post):
    spam = make_comment(post=post, status=Status.SPAM)
    response = editor_client.post(f"{CHANGELIST}{spam.pk}/reply/", {"body": "Eh?"}, follow=True)
    page = response.content.decode()
    assert "i lettori non la vedono" in page
    assert "è pubblicata" not in page


# --- Counts equal what readers see ----------------------------------------------------------


@pytest.mark.django_db
def test_an_approved_reply_under_a_hidden_comment_is_not_counted(client, post):
    """The "5 comments, 4 shown" bug: an approved reply whose parent is held, spam or trash
    was counted by every count and shown by none."""
    shown = [make_comment(post=post, status=Status.APPROVED) for _ in range(3)]
    held = make_comment(post=post, status=Status.PENDING)
    make_comment(post=post, parent=shown[0], status=Status.APPROVED)
    make_comment(post=post, parent=held, status=Status.APPROVED)  # parent invisible
    html = client.get(post.get_absolute_url()).content.decode()
    assert '<h2 id="comments-title">4 commenti</h2>' in html
    assert html.count('class="comment-body"') == 4
    assert Comment.objects.for_post(post).visible().count() == 4

    # The article list's count, registered with posts.listing, is the same rule.
    [annotated] = type(post).objects.filter(pk=post.pk).with_counts()
    assert annotated.comment_count == 4


@pytest.mark.django_db
def test_a_reply_two_levels_under_a_trashed_comment_is_not_counted(post):
    top = make_comment(post=post, status=Status.APPROVED)
    middle = make_comment(post=post, parent=top, status=Status.APPROVED)
    make_comment(post=post, parent=middle, status=Status.APPROVED)
    assert Comment.objects.visible().count() == 3
    top.status = Status.TRASH
    top.save()
    assert Comment.objects.visible().count() == 0


# --- Moderators edit a comment's text, name and website -------------------------------------


@pytest.mark.django_db
def test_a_moderator_edits_the_text_author_name_and_website(editor_client, post):
    comment = make_comment(post=post, status=Status.APPROVED, body="Testo con refuso")
    page = editor_client.get(f"{CHANGELIST}{comment.pk}/change/").content.decode()
    for field in ("body", "author_name", "author_url"):
        assert f'name="{field}"' in page
    response = editor_client.post(
        f"{CHANGELIST}{comment.pk}/change/",
        {
            "status": "approved",
            "body": "Testo corretto, con https://example.com",
            "author_name": "Nome corretto",
            "author_email": comment.author_email,
            "author_url": "example.org",
            "notify_replies": "",
        },
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Testo corretto, con https://example.com"
    assert 'href="https://example.com"' in comment.body_html
    assert comment.author_name == "Nome corretto"
    assert comment.author_url == "https://example.org"
