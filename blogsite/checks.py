"""`manage.py check` errors for the apps' settings (a bad value fails at start-up), and a
deploy warning while staff sign in without a second factor."""

from django.core import checks

from blogsite import frontcache  # noqa: F401 (registers the front cache's lag check)
from blogsite.accounts.conf import account_settings
from blogsite.appsettings import REGISTRY


@checks.register("settings")
def app_settings_are_valid(app_configs=None, **kwargs):
    """Report every app setting (COMMENTS_*, REACTIONS_*, SPAM_*...) whose value is unusable."""
    return [
        checks.Error(
            f"{name}: {problem}.",
            hint="Fix the value in the environment or settings.py; see the README.",
            id="blogsite.E001",
        )
        for app_settings in REGISTRY
        for name, problem in app_settings.errors()
    ]


@checks.register(checks.Tags.security, deploy=True)
def staff_need_two_factors(app_configs=None, **kwargs):
    """With `check --deploy`: warn while a password alone opens the admin."""
    if account_settings.STAFF_MFA_REQUIRED:
        return []
    return [
        checks.Warning(
            "Staff can sign in to the admin with a password alone.",
            hint="Set ACCOUNTS_STAFF_MFA_REQUIRED=true: each staff account then adds an "
            "authenticator app at its next visit to the admin.",
            id="blogsite.W001",
        )
    ]
