"""WordPress's uploads folder: where an address or a `_wp_attached_file` points inside it, and
a zip of it (the admin's media upload) unpacked safely.

Addresses of uploaded files come in several shapes, all mapped to the same relative path
("2020/03/photo.jpg"):
- self-hosted: https://example.com/wp-content/uploads/2020/03/photo.jpg (blog in a subfolder:
  https://example.com/blog/wp-content/uploads/...);
- WordPress.com: https://example.files.wordpress.com/2020/03/photo.jpg?w=300;
- Jetpack's image proxy: https://i0.wp.com/example.com/wp-content/uploads/2020/03/photo.jpg;
- old multisite: https://example.com/files/2020/03/photo.jpg (wp-content/blogs.dir/N/files/).
`_wp_attached_file` is relative ("2020/03/photo.jpg"), except where WordPress.com and some
hosts wrote it absolute (a URL, or a path on their disks): the part after the uploads folder
(else after the year/month folders) is what counts.
"""

import posixpath
import re
import stat
import zipfile
import zlib
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from posts.conf import media_settings
from posts.filetypes import SUFFIXES
from wordpress.conf import wordpress_settings

UPLOADS = "/wp-content/uploads/"
MULTISITE_FILES = re.compile(r"^(?:.*/blogs\.dir/\d+)?/files/")
WORDPRESS_COM_FILES = ".files.wordpress.com"
PHOTON = re.compile(r"^i\d\.wp\.com$")
YEAR_MONTH = re.compile(r"(?:^|/)(\d{4}/\d{2}/[^/]+)$")
YEAR_MONTH_FOLDER = re.compile(r"(?:^|/)(?=\d{4}/\d{2}/)")
# WordPress's resized copies (photo-300x200.jpg) and, since 5.3, the scaled-down original
# it keeps of a large upload (photo-scaled.jpg): both are the same image.
SIZED = re.compile(r"-(?:\d+x\d+|scaled)(?=\.\w+$)")
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".jpe", ".png", ".gif", ".webp"}
# The preview images WordPress (4.7 and later) renders of an uploaded PDF: listino.pdf gets
# listino-pdf.jpg and its resized copies (listino-pdf-212x300.jpg).
PDF_PREVIEW = re.compile(r"-pdf(?:-\d+x\d+)?\.jpg$")


class UploadsError(Exception):
    """A media zip that is refused whole (not a zip, too big, a zip bomb)."""


def relative_upload(url_or_path: str) -> str:
    """The path of an uploaded file inside the uploads folder, "" when it is not one."""
    value = (url_or_path or "").strip()
    parts = urlsplit(value)
    host = (parts.hostname or "").lower() if parts.scheme else ""
    path = unquote(parts.path if parts.scheme or value.startswith("/") else value)
    if PHOTON.match(host):
        # i0.wp.com/<the site's host>/<its path>: the proxied address.
        host, _slash, rest = path.lstrip("/").partition("/")
        host, path = host.lower(), "/" + rest
    if UPLOADS in path:
        relative = path.split(UPLOADS, 1)[1]
    elif host.endswith(WORDPRESS_COM_FILES):
        relative = path
    elif MULTISITE_FILES.match(path):
        relative = MULTISITE_FILES.sub("", path, count=1)
    else:
        return ""
    return _clean(relative)


def attached_path(attached_file: str, url: str) -> str:
    """Where an attachment's file is, relative to the uploads folder ("" if unknown)."""
    attached = (attached_file or "").strip().replace("\\", "/")
    if attached and not attached.startswith("/") and "://" not in attached:
        return _clean(attached)
    if attached:
        found = relative_upload(attached) or YEAR_MONTH.search(attached)
        if isinstance(found, str):
            return found
        return _clean(found[1] if found else posixpath.basename(attached))
    return relative_upload(url)


def _clean(relative: str) -> str:
    """A relative path with no way out of the folder ("" when it would leave it)."""
    parts = [p for p in relative.replace("\\", "/").split("/") if p not in ("", ".")]
    return "" if ".." in parts else "/".join(parts)


def original_of(relative: str) -> str:
    """The original of a resized copy (photo-300x200.jpg -> photo.jpg)."""
    return SIZED.sub("", relative)


def document_of_preview(relative: str) -> str:
    """The PDF a preview image shows (listino-pdf-212x300.jpg -> listino.pdf), "" if none."""
    return PDF_PREVIEW.sub(".pdf", relative) if PDF_PREVIEW.search(relative) else ""


def file_in(folder: Path | None, relative: str) -> Path | None:
    """The file at `relative` inside `folder`, None when there is none (or it is outside)."""
    if folder is None or not relative:
        return None
    base = folder.resolve()
    path = (base / relative).resolve()
    return path if path.is_relative_to(base) and path.is_file() else None


