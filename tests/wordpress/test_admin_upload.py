"""An editor uploads an export in the admin; a background task imports it and reports."""

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from blogsite.roles import EDITORS
from posts.models import Post
from tests.conftest import make_user
from wordpress.models import ImportRun


def test_an_editor_uploads_an_export_and_the_admin_shows_progress_and_report(
    client, db, wxr_file, media_root, django_capture_on_commit_callbacks
):
    editor = make_user(is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    upload = SimpleUploadedFile("blog.xml", wxr_file.read_bytes(), content_type="text/xml")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/wordpress/importrun/add/", {"file": upload, "language": "", "dry_run": ""}
        )
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.DONE
    assert run.items_done == run.items_total > 0
    assert run.report["counts"]["posts"]["created"] == 9
    assert Post.objects.filter(wordpress_id=10).exists()
    page = client.get(f"/admin/wordpress/importrun/{run.pk}/change/").content.decode()
    assert "100%" in page and "Nel cestino" in page


def test_a_broken_upload_fails_with_its_reason_and_imports_nothing(
    admin_client, media_root, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("x.xml", b"<html><body>not an export</body></html>")
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post("/admin/wordpress/importrun/add/", {"file": upload})
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED
    assert "WordPress" in run.report["error"]
    assert not Post.objects.exists()
