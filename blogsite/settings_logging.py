"""Logging settings, star-imported by blogsite.settings: one line per record, with the
request id; expected refusals without a traceback (blogsite.logs)."""

import os

from django.core.exceptions import ImproperlyConfigured

# DJANGO_LOG_FORMAT=json: one JSON object a line, for a log collector; "text" otherwise.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "text").strip().lower()
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured(f'DJANGO_LOG_FORMAT must be "text" or "json", not "{LOG_FORMAT}".')
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "blogsite.logs.RequestIdFilter"},
        "expected_refusals": {"()": "blogsite.logs.ExpectedRefusalFilter"},
    },
    "formatters": {
        "text": {"()": "blogsite.logs.TextFormatter", "format": "%(message)s"},
        "json": {"()": "blogsite.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "expected_refusals"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