def unpack_uploads(handle, folder: Path) -> tuple[Path, list[str]]:
    """Unpack the media files of a zip of wp-content/uploads (at any depth in the zip) into
    `folder` (images, documents, sounds, videos: chosen by name here, their content is read
    when the import stores them); return the folder that holds the year folders and the
    names refused (each one that would leave the folder: "../", absolute paths, links).

    Raise UploadsError (the caller removes the folder) for what is not a zip or holds more than
    WORDPRESS_ZIP_MAX_FILES files, WORDPRESS_ZIP_MAX_BYTES unpacked, or any file packed
    tighter than WORDPRESS_ZIP_MAX_RATIO to one (a zip bomb: photos hardly compress).
    """
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UploadsError(
            _("The media file is not a zip archive (%(error)s).") % {"error": error}
        ) from None
    with archive:
        members, refused = _members(archive)
        names = [info.filename for info in members]
        prefixes = [YEAR_MONTH_FOLDER.split(n, 1)[0] for n in names if YEAR_MONTH_FOLDER.search(n)]
        prefix = max(set(prefixes), key=prefixes.count) if prefixes else ""
        root = folder.resolve()
        budget = wordpress_settings.ZIP_MAX_BYTES
        for info in members:
            target = (root / _clean(info.filename)).resolve()
            target.parent.mkdir(parents=True, exist_ok=True)
            budget -= _copy_capped(archive, info, target, budget)
    return root / _clean(prefix), refused


def _members(archive) -> tuple[list, list[str]]:
    """The entries to unpack (media files, each checked) and the names refused."""
    infos = archive.infolist()
    settings = wordpress_settings
    if len(infos) > settings.ZIP_MAX_FILES:
        raise UploadsError(
            _("The media zip holds %(n)d files; the limit is %(limit)d (WORDPRESS_ZIP_MAX_FILES).")
            % {"n": len(infos), "limit": settings.ZIP_MAX_FILES}
        )
    declared = sum(info.file_size for info in infos)
    if declared > settings.ZIP_MAX_BYTES:
        raise _too_big()
    members, refused, names = [], [], set()
    for info in infos:
        name = info.filename
        if info.is_dir():
            continue
        mode = info.external_attr >> 16
        unsafe = (
            name.startswith(("/", "\\"))
            or re.match(r"^[A-Za-z]:", name)
            or ".." in name.replace("\\", "/").split("/")
            or stat.S_ISLNK(mode)
            or not _clean(name)
        )
        if unsafe:
            refused.append(name)
            continue
        if Path(name).suffix.lower() not in SUFFIXES:
            continue  # PHP files, backups, thumbnails caches: nothing the library takes
        if info.file_size > media_settings.MAX_BYTES:
            continue  # the library refuses it anyway: never unpacked
        if info.compress_size and info.file_size / info.compress_size > settings.ZIP_MAX_RATIO:
            raise UploadsError(
                _(
                    "The media zip is refused: “%(name)s” unpacks to %(ratio)d times its packed "
                    "size (a zip bomb?); the limit is %(limit)d (WORDPRESS_ZIP_MAX_RATIO)."
                )
                % {
                    "name": name,
                    "ratio": info.file_size // info.compress_size,
                    "limit": settings.ZIP_MAX_RATIO,
                }
            )
        names.add(_clean(name))
        members.append(info)
    # WordPress's resized copies are not needed when their original is there.
    members = [
        m
        for m in members
        if original_of(_clean(m.filename)) == _clean(m.filename)
        or original_of(_clean(m.filename)) not in names
    ]
    return members, refused


def _too_big() -> UploadsError:
    return UploadsError(
        _("The media zip unpacks to more than %(limit)s (WORDPRESS_ZIP_MAX_BYTES).")
        % {"limit": filesizeformat(wordpress_settings.ZIP_MAX_BYTES)}
    )


def _copy_capped(archive, info, target: Path, budget: int) -> int:
    """Copy one entry, never more than it declared nor than the budget left; return the
    bytes written (a file larger than it said is a lie: the zip is refused)."""
    limit = min(info.file_size, media_settings.MAX_BYTES)
    written = 0
    try:
        with archive.open(info) as source, open(target, "wb") as out:
            while chunk := source.read(64 * 1024):
                written += len(chunk)
                if written > budget:
                    raise _too_big()
                if written > limit:
                    raise UploadsError(
                        _("The media zip is refused: “%(name)s” is larger than it says.")
                        % {"name": info.filename}
                    )
                out.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise UploadsError(
            _("The media zip is damaged at “%(name)s” (%(error)s).")
            % {"name": info.filename, "error": error}
        ) from None
    return written
