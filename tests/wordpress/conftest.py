"""A WordPress export written from export.php's format, and an uploads folder beside it."""

import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from PIL import Image

from blogsite.roles import EDITORS
from tests.conftest import make_user
from wordpress.importer import run_import

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def wxr_file():
    return FIXTURES / "blog.xml"


@pytest.fixture
def media_dir(tmp_path):
    """A copy of wp-content/uploads with the files the export names (one is missing)."""
    uploads = tmp_path / "uploads"
    for relative, size, colour in (
        ("2020/03/grafico.jpg", (600, 400), "navy"),
        ("2020/03/grafico-300x200.jpg", (300, 200), "navy"),
        ("2020/04/squadra.png", (200, 120), "teal"),
    ):
        path = uploads / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", size, colour).save(path)
    return uploads


@pytest.fixture
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def imported(db, wxr_file, media_dir, media_root):
    """The report of importing the fixture blog, with its media folder."""
    return run_import(wxr_file, media_dir=media_dir)


@pytest.fixture
def private_root(tmp_path, settings):
    """Uploads go to STORAGES["private"], here a folder of the test's own."""
    root = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root, "base_url": None},
        },
    }
    return root


@pytest.fixture
def editor_client(client, db):
    editor = make_user(is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    return client


# The files of the documents fixture (documents.xml): a PDF, an MP3, an MP4, a photo, and
# a web page and an SVG drawing under .pdf names.
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + b"\x00" * 400
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 400
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"></svg>'


def jpeg(size=(600, 400)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "olive").save(out, format="JPEG")
    return out.getvalue()


UPLOADS = {
    "listino.pdf": PDF,
    "puntata.mp3": MP3,
    "gita.mp4": MP4,
    "volantino.pdf": HTML,
    "mappa.pdf": SVG,
    "foto.jpg": jpeg(),
    # regolamento.pdf is missing
}


@pytest.fixture
def documents_dir(tmp_path):
    folder = tmp_path / "uploads"
    (folder / "2019/03").mkdir(parents=True)
    for name, content in UPLOADS.items():
        (folder / "2019/03" / name).write_bytes(content)
    return folder


@pytest.fixture
def documents(db, documents_dir, media_root):
    """The report of importing the documents fixture with its uploads folder."""
    return run_import(FIXTURES / "documents.xml", media_dir=documents_dir)
