"""Structured logs: one JSON object a line (DJANGO_LOG_FORMAT=json), each with a request id.

RequestIdMiddleware gives every request an id, answers it in X-Request-ID and keeps it in a
context variable for the request's duration; RequestIdFilter copies it onto every log
record, so all lines a request causes can be found together. ExpectedRefusalFilter keeps
the refusals every public site meets all day (a 403, a bad Host, too many fields) to one
line each, so the tracebacks left in the log are the real errors.
"""

import json
import logging
import re
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404

request_id_var: ContextVar[str] = ContextVar("request_id", default="")
# What a proxy's id may look like: a UUID, a hex string, a short token; nothing that could
# break a log line or a header.
VALID_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# The record's own attributes; anything else was passed through extra= and is kept.
STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class RequestIdMiddleware:
    """Give each request an id: the trusted proxy's X-Request-ID, or a new random one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = self._incoming(request) or uuid.uuid4().hex
        token = request_id_var.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request.request_id
        return response

    @staticmethod
    def _incoming(request):
        # Only behind a proxy we trust (TRUSTED_PROXY_COUNT, as for X-Forwarded-For): a
        # client could otherwise plant an id to confuse whoever reads the logs.
        if int(getattr(settings, "TRUSTED_PROXY_COUNT", 0)) <= 0:
            return ""
        value = request.META.get("HTTP_X_REQUEST_ID", "")
        return value if VALID_ID.fullmatch(value) else ""


class RequestIdFilter(logging.Filter):
    """Put the request's id (or "" outside a request) on every record as record.request_id."""

    def filter(self, record):
        # django.request logs a response's status after the middleware has returned: the
        # record then carries the request itself.
        request = getattr(record, "request", None)
        record.request_id = request_id_var.get() or getattr(request, "request_id", "")
        return True


# Refusals Django logs with the exception that caused them: 403s (PermissionDenied), 400s
# (BadRequest, and SuspiciousOperation: a Host not in ALLOWED_HOSTS, too many fields, a
# request too big, a tampered session), 404s raised as Http404.
EXPECTED_REFUSALS = (PermissionDenied, BadRequest, SuspiciousOperation, Http404)


class ExpectedRefusalFilter(logging.Filter):
    """Log an expected refusal as one warning line: no traceback, which says nothing about a
    request we meant to refuse, and not an error (django.security logs a bad Host as one).
    Every other exception keeps its traceback."""

    def filter(self, record):
        exception = record.exc_info[1] if record.exc_info else None
        if isinstance(exception, EXPECTED_REFUSALS):
            record.exc_info = None
            record.exc_text = None
            if record.levelno > logging.WARNING:
                record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


class TextFormatter(logging.Formatter):
    """The message, then the request's id when there is one (the line's own traceback, if
    any, follows), so the lines of one request can be found together in plain text too."""

    def format(self, record):
        line = super().format(record)
        request_id = getattr(record, "request_id", "")
        if not request_id:
            return line
        first, newline, rest = line.partition("\n")
        return f"{first} [request {request_id}]{newline}{rest}"


class JsonFormatter(logging.Formatter):
    """Format a record as one line of JSON: time, level, logger, message, request id, extras."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or request_id_var.get(),
        }
        for key, value in vars(record).items():
            if key not in STANDARD_ATTRIBUTES and key not in entry and key != "request":
                entry[key] = value if isinstance(value, str | int | float | bool) else repr(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
