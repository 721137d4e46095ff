"""Cells the article and page lists share."""

from django.utils.translation import gettext as _


def protected_label(item, status: str) -> str:
    """The status, and that readers need a password, as WordPress's lists say it."""
    if item.password:
        return _("%(status)s, password protected") % {"status": status}
    return status
