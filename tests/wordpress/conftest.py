"""A WordPress export written from export.php's format, and an uploads folder beside it."""

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
