"""The privacy page: who runs the site, what it stores, which cookies it sets, for how long.

Every fact comes from where it is decided (settings, the cookie modules, the purge
command's defaults), so the page cannot drift from what the code does.
"""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from blogsite.personal_data import registry
from blogsite.personal_data.conf import privacy_settings
from blogsite.personal_data.forms import DataRequestForm
from blogsite.sitename import site_name
from comments import cookies as comment_cookies
from comments.conf import comment_settings
from comments.management.commands import purge_comments
from posts.reactions import conf as reaction_conf

DAY = 86400


@dataclass
class CookieInfo:
    name: str
    purpose: str
    lifetime: str


def lifetime(seconds: int | None) -> str:
    if not seconds:
        return _("until you close the browser")
    days = round(seconds / DAY)
    if days >= 365 and days % 365 == 0:
        years = days // 365
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


def site_cookies() -> list[CookieInfo]:
    """Every cookie this site can set, with why and for how long."""
    return [
        CookieInfo(
            settings.CSRF_COOKIE_NAME,
            _("Protects the forms (comments, reactions, login) from forged requests."),
            lifetime(settings.CSRF_COOKIE_AGE),
        ),
        CookieInfo(
            settings.SESSION_COOKIE_NAME,
            _("Keeps you logged in, only once you log in."),
            lifetime(settings.SESSION_COOKIE_AGE),
        ),
        CookieInfo(
            "messages",
            _(
                "Carries a one-time notice (such as “your comment is awaiting moderation”) to "
                "the next page, then is deleted."
            ),
            _("until the notice is shown"),
        ),
        CookieInfo(
            settings.LANGUAGE_COOKIE_NAME,
            _("Remembers the language you chose with the language switch."),
            lifetime(settings.LANGUAGE_COOKIE_AGE),
        ),
        CookieInfo(
            comment_cookies.OWN_COOKIE,
            _(
                "Lets this browser see, edit or delete the comments it sent while they await "
                "moderation."
            ),
            lifetime(comment_cookies.ONE_YEAR),
        ),
        CookieInfo(
            comment_cookies.CONFIRMED_COOKIE,
            _(
                "Remembers the e-mail addresses you confirmed from this browser, so your next "
                "comments appear at once."
            ),
            lifetime(comment_cookies.ONE_YEAR),
        ),
        CookieInfo(
            comment_cookies.AUTHOR_COOKIE,
            _(
                "Fills in your name, e-mail and website next time, only if you tick “remember "
                "me” under the comment form."
            ),
            lifetime(comment_cookies.ONE_YEAR),
        ),
        CookieInfo(
            reaction_conf.VOTER_COOKIE_NAME,
            _(
                "A random number that lets you change or take back your reaction to an "
                "article, and report a comment only once, without an account; it says "
                "nothing about who you are."
            ),
            lifetime(reaction_conf.VOTER_COOKIE_MAX_AGE),
        ),
    ]


def app_sections() -> list[str]:
    """What each app registered for the privacy page (blogsite.personal_data.registry),
    rendered: the page names no app that is not yet written."""
    ip_days = privacy_settings.IP_RETENTION_DAYS
    return [
        render_to_string(source.privacy_template, {**source.privacy_context(), "ip_days": ip_days})
        for source in registry.sources()
        if source.privacy_template
    ]


def privacy_context(*, data_form=None, **extra) -> dict:
    """What the privacy page shows; data_form is the request form (bound, with errors)."""
    return {
        "site_name": site_name(),
        "site_owner": settings.SITE_OWNER or site_name(),
        "contact_email": settings.SITE_CONTACT_EMAIL,
        "cookies": site_cookies(),
        "akismet_enabled": bool(settings.AKISMET_API_KEY),
        "spam_days": purge_comments.DEFAULT_SPAM_DAYS,
        "anonymize_days": privacy_settings.IP_RETENTION_DAYS,
        "edit_window": comment_settings.EDIT_WINDOW,
        "app_sections": app_sections(),
        "data_form": data_form or DataRequestForm(),
        "link_hours": privacy_settings.LINK_HOURS,
        **extra,
    }


class PrivacyView(TemplateView):
    template_name = "privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**privacy_context(), **kwargs)
