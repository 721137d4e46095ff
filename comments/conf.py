"""The comments app's settings, with their defaults, read at request time.

`comment_settings.MAX_DEPTH` reads `settings.COMMENTS_MAX_DEPTH` on every access, so tests
and `override_settings` see the change at once. Add a setting by adding its default here.
"""

from django.conf import settings

DEFAULTS = {
    # Levels of threading, top-level comments included (WordPress's "threaded comments N
    # levels deep"): replies to a comment on the last level attach to its parent.
    "MAX_DEPTH": 3,
    "PER_PAGE": 50,  # top-level comments per page
    "ORDER": "oldest",  # "oldest" or "newest" first
    "CLOSE_AFTER_DAYS": None,  # site-wide auto-close; Post.comments_close_after_days wins
    "EDIT_WINDOW": 15,  # minutes a commenter may edit or delete their own comment
    "MAX_LENGTH": 5000,  # characters in a comment body
    "MAX_LINKS": 2,  # more links than this hold a comment for moderation
    "HOLD_ALL": False,  # hold every comment, trusted or not
    "RATE_LIMIT": "5/m",  # comments per IP address: "N/s", "N/m", "N/h" or "N/d"
}


class CommentSettings:
    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(f"Unknown comments setting {name!r}")
        return getattr(settings, f"COMMENTS_{name}", DEFAULTS[name])


comment_settings = CommentSettings()
