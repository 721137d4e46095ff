"""Running an import twice changes nothing; a dry run writes nothing; a newer export updates."""

from django.contrib.redirects.models import Redirect

from comments.models import Comment
from posts.models import Category, Media, Page, Post, Tag
from wordpress.importer import run_import

MODELS = (Post, Page, Tag, Category, Media, Comment, Redirect)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_running_the_import_twice_leaves_every_count_unchanged(imported, wxr_file, media_dir):
    before = counts()
    again = run_import(wxr_file, media_dir=media_dir)
    assert counts() == before
    for kind, row in again.counts.items():
        assert row["created"] == 0, kind
        assert row["updated"] == 0, kind
    assert again.total("posts", "unchanged") == imported.total("posts", "created")
    assert again.total("comments", "unchanged") == imported.total("comments", "created")


def test_a_dry_run_reports_what_it_would_do_and_writes_nothing(
    db, wxr_file, media_dir, media_root
):
    report = run_import(wxr_file, media_dir=media_dir, dry_run=True)
    assert report.dry_run
    assert report.total("posts", "created") == 9
    assert all(count == 0 for count in counts().values())
    assert report.total("media", "created") == 2
    assert not media_root.exists() or not any(media_root.rglob("*.*"))  # no file copied


def test_a_newer_export_updates_what_changed_without_duplicating(
    imported, wxr_file, media_dir, tmp_path
):
    newer = tmp_path / "newer.xml"
    newer.write_text(
        wxr_file.read_text(encoding="utf-8")
        .replace("<title>Primo articolo</title>", "<title>Primo articolo, rivisto</title>")
        .replace(
            "<wp:comment_approved><![CDATA[0]]></wp:comment_approved>",
            "<wp:comment_approved><![CDATA[1]]></wp:comment_approved>",
        ),
        encoding="utf-8",
    )
    before = counts()
    report = run_import(newer, media_dir=media_dir)
    assert counts() == before
    assert Post.objects.get(wordpress_id=10).title == "Primo articolo, rivisto"
    assert Comment.objects.get(wordpress_id=111).status == Comment.Status.APPROVED
    assert report.total("posts", "updated") == 1
    assert report.total("comments", "updated") == 1
