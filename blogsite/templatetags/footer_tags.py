"""The site footer: the tag cloud, the latest months of the archive, the site's top-level
pages and its links.

Three queries, whatever the page, and nothing personal in it: the same HTML for every reader
in a language and time zone, so its rendered HTML is kept in the cache until the site
changes (posts.cache.site_value), costing one cache read per page.
"""

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from posts import cache, indexes

register = template.Library()


@register.simple_tag
def site_footer():
    zone = timezone.get_current_timezone_name()
    html = cache.site_value(
        f"footer-html:{get_language()}:{zone}:{get_script_prefix()}", _render_footer
    )
    return mark_safe(html)  # noqa: S308 - rendered by the autoescaping template below


def footer_lists() -> dict:
    """What the footer lists: the tag cloud, the latest months of the archive and the pages."""
    return {
        "tag_cloud": indexes.tag_cloud(),
        "archive_months": list(indexes.archive_months(limit=indexes.FOOTER_MONTHS)),
        "pages": indexes.footer_pages(),
    }


def _render_footer() -> str:
    return render_to_string("includes/_footer.html", footer_lists())
