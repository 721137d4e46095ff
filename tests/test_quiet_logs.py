"""Quiet logs, loud failures: an expected refusal is one line; a real error keeps its traceback.

The log is configured as in production (blogsite.settings.LOGGING, text format), written to
a buffer the tests read.
"""

import copy
import io
import logging
import logging.config

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path

import blogsite.settings as production
from blogsite.urls import urlpatterns as site_urlpatterns
from tests.comments.reader_helpers import form_data, make_comment, post_comment

pytestmark = pytest.mark.django_db


def broken_view(request):
    raise RuntimeError("a real bug")


def fine_view(request):
    return HttpResponse("ok")


# This module is also a URLconf (pytest.mark.urls): the site's routes plus one broken view.
urlpatterns = [
    path("broken/", broken_view),
    path("fine/", fine_view),
    *site_urlpatterns,
]
handler500 = "blogsite.views.server_error"


@pytest.fixture
def log():
    """The production logging configuration, its console writing into a buffer."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    logging.config.dictConfig(copy.deepcopy(production.LOGGING))
    stream = io.StringIO()
    for handler in root.handlers:
        handler.setStream(stream)
    yield stream.getvalue
    root.handlers[:], root.level = saved


def lines_of(text):
    return [line for line in text.splitlines() if line.strip()]


def test_a_403_is_one_line_with_its_request_id_and_no_traceback(client, post, log):
    comment = make_comment(post)  # not this browser's
    response = client.get(f"/comments/{comment.pk}/edit/")
    assert response.status_code == 403
    [line] = lines_of(log())
    assert line.startswith("Forbidden (Permission denied): /comments/")
    assert line.endswith(f"[request {response['X-Request-ID']}]")


def test_a_host_outside_allowed_hosts_is_one_warning_line(client, log, caplog):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    [line] = lines_of(log())
    assert "Invalid HTTP_HOST header: 'evil.example'" in line and "Traceback" not in line
    [record] = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert record.levelname == "WARNING"


def test_too_many_fields_is_one_line(client, post, log, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    data = {**form_data(post), **{f"extra{n}": "x" for n in range(60)}}
    response = client.post(f"/comments/post/{post.pk}/", data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 400
    text = log()
    assert "Traceback" not in text
    assert any("DATA_UPLOAD_MAX_NUMBER_FIELDS" in line for line in lines_of(text))


@override_settings(COMMENTS_RATE_LIMIT="1/d")
def test_a_rate_limit_is_one_line(client, post, log):
    assert post_comment(client, post, body="Il primo commento").status_code == 302
    assert post_comment(client, post, body="Il secondo, troppo presto").status_code == 429
    [line] = lines_of(log())
    assert line.startswith(f"Too Many Requests: /comments/post/{post.pk}/")


def test_a_missing_page_is_one_line(client, log):
    assert client.get("/non-esiste/").status_code == 404
    [line] = lines_of(log())
    assert line.startswith("Not Found: /non-esiste/")


@pytest.mark.urls(__name__)
def test_a_real_error_keeps_its_traceback_and_request_id(client, log):
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    text = log()
    first = lines_of(text)[0]
    assert first == f"Internal Server Error: /broken/ [request {response['X-Request-ID']}]"
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: a real bug" in text


@pytest.mark.urls(__name__)
def test_a_line_outside_an_error_carries_no_traceback_or_empty_id(client, log):
    assert client.get("/fine/").status_code == 200
    logging.getLogger("blog").warning("ciao")
    assert lines_of(log()) == ["ciao"]
