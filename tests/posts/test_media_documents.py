"""The media library takes documents, sounds, videos and archives as well as images: their
type is read from their content (never from their name) against MEDIA_LIBRARY_FILE_TYPES,
web pages, SVG drawings, scripts and programs are refused whatever they are called, and
the admin shows a file's kind, name and size where an image has its thumbnail."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from blogsite.appsettings import SettingError
from posts.conf import media_settings
from posts.filetypes import sniff_bytes
from posts.media import store_upload
from posts.models import Media, MediaKind
from tests.posts.test_media_library import png

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\x00" * 200
MP4 = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41" + b"\x00" * 200
M4A = b"\x00\x00\x00\x20ftypM4A \x00\x00\x02\x00M4A isom" + b"\x00" * 200
HTML = b"<!doctype html><script>fetch('/admin/')</script>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 100
EXE = b"MZ\x90\x00\x03" + b"\x00" * 100
SCRIPT = b"#!/bin/sh\nrm -rf /\n"


def zipped(files: dict, first: tuple | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        if first:
            archive.writestr(*first)
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


DOCX = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODT = zipped({"content.xml": "<office/>"}, ("mimetype", "application/vnd.oasis.opendocument.text"))
ZIP = zipped({"leggimi.txt": "ciao", "pagina.html": "<html></html>"})


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (PDF, "x.bin", "pdf"),
        (MP3, "x", "mp3"),
        (b"\xff\xfb\x90\x64" + b"\x00" * 60, "x", "mp3"),  # a bare MPEG frame, no ID3 tag
        (MP4, "x.mov", "mp4"),
        (M4A, "x.mp4", "m4a"),
        (b"OggS\x00\x02" + b"\x00" * 60, "x", "ogg"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 60, "x", "wav"),
        (b"\x1a\x45\xdf\xa3" + b"\x00" * 60, "x", "webm"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 60, "conti.xls", "xls"),
        (DOCX, "x.zip", "docx"),
        (ODT, "x", "odt"),
        (ZIP, "x.docx", "zip"),
        (HTML, "x.pdf", None),
        (SVG, "x.pdf", None),
        (ELF, "x.mp3", None),
        (EXE, "x.pdf", None),
        (SCRIPT, "x.pdf", None),
        (b"PK\x03\x04 not really a zip", "x.docx", None),
        (b"", "x.pdf", None),
    ],
)
def test_a_file_is_known_by_its_content_not_its_name(content, name, expected):
    found = sniff_bytes(content, name)
    assert (found.extension if found else None) == expected


def test_a_pdf_is_stored_as_it_is_under_its_own_extension(writer):
    media = store_upload(
        SimpleUploadedFile("Listino Prezzi.bin", PDF), title="Listino", uploaded_by=writer
    )
    assert media.kind == MediaKind.DOCUMENT and media.size == len(PDF)
    assert media.file.name.endswith(".pdf") and "listino-prezzi-" in media.file.name
    assert media.file.read() == PDF and media.renditions == [] and media.width is None


@pytest.mark.parametrize("content", [HTML, SVG, ELF, EXE, SCRIPT])
def test_what_a_browser_or_a_shell_would_run_is_refused_whatever_its_name(content, media_root):
    with pytest.raises(ValidationError) as refused:
        store_upload(SimpleUploadedFile("documento.pdf", content), title="x")
    assert refused.value.code == "bad_type"
    assert not Media.objects.exists() and not any(p.is_file() for p in media_root.rglob("*"))


def test_only_the_types_the_setting_lists_are_taken(settings):
    settings.MEDIA_LIBRARY_FILE_TYPES = "pdf, docx"
    store_upload(SimpleUploadedFile("a.pdf", PDF))
    store_upload(SimpleUploadedFile("a.docx", DOCX))
    with pytest.raises(ValidationError):
        store_upload(SimpleUploadedFile("a.mp3", MP3))
    assert Media.objects.count() == 2


def test_the_size_cap_holds_for_documents(settings):
    settings.MEDIA_LIBRARY_MAX_BYTES = 100
    with pytest.raises(ValidationError) as refused:
        store_upload(SimpleUploadedFile("a.pdf", PDF + b"0" * 200))
    assert refused.value.code == "too_large"


def test_a_setting_naming_an_unknown_or_dangerous_type_is_an_error(settings):
    settings.MEDIA_LIBRARY_FILE_TYPES = ["pdf", "html"]
    with pytest.raises(SettingError, match="html"):
        _ = media_settings.FILE_TYPES


def test_an_author_uploads_a_pdf_with_no_alternative_text(client, writer):
    client.force_login(writer)
    response = client.post(
        "/admin/posts/media/add/",
        {"file": SimpleUploadedFile("listino.pdf", PDF), "alt_text": "", "title": "Listino"},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    media = Media.objects.get()
    assert (media.kind, media.uploaded_by, media.title) == ("document", writer, "Listino")


def test_a_web_page_named_pdf_gets_a_field_error_in_italian(client, writer, media_root):
    client.force_login(writer)
    response = client.post(
        "/admin/posts/media/add/",
        {"file": SimpleUploadedFile("listino.pdf", HTML), "alt_text": "x"},
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["file"]
    assert "non è accettato" in errors[0] and "SVG" in errors[0]
    assert not Media.objects.exists()


def test_an_image_still_needs_its_alternative_text(client, writer):
    client.force_login(writer)
    response = client.post("/admin/posts/media/add/", {"file": png(40, 40), "alt_text": " "})
    assert response.status_code == 200
    assert "alt_text" in response.context["adminform"].form.errors


def test_the_admin_shows_a_file_by_its_kind_name_and_size_with_a_link(client, writer):
    client.force_login(writer)
    mp3 = store_upload(SimpleUploadedFile("puntata.mp3", MP3), title="Puntata 1")
    store_upload(png(40, 40), alt_text="Uno schema")
    listing = client.get("/admin/posts/media/").content.decode()
    assert f"audio: {mp3.file_name} (210\xa0bytes)" in listing
    assert listing.count('class="media-thumb"') == 1  # only the image has a thumbnail
    only_audio = client.get("/admin/posts/media/?kind__exact=audio").content.decode()
    assert mp3.file_name in only_audio and "media-thumb" not in only_audio
    page = client.get(f"/admin/posts/media/{mp3.pk}/change/").content.decode()
    assert f'<a href="{mp3.url}" download>{mp3.file_name}</a>' in page


def test_the_editor_picker_offers_images_only(client, writer):
    client.force_login(writer)
    store_upload(SimpleUploadedFile("listino.pdf", PDF), title="Listino")
    image = store_upload(png(40, 40), alt_text="Uno schema")
    results = client.get("/admin/posts/media/picker/").json()["results"]
    assert [r["id"] for r in results] == [image.pk]


def test_a_stored_image_s_alternative_text_cannot_be_emptied_a_document_s_page_has_none(
    client, writer
):
    client.force_login(writer)
    image = store_upload(png(40, 40), alt_text="Uno schema", uploaded_by=writer)
    response = client.post(
        f"/admin/posts/media/{image.pk}/change/", {"alt_text": "", "caption": "", "title": ""}
    )
    assert response.status_code == 200
    assert "alt_text" in response.context["adminform"].form.errors
    pdf = store_upload(SimpleUploadedFile("a.pdf", PDF), title="A", uploaded_by=writer)
    response = client.post(
        f"/admin/posts/media/{pdf.pk}/change/", {"caption": "Il listino", "title": "Listino"}
    )
    assert response.status_code == 302
    pdf.refresh_from_db()
    assert (pdf.title, pdf.caption) == ("Listino", "Il listino")
