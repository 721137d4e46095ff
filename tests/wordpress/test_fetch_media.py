"""import_wordpress --fetch-media downloads the images the media folder lacks from the old
site: a real HTTP server here plays the old site. Loopback and private addresses are
refused unless WORDPRESS_FETCH_ALLOWED_HOSTS names the host; sizes, types and redirects
are checked; a rerun fetches only what is still missing."""

import io
import random
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from posts.models import Media, Post
from wordpress.fetch import FetchError, fetch
from wordpress.importer import run_import
from wordpress.models import ImportRun

from .conftest import FIXTURES, HTML, MP3, MP4, PDF, SVG, UPLOADS

PORTS = range(24100, 24999)  # this worktree's range


def image(fmt: str, size=(640, 400)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "navy").save(out, format=fmt)
    return out.getvalue()


class OldSite(BaseHTTPRequestHandler):
    """The old blog's uploads: path -> (status, content type, body, extra headers)."""

    files: dict = {}
    requests: list = []
    stall = None  # an Event: a file with an X-Stall header waits for it before answering

    def do_GET(self):  # noqa: N802 (http.server's name)
        type(self).requests.append(self.path)
        status, kind, body, headers = self.files.get(self.path, (404, "text/html", b"no", {}))
        if "X-Stall" in headers:
            self.stall.wait(10)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def old_site():
    ports = list(PORTS)
    random.shuffle(ports)
    for port in ports:
        try:
            server = ThreadingHTTPServer(("127.0.0.1", port), OldSite)
            break
        except OSError:
            continue
    OldSite.files, OldSite.requests = {}, []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def fetch_dir(tmp_path, settings):
    settings.WORDPRESS_FETCH_DIR = str(tmp_path / "fetched")
    return tmp_path / "fetched"


def export_from(tmp_path, host: str):
    """The WordPress.com fixture, as if the blog lived at http://<host>/ (self-hosted)."""
    path = tmp_path / "blog.xml"
    path.write_text(
        (FIXTURES / "wordpress_com.xml")
        .read_text()
        .replace(
            "https://clienticontenti.files.wordpress.com/", f"http://{host}/wp-content/uploads/"
        )
        .replace("https://clienticontenti.wordpress.com", f"http://{host}")
    )
    return path


def serve_the_two_images():
    OldSite.files = {
        "/wp-content/uploads/2019/05/vetrina.jpg": (200, "image/jpeg", image("JPEG"), {}),
        "/wp-content/uploads/2019/05/cassa.png": (200, "image/png", image("PNG", (30, 18)), {}),
    }


def test_images_are_fetched_from_an_allowed_host_and_a_rerun_fetches_nothing(
    db, tmp_path, media_root, fetch_dir, old_site, settings
):
    settings.WORDPRESS_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    serve_the_two_images()
    export = export_from(tmp_path, old_site)
    report = run_import(export, options={"fetch_media": True})
    assert report.total("media fetched", "created") == 2
    shop = Media.objects.get(wordpress_id=21)
    assert shop.alt_text == "La vetrina con le luci accese" and shop.width == 640
    post = Post.objects.get(wordpress_id=12)
    assert post.cover == shop and f'src="{shop.url}"' in post.body_html
    assert len(OldSite.requests) == 2
    again = run_import(export, options={"fetch_media": True})
    assert again.total("media", "unchanged") == 2 and len(OldSite.requests) == 2
    # Interrupted before the library kept them: what was fetched is read from disk.
    Media.objects.all().delete()
    third = run_import(export, options={"fetch_media": True})
    assert third.total("media", "created") == 2 and len(OldSite.requests) == 2


def test_the_command_fetches_media_with_its_option(
    db, tmp_path, media_root, fetch_dir, old_site, settings
):
    settings.WORDPRESS_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    serve_the_two_images()
    out = io.StringIO()
    call_command(
        "import_wordpress", str(export_from(tmp_path, old_site)), fetch_media=True, stdout=out
    )
    assert Media.objects.count() == 2
    assert "media" in out.getvalue()


