"""What a file really is, read from its first bytes (never only from its name).

The media library serves files from our own origin: a file a browser would run there (HTML,
SVG, XML, scripts, executables) must never get in under a harmless name. So a type is
accepted only when its content says so, by the magic bytes each format starts with, and
only when it is in MEDIA_LIBRARY_FILE_TYPES. The stored file then takes the extension (and
so the Content-Type it is served with) of what it is, not of the name it came with.
"""

import io
import zipfile
from dataclasses import dataclass

IMAGE, DOCUMENT, AUDIO, VIDEO, OTHER = "image", "document", "audio", "video", "other"
HEAD_BYTES = 64  # how much of a file sniff() needs


@dataclass(frozen=True)
class FileType:
    extension: str  # the name it is stored under, and the allow-list's word for it
    kind: str  # IMAGE, DOCUMENT, AUDIO, VIDEO or OTHER
    mime: str


TYPES = {
    t.extension: t
    for t in (
        FileType("jpg", IMAGE, "image/jpeg"),
        FileType("png", IMAGE, "image/png"),
        FileType("gif", IMAGE, "image/gif"),
        FileType("webp", IMAGE, "image/webp"),
        FileType("pdf", DOCUMENT, "application/pdf"),
        FileType("rtf", DOCUMENT, "application/rtf"),
        FileType("doc", DOCUMENT, "application/msword"),
        FileType("xls", DOCUMENT, "application/vnd.ms-excel"),
        FileType("ppt", DOCUMENT, "application/vnd.ms-powerpoint"),
        FileType(
            "docx",
            DOCUMENT,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        FileType(
            "xlsx", DOCUMENT, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
        FileType(
            "pptx",
            DOCUMENT,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        FileType("odt", DOCUMENT, "application/vnd.oasis.opendocument.text"),
        FileType("ods", DOCUMENT, "application/vnd.oasis.opendocument.spreadsheet"),
        FileType("odp", DOCUMENT, "application/vnd.oasis.opendocument.presentation"),
        FileType("epub", DOCUMENT, "application/epub+zip"),
        FileType("mp3", AUDIO, "audio/mpeg"),
        FileType("m4a", AUDIO, "audio/mp4"),
        FileType("ogg", AUDIO, "audio/ogg"),
        FileType("wav", AUDIO, "audio/wav"),
        FileType("flac", AUDIO, "audio/flac"),
        FileType("mp4", VIDEO, "video/mp4"),
        FileType("mov", VIDEO, "video/quicktime"),
        FileType("webm", VIDEO, "video/webm"),
        FileType("zip", OTHER, "application/zip"),
    )
}
# Names WordPress gives the same types (the zip and the fetch accept them as candidates).
SUFFIXES = {f".{ext}" for ext in TYPES} | {".jpeg", ".jpe", ".m4v", ".oga", ".ogv", ".m4b"}
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97, Excel 97, PowerPoint 97
OLE_BY_NAME = {".doc": "doc", ".xls": "xls", ".ppt": "ppt", ".pps": "ppt", ".xlt": "xls"}
OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
    b"application/epub+zip": "epub",
}
OFFICE_FOLDERS = (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx"))


def sniff(head: bytes, name: str = "", whole=None) -> FileType | None:
    """The type of a file from its first HEAD_BYTES bytes (None: not one we know).

    `name` only tells apart formats that share one container (an OLE file is a .doc, .xls
    or .ppt); `whole` (a seekable file) lets a zip be looked into (an Office document, an
    OpenDocument, or a plain zip).
    """
    ext = _sniff(head, name.lower())
    if ext == "zip" and whole is not None:
        ext = _zip_kind(whole)
    return TYPES.get(ext) if ext else None


def _sniff(head: bytes, name: str) -> str:
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(OLE):
        dot = name.rfind(".")
        return OLE_BY_NAME.get(name[dot:], "doc") if dot >= 0 else "doc"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE6 == 0xE2):
        return "mp3"  # an ID3 tag, or an MPEG audio frame (layer III) with no tag
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"fLaC"):
        return "flac"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"  # Matroska's EBML header; WebM is the one browsers play
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"M4A ", b"M4B ", b"M4P "):
            return "m4a"
        return "mov" if brand == b"qt  " else "mp4"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    return ""


def _zip_kind(whole) -> str:
    """An Office or OpenDocument file is a zip: which one this is, "zip" when neither."""
    try:
        whole.seek(0)
        with zipfile.ZipFile(whole) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 200:
                    found = OPENDOCUMENT.get(archive.read("mimetype").strip())
                    if found:
                        return found
            if "[Content_Types].xml" in names:
                for folder, ext in OFFICE_FOLDERS:
                    if any(n.startswith(folder) for n in names):
                        return ext
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError):
        return ""  # it starts like a zip and is not one: nothing we know
    finally:
        whole.seek(0)
    return "zip"


def sniff_bytes(data: bytes, name: str = "") -> FileType | None:
    """sniff() of a whole file held in memory."""
    return sniff(data[:HEAD_BYTES], name, io.BytesIO(data))
