"""Images go into the media library through posts.media.store_image: checked, stripped of
metadata, stored with their srcset renditions through Django's storage API."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from posts.media import store_image
from posts.models import Media

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


def jpeg_with_gps(width=2000, height=1000, name="foto.jpg"):
    image = Image.new("RGB", (width, height), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x8825] = {2: (45.0, 4.0, 0.0), 1: "N"}  # GPS IFD: latitude
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def png(width, height, name="schema.png"):
    out = io.BytesIO()
    Image.new("RGBA", (width, height), (0, 0, 255, 128)).save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def test_an_image_is_stored_with_its_size_alt_text_and_renditions(reader):
    media = store_image(jpeg_with_gps(), alt_text="Un banco del mercato", uploaded_by=reader)
    assert Media.objects.get() == media
    assert (media.width, media.height) == (2000, 1000)
    assert media.alt_text == "Un banco del mercato"
    assert media.uploaded_by == reader
    widths = {(r["format"], r["width"]) for r in media.renditions}
    assert {("jpeg", 480), ("jpeg", 800), ("jpeg", 1200), ("jpeg", 1600)} <= widths
    assert {("webp", 480), ("webp", 800), ("webp", 1600), ("webp", 2000)} <= widths
    for rendition in media.renditions:
        assert default_storage.exists(rendition["name"])
        with default_storage.open(rendition["name"]) as f, Image.open(f) as img:
            assert img.size == (rendition["width"], rendition["height"])
            assert img.format.lower() == rendition["format"]


def test_exif_and_gps_are_stripped_from_the_original_and_the_renditions():
    media = store_image(jpeg_with_gps(), alt_text="Foto")
    for name in [media.file.name] + [r["name"] for r in media.renditions]:
        with default_storage.open(name) as f, Image.open(f) as img:
            assert not img.getexif(), name
            assert "exif" not in img.info, name
        with default_storage.open(name) as f:
            assert b"CameraMaker" not in f.read()


def test_no_rendition_is_wider_than_the_original():
    media = store_image(png(600, 300), alt_text="Uno schema")
    assert max(r["width"] for r in media.renditions) == 600
    assert {(r["format"], r["width"]) for r in media.renditions} == {
        ("png", 480),
        ("webp", 480),
        ("webp", 600),
    }


def test_the_alt_text_is_required_and_nothing_is_stored_without_it(media_root):
    with pytest.raises(ValidationError) as error:
        store_image(png(100, 100), alt_text="  ")
    assert "alt_text" in error.value.message_dict
    assert Media.objects.count() == 0
    assert not any(media_root.rglob("*.png"))


def test_a_file_that_is_not_an_image_gets_a_clear_message():
    fake = SimpleUploadedFile("virus.jpg", b"MZ\x90\x00 not an image", content_type="image/jpeg")
    with pytest.raises(ValidationError, match="non è un'immagine|not an image"):
        store_image(fake, alt_text="x")
    assert Media.objects.count() == 0


def test_an_image_format_outside_the_list_is_refused():
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="BMP")
    with pytest.raises(ValidationError) as error:
        store_image(SimpleUploadedFile("a.bmp", out.getvalue()), alt_text="x")
    assert error.value.code == "bad_format"


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.MEDIA_LIBRARY_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as error:
        store_image(jpeg_with_gps(), alt_text="x")
    assert error.value.code == "too_large"


def test_an_image_over_the_pixel_limit_is_refused(settings):
    settings.MEDIA_LIBRARY_MAX_SIDE = 1000
    with pytest.raises(ValidationError) as error:
        store_image(png(1200, 10), alt_text="x")
    assert error.value.code == "too_many_pixels"
    assert Media.objects.count() == 0


def test_an_image_over_the_pixel_count_says_so_even_far_past_pillows_own_limit(settings):
    # Sides within MAX_SIDE, pixels four times MAX_PIXELS (Pillow's own check, past twice
    # its limit, would have called it "not an image").
    settings.MEDIA_LIBRARY_MAX_PIXELS = 1_000_000
    with pytest.raises(ValidationError) as error:
        store_image(png(2000, 2000), alt_text="x")
    assert error.value.code == "too_many_pixels"
    assert error.value.messages == [
        "Questa immagine è di 2000 × 2000 pixel, 4.000.000 in tutto; il limite è "
        "1.000.000 pixel in tutto."
    ]
