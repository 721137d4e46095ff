"""The comments app's settings (COMMENTS_*), with their defaults and types.

`comment_settings.MAX_DEPTH` reads `settings.COMMENTS_MAX_DEPTH`; see blogsite.appsettings.
"""

from blogsite.appsettings import AppSettings, Bool, Choice, Int, Rate

comment_settings = AppSettings(
    "COMMENTS_",
    # Levels of threading, top-level comments included (WordPress's "threaded comments N
    # levels deep"): replies to a comment on the last level attach to its parent.
    MAX_DEPTH=Int(3, minimum=1, maximum=10),
    PER_PAGE=Int(50, minimum=1),  # top-level comments per page
    # Replies loaded under each top-level comment of a page, oldest first (None: all); the
    # rest are one "show N more replies" link away (the thread's own page, ?thread=ID).
    REPLIES_PER_THREAD=Int(20, minimum=1, optional=True),
    ORDER=Choice("oldest", choices=("oldest", "newest")),
    # Site-wide auto-close in days (None: never); Post.comments_close_after_days wins.
    CLOSE_AFTER_DAYS=Int(None, minimum=1, optional=True),
    EDIT_WINDOW=Int(15, minimum=0),  # minutes a commenter may edit or delete their comment
    MAX_LENGTH=Int(5000, minimum=1),  # characters in a comment body
    MAX_LINKS=Int(2, minimum=0),  # more links than this hold a comment for moderation
    HOLD_ALL=Bool(False),  # hold every comment, trusted or not
    # Comments per IP address: "N/s", "N/m", "N/h" or "N/d" ("" for no limit).
    RATE_LIMIT=Rate("5/m"),
    # What erasing a person's data does to their comments: "anonymize" keeps the text
    # (the thread stays readable), "delete" removes them (those with replies become a note).
    ERASURE=Choice("anonymize", choices=("anonymize", "delete")),
    # Readers' flags: from this many different readers (and network addresses) a published
    # comment goes back to the queue; flags per IP address (a Rate, "" for no limit).
    FLAGS_TO_HOLD=Int(3, minimum=1),
    FLAG_RATE_LIMIT=Rate("10/h"),
)