def test_a_loopback_address_is_refused_by_default(db, tmp_path, media_root, fetch_dir, old_site):
    serve_the_two_images()
    report = run_import(export_from(tmp_path, old_site), options={"fetch_media": True})
    assert not Media.objects.exists() and OldSite.requests == []
    reasons = {e.wordpress_id: e.message for e in report.entries() if e.kind == "media"}
    assert "127.0.0.1" in reasons[21] and "WORDPRESS_FETCH_ALLOWED_HOSTS" in reasons[21]
    # The article is imported all the same, its images at their old address.
    assert "/wp-content/uploads/2019/05/vetrina.jpg" in Post.objects.get(wordpress_id=12).body


def test_a_redirect_to_a_host_not_allowed_is_refused(
    db, tmp_path, media_root, fetch_dir, old_site, settings
):
    settings.WORDPRESS_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    port = old_site.split(":")[1]
    OldSite.files = {
        "/wp-content/uploads/2019/05/vetrina.jpg": (
            302,
            "text/html",
            b"",
            {"Location": f"http://localhost:{port}/elsewhere.jpg"},
        ),
    }
    report = run_import(export_from(tmp_path, old_site), options={"fetch_media": True})
    assert not Media.objects.filter(wordpress_id=21).exists()
    reasons = {e.wordpress_id: e.message for e in report.entries() if e.kind == "media"}
    assert "localhost" in reasons[21]
    assert "/elsewhere.jpg" not in OldSite.requests


def test_what_is_not_an_image_or_too_large_is_not_kept(
    db, tmp_path, media_root, fetch_dir, old_site, settings
):
    settings.WORDPRESS_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.MEDIA_LIBRARY_MAX_BYTES = 5_000
    OldSite.files = {
        "/wp-content/uploads/2019/05/vetrina.jpg": (200, "text/html", b"<html>login</html>", {}),
        "/wp-content/uploads/2019/05/cassa.png": (200, "image/png", b"\x89PNG" + b"0" * 9_000, {}),
    }
    report = run_import(export_from(tmp_path, old_site), options={"fetch_media": True})
    assert not Media.objects.exists()
    reasons = {e.wordpress_id: e.message for e in report.entries() if e.kind == "media"}
    assert "text/html" in reasons[21]
    assert "4,9\xa0KB" in reasons[22]  # the media library's limit, in the site's language
    assert not any(fetch_dir.rglob("*.*"))  # nothing half-written is left to be trusted


def test_a_dry_run_fetches_nothing(db, tmp_path, media_root, fetch_dir, old_site, settings):
    settings.WORDPRESS_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    serve_the_two_images()
    report = run_import(
        export_from(tmp_path, old_site), options={"fetch_media": True}, dry_run=True
    )
    assert report.total("media", "created") == 2
    assert OldSite.requests == [] and not Media.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/a.jpg",
        "http://2130706433/a.jpg",  # 127.0.0.1 written as one number
        "http://[::1]/a.jpg",
        "http://[::ffff:127.0.0.1]/a.jpg",
        "http://10.1.2.3/a.jpg",
        "http://192.168.0.10/a.jpg",
        "http://169.254.169.254/latest/meta-data/",  # a cloud's metadata service
        "http://0.0.0.0/a.jpg",
        "http://localhost/a.jpg",
    ],
)
def test_private_and_local_addresses_are_refused_before_any_connection(url, tmp_path):
    with pytest.raises(FetchError, match="WORDPRESS_FETCH_ALLOWED_HOSTS"):
        fetch(url, tmp_path / "a.jpg")
    assert not (tmp_path / "a.jpg").exists()


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/a.jpg", "gopher://x/"])
def test_only_web_addresses_are_fetched(url, tmp_path):
    with pytest.raises(FetchError):
        fetch(url, tmp_path / "a.jpg")


