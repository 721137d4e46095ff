"""Attachments that are not images (a PDF, a podcast episode, a video) come into the media
library, and the links, players and blocks of the bodies point at them; a file whose
content is a web page or an SVG drawing under a .pdf name is refused and reported, as is
one missing from the uploads folder."""

import io
import zipfile

from django.utils import translation

from posts.models import Media, MediaKind, Post
from wordpress.importer import run_import
from wordpress.report import SKIPPED
from wordpress.uploads import unpack_uploads

from .conftest import FIXTURES, HTML, PDF, SVG, UPLOADS

OLD = "https://archivio.example.org/wp-content/uploads/2019/03/"


def test_a_pdf_an_mp3_and_an_mp4_become_media_of_their_kind(documents):
    assert not documents.error
    by_id = {m.wordpress_id: m for m in Media.objects.all()}
    assert {i: by_id[i].kind for i in (50, 51, 52, 55)} == {
        50: MediaKind.DOCUMENT,
        51: MediaKind.AUDIO,
        52: MediaKind.VIDEO,
        55: MediaKind.IMAGE,
    }
    pdf = by_id[50]
    assert pdf.file.name.endswith(".pdf") and pdf.size == len(PDF)
    assert pdf.file.read() == PDF  # stored as it came: nothing re-encoded
    assert pdf.title == "Listino prezzi" and not pdf.renditions and pdf.width is None
    assert by_id[51].file.name.endswith(".mp3") and by_id[52].file.name.endswith(".mp4")
    photo = by_id[55]
    assert photo.width == 600 and photo.renditions  # images keep everything they had


def test_links_players_and_file_blocks_point_at_the_imported_files(documents, client):
    post = Post.objects.get(wordpress_id=40)
    pdf, mp3, mp4, photo = (Media.objects.get(wordpress_id=i) for i in (50, 51, 52, 55))
    html = post.body_html
    assert f'<a href="{pdf.url}">listino prezzi</a>' in html
    assert html.count(pdf.url) >= 3  # the link and the file block's two links
    assert f'<audio src="{mp3.url}"' in html and f'<a href="{mp3.url}">puntata.mp3</a>' in html
    assert f'<video src="{mp4.url}"' in html
    assert 'controls="controls"' in html and 'preload="none"' in html
    assert photo.url in html or any(r["name"] in html for r in photo.renditions)
    # Only the refused files still point at the old site.
    assert f"{OLD}listino.pdf" not in html and f"{OLD}puntata.mp3" not in html
    assert f"{OLD}volantino.pdf" in html
    page = client.get(post.get_absolute_url())
    assert page.status_code == 200
    assert f'<audio src="{mp3.url}"'.encode() in page.content


def test_a_web_page_or_an_svg_named_pdf_is_refused_and_reported(documents, media_root):
    assert not Media.objects.filter(wordpress_id__in=(53, 54)).exists()
    skipped = {e.wordpress_id: e for e in documents.entries() if e.action == SKIPPED}
    for wordpress_id in (53, 54):
        # The site's language is Italian: so is the report.
        assert "non è accettato" in skipped[wordpress_id].message, skipped[wordpress_id]
        assert "SVG" in skipped[wordpress_id].message
    stored = [p.read_bytes() for p in media_root.rglob("*") if p.is_file()]
    assert HTML not in stored and SVG not in stored


def test_a_missing_file_is_reported_with_the_reason(documents):
    skipped = {e.wordpress_id: e for e in documents.entries() if e.action == SKIPPED}
    assert "non trovato" in skipped[56].message
    assert documents.total("media", "created") == 4


def test_the_refusal_reads_in_english_on_an_english_site(db, documents_dir, media_root, settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        report = run_import(FIXTURES / "documents.xml", media_dir=documents_dir)
    skipped = {e.wordpress_id: e for e in report.entries() if e.action == SKIPPED}
    assert "is not accepted in the media library" in skipped[53].message


def test_a_reimport_changes_nothing(documents, documents_dir):
    again = run_import(FIXTURES / "documents.xml", media_dir=documents_dir)
    assert again.total("media", "created") == 0
    assert again.total("media", "unchanged") == 4
    assert Media.objects.count() == 4


def test_the_admin_zip_unpacks_documents_sounds_and_videos_but_no_scripts(tmp_path):
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for name, content in UPLOADS.items():
            archive.writestr(f"wp-content/uploads/2019/03/{name}", content)
        archive.writestr("wp-content/uploads/2019/03/shell.php", b"<?php system($_GET[1]);")
        archive.writestr("wp-content/uploads/2019/03/pagina.html", HTML)
        archive.writestr("wp-content/uploads/2019/03/disegno.svg", SVG)
        archive.writestr("../../fuori.pdf", PDF)
    packed.seek(0)
    root, refused = unpack_uploads(packed, tmp_path / "unpacked")
    found = sorted(p.name for p in (root / "2019/03").iterdir())
    assert found == sorted(UPLOADS)  # the disguised ones are refused later, by content
    assert refused == ["../../fuori.pdf"]
    assert not (tmp_path / "fuori.pdf").exists()


def test_files_a_body_links_to_or_plays_without_an_attachment_are_brought_in(
    db, documents_dir, media_root, tmp_path
):
    # The author linked a PDF and played a sound uploaded on the blog whose attachments
    # were deleted; a third link names a file the uploads folder does not have.
    body = (
        f'<p>Gli <a href="{OLD}orario.pdf">orari</a> e la sigla:</p>\n\n'
        f'[audio mp3="{OLD}sigla.mp3"][/audio]\n\n'
        f'<p>Il <a href="{OLD}assente.pdf">modulo</a>.</p>\n\n'
    )
    export = tmp_path / "documents.xml"
    export.write_text(
        (FIXTURES / "documents.xml")
        .read_text(encoding="utf-8")
        .replace(
            "<content:encoded><![CDATA[<!-- wp:paragraph -->",
            "<content:encoded><![CDATA[" + body + "<!-- wp:paragraph -->",
            1,
        ),
        encoding="utf-8",
    )
    (documents_dir / "2019/03/orario.pdf").write_bytes(PDF)
    (documents_dir / "2019/03/sigla.mp3").write_bytes(UPLOADS["puntata.mp3"])
    report = run_import(export, media_dir=documents_dir)
    assert not report.error
    orario = Media.objects.get(original_url=f"{OLD}orario.pdf")
    sigla = Media.objects.get(original_url=f"{OLD}sigla.mp3")
    assert (orario.kind, sigla.kind, orario.wordpress_id) == (
        MediaKind.DOCUMENT,
        MediaKind.AUDIO,
        None,
    )
    html = Post.objects.get(wordpress_id=40).body_html
    assert f'<a href="{orario.url}">orari</a>' in html and f'<audio src="{sigla.url}"' in html
    assert f"{OLD}assente.pdf" in html  # nothing to bring: the old address stays
    assert f"{OLD}assente.pdf" in report.missing_media
    imported = {e.title for e in report.entries() if e.kind == "media" and not e.wordpress_id}
    assert {"2019/03/orario.pdf", "2019/03/sigla.mp3"} <= imported
    # A refused attachment the body links to is not tried a second time.
    refused = [e for e in report.entries() if e.action == SKIPPED and e.kind == "media"]
    assert sorted(e.wordpress_id or 0 for e in refused) == [53, 54, 56], refused
    again = run_import(export, media_dir=documents_dir)
    assert again.total("media", "created") == 0 and Media.objects.count() == 6
