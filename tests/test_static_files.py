"""Static files ship precompressed in brotli and gzip; the favicon and web app manifest exist."""

import gzip
import json
from pathlib import Path

import brotli
import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.templatetags.static import static

from tests.conftest import make_post


def test_collectstatic_writes_brotli_and_gzip_copies_of_the_site_files(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed = tmp_path / manifest["css/site.css"]
    original = hashed.read_bytes()
    assert brotli.decompress(hashed.with_name(hashed.name + ".br").read_bytes()) == original
    assert gzip.decompress(hashed.with_name(hashed.name + ".gz").read_bytes()) == original


@pytest.mark.django_db
def test_every_page_links_the_favicon_and_the_manifest(client, author):
    make_post(author=author)
    html = client.get("/").text
    for name in ["icons/favicon.svg", "icons/favicon.ico", "manifest.webmanifest"]:
        assert f'href="{static(name)}"' in html


def test_the_manifest_names_the_site_and_its_icons_exist():
    manifest = json.loads(Path(finders.find("manifest.webmanifest")).read_text())
    assert manifest["name"] and manifest["start_url"] == "/"
    sizes = set()
    for icon in manifest["icons"]:
        assert finders.find(f"icons/{icon['src'].removeprefix('icons/')}"), icon["src"]
        sizes.add(icon["sizes"])
    assert {"192x192", "512x512"} <= sizes


def test_favicon_ico_at_the_root_leads_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == static("icons/favicon.ico")
