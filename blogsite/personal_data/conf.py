"""The privacy settings (PRIVACY_*), with their defaults and types."""

from blogsite.appsettings import AppSettings, Int, Rate

privacy_settings = AppSettings(
    "PRIVACY_",
    # IP addresses (and user agents, referrers) are forgotten after this many days, by
    # `manage.py purge_personal_data` (and `purge_comments`).
    IP_RETENTION_DAYS=Int(90, minimum=1),
    # Hours the link e-mailed to confirm a data request from the privacy page works.
    LINK_HOURS=Int(24, minimum=1),
    # Requests from the privacy page per IP address, and e-mails sent per address.
    REQUEST_RATE_LIMIT=Rate("5/h"),
    ADDRESS_RATE_LIMIT=Rate("3/d"),
)
