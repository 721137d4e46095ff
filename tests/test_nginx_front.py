"""nginx in front of the app (deploy/nginx.conf as rendered for production) keeps anonymous
pages, and only them, no longer than a change may take to show.

Real nginx (/usr/sbin/nginx, Debian's package; skipped with the reason where it is missing)
starts on a free port (NGINX_TEST_PORT to choose it) in front of the live server, with the
configuration `manage.py render_nginx_conf --standalone` writes. nginx keeps time by the
wall clock, which a test cannot stop: the pages here say s-maxage=1 and
stale-while-revalidate=1, and the tests that check a change reaches readers wait the lag
those give (blogsite.frontcache.lag(): 3 s) before looking, as a reader would.
"""

import os
import socket
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from blogsite.frontcache import lag
from blogsite.nginxconf import FrontOptions, render
from comments.models import Comment
from comments.services import moderate
from deploy.serve import NGINX, Nginx
from posts.reactions.models import Reaction
from tests.comments.reader_helpers import make_comment
from tests.conftest import make_post, make_user

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not Path(NGINX).exists(), reason=f"needs nginx at {NGINX} (apt-get install nginx)"
    ),
]

SHARED_MAX_AGE = 1
STALE_WHILE_REVALIDATE = 1


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _options(upstream, port, run_dir):
    return FrontOptions(
        upstreams=[upstream],
        listen=f"127.0.0.1:{port}",
        cache_dir=str(run_dir / "cache"),
        standalone=True,
        run_dir=str(run_dir),
        worker_processes="1",
        keepalive=0,
        access_log=True,
    )


@pytest.fixture
def front(live_server, settings, tmp_path):
    """The address of nginx in front of the live server, with the page cache on."""
    settings.PAGE_CACHE_ENABLED = True
    settings.FRONT_CACHE_SHARED_MAX_AGE = SHARED_MAX_AGE
    settings.FRONT_CACHE_STALE_WHILE_REVALIDATE = STALE_WHILE_REVALIDATE
    cache.clear()
    port = int(os.environ.get("NGINX_TEST_PORT", "0")) or _free_port()
    upstream = f"127.0.0.1:{live_server.thread.port}"
    nginx = Nginx(tmp_path / "nginx", render(_options(upstream, port, tmp_path / "nginx")))
    base = f"http://127.0.0.1:{port}"
    nginx.start(base + "/health/")
    front = type("Front", (), {"url": base, "nginx": nginx, "port": port, "dir": tmp_path})
    yield front
    nginx.stop()
    cache.clear()


def _get(url, **kwargs):
    return requests.get(url, allow_redirects=False, timeout=20, **kwargs)


def _cached_twice(url):
    first, second = _get(url), _get(url)
    assert first.status_code == 200, first.text[:300]
    assert second.headers.get("X-Cache-Status") == "HIT", second.headers
    return second


def test_an_anonymous_page_is_served_by_nginx_after_the_first_read(front):
    post = make_post()
    first = _get(front.url + post.get_absolute_url())
    second = _get(front.url + post.get_absolute_url())
    assert first.headers["X-Cache-Status"] == "MISS"
    assert second.headers["X-Cache-Status"] == "HIT"
    assert second.text == first.text
    assert "s-maxage=1" in second.headers["Cache-Control"]


def test_every_personal_cookie_bypasses_nginx_and_others_do_not(front):
    post = make_post()
    url = front.url + post.get_absolute_url()
    _cached_twice(url)
    assert django_settings.PAGE_CACHE_BYPASS_COOKIES
    for name in django_settings.PAGE_CACHE_BYPASS_COOKIES:
        answer = _get(url, headers={"Cookie": f"_ga=GA1.1; {name}=x"})
        assert answer.headers["X-Cache-Status"] == "BYPASS", name
    # Analytics, the CSRF token, a name that merely ends like one of ours: the shared copy.
    for cookie in ("_ga=GA1.1", "csrftoken=abc", "mysessionid=1", "xmessages=1"):
        assert _get(url, headers={"Cookie": cookie}).headers["X-Cache-Status"] == "HIT", cookie


def test_a_signed_in_reader_gets_their_own_page_and_nobody_else_sees_it(front):
    post = make_post()
    url = front.url + post.get_absolute_url()
    _cached_twice(url)
    reader = make_user(username="lettrice-segreta")
    browser = Client()
    browser.force_login(reader)
    session = browser.cookies[django_settings.SESSION_COOKIE_NAME].value
    mine = _get(url, headers={"Cookie": f"{django_settings.SESSION_COOKIE_NAME}={session}"})
    assert mine.headers["X-Cache-Status"] == "BYPASS"
    assert "lettrice-segreta" in mine.text
    assert "private" in mine.headers["Cache-Control"]
    stranger = _get(url)
    assert stranger.headers["X-Cache-Status"] == "HIT"
    assert "lettrice-segreta" not in stranger.text


