"""`manage.py check` errors for the apps' settings: a bad value fails at start-up."""

from django.core import checks

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
