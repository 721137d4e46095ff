"""The subscriptions settings (SUBSCRIPTIONS_*), with their defaults and types.

`subscription_settings.BATCH_SIZE` reads `settings.SUBSCRIPTIONS_BATCH_SIZE`; see
blogsite.appsettings.
"""

from blogsite.appsettings import AppSettings, Int, Rate

subscription_settings = AppSettings(
    "SUBSCRIPTIONS_",
    # Messages a task claims and sends at a time (one SMTP connection, constant queries).
    BATCH_SIZE=Int(100, minimum=1, maximum=1000),
    # Tries per message; a failed one waits RETRY_MINUTES, then twice that, and so on.
    MAX_ATTEMPTS=Int(3, minimum=1, maximum=10),
    RETRY_MINUTES=Int(10, minimum=1),
    # An article is mailed only if it came due this recently: a backdated article, or one
    # whose moment passed while nothing ran, is news no more.
    SEND_WITHIN_HOURS=Int(24, minimum=1),
    # The weekly digest covers the week up to this weekday (0: Monday) at midnight and is
    # sent that day from this hour (local time, TIME_ZONE).
    DIGEST_WEEKDAY=Int(0, minimum=0, maximum=6),
    DIGEST_HOUR=Int(8, minimum=0, maximum=23),
    # Days a confirmation link works; unconfirmed requests are then forgotten.
    CONFIRM_DAYS=Int(7, minimum=1),
    # Days an unsubscribed address is kept (so the manage link can subscribe it again).
    FORGET_UNSUBSCRIBED_DAYS=Int(30, minimum=0),
    # Subscription requests per IP address, and confirmation e-mails per address.
    RATE_LIMIT=Rate("10/h"),
    ADDRESS_RATE_LIMIT=Rate("3/d"),
)
