"""The media library's one write path: validate an uploaded file, strip an image's metadata,
store it (an image with its renditions) through Django's storage API.

The admin's upload and the WordPress import call `store_upload`, which reads what the file
is (posts.filetypes) and stores an image with `store_image`, any other accepted type with
`store_file`. Files go
to `default_storage` (the local filesystem by default, S3-compatible storage when STORAGES
says so), so every app server sees the same library.
"""

import io
import posixpath
import uuid

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from blogsite.slugs import ascii_slug
from posts import filetypes
from posts.conf import media_settings
from posts.models import Media, MediaKind

# Pillow format -> (file extension, content kept as the original's format).
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
RENDITION_FORMATS = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp", "GIF": "png"}


def _check_size(uploaded_file) -> None:
    limit = media_settings.MAX_BYTES
    if uploaded_file.size is not None and uploaded_file.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(uploaded_file.size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def file_type(uploaded_file) -> filetypes.FileType:
    """What the uploaded file is, read from its content; ValidationError when it is too large
    or of a type the library does not take (MEDIA_LIBRARY_FILE_TYPES), saying which."""
    _check_size(uploaded_file)
    uploaded_file.seek(0)
    head = uploaded_file.read(filetypes.HEAD_BYTES)
    found = filetypes.sniff(head, uploaded_file.name or "", uploaded_file)
    uploaded_file.seek(0)
    if found is not None and found.kind == filetypes.IMAGE:
        return found
    if found is None or found.extension not in media_settings.FILE_TYPES:
        accepted = ", ".join(sorted(media_settings.FILE_TYPES | {"jpg", "png", "webp", "gif"}))
        raise ValidationError(
            _(
                "This type of file is not accepted in the media library (its content is not "
                "one of: %(types)s). Web pages, SVG drawings, scripts and programs never are."
            )
            % {"types": accepted},
            code="bad_type",
        )
    return found


def accepts(head: bytes, name: str = "") -> bool:
    """Whether a file starting with `head` may be one the library takes (its type is read
    again, whole, when it is stored: a zip may turn out to be an Office document)."""
    found = filetypes.sniff(head[: filetypes.HEAD_BYTES], name)
    if found is None:
        return False
    if found.extension == "zip":
        zipped = {"zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"}
        return bool(zipped & media_settings.FILE_TYPES)
    return found.kind == filetypes.IMAGE or found.extension in media_settings.FILE_TYPES


def open_image(uploaded_file) -> Image.Image:
    """Return the uploaded file as a loaded Pillow image, or raise ValidationError saying
    what is wrong with it (size, type, pixels) in the author's terms."""
    _check_size(uploaded_file)
    uploaded_file.seek(0)
    try:
        # Pillow's own bomb check is off while the header is read: _check_dimensions()
        # refuses too many pixels before anything is decoded, saying which limit it is
        # (Pillow's error, past twice its limit, read as "not an image").
        with _pixel_limit(None):
            image = Image.open(uploaded_file)
            image_format = image.format
            _check_dimensions(image)
            image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError):
        raise ValidationError(
            _("This file is not an image we can read (JPEG, PNG, WebP or GIF)."),
            code="not_an_image",
        ) from None
    if image_format not in FORMATS:
        raise ValidationError(
            _("Images in %(format)s are not accepted: use JPEG, PNG, WebP or GIF.")
            % {"format": image_format},
            code="bad_format",
        )
    image.format_name = image_format
    return image


class _pixel_limit:  # noqa: N801 (used as a context manager)
    def __init__(self, pixels):
        self.pixels = pixels

    def __enter__(self):
        self.saved = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = self.pixels

    def __exit__(self, *exc):
        Image.MAX_IMAGE_PIXELS = self.saved


def _check_dimensions(image):
    width, height = image.size
    if max(width, height) > media_settings.MAX_SIDE:
        raise ValidationError(
            _("This image is %(width)d × %(height)d pixels; the limit is %(side)d pixels a side.")
            % {"width": width, "height": height, "side": media_settings.MAX_SIDE},
            code="too_many_pixels",
        )
    if width * height > media_settings.MAX_PIXELS:
        raise ValidationError(
            _(
                "This image is %(width)d × %(height)d pixels, %(pixels)s in all; the limit is "
                "%(limit)s pixels in all."
            )
            % {
                "width": width,
                "height": height,
                "pixels": intcomma(width * height),
                "limit": intcomma(media_settings.MAX_PIXELS),
            },
            code="too_many_pixels",
        )


def _encode(image: Image.Image, image_format: str) -> bytes:
    """Encode image without any metadata (no EXIF, GPS, XMP or ICC comments carried over)."""
    out = io.BytesIO()
    options = {}
    if image_format in ("JPEG", "WEBP"):
        options["quality"] = media_settings.QUALITY
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    if image_format == "GIF" and image.mode not in ("P", "L"):
        image = image.convert("P")
    # A fresh image holds only pixels: nothing of the uploaded file's info (EXIF, GPS, XMP)
    # can be written back by an encoder that reads it.
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    if image.mode == "P":
        clean.putpalette(image.getpalette())
    clean.save(out, format=image_format, **options)
    return out.getvalue()


