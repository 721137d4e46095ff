"""Leaving is as easy as arriving: export the site, import the file into an empty site, and
the same posts, pages, terms and comments (threads and statuses) come back."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from comments.models import Comment
from posts.models import Category, Media, Page, Post, Tag
from wordpress.importer import run_import
from wordpress.models import ImportedBlog


def snapshot():
    comments = Comment.objects.exclude(status=Comment.Status.SPAM)  # WordPress exports no spam
    return {
        "posts": sorted(Post.objects.values_list("title", "slug", "status", "language", "sticky")),
        "pages": sorted(Page.objects.values_list("title", "path", "status")),
        "tags": sorted(Tag.objects.values_list("name", "slug")),
        "categories": sorted(Category.objects.values_list("name", "slug", "parent__slug")),
        "comments": sorted(
            comments.values_list(
                "post__title", "author_name", "body", "status", "kind", "parent__body"
            )
        ),
        "post_terms": sorted(Post.objects.values_list("title", "tags__slug")),
    }


def empty_the_site():
    Comment.objects.all().delete()
    Post.objects.all().delete()
    for page in Page.objects.order_by("-path"):  # children before their parents
        page.delete()
    Tag.objects.all().delete()
    Category.objects.all().delete()
    Media.objects.all().delete()
    get_user_model().objects.all().delete()
    ImportedBlog.objects.all().delete()  # a new site has imported no blog


def test_export_then_import_into_an_empty_site_gives_the_same_content(imported, tmp_path):
    before = snapshot()
    assert before["posts"] and before["comments"] and before["pages"]
    out = StringIO()
    call_command("export_wordpress", stdout=out)
    exported = tmp_path / "site.xml"
    exported.write_text(out.getvalue(), encoding="utf-8")

    empty_the_site()
    assert not Post.objects.exists()
    report = run_import(exported)
    assert report.error in (None, "")
    assert snapshot() == before
