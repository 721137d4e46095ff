"""Settings of the spam filter (SPAM_*, AKISMET_*), with their defaults and types."""

from django.conf import settings

from blogsite.appsettings import AppSettings, Bool, Float, Int, Text, TextList

spam_settings = AppSettings(
    "SPAM_",
    # A combined score at or above THRESHOLD is spam; from HOLD_THRESHOLD up to it the
    # comment is held for a moderator (the uncertain middle band); below, it is ham.
    THRESHOLD=Float(0.85, minimum=0.0, maximum=1.0),
    HOLD_THRESHOLD=Float(0.5, minimum=0.0, maximum=1.0),
    # Seconds a person needs at least between seeing the form and sending it.
    MIN_SUBMIT_SECONDS=Float(3, minimum=0),
    # How long a rendered form stays valid, in seconds.
    FORM_TOKEN_MAX_AGE=Int(7 * 86400, minimum=60),
    # What the checks and the site's teaching must reach by themselves, without the starting
    # model, for a comment to be marked spam (otherwise the worst verdict is hold).
    EVIDENCE_THRESHOLD=Float(0.85, minimum=0.5, maximum=1.0),
    # Links to these hosts (and to SITE_URL's) are not evidence of spam by themselves.
    TRUSTED_DOMAINS=TextList(("youtube.com", "youtu.be", "wikipedia.org", "vimeo.com")),
    # Evidence of one link to any other host in a short comment: just under
    # EVIDENCE_THRESHOLD, so on a site that taught nothing yet a reader's "the paper you
    # mention: https://..." is held, not hidden; with another finding (a bare link, a
    # promotional phrase, a second host) or what moderators taught, it is spam.
    UNTRUSTED_LINK_SCORE=Float(0.84, minimum=0.0, maximum=1.0),
    # A link in a comment of at least CITATION_WORDS other words is how readers cite
    # sources: weaker evidence still.
    CITATION_WORDS=Int(8, minimum=1),
    CITATION_LINK_SCORE=Float(0.8, minimum=0.0, maximum=1.0),
    # Bodies with fewer letters or digits than this are "very short".
    MIN_BODY_CHARS=Int(3, minimum=0),
    # Identical comments (of at least DUPLICATE_MIN_CHARS) within this many days.
    DUPLICATE_DAYS=Int(7, minimum=0),
    DUPLICATE_MIN_CHARS=Int(20, minimum=1),
    # More than BURST_LIMIT comments from one IP within BURST_SECONDS is a burst.
    BURST_LIMIT=Int(5, minimum=1),
    BURST_SECONDS=Int(600, minimum=1),
    # Log-odds one promotional phrase adds ("check out my channel", "iscriviti al mio canale").
    PHRASE_WEIGHT=Float(4.0, minimum=0.0),
    # Online learning: how far past the decision boundary a moderator's decision is pushed.
    LEARN_MARGIN=Float(3.0, minimum=0.0),
    LEARN_RATE=Float(0.5, minimum=0.0),
    # Akismet (the key and site URL live in settings.py: AKISMET_API_KEY, AKISMET_BLOG_URL).
    AKISMET_TIMEOUT=Float(3.0, minimum=0.1, name="AKISMET_TIMEOUT"),
    AKISMET_API_URL=Text("https://rest.akismet.com", name="AKISMET_API_URL"),
    AKISMET_IS_TEST=Bool(False, name="AKISMET_IS_TEST"),
)


def akismet_enabled() -> bool:
    return bool(getattr(settings, "AKISMET_API_KEY", ""))