def _stem(uploaded_file, alt_text: str) -> str:
    name = posixpath.splitext(posixpath.basename(uploaded_file.name or ""))[0]
    return (ascii_slug(name) or ascii_slug(alt_text) or "image")[:60]


@transaction.atomic
def store_image(
    uploaded_file,
    *,
    alt_text: str,
    caption: str = "",
    title: str = "",
    uploaded_by=None,
    original_url: str = "",
    wordpress_id: int | None = None,
    allow_missing_alt: bool = False,
) -> Media:
    """Validate, strip and store an image with its renditions; return the saved Media.

    Raises ValidationError (nothing stored) when the file or the alt text is unacceptable.
    Only an import may pass allow_missing_alt (the old site had none; its report asks for
    one): a person uploading always describes the image.
    """
    if not allow_missing_alt and not (alt_text or "").strip():
        raise ValidationError({"alt_text": _("Describe the image for readers who cannot see it.")})
    image = open_image(uploaded_file)
    image_format = image.format_name
    image = ImageOps.exif_transpose(image)  # keep the orientation the camera recorded
    folder = timezone.now().strftime("media/%Y/%m/")
    stem = f"{_stem(uploaded_file, alt_text)}-{uuid.uuid4().hex[:8]}"
    media = _new_media(
        kind=MediaKind.IMAGE,
        alt_text=(alt_text or "").strip()[:300],
        caption=caption,
        title=title,
        uploaded_by=uploaded_by,
        original_url=original_url,
        wordpress_id=wordpress_id,
    )
    encoded = _encode(image, image_format)
    media.file.save(f"{stem}.{FORMATS[image_format]}", ContentFile(encoded), save=False)
    media.width, media.height = image.size
    media.size = len(encoded)
    # The field's upload_to is "media/%Y/%m/": the name above lands in folder.
    media.renditions = _renditions(image, image_format, folder, stem, media.file.storage)
    media.full_clean(exclude=["alt_text"] if allow_missing_alt else None)
    media.save()
    return media


def _new_media(*, wordpress_id=None, **fields) -> Media:
    """An unsaved Media with what every kind of file has (the WordPress id only if given:
    the field's default otherwise)."""
    media = Media(**fields)
    if wordpress_id is not None:
        media.wordpress_id = wordpress_id
    return media


@transaction.atomic
def store_file(
    uploaded_file,
    *,
    caption: str = "",
    title: str = "",
    uploaded_by=None,
    original_url: str = "",
    wordpress_id: int | None = None,
) -> Media:
    """Store a file that is not an image (a document, a sound, a video, an archive) as it is,
    under the extension of what its content is; return the saved Media.

    Raises ValidationError (nothing stored) when its size or type is not accepted.
    """
    found = file_type(uploaded_file)
    if found.kind == filetypes.IMAGE:
        raise ValidationError(_("This file is an image: store it as one."), code="is_image")
    stem = f"{_stem(uploaded_file, title)}-{uuid.uuid4().hex[:8]}"
    media = _new_media(
        kind=found.kind,
        caption=caption,
        title=title,
        uploaded_by=uploaded_by,
        original_url=original_url,
        wordpress_id=wordpress_id,
    )
    uploaded_file.seek(0)
    media.file.save(f"{stem}.{found.extension}", uploaded_file, save=False)
    media.size = media.file.size
    media.full_clean(exclude=["alt_text"])
    media.save()
    return media


def store_upload(uploaded_file, *, alt_text: str = "", allow_missing_alt=False, **fields) -> Media:
    """Store whatever accepted file this is: an image with store_image, anything else with
    store_file (which needs no alternative text: a link names it)."""
    if file_type(uploaded_file).kind == filetypes.IMAGE:
        return store_image(
            uploaded_file, alt_text=alt_text, allow_missing_alt=allow_missing_alt, **fields
        )
    return store_file(uploaded_file, **fields)


def _renditions(image, image_format, folder, stem, storage) -> list[dict]:
    """Make the srcset renditions: each width narrower than the original, in the original's
    family (JPEG or PNG) and in WebP, plus a WebP at the original width."""
    width, height = image.size
    widths = [w for w in media_settings.WIDTHS if w < width] + [width]
    made = []
    for target in widths:
        resized = image
        target_height = height
        if target < width:
            target_height = max(1, round(height * target / width))
            resized = image.resize((target, target_height), Image.Resampling.LANCZOS)
        for fmt in {RENDITION_FORMATS[image_format], "webp"}:
            pillow_format = "JPEG" if fmt == "jpeg" else fmt.upper()
            if target == width and fmt != "webp":
                continue  # the original itself is this one
            name = storage.save(
                f"{folder}{stem}-{target}w.{FORMATS[pillow_format]}",
                ContentFile(_encode(resized, pillow_format)),
            )
            made.append({"width": target, "height": target_height, "format": fmt, "name": name})
    made.sort(key=lambda r: (r["format"], r["width"]))
    return made


def delete_files(media: Media) -> None:
    """Remove the original and every rendition from storage (the row is the caller's)."""
    storage = media.file.storage
    for rendition in media.renditions:
        storage.delete(rendition["name"])
    if media.file:
        storage.delete(media.file.name)
