"""Each file of the media library has a page of its own (where an old blog's attachment
page leads): an image with its srcset, a sound or a video with the browser's player and a
label, every file with a link to download it and its size, in the reader's language."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from posts.media import store_upload
from tests.posts.test_media_documents import MP3, MP4, PDF
from tests.posts.test_media_library import png

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


def test_a_document_s_page_offers_it_for_download_with_its_size(client):
    pdf = store_upload(SimpleUploadedFile("listino.pdf", PDF), title="Listino prezzi")
    assert pdf.get_absolute_url() == f"/file/{pdf.pk}/"
    page = client.get(pdf.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "<h1>Listino prezzi</h1>" in html
    assert f'<a href="{pdf.url}" download>' in html
    assert f"Scarica {pdf.file_name} ({len(PDF)}\xa0bytes)" in html
    assert "<audio" not in html and "<video" not in html


def test_a_sound_and_a_video_play_in_the_page_with_a_label(client):
    mp3 = store_upload(SimpleUploadedFile("puntata.mp3", MP3), title="Puntata 1")
    mp4 = store_upload(SimpleUploadedFile("gita.mp4", MP4), title="La gita")
    audio = client.get(mp3.get_absolute_url()).content.decode()
    assert f'<audio controls preload="metadata" src="{mp3.url}" aria-label="Puntata 1">' in audio
    video = client.get(mp4.get_absolute_url()).content.decode()
    assert f'<video controls preload="metadata" src="{mp4.url}" aria-label="La gita">' in video


def test_an_image_s_page_shows_it_with_its_renditions(client):
    image = store_upload(png(1000, 500), alt_text="Uno schema", caption="Il flusso")
    html = client.get(image.get_absolute_url()).content.decode()
    assert 'alt="Uno schema"' in html and "srcset=" in html
    assert "<figcaption>Il flusso</figcaption>" in html


def test_the_page_reads_in_english_at_its_english_address(client):
    pdf = store_upload(SimpleUploadedFile("listino.pdf", PDF), title="Price list")
    html = client.get(f"/en/files/{pdf.pk}/").content.decode()
    assert f"Download {pdf.file_name} ({len(PDF)}\xa0bytes)" in html


def test_a_file_nobody_has_is_a_404(client):
    assert client.get("/file/999999/").status_code == 404
