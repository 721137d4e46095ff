"""Every response names its request id; with DJANGO_LOG_FORMAT=json logs are JSON lines."""

import io
import json
import logging
import sys

import pytest

from blogsite.logs import JsonFormatter, RequestIdFilter
from tests.test_deploy_settings import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_log():
    """Capture django.request's records as the JSON formatter writes them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)


def test_each_response_gets_its_own_request_id(client):
    first = client.get("/")["X-Request-ID"]
    second = client.get("/")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_a_trusted_proxys_request_id_is_kept(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    response = client.get("/", HTTP_X_REQUEST_ID="edge-7f3a-42")
    assert response["X-Request-ID"] == "edge-7f3a-42"


@pytest.mark.parametrize("incoming", ["edge-7f3a-42", "a b", "x" * 200, "id\r\nSet-Cookie: x"])
def test_without_a_trusted_proxy_or_with_a_malformed_id_a_new_one_is_made(
    client, settings, incoming
):
    settings.TRUSTED_PROXY_COUNT = 0 if incoming == "edge-7f3a-42" else 1
    response = client.get("/", HTTP_X_REQUEST_ID=incoming)
    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32


def test_a_log_line_written_during_a_request_is_json_with_its_request_id(client, json_log):
    response = client.get("/pagina-che-non-esiste/")
    assert response.status_code == 404
    [entry] = json_log()
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "django.request"
    assert "Not Found" in entry["message"]
    assert entry["request_id"] == response["X-Request-ID"]
    assert entry["status_code"] == 404
    assert entry["time"].endswith("+00:00")


def test_an_exception_is_logged_with_its_traceback():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "failed" and "ValueError: boom" in entry["exception"]


@pytest.mark.django_db(False)
def test_django_log_format_json_makes_the_console_log_json():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "import logging; logging.getLogger('blog').warning('ciao %s', 'mondo')",
        env={**PRODUCTION_ENV, "DJANGO_LOG_FORMAT": "json"},
    )
    [line] = [line for line in result.stderr.splitlines() if line.startswith("{")]
    entry = json.loads(line)
    assert (entry["logger"], entry["message"], entry["request_id"]) == ("blog", "ciao mondo", "")


@pytest.mark.django_db(False)
def test_an_unknown_log_format_fails_at_start_up():
    result = run_manage("check", env={**PRODUCTION_ENV, "DJANGO_LOG_FORMAT": "xml"})
    assert result.returncode != 0
    assert 'DJANGO_LOG_FORMAT must be "text" or "json"' in result.stderr
