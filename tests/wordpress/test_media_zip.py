"""The admin's media zip (a copy of wp-content/uploads) is read safely: no entry lands
outside its folder, and a zip bomb or an oversized zip is refused whole, with the reason."""

import io
import stat
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from posts.models import Media, Post
from wordpress import tasks
from wordpress.models import ImportEntry, ImportRun
from wordpress.uploads import unpack_uploads

from .conftest import FIXTURES

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def jpeg(size=(60, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "maroon").save(out, format="JPEG")
    return out.getvalue()


def png(size=(30, 18)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, format="PNG")
    return out.getvalue()


def archive(*entries, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of (name, bytes) entries, as a media export from WordPress.com gives them."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as zipped:
        for name, data in entries:
            if isinstance(data, zipfile.ZipInfo):
                zipped.writestr(data, name)
            else:
                zipped.writestr(name, data)
    return out.getvalue()


def import_with_zip(client, capture, data: bytes):
    with capture(execute=True):
        client.post(
            "/admin/wordpress/importrun/add/",
            {
                "file": SimpleUploadedFile(
                    "clienticontenti.wordpress.2019-06-01.xml",
                    (FIXTURES / "wordpress_com.xml").read_bytes(),
                ),
                "media_file": SimpleUploadedFile("media.zip", data),
            },
        )
    run = ImportRun.objects.get()
    tasks.run_upload(run.pk)
    run.refresh_from_db()
    return run


@pytest.fixture
def upload_zip(
    editor_client, media_root, private_root, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS
    return lambda data: import_with_zip(editor_client, django_capture_on_commit_callbacks, data)


def test_a_wordpress_com_export_with_its_media_zip_brings_the_images(upload_zip, tmp_path):
    run = upload_zip(
        archive(
            ("clienticontenti/2019/05/vetrina.jpg", jpeg((900, 600))),
            ("clienticontenti/2019/05/cassa.png", png()),
            ("../../escape.jpg", jpeg()),
            ("/tmp/wpmedia-absolute.jpg", jpeg()),
            ("clienticontenti/2019/05/../../../../up.jpg", jpeg()),
        )
    )
    assert run.status == ImportRun.Status.DONE
    assert set(Media.objects.values_list("wordpress_id", flat=True)) == {21, 22}
    assert Post.objects.get(wordpress_id=12).cover.wordpress_id == 21
    refused = set(
        ImportEntry.objects.filter(run=run, kind="media", action="skipped").values_list(
            "title", flat=True
        )
    )
    assert refused == {
        "../../escape.jpg",
        "/tmp/wpmedia-absolute.jpg",
        "clienticontenti/2019/05/../../../../up.jpg",
    }
    assert not (tmp_path / "escape.jpg").exists()


def test_a_zip_bomb_is_refused_whole_and_the_run_says_why(upload_zip):
    run = upload_zip(
        archive(
            ("2019/05/vetrina.jpg", jpeg()),
            ("2019/05/cassa.png", b"\0" * (5 * 1024 * 1024)),  # unpacks 5,000 times its size
        )
    )
    assert run.status == ImportRun.Status.FAILED
    assert "WORDPRESS_ZIP_MAX_RATIO" in run.report["error"] and "cassa.png" in run.report["error"]
    assert not Post.objects.exists() and not Media.objects.exists()


def test_a_zip_larger_than_the_cap_unpacked_is_refused(upload_zip, settings):
    settings.WORDPRESS_ZIP_MAX_BYTES = 100
    run = upload_zip(archive(("2019/05/vetrina.jpg", jpeg((900, 600)))))
    assert run.status == ImportRun.Status.FAILED
    assert "WORDPRESS_ZIP_MAX_BYTES" in run.report["error"]


def test_a_zip_of_too_many_files_is_refused(upload_zip, settings):
    settings.WORDPRESS_ZIP_MAX_FILES = 2
    run = upload_zip(archive(*((f"2019/05/{n}.jpg", jpeg()) for n in range(3))))
    assert run.status == ImportRun.Status.FAILED
    assert "WORDPRESS_ZIP_MAX_FILES" in run.report["error"]


def test_a_media_file_that_is_no_zip_fails_the_run_with_the_reason(upload_zip):
    run = upload_zip(b"this is not a zip")
    assert run.status == ImportRun.Status.FAILED
    assert "zip" in run.report["error"]


def test_links_scripts_and_resized_copies_are_not_unpacked(tmp_path):
    link = zipfile.ZipInfo("wp-content/uploads/2019/05/link.jpg")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    data = archive(
        ("wp-content/uploads/2019/05/vetrina.jpg", jpeg()),
        ("wp-content/uploads/2019/05/vetrina-300x200.jpg", jpeg()),
        ("wp-content/uploads/2019/05/shell.php", b"<?php system($_GET['c']);"),
        ("/etc/passwd", link),
    )
    folder = tmp_path / "unpacked"
    folder.mkdir()
    root, refused = unpack_uploads(io.BytesIO(data), folder)
    assert root == folder.resolve() / "wp-content/uploads"
    assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == ["vetrina.jpg"]
    assert refused == ["wp-content/uploads/2019/05/link.jpg"]
