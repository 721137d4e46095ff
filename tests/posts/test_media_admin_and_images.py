"""The media library in the admin, and images on the reader pages: cover thumbnails on the
cards, srcset on the article's cover and on library images in the body."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from posts.media import store_image
from posts.models import Media
from tests.conftest import make_post
from tests.posts.test_media_library import jpeg_with_gps, png

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


def test_an_author_uploads_an_image_with_its_alt_text(client, writer):
    client.force_login(writer)
    response = client.post(
        "/admin/posts/media/add/",
        {"file": jpeg_with_gps(), "alt_text": "Il mercato", "caption": "", "title": ""},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    media = Media.objects.get()
    assert media.alt_text == "Il mercato"
    assert media.uploaded_by == writer
    assert len(media.renditions) >= 8


def test_an_upload_without_alt_text_is_refused_and_nothing_stored(client, writer, media_root):
    client.force_login(writer)
    response = client.post(
        "/admin/posts/media/add/", {"file": png(50, 50), "alt_text": "", "caption": "x"}
    )
    assert response.status_code == 200
    assert "alt_text" in response.context["adminform"].form.errors
    assert Media.objects.count() == 0
    assert not any(media_root.rglob("*.png"))


def test_a_file_that_is_not_an_image_gets_a_field_error(client, writer):
    client.force_login(writer)
    response = client.post(
        "/admin/posts/media/add/",
        {"file": SimpleUploadedFile("x.png", b"not an image"), "alt_text": "x"},
    )
    assert response.status_code == 200
    assert "file" in response.context["adminform"].form.errors
    assert Media.objects.count() == 0


def test_the_picker_lists_images_with_their_alt_text(client, writer):
    media = store_image(png(600, 400), alt_text="Grafico delle vendite")
    client.force_login(writer)
    data = client.get("/admin/posts/media/picker/?q=vendite").json()
    assert data["results"][0]["id"] == media.pk
    assert data["results"][0]["alt"] == "Grafico delle vendite"
    assert data["results"][0]["url"] == media.url


def test_cover_thumbnails_appear_on_home_tag_and_archive_cards(client, author, tag):
    cover = store_image(jpeg_with_gps(), alt_text="Copertina")
    post = make_post(author=author, tags=[tag], cover=cover)
    year = post.published_at.year
    for url in ("/", f"/tag/{tag.slug}/", f"/archivio/{year}/"):
        page = client.get(url).content.decode()
        assert 'class="post-card__image"' in page, url
        assert "480w" in page and 'type="image/webp"' in page, url


def test_the_article_cover_and_body_images_get_srcset_width_height_and_lazy_loading(
    client, author
):
    cover = store_image(jpeg_with_gps(), alt_text="Copertina")
    inline = store_image(png(1000, 500), alt_text="Schema nel testo")
    body = f"Testo.\n\n![Lo schema del processo]({inline.url})\n\n![esterna](https://example.com/x.png)"
    post = make_post(author=author, cover=cover, body=body)
    page = client.get(post.get_absolute_url()).content.decode()
    images = re.findall(r"<img [^>]+>", page)
    body_img = next(i for i in images if inline.url in i)
    assert 'alt="Lo schema del processo"' in body_img
    assert 'width="1000" height="500"' in body_img
    assert 'loading="lazy"' in body_img
    assert "480w" in body_img
    cover_img = next(i for i in images if cover.url in i)
    assert 'srcset="' in cover_img and "1600w" in cover_img
    assert '<img alt="esterna" src="https://example.com/x.png">' in page