def test_a_site_that_stops_answering_times_out(tmp_path, old_site, settings):
    settings.WORDPRESS_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.WORDPRESS_FETCH_TIMEOUT_SECONDS = 1
    OldSite.stall = threading.Event()
    OldSite.files = {"/slow.jpg": (200, "image/jpeg", b"", {"X-Stall": "1"})}
    try:
        with pytest.raises(FetchError, match="timed out"):
            fetch(f"http://{old_site}/slow.jpg", tmp_path / "slow.jpg")
    finally:
        OldSite.stall.set()
    assert not (tmp_path / "slow.jpg").exists()


def test_a_body_image_no_attachment_names_is_fetched_original_first_else_as_shown(
    db, tmp_path, media_root, fetch_dir, old_site, settings
):
    settings.WORDPRESS_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    serve_the_two_images()
    # The original is gone from the old site; the resized copy the article shows is not.
    OldSite.files["/wp-content/uploads/2018/11/orfana-300x200.jpg"] = (
        200,
        "image/jpeg",
        image("JPEG", (300, 200)),
        {},
    )
    export = export_from(tmp_path, old_site)
    export.write_text(
        export.read_text().replace(
            "]]></content:encoded>",
            f'<img src="http://{old_site}/wp-content/uploads/2018/11/orfana-300x200.jpg">'
            "]]></content:encoded>",
            1,
        )
    )
    run_import(export, options={"fetch_media": True})
    orphan = Media.objects.get(wordpress_id=None)
    assert orphan.width == 300
    assert f'src="{orphan.url}"' in Post.objects.get(wordpress_id=12).body_html
    assert OldSite.requests[-2:] == [
        "/wp-content/uploads/2018/11/orfana.jpg",
        "/wp-content/uploads/2018/11/orfana-300x200.jpg",
    ]
    asked = len(OldSite.requests)
    run_import(export, options={"fetch_media": True})
    assert len(OldSite.requests) == asked and Media.objects.count() == 3


def test_a_file_named_in_unicode_is_asked_for_percent_encoded(tmp_path, old_site, settings):
    settings.WORDPRESS_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    OldSite.files = {
        "/wp-content/uploads/2019/05/caff%C3%A8%20doppio.jpg": (
            200,
            "image/jpeg",
            image("JPEG"),
            {},
        )
    }
    target = tmp_path / "caffè doppio.jpg"
    fetch(f"http://{old_site}/wp-content/uploads/2019/05/caffè doppio.jpg", target)
    assert target.read_bytes() == OldSite.files[OldSite.requests[0]][2]


def test_an_image_another_site_serves_is_never_copied_from_there(
    db, tmp_path, media_root, fetch_dir, old_site, settings
):
    settings.WORDPRESS_FETCH_ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    serve_the_two_images()
    port = old_site.split(":")[1]
    OldSite.files["/wp-content/uploads/2018/01/altrui.jpg"] = (
        200,
        "image/jpeg",
        image("JPEG"),
        {},
    )
    export = export_from(tmp_path, old_site)
    hotlink = f"http://localhost:{port}/wp-content/uploads/2018/01/altrui.jpg"
    export.write_text(
        export.read_text().replace(
            "]]></content:encoded>", f'<img src="{hotlink}">]]></content:encoded>', 1
        )
    )
    report = run_import(export, options={"fetch_media": True})
    assert Media.objects.count() == 2  # the two attachments, not the other site's image
    assert "/wp-content/uploads/2018/01/altrui.jpg" not in OldSite.requests
    assert hotlink in report.missing_media


def documents_export(tmp_path, host: str):
    """The documents fixture, as if its blog lived at http://<host>/."""
    path = tmp_path / "documents.xml"
    path.write_text(
        (FIXTURES / "documents.xml")
        .read_text()
        .replace("https://archivio.example.org", f"http://{host}")
    )
    return path


