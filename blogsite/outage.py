"""A database that is unreachable or read-only costs a reader no words: a 503, not a 500.

While the database refuses connections, is restarting, or only reads (a replica promoted
late, a full disk, an SQLite file that cannot be written), every request that needs it is
answered 503 with Retry-After, in the reader's language, with what they typed put back in
a form that sends it again (never a password: blogsite.keptform).
Pages in the page cache are still served: they need no database.

DatabaseOutageMiddleware answers for the views; blogsite.views.server_error for the
middleware (a session read fails before any view runs). One line is logged per request,
not a traceback: the outage is the news, and it is the same every time.
"""

import logging

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext

from blogsite.keptform import kept_fields, kept_text

logger = logging.getLogger("blogsite.outage")

RETRY_AFTER = 30  # seconds: a restart or a fail-over, not a long repair
# SQLSTATE classes of a server that is not there (08: connection exception, 53:
# insufficient resources, 57: operator intervention, e.g. a shutdown), and 25006: a
# read-only transaction (a standby, default_transaction_read_only).
OUTAGE_SQLSTATE_CLASSES = ("08", "53", "57")
READ_ONLY_SQLSTATE = "25006"
# SQLite's codes for a file that cannot be written or read just now.
SQLITE_OUTAGES = ("SQLITE_READONLY", "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN",
                  "SQLITE_IOERR", "SQLITE_FULL", "SQLITE_PERM")  # fmt: skip


def is_database_outage(error: BaseException | None) -> bool:
    """Tell whether `error` says the database is unreachable or read-only (not a bug)."""
    if not isinstance(error, DatabaseError):
        return False
    cause = error.__cause__ or error
    sqlstate = getattr(cause, "sqlstate", None)
    if sqlstate:
        return sqlstate[:2] in OUTAGE_SQLSTATE_CLASSES or sqlstate == READ_ONLY_SQLSTATE
    sqlite_name = getattr(cause, "sqlite_errorname", "")
    if sqlite_name:
        return sqlite_name.startswith(SQLITE_OUTAGES)
    # A connection that failed or broke (refused, reset, timed out) carries no SQLSTATE.
    return isinstance(error, OperationalError | InterfaceError)


def wants_json(request) -> bool:
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def outage_response(request, error: BaseException):
    """The 503 a request gets while the database is out, logged as one line."""
    message = gettext(
        "We cannot reach our database just now, so nothing could be saved. Please try "
        "again in a minute."
    )
    if wants_json(request):
        response = JsonResponse({"error": message}, status=503)
    else:
        context = {
            "message": message,
            "body": kept_text(request),
            "kept_fields": kept_fields(request),
            "resend_url": request.path,
        }
        response = render(request, "503.html", context, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    logger.error(
        "Service Unavailable (database): %s: %s",
        request.path,
        " ".join(str(error).split())[:300],
        extra={"status_code": 503, "request": request},
    )
    response._has_been_logged = True  # Django's own "Service Unavailable" line is this one
    return response


class DatabaseOutageMiddleware:
    """Answer a view's database outage with outage_response() instead of a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            return outage_response(request, exception)
        return None
