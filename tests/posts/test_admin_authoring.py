"""The admin is the authoring UI: authors work on their own articles, editors on all."""

from datetime import timedelta

import pytest
from django.utils import timezone

from comments.models import Comment
from posts.models import Post
from tests.conftest import make_post
from tests.posts.conftest import staff_in

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/posts/post/"


@pytest.fixture
def other_writer():
    return staff_in("Authors", username="scrittore")


@pytest.fixture
def own_and_other(writer, other_writer, tag):
    own = make_post(author=writer, tags=[tag], title="Mio articolo")
    other = make_post(author=other_writer, title="Articolo altrui")
    return own, other


def test_an_author_sees_only_their_own_posts(client, writer, own_and_other):
    own, other = own_and_other
    client.force_login(writer)
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [own]
    assert client.get(f"{CHANGELIST}{other.pk}/change/").status_code in (302, 404)


def test_an_author_cannot_change_someone_elses_post(client, writer, own_and_other):
    _own, other = own_and_other
    client.force_login(writer)
    client.post(f"{CHANGELIST}{other.pk}/change/", {"title": "Rubato"})
    other.refresh_from_db()
    assert other.title == "Articolo altrui"


def test_an_editor_sees_and_edits_every_post(client, editor, own_and_other):
    client.force_login(editor)
    response = client.get(CHANGELIST)
    assert set(response.context["cl"].result_list) == set(own_and_other)
    for post in own_and_other:
        assert client.get(f"{CHANGELIST}{post.pk}/change/").status_code == 200


def post_form(**overrides):
    data = {
        "title": "Nuovo articolo",
        "slug": "nuovo-articolo",
        "lead": "Sommario",
        "body": "Testo",
        "status": Post.Status.DRAFT,
        "published_at_0": "",
        "published_at_1": "",
        "language": "it",
        "cover": "",
        "comments_open": "on",
        "comments_close_after_days": "",
    }
    data.update(overrides)
    return data


def test_a_new_post_by_an_author_is_always_theirs(client, writer, other_writer):
    client.force_login(writer)
    form = client.get(f"{CHANGELIST}add/").context["adminform"].form
    assert "author" not in form.fields
    response = client.post(f"{CHANGELIST}add/", post_form(author=other_writer.pk))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Post.objects.get(slug="nuovo-articolo").author == writer


def test_an_editor_chooses_the_author(client, editor, writer):
    client.force_login(editor)
    response = client.post(f"{CHANGELIST}add/", post_form(author=writer.pk))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Post.objects.get(slug="nuovo-articolo").author == writer


def test_publishing_with_a_future_date_schedules_the_post(client, writer):
    client.force_login(writer)
    when = timezone.localtime() + timedelta(days=2)
    client.post(
        f"{CHANGELIST}add/",
        post_form(
            status=Post.Status.PUBLISHED,
            published_at_0=when.strftime("%d/%m/%Y"),
            published_at_1=when.strftime("%H:%M:%S"),
        ),
    )
    post = Post.objects.get(slug="nuovo-articolo")
    assert post.status == Post.Status.SCHEDULED
    assert post.effective_status == Post.Status.SCHEDULED
    assert post not in Post.objects.published()


def test_the_list_shows_effective_status_counts_and_a_preview_link(
    client, editor, own_and_other, draft_post
):
    own, _other = own_and_other
    Comment.objects.create(
        post=own,
        author_name="A",
        author_email="a@example.com",
        body="Ciao",
        status=Comment.Status.APPROVED,
        submitted_at=timezone.now(),
    )
    client.force_login(editor)
    response = client.get(CHANGELIST, {"o": "-6"})  # sorted by comment count, descending
    rows = list(response.context["cl"].result_list)
    assert rows[0] == own
    assert rows[0].comment_count == 1
    assert f'href="{draft_post.get_preview_url()}"' in response.text
    assert "Bozza" in response.text
    assert "Pubblicato" in response.text


@pytest.mark.parametrize(
    ("status", "expected"),
    [("draft", "draft"), ("scheduled", "scheduled"), ("published", "published")],
)
def test_the_status_filter_follows_the_clock(
    client, editor, post, draft_post, scheduled_post, status, expected
):
    client.force_login(editor)
    rows = client.get(CHANGELIST, {"effective_status": status}).context["cl"].result_list
    wanted = {"draft": draft_post, "scheduled": scheduled_post, "published": post}[expected]
    assert list(rows) == [wanted]


def test_the_list_filters_and_search_answer(client, editor, own_and_other, tag):
    own, _other = own_and_other
    client.force_login(editor)
    assert list(client.get(CHANGELIST, {"tags__id__exact": tag.pk}).context["cl"].result_list) == [
        own
    ]
    assert list(client.get(CHANGELIST, {"q": "altrui"}).context["cl"].result_list) == [
        own_and_other[1]
    ]


def test_view_on_site_opens_the_preview_for_a_draft(client, editor, draft_post, post):
    client.force_login(editor)
    draft_page = client.get(f"{CHANGELIST}{draft_post.pk}/change/").text
    assert draft_post.get_preview_url() in draft_page
    public_page = client.get(f"{CHANGELIST}{post.pk}/change/").text
    assert f'href="{post.get_absolute_url()}"' in public_page


def test_the_tag_admin_counts_articles(client, editor, post, draft_post, tag):
    draft_post.tags.add(tag)
    client.force_login(editor)
    response = client.get("/admin/posts/tag/")
    row = next(t for t in response.context["cl"].result_list if t == tag)
    assert row.post_count == 2
    assert row.published_count == 1
