"""Settings of the spam filter, each overridable in settings.py, read here in one place."""

from django.conf import settings

DEFAULTS = {
    # A combined score at or above SPAM_THRESHOLD is spam; from SPAM_HOLD_THRESHOLD up to it
    # the comment is held for a moderator (the uncertain middle band); below, it is ham.
    "SPAM_THRESHOLD": 0.85,
    "SPAM_HOLD_THRESHOLD": 0.5,
    # Seconds a person needs at least between seeing the form and sending it.
    "SPAM_MIN_SUBMIT_SECONDS": 3,
    # How long a rendered form stays valid.
    "SPAM_FORM_TOKEN_MAX_AGE": 7 * 86400,
    # Links in a comment from which it counts as link spam (half the evidence one below).
    "SPAM_MAX_LINKS": 3,
    # Links to these hosts (and to SITE_URL's) are not evidence of spam by themselves.
    "SPAM_TRUSTED_DOMAINS": ["youtube.com", "youtu.be", "wikipedia.org", "vimeo.com"],
    # Evidence of one link to any other host. 0.9 is what the benchmark calls for (nearly
    # every outside link in it is spam); a site whose readers often cite sources may lower
    # it to 0.8, which holds such comments instead of marking them spam.
    "SPAM_UNTRUSTED_LINK_SCORE": 0.9,
    # Bodies with fewer letters or digits than this are "very short".
    "SPAM_MIN_BODY_CHARS": 3,
    # Identical comments (of at least SPAM_DUPLICATE_MIN_CHARS) within this many days.
    "SPAM_DUPLICATE_DAYS": 7,
    "SPAM_DUPLICATE_MIN_CHARS": 20,
    # More than SPAM_BURST_LIMIT comments from one IP within SPAM_BURST_SECONDS is a burst.
    "SPAM_BURST_LIMIT": 5,
    "SPAM_BURST_SECONDS": 600,
    # Log-odds one promotional phrase adds ("check out my channel", "iscriviti al mio canale").
    "SPAM_PHRASE_WEIGHT": 4.0,
    # Online learning: how far past the decision boundary a moderator's decision is pushed.
    "SPAM_LEARN_MARGIN": 3.0,
    "SPAM_LEARN_RATE": 0.5,
    # Akismet (the key and site URL live in settings.py: AKISMET_API_KEY, AKISMET_BLOG_URL).
    "AKISMET_TIMEOUT": 3.0,
    "AKISMET_API_URL": "https://rest.akismet.com",
    "AKISMET_IS_TEST": False,
}


def get(name):
    """Return a spam setting, from settings.py when it is set there."""
    return getattr(settings, name, DEFAULTS[name])


def akismet_enabled() -> bool:
    return bool(getattr(settings, "AKISMET_API_KEY", ""))