def serve_the_documents(**overrides):
    served = {
        "listino.pdf": ("application/octet-stream", PDF),  # what many hosts say of a PDF
        "puntata.mp3": ("audio/mpeg", MP3),
        "gita.mp4": ("video/mp4", MP4),
        "foto.jpg": ("image/jpeg", UPLOADS["foto.jpg"]),
        "volantino.pdf": ("application/pdf", HTML),  # a web page that says it is a PDF
        "mappa.pdf": ("image/svg+xml", SVG),
        **overrides,
    }
    OldSite.files = {
        f"/wp-content/uploads/2019/03/{name}": (200, kind, body, {})
        for name, (kind, body) in served.items()
    }


def test_documents_sounds_and_videos_are_fetched_by_what_they_are(
    db, tmp_path, media_root, fetch_dir, old_site, settings
):
    settings.WORDPRESS_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    serve_the_documents()
    report = run_import(documents_export(tmp_path, old_site), options={"fetch_media": True})
    kinds = dict(Media.objects.values_list("wordpress_id", "kind"))
    assert kinds == {50: "document", 51: "audio", 52: "video", 55: "image"}
    assert Media.objects.get(wordpress_id=50).file.read() == PDF
    reasons = {e.wordpress_id: e.message for e in report.entries() if e.kind == "media"}
    assert "application/pdf" in reasons[53]  # its first bytes are a web page's
    assert "image/svg+xml" in reasons[54]
    assert "404" in reasons[56]
    fetched = [p.read_bytes() for p in fetch_dir.rglob("*") if p.is_file()]
    assert HTML not in fetched and SVG not in fetched  # never kept on disk either
    post = Post.objects.get(wordpress_id=40)
    assert Media.objects.get(wordpress_id=51).url in post.body_html


def test_a_type_left_out_of_the_allow_list_is_not_fetched(
    db, tmp_path, media_root, fetch_dir, old_site, settings
):
    settings.WORDPRESS_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.MEDIA_LIBRARY_FILE_TYPES = ["pdf"]
    serve_the_documents()
    report = run_import(documents_export(tmp_path, old_site), options={"fetch_media": True})
    assert set(Media.objects.values_list("wordpress_id", flat=True)) == {50, 55}
    reasons = {e.wordpress_id: e.message for e in report.entries() if e.kind == "media"}
    assert "audio/mpeg" in reasons[51] and "video/mp4" in reasons[52]


def test_a_document_larger_than_the_library_takes_is_not_kept(tmp_path, old_site, settings):
    settings.WORDPRESS_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.MEDIA_LIBRARY_MAX_BYTES = 1_000
    OldSite.files = {"/grande.pdf": (200, "application/pdf", PDF + b"0" * 5_000, {})}
    with pytest.raises(FetchError, match="1000"):
        fetch(f"http://{old_site}/grande.pdf", tmp_path / "grande.pdf")
    assert not any(tmp_path.iterdir())


def test_the_admin_upload_fetches_media_when_asked(
    editor_client,
    tmp_path,
    media_root,
    private_root,
    fetch_dir,
    old_site,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.WORDPRESS_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    serve_the_documents()
    form = editor_client.get("/admin/wordpress/importrun/add/").content.decode()
    assert "scarica i media dal vecchio sito" in form.lower()
    export = documents_export(tmp_path, old_site).read_bytes()
    for fetch_media, expected in ((False, set()), (True, {50, 51, 52, 55})):
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(
                "/admin/wordpress/importrun/add/",
                {
                    "file": SimpleUploadedFile("blog.xml", export, content_type="text/xml"),
                    **({"fetch_media": "on"} if fetch_media else {}),
                },
            )
        assert response.status_code == 302
        run = ImportRun.objects.latest("pk")
        assert run.fetch_media is fetch_media
        call_command("import_wordpress", run=run.pk, stdout=io.StringIO())  # the worker
        run.refresh_from_db()
        assert run.status == ImportRun.Status.DONE
        assert set(Media.objects.values_list("wordpress_id", flat=True)) == expected
    assert OldSite.requests  # the second run asked the old site
