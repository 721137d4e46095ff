"""Two gunicorn servers on one PostgreSQL and one Redis behave as one site.

Runs where the suite runs on PostgreSQL with REDIS_URL set (as .ci/run does); skipped, with
the reason, anywhere else. Ports come from TWO_SERVERS_PORTS (default 18610,18611).
"""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from allauth.account.models import EmailAddress
from django.db import connection

from comments.models import Comment
from tests.comments.reader_helpers import form_data, make_comment
from tests.conftest import make_post, make_user

pytestmark = [pytest.mark.two_servers, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parent.parent
PORTS = [int(p) for p in os.environ.get("TWO_SERVERS_PORTS", "18610,18611").split(",")]
SECRET = "two-servers-test-secret-key-shared-by-both-servers-0123456789"


@pytest.fixture
def servers(settings):
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        pytest.skip("needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), as in CI")
    # Passwords set here must verify on the servers, which use the production hashers.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "blogsite.settings",
        "DJANGO_DEBUG": "1",  # static files without collectstatic; caching is the same
        "DJANGO_SECRET_KEY": SECRET,
        "DATABASE_URL": "postgres://{}@{}:{}/{}".format(
            db["USER"], db["HOST"] or "127.0.0.1", db["PORT"] or 5432, db["NAME"]
        ),
        "DATABASE_CONN_MAX_AGE": "0",
        "REDIS_URL": settings.REDIS_URL,
        "CACHE_KEY_PREFIX": settings.CACHES["default"].get("KEY_PREFIX", ""),
        "COMMENTS_RATE_LIMIT": "2/h",
        "TASKS_BACKEND": "immediate",
    }
    processes = []
    for port in PORTS:
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "blogsite.wsgi", "--workers", "1",
                 "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
                cwd=ROOT, env=env,
            )
        )  # fmt: skip
    urls = [f"http://127.0.0.1:{port}" for port in PORTS]
    try:
        for url in urls:
            _wait_for(url)
        yield urls
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(timeout=20)


def _wait_for(url):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(url + "/health/", timeout=10).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not start")


def _token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def _sign_in(base, *, login, password):
    path = "/accounts/login/"  # the admin's too: allauth signs everyone in
    browser = requests.Session()
    page = browser.get(base + path)
    fields = {"csrfmiddlewaretoken": _token(page.text), "login": login, "password": password}
    answer = browser.post(
        base + path, data=fields, headers={"Referer": base + path}, allow_redirects=False
    )
    errors = re.findall(r'class="[^"]*error[^"]*"[^>]*>(.*?)</', answer.text, re.S)
    assert answer.status_code == 302, errors
    return browser


def test_a_vote_through_one_server_is_counted_on_the_other(servers, author):
    one, other = servers
    post = make_post(author=author)
    voted = requests.post(
        one + _react_path(post),
        data={"kind": "useful"},
        headers={"Origin": one, "Accept": "application/json"},
    )
    assert voted.status_code == 200, voted.text[:300]
    state = requests.get(other + _state_path(post)).json()
    print("vote through", one, "-> state on", other, ":", state)
    assert _count(state, "useful") == 1


def test_a_comment_approved_through_one_server_shows_at_once_on_the_other(servers, author):
    one, other = servers
    post = make_post(author=author)
    comment = make_comment(post, status=Comment.Status.PENDING, body="Approvato altrove")
    article = other + post.get_absolute_url()
    requests.get(article)
    cached = requests.get(article)
    assert cached.headers.get("X-Page-Cache") == "hit"
    assert "Approvato altrove" not in cached.text

    editor = make_user(username="editor", is_staff=True, is_superuser=True, password="una-pw")
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    # The admin signs in through allauth, as readers do.
    admin = _sign_in(one, login="editor", password="una-pw")
    changelist = one + "/admin/comments/comment/"
    page = admin.get(changelist)
    approved = admin.post(
        changelist,
        data={
            "csrfmiddlewaretoken": _token(page.text),
            "action": "approve",
            "_selected_action": [comment.pk],
        },
        headers={"Referer": changelist},
    )
    assert approved.status_code == 200
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED

    after = requests.get(article)
    print(
        "after approval on",
        one,
        ":",
        other,
        "answers X-Page-Cache",
        after.headers.get("X-Page-Cache"),
    )
    assert after.headers.get("X-Page-Cache") == "miss"
    assert "Approvato altrove" in after.text


def test_a_rate_limit_hit_on_one_server_holds_on_the_other(servers, author):
    one, other = servers
    post = make_post(author=author)
    path = f"/comments/post/{post.pk}/"
    codes = []
    for n, base in enumerate((one, other, one)):
        answer = requests.post(
            base + path,
            data=form_data(post, body=f"Commento diverso numero {n}."),
            headers={"Origin": base},
            allow_redirects=False,
        )
        codes.append(answer.status_code)
    print("COMMENTS_RATE_LIMIT=2/h, one/other/one answer", codes)
    assert codes == [302, 302, 429]
    answer = requests.post(
        other + path,
        data=form_data(post, body="Ancora un altro commento."),
        headers={"Origin": other},
        allow_redirects=False,
    )
    assert answer.status_code == 429
    assert Comment.objects.filter(post=post).count() == 2


def test_a_session_started_on_one_server_is_valid_on_the_other(servers, author):
    one, other = servers
    reader = make_user(username="lettrice", email="lettrice@example.com", password="una-password")
    EmailAddress.objects.create(user=reader, email=reader.email, verified=True, primary=True)
    browser = _sign_in(one, login="lettrice", password="una-password")
    page = browser.get(other + "/")
    print(
        "signed in on", one, "; on", other, "the page names the reader:", "lettrice" in page.text
    )
    assert "lettrice" in page.text
    assert "X-Page-Cache" not in page.headers


def _react_path(post):
    from django.urls import reverse

    return reverse("reactions:react", kwargs={"pk": post.pk})


def _state_path(post):
    from django.urls import reverse

    return reverse("reactions:state", kwargs={"pk": post.pk})


def _count(state, code):
    return state["counts"][code]
