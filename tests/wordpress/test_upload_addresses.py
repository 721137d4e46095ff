"""An uploaded file's own old address (/wp-content/uploads/2019/03/foto.jpg, its resized
copies foto-300x200.jpg and foto-scaled.jpg, a PDF's and its preview images) answers 301
with the imported file; a file that was not brought in, or never existed, stays a 404; and
an export then import into an empty site keeps those addresses answering."""

import shutil
from io import StringIO

from django.contrib.redirects.models import Redirect
from django.core.management import call_command

from posts.models import Media, Post
from tests.wordpress.test_import_media import wordpress_com_media
from wordpress.importer import run_import
from wordpress.models import ImportedBlog

from .conftest import FIXTURES

UPLOADS = "/wp-content/uploads/2019/03/"


def answers(client, path):
    response = client.get(path)
    return response.status_code, response.get("Location")


def test_an_image_and_its_resized_copies_answer_with_the_imported_file(documents, client):
    photo = Media.objects.get(wordpress_id=55)
    for name in ("foto.jpg", "foto-300x200.jpg", "foto-1024x683.jpg", "foto-scaled.jpg"):
        assert answers(client, UPLOADS + name) == (301, photo.url), name


def test_a_document_a_sound_and_a_video_answer_at_their_old_addresses(documents, client):
    for wordpress_id, name in ((50, "listino.pdf"), (51, "puntata.mp3"), (52, "gita.mp4")):
        media = Media.objects.get(wordpress_id=wordpress_id)
        assert answers(client, UPLOADS + name) == (301, media.url), name


def test_a_pdf_s_preview_images_lead_to_the_pdf(documents, client):
    pdf = Media.objects.get(wordpress_id=50)
    for name in ("listino-pdf.jpg", "listino-pdf-212x300.jpg", "listino-pdf-791x1024.jpg"):
        assert answers(client, UPLOADS + name) == (301, pdf.url), name
    for name in ("regolamento-pdf.jpg", "listino-pdf.png", "listino-pdf-212x300.jpeg"):
        assert client.get(UPLOADS + name).status_code == 404, name


def test_what_was_not_brought_in_or_never_existed_stays_a_404(documents, client):
    for name in (
        "volantino.pdf",  # a web page under a .pdf name: refused
        "regolamento.pdf",  # missing from the uploads folder
        "nessuno.jpg",
        "nessuno-300x200.jpg",
        "listino-300x200.txt",
    ):
        assert client.get(UPLOADS + name).status_code == 404, name


def test_the_file_itself_answers_at_its_new_address(documents, client, settings):
    pdf = Media.objects.get(wordpress_id=50)
    assert pdf.url.startswith(settings.MEDIA_URL) and pdf.file.read().startswith(b"%PDF-")


def test_wordpress_com_file_addresses_are_not_ours_to_answer(db, tmp_path, media_root):
    report = run_import(FIXTURES / "wordpress_com.xml", media_dir=wordpress_com_media(tmp_path))
    assert not report.error and Media.objects.count() == 2
    assert not Redirect.objects.filter(old_path__contains="/2019/05/vetrina").exists()


def test_export_then_import_into_an_empty_site_keeps_the_file_addresses(
    documents, client, tmp_path, media_root
):
    out = StringIO()
    call_command("export_wordpress", stdout=out)
    exported = tmp_path / "site.xml"
    exported.write_text(out.getvalue(), encoding="utf-8")
    assert "_blogsite_old_address" in out.getvalue()
    assert f"{UPLOADS}listino.pdf" in out.getvalue()
    uploads = tmp_path / "our-media"
    shutil.copytree(media_root, uploads)

    Media.objects.all().delete()
    Redirect.objects.all().delete()
    ImportedBlog.objects.all().delete()  # an empty site has imported no blog
    report = run_import(exported, media_dir=uploads)
    assert not report.error
    assert report.total("media", "created") == 4
    by_title = {m.title: m for m in Media.objects.all()}
    assert by_title["Listino prezzi"].kind == "document"
    assert answers(client, UPLOADS + "listino.pdf") == (301, by_title["Listino prezzi"].url)
    assert answers(client, UPLOADS + "foto-300x200.jpg") == (301, by_title["La piazza"].url)
    assert answers(client, UPLOADS + "gita.mp4") == (301, by_title["La gita"].url)
    episode = by_title["Puntata 1"]  # of no article: its old page leads to its page here
    assert answers(client, "/?attachment_id=51") == (301, episode.get_absolute_url())
    assert answers(client, "/2019/03/10/materiali/puntata/") == (
        301,
        episode.get_absolute_url(),
    )


def test_an_attachment_page_leads_to_its_article_or_to_the_file_s_own_page(documents, client):
    post_url = Post.objects.get(wordpress_id=40).get_absolute_url()
    assert answers(client, "/?attachment_id=50") == (301, post_url)  # the PDF's article
    episode = Media.objects.get(wordpress_id=51)  # a podcast episode of no article
    assert answers(client, "/?attachment_id=51") == (301, episode.get_absolute_url())
    assert answers(client, "/2019/03/10/materiali/puntata/") == (301, episode.get_absolute_url())
    page = client.get(episode.get_absolute_url()).content.decode()
    assert (
        f'<audio controls preload="metadata" src="{episode.url}" aria-label="Puntata 1">' in page
    )
