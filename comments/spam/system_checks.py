"""`manage.py check` warnings for the spam filter."""

from django.core import checks

from . import conf


# Only under `check --deploy`: a plain `check` (run by migrate, runserver, every test run)
# must not call a remote service.
@checks.register("spam", deploy=True)
def akismet_key_verifies(app_configs=None, **kwargs):
    """Warn when AKISMET_API_KEY is set but Akismet does not accept it."""
    if not conf.akismet_enabled():
        return []
    from .akismet_backend import verify_key

    try:
        valid = verify_key()
    except Exception as exc:
        return [
            checks.Warning(
                f"Could not verify AKISMET_API_KEY with Akismet: {exc}",
                hint="Comments are held for moderation while Akismet cannot be reached.",
                id="spam.W002",
            )
        ]
    if not valid:
        return [
            checks.Warning(
                "AKISMET_API_KEY does not verify for AKISMET_BLOG_URL.",
                hint="Check the key and the site URL (AKISMET_BLOG_URL or SITE_URL); until "
                "then every comment is held for moderation.",
                id="spam.W001",
            )
        ]
    return []


@checks.register("spam")
def no_retired_settings(app_configs=None, **kwargs):
    """Warn about a setting that is no longer read, so a limit is not silently lost."""
    from django.conf import settings

    if hasattr(settings, "SPAM_MAX_LINKS"):
        return [
            checks.Warning(
                "SPAM_MAX_LINKS is no longer read.",
                hint="COMMENTS_MAX_LINKS is the one link limit for the moderation rules and "
                "the spam filter (more links than it hold a comment and count as spam "
                "evidence). SPAM_MAX_LINKS=N meant the same as COMMENTS_MAX_LINKS=N-1.",
                id="spam.W003",
            )
        ]
    return []
