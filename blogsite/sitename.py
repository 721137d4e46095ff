"""The blog's name, one for every place that shows it.

SITE_NAME when the site sets one (the same in every language); otherwise the catalogue's
name in the active language ("Blog sulla customer experience", "Customer experience blog").
The header, page titles, feeds, e-mails, the admin, the privacy page and the WordPress export
all read it here, so a blog is never called three things at once.
"""

from django.conf import settings
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext


def site_name() -> str:
    """The blog's name in the active language."""
    return settings.SITE_NAME or gettext("Customer experience blog")


site_name_lazy = lazy(site_name, str)


def site_name_in(language: str) -> str:
    """The blog's name in `language` (the first language for what has no reader: the
    sites framework's name, a new admin's display name, the export's title)."""
    with translation.override(language):
        return site_name()
