"""The signed timestamp a comment form carries, proving when (and for which article) it was
rendered. A missing, forged or expired token is evidence for the spam pipeline."""

import time

from django.core import signing

SALT = "comments.form-token"


def issue_form_token(post_id: int) -> str:
    return signing.dumps({"p": post_id, "t": time.time()}, salt=SALT, compress=True)


def read_form_token(token: str, post_id: int, max_age: float = 7 * 86400) -> float | None:
    """Return the render timestamp if the token is genuine, fresh and for this article."""
    try:
        data = signing.loads(token or "", salt=SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    if data.get("p") != post_id:
        return None
    return float(data.get("t", 0))
