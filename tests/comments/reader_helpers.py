"""Small factories for the reader-side comment tests (plain functions, not fixtures)."""

import itertools
import time
from datetime import timedelta

from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation

from comments import services
from comments.models import Comment
from comments.spam.tokens import SALT

_counter = itertools.count(1)


def make_comment(post, *, parent=None, status=Comment.Status.APPROVED, **overrides):
    """Save a comment as given (no spam check, no rules), through the write service."""
    n = next(_counter)
    fields = {
        "author_name": f"Lettore {n}",
        "author_email": f"lettore{n}@example.com",
        "body": f"Commento numero {n}.",
        "submitted_at": timezone.now() - timedelta(hours=1) + timedelta(seconds=n),
        "status": status,
    }
    fields.update(overrides)
    return services.create_comment(post=post, parent=parent, **fields)


def submit(post, **overrides):
    """Call submit_comment with a guest's plausible defaults (not counted against the
    address's rate limit, which tests/comments/test_comment_refused.py checks)."""
    n = next(_counter)
    fields = {
        "name": f"Ospite {n}",
        "email": f"ospite{n}@example.com",
        "url": "",
        "body": f"Un commento sensato numero {n}.",
        "ip_address": "192.0.2.10",
        "user_agent": "pytest",
        "language": "it",
        "rate_limited": False,
    }
    fields.update(overrides)
    return services.submit_comment(post=post, **fields)


def form_token(post, age=60):
    """A genuine form token, issued `age` seconds ago as if the reader took time to type."""
    return signing.dumps({"p": post.pk, "t": time.time() - age}, salt=SALT, compress=True)


def form_data(post, **overrides):
    data = {
        "name": "Giulia Bianchi",
        "email": "giulia@example.com",
        "url": "",
        "body": "Articolo molto utile, grazie.",
        "form_token": form_token(post),
        "homepage": "",
    }
    data.update(overrides)
    return data


def post_url(post):
    return reverse("comments:post", kwargs={"pk": post.pk})


def post_comment(client, post, **overrides):
    return client.post(post_url(post), form_data(post, **overrides))


def get_in_english(client, post, query=""):
    """Make post an English article and GET its page, under the English interface, without
    leaving English active in this thread.

    English pages show English articles only, so the article itself becomes English (it
    keeps its comments and reactions). LocaleMiddleware activates the request's language
    and does not restore the previous one, so later reverse() calls in the test would
    otherwise produce /en/ URLs.
    """
    if post.language != "en":
        type(post).objects.filter(pk=post.pk).update(language="en")
        post.language = "en"
    with translation.override("en"):
        return client.get(post.get_absolute_url() + query)
