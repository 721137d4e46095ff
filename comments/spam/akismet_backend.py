"""Akismet as an optional second opinion, through the `akismet` package's SyncClient.

comment-check runs on submit when AKISMET_API_KEY is set; submit-spam / submit-ham run as
background tasks after a moderator's decision (tasks.py). Any failure (Akismet down, slow,
answering an error or "invalid") holds the comment for a moderator with the reason: it is
never lost and never shown unmoderated.
"""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

import akismet
import httpx
from django.conf import settings

from . import conf
from .types import Candidate, Reason

logger = logging.getLogger(__name__)
DEFAULT_API_URL = "https://rest.akismet.com"


@dataclass(frozen=True)
class AkismetOutcome:
    reason: Reason
    floor: str | None  # None (ham), "hold", "spam" or "discard"


class _RebaseTransport(httpx.BaseTransport):
    """Send the package's requests for rest.akismet.com to AKISMET_API_URL instead.

    The package builds absolute URLs to the real service; the only seam it offers is the
    HTTP client, so a transport rewrites scheme, host and port (a proxy or a local test
    server speaking Akismet's protocol).
    """

    def __init__(self, api_url: str):
        target = httpx.URL(api_url)
        self._scheme, self._host, self._port = target.scheme, target.host, target.port
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(scheme=self._scheme, host=self._host, port=self._port)
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


class AkismetClient:
    """A SyncClient configured from settings, remembering the last debug-help header."""

    def __init__(self, *, timeout: float | None = None):
        self.debug_help = ""
        api_url = conf.spam_settings.AKISMET_API_URL.rstrip("/")
        http_client = httpx.Client(
            headers={"User-Agent": akismet.USER_AGENT},
            timeout=conf.spam_settings.AKISMET_TIMEOUT if timeout is None else timeout,
            transport=_RebaseTransport(api_url) if api_url != DEFAULT_API_URL else None,
            event_hooks={"response": [self._remember_debug_help]},
        )
        self.client = akismet.SyncClient(
            config=akismet.Config(key=settings.AKISMET_API_KEY, url=settings.AKISMET_BLOG_URL),
            http_client=http_client,
        )

    def _remember_debug_help(self, response: httpx.Response) -> None:
        self.debug_help = response.headers.get("X-akismet-debug-help", "")

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.client._http_client.close()


def _gmt(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def comment_arguments(candidate: Candidate) -> dict:
    """Return everything Akismet documents for a comment, without empty values."""
    arguments = {
        "user_agent": candidate.user_agent,
        "referrer": candidate.referrer,
        "permalink": candidate.permalink,
        "comment_type": "comment",
        "comment_author": candidate.author,
        "comment_author_email": candidate.email,
        "comment_author_url": candidate.url,
        "comment_content": candidate.content,
        "comment_date_gmt": _gmt(candidate.submitted_at or datetime.now(UTC)),
        "comment_post_modified_gmt": _gmt(candidate.post_modified_at),
        "blog_lang": candidate.language or settings.LANGUAGE_CODE,
        "blog_charset": "UTF-8",
        "is_test": conf.spam_settings.AKISMET_IS_TEST or None,
    }
    return {key: value for key, value in arguments.items() if value}


def check_with_akismet(candidate: Candidate) -> AkismetOutcome:
    """Ask Akismet's comment-check; never raises."""
    with AkismetClient() as akismet_client:
        try:
            result = akismet_client.client.comment_check(
                user_ip=candidate.ip_address or "", **comment_arguments(candidate)
            )
        except akismet.APIKeyError:
            detail = {"detail": akismet_client.debug_help or ""}
            return AkismetOutcome(Reason("akismet", 0.5, "akismet_invalid", detail), "hold")
        except akismet.ProtocolError:
            logger.warning("Akismet answered something unexpected", exc_info=True)
            return AkismetOutcome(Reason("akismet", 0.5, "akismet_unexpected"), "hold")
        except Exception:
            logger.warning("Akismet could not be reached", exc_info=True)
            return AkismetOutcome(Reason("akismet", 0.5, "akismet_unreachable"), "hold")
    if result == akismet.CheckResponse.DISCARD:
        return AkismetOutcome(Reason("akismet", 1.0, "akismet_discard"), "discard")
    if result == akismet.CheckResponse.SPAM:
        return AkismetOutcome(Reason("akismet", 0.99, "akismet_spam"), "spam")
    return AkismetOutcome(Reason("akismet", 0.1, "akismet_ham"), None)


def submit(*, candidate: Candidate, is_spam: bool) -> bool:
    """Report a moderator's decision to Akismet (submit-spam / submit-ham); may raise."""
    with AkismetClient() as akismet_client:
        method = akismet_client.client.submit_spam if is_spam else akismet_client.client.submit_ham
        return method(user_ip=candidate.ip_address or "", **comment_arguments(candidate))


def verify_key() -> bool:
    """Return whether Akismet accepts the configured key and site; may raise RequestError."""
    with AkismetClient() as akismet_client:
        return akismet_client.client.verify_key()
