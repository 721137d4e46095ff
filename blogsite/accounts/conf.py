"""The account settings (ACCOUNTS_*), with their defaults and types.

allauth's own settings (ACCOUNT_*, MFA_*) stay in settings.py; these are ours.
"""

from blogsite.appsettings import AppSettings, Bool, Rate

account_settings = AppSettings(
    "ACCOUNTS_",
    # E-mails anyone can make us send to an address they need not own: password resets,
    # address confirmations (of accounts and of commenters), "no account here" replies.
    # Per address (a victim's mailbox) and per client address (one sender), fixed windows.
    MAILS_PER_ADDRESS=Rate("6/d"),
    MAILS_PER_IP=Rate("3/h"),
    # Staff (editors, administrators) use the admin only after adding an authenticator app.
    STAFF_MFA_REQUIRED=Bool(False),
)