def test_an_approved_comment_shows_through_nginx_within_the_lag(front):
    post = make_post()
    comment = make_comment(post, status=Comment.Status.PENDING, body="Approvato dal fronte")
    url = front.url + post.get_absolute_url()
    assert "Approvato dal fronte" not in _cached_twice(url).text
    moderate(comment=comment, status=Comment.Status.APPROVED)
    time.sleep(lag() + 0.5)
    after = _get(url)
    assert after.headers["X-Cache-Status"] in ("EXPIRED", "MISS"), after.headers
    assert "Approvato dal fronte" in after.text


def test_a_trashed_comment_is_gone_from_nginx_within_the_lag(front):
    post = make_post()
    comment = make_comment(post, body="Da cestinare subito")
    url = front.url + post.get_absolute_url()
    assert "Da cestinare subito" in _cached_twice(url).text
    moderate(comment=comment, status=Comment.Status.TRASH)
    time.sleep(lag() + 0.5)
    after = _get(url)
    assert after.headers["X-Cache-Status"] in ("EXPIRED", "MISS"), after.headers
    assert "Da cestinare subito" not in after.text


def test_tracking_parameters_hit_the_clean_address_entry(front):
    post = make_post()
    url = front.url + post.get_absolute_url()
    clean = _cached_twice(url)
    for query in ("?utm_source=news", "?fbclid=IwAR123&utm_medium=social", "?gclid=1&ref=x",
                  "?mc_cid=1&mc_eid=2&utm_campaign=a&utm_term=b&utm_content=c"):  # fmt: skip
        tracked = _get(url + query)
        assert tracked.headers["X-Cache-Status"] == "HIT", query
        assert tracked.text == clean.text
    # Not tracking parameters: another entry.
    assert _get(url + "?xref=1").headers["X-Cache-Status"] == "MISS"
    assert _get(url + "?cpage=1&utm_source=a").headers["X-Cache-Status"] == "MISS"
    assert _get(url + "?utm_source=b&cpage=1").headers["X-Cache-Status"] == "HIT"


def test_posts_reach_the_app_every_time(front):
    post = make_post()
    with translation.override("it"):
        vote = front.url + reverse("reactions:react", kwargs={"pk": post.pk})
    answers = [
        requests.post(
            vote,
            data={"kind": kind},
            headers={"Origin": front.url, "Accept": "application/json"},
            timeout=20,
        )
        for kind in ("useful", "love")
    ]
    assert [answer.status_code for answer in answers] == [200, 200]
    assert all(answer.headers.get("X-Cache-Status") != "HIT" for answer in answers)
    assert Reaction.objects.filter(post=post).count() == 2


def test_the_admin_and_accounts_pages_never_come_from_nginx(front):
    with translation.override("en"):
        paths = ["/admin/login/", reverse("account_login"), reverse("account_signup")]
    for path in paths:
        for _ in range(2):
            answer = _get(front.url + path)
            assert "X-Cache-Status" not in answer.headers, path


def test_the_home_page_keeps_apart_readers_who_prefer_another_language(front):
    italian = {"Accept-Language": "it"}
    english = {"Accept-Language": "en-GB,en;q=0.9"}
    assert _get(front.url + "/", headers=italian).status_code == 200
    assert _get(front.url + "/", headers=italian).headers["X-Cache-Status"] == "HIT"
    to_english = _get(front.url + "/", headers=english)
    assert to_english.status_code == 302
    assert to_english.headers["Location"].startswith("/en/")
    chosen = _get(front.url + "/", headers={**english, "Cookie": "django_language=it"})
    assert chosen.status_code == 200


def test_nginx_stands_in_with_its_copy_while_the_app_cannot_answer(front, live_server):
    post = make_post()
    url = front.url + post.get_absolute_url()
    cached = _cached_twice(url)
    never_read = make_post()
    nowhere = _options(f"127.0.0.1:{_free_port()}", front.port, front.dir / "nginx")
    front.nginx.reload(render(nowhere))
    time.sleep(lag() + 0.5)
    stale = _get(url)
    assert stale.status_code == 200
    assert stale.headers["X-Cache-Status"] == "STALE"
    assert stale.text == cached.text
    unknown = _get(front.url + never_read.get_absolute_url())
    assert unknown.status_code == 503
    assert unknown.headers["Retry-After"]


def test_uploads_are_served_by_nginx_with_their_type_and_no_sniffing(live_server, tmp_path):
    media = tmp_path / "media" / "library"
    media.mkdir(parents=True)
    (media / "listino.pdf").write_bytes(b"%PDF-1.4\n<html><script>alert(1)</script>\n%%EOF\n")
    port = int(os.environ.get("NGINX_TEST_PORT", "0")) or _free_port()
    options = _options(f"127.0.0.1:{live_server.thread.port}", port, tmp_path / "nginx")
    options.media_root = str(tmp_path / "media")
    nginx = Nginx(tmp_path / "nginx", render(options))
    base = f"http://127.0.0.1:{port}"
    nginx.start(base + "/health/")
    try:
        response = _get(f"{base}{django_settings.MEDIA_URL}library/listino.pdf")
    finally:
        nginx.stop()
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
