"""Two WordPress blogs are never merged into one site by accident: every imported row is
keyed by its WordPress id, which another blog reuses, so a file from another blog is
refused before anything is written, with a message that names both blogs and the way out;
the same blog under a new address comes in with --same-blog (the admin's box), and the
same blog under http or www. is the same blog."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from comments.models import Comment
from posts.models import Post
from wordpress import tasks
from wordpress.importer import run_import
from wordpress.models import ImportedBlog, ImportRun

from .conftest import FIXTURES

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def another_blog(tmp_path, old="https://vecchio.example.com", new="https://altro.example.net"):
    """The fixture blog as another blog would export it: the same WordPress ids (WordPress
    counts from 1 on every blog), another address, other titles."""
    path = tmp_path / "altro.xml"
    text = (FIXTURES / "blog.xml").read_text(encoding="utf-8")
    path.write_text(text.replace(old, new).replace("Primo articolo", "Un altro blog"), "utf-8")
    return path


@pytest.fixture
def first_blog(db, media_root):
    report = run_import(FIXTURES / "blog.xml")
    assert not report.error
    return {p.wordpress_id: p.title for p in Post.objects.all()}


def snapshot():
    return (
        sorted(Post.objects.values_list("wordpress_id", "title", "slug")),
        sorted(Comment.objects.values_list("wordpress_id", "body")),
    )


def test_a_file_from_another_blog_is_refused_and_changes_nothing(first_blog, tmp_path):
    before = snapshot()
    report = run_import(another_blog(tmp_path))
    assert "vecchio.example.com" in report.error and "altro.example.net" in report.error
    assert "--same-blog" in report.error
    assert snapshot() == before
    assert list(ImportedBlog.objects.values_list("address", flat=True)) == ["vecchio.example.com"]


def test_the_refusal_reads_in_italian_and_the_command_exits_with_it(first_blog, tmp_path):
    with pytest.raises(CommandError, match="un altro blog"):
        call_command("import_wordpress", str(another_blog(tmp_path)), verbosity=0)
    assert sorted(first_blog.values()) == sorted(Post.objects.values_list("title", flat=True))


def test_a_dry_run_of_another_blog_is_refused_too(first_blog, tmp_path):
    report = run_import(another_blog(tmp_path), dry_run=True)
    assert "altro.example.net" in report.error


def test_the_same_blog_under_http_or_www_is_the_same_blog(first_blog, tmp_path):
    count = Post.objects.count()
    for address in ("http://vecchio.example.com", "https://www.vecchio.example.com"):
        report = run_import(another_blog(tmp_path, new=address))
        assert not report.error, address
        assert report.total("posts", "created") == 0
        assert Post.objects.count() == count
        assert Post.objects.filter(title="Un altro blog").exists()  # updated in place
    assert ImportedBlog.objects.count() == 1


def test_the_same_blog_under_a_new_address_comes_in_with_same_blog(first_blog, tmp_path):
    count = Post.objects.count()
    report = run_import(another_blog(tmp_path), options={"same_blog": True})
    assert not report.error
    assert Post.objects.count() == count  # the same articles, updated: no copies
    assert Post.objects.filter(title="Un altro blog").exists()
    assert sorted(ImportedBlog.objects.values_list("address", flat=True)) == [
        "altro.example.net",
        "vecchio.example.com",
    ]
    # Both addresses are now this blog's: neither is refused any more.
    assert not run_import(another_blog(tmp_path)).error
    assert not run_import(FIXTURES / "blog.xml").error


def test_a_new_site_takes_any_blog_and_a_subfolder_is_another_blog(db, tmp_path, media_root):
    assert not run_import(another_blog(tmp_path)).error
    report = run_import(another_blog(tmp_path, new="https://altro.example.net/blog"))
    assert "altro.example.net/blog" in report.error


def test_the_admin_upload_fails_with_the_reason_unless_told_it_is_the_same_blog(
    first_blog,
    tmp_path,
    admin_client,
    private_root,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.TASKS = DUMMY_TASKS
    data = another_blog(tmp_path).read_bytes()
    for same_blog, status in ((False, ImportRun.Status.FAILED), (True, ImportRun.Status.DONE)):
        fields = {"file": SimpleUploadedFile("altro.xml", data, content_type="text/xml")}
        if same_blog:
            fields["same_blog"] = "on"
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post("/admin/wordpress/importrun/add/", fields)
        assert response.status_code == 302
        run = ImportRun.objects.latest("pk")
        assert run.same_blog is same_blog
        tasks.run_upload(run.pk)
        run.refresh_from_db()
        assert run.status == status, run.report.get("error")
        if not same_blog:
            assert "altro.example.net" in run.report["error"]
            assert not Post.objects.filter(title="Un altro blog").exists()
    assert Post.objects.filter(title="Un altro blog").exists()
