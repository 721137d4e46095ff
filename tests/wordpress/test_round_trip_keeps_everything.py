"""Export, then import into an empty site: the same articles, pages, comments (threads and
statuses, pages' comments too), terms with their hierarchy, authors (those with nothing
published too), media, languages with their translation links, and the same old addresses
answering."""

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.redirects.models import Redirect
from django.core.management import call_command

from blogsite.roles import AUTHORS
from comments.models import Comment
from posts.models import Category, Media, Page, Post, Tag, display_name
from tests.conftest import make_user
from wordpress.importer import run_import
from wordpress.models import ImportedBlog, PageComment

FIXTURES = Path(__file__).parent / "fixtures"


def groups(model) -> set:
    """The translation groups of a model, each as the set of its rows' titles or names."""
    by_key = {}
    label = "title" if model in (Post, Page) else "name"
    for key, value in model.objects.exclude(translation_key=None).values_list(
        "translation_key", label
    ):
        by_key.setdefault(key, set()).add(value)
    return {frozenset(values) for values in by_key.values()}


def snapshot() -> dict:
    comments = Comment.objects.exclude(status=Comment.Status.SPAM)  # WordPress exports no spam
    users = get_user_model().objects.filter(is_staff=True) | get_user_model().objects.filter(
        groups__name=AUTHORS
    )
    return {
        "posts": sorted(
            Post.objects.values_list(
                "wordpress_id",
                "title",
                "slug",
                "status",
                "language",
                "sticky",
                "published_at",
                "author__username",
                "comments_open",
            )
        ),
        "post_terms": sorted(Post.objects.values_list("title", "tags__slug", "categories__slug")),
        "post_translations": groups(Post),
        "pages": sorted(
            Page.objects.values_list("title", "path", "status", "language", "parent__path")
        ),
        "page_translations": groups(Page),
        "tags": sorted(Tag.objects.values_list("name", "slug", "language")),
        "categories": sorted(
            Category.objects.values_list("name", "slug", "language", "parent__slug")
        ),
        "term_translations": groups(Category) | groups(Tag),
        "comments": sorted(
            comments.values_list(
                "wordpress_id",
                "post__title",
                "author_name",
                "body",
                "status",
                "kind",
                "parent__wordpress_id",
                "depth",
            )
        ),
        "page_comments": sorted(
            PageComment.objects.exclude(status="spam").values_list(
                "wordpress_id",
                "page__title",
                "author_name",
                "body",
                "status",
                "parent_wordpress_id",
            )
        ),
        "authors": sorted((user.username, display_name(user)) for user in users.distinct()),
        "media": sorted(Media.objects.values_list("wordpress_id", "title", "alt_text", "caption")),
    }


def empty_the_site():
    Comment.objects.all().delete()
    Post.objects.all().delete()
    for page in Page.objects.order_by("-path"):  # children before their parents
        page.delete()
    Tag.objects.all().delete()
    Category.objects.all().delete()
    Media.objects.all().delete()
    Redirect.objects.all().delete()
    get_user_model().objects.all().delete()
    ImportedBlog.objects.all().delete()  # a new site has imported no blog


@pytest.fixture
def full_site(db, media_dir, media_root):
    # Three fixture blogs in one site: their WordPress ids do not collide, so the import
    # is told to take them as one blog (else the second is refused: tests/wordpress/
    # test_two_blogs.py).
    one_blog = {"same_blog": True}
    for name, kwargs in (
        ("blog.xml", {"media_dir": media_dir}),
        ("polylang.xml", {"options": one_blog}),
        ("addresses.xml", {"options": one_blog}),
    ):
        assert not run_import(FIXTURES / name, **kwargs).error
    quiet = make_user(username="quiet-author")  # an author with nothing published yet
    quiet.groups.add(Group.objects.get_or_create(name=AUTHORS)[0])


def test_export_then_import_into_an_empty_site_keeps_everything(
    full_site, client, tmp_path, media_root
):
    before = snapshot()
    assert before["post_translations"] and before["page_comments"] and before["media"]
    assert ("quiet-author", "quiet-author") in before["authors"]
    old_paths = dict(Redirect.objects.values_list("old_path", "new_path"))
    answers = {path: client.get(path)["Location"] for path in old_paths if "?" not in path}
    query_answers = {
        old: client.get(old)["Location"]
        for old in ("/?p=10", "/?page_id=21", "/?attachment_id=30", "/?cat=4", "/?author=1")
    }

    out = StringIO()
    call_command("export_wordpress", stdout=out)
    exported = tmp_path / "site.xml"
    exported.write_text(out.getvalue(), encoding="utf-8")
    uploads = tmp_path / "old-media"
    shutil.copytree(media_root, uploads)

    empty_the_site()
    assert not Post.objects.exists() and not Redirect.objects.exists()
    report = run_import(exported, media_dir=uploads)
    assert not report.error

    after = snapshot()
    for part, value in before.items():
        assert after[part] == value, part
    # Every old address answers as it did, to the same place (a file's old address to the
    # same file, stored again with a new suffix: grafico-1a2b.jpg -> grafico-1a2b-3c4d.jpg).
    for path, target in answers.items():
        response = client.get(path)
        assert response.status_code == 301, path
        if target.startswith("/media/"):
            stem, ext = target.rsplit(".", 1)
            assert re.fullmatch(re.escape(stem) + r"-[0-9a-f]{8}\." + ext, response["Location"])
        else:
            assert response["Location"] == target, path
    for old, target in query_answers.items():
        assert client.get(old)["Location"] == target, old
