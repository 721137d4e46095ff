"""The site footer: the tag cloud, the latest months of the archive and the site's links.

Two queries, whatever the page, kept in the cache until the site changes (posts.cache.
site_value), and nothing personal in it: the same HTML for every reader, so a page cache
can keep it.
"""

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from posts import cache, indexes

register = template.Library()


@register.inclusion_tag("includes/_footer.html")
def site_footer():
    zone = timezone.get_current_timezone_name()
    return cache.site_value(f"footer:{get_language()}:{zone}", _footer_lists)


def _footer_lists():
    return {
        "tag_cloud": indexes.tag_cloud(),
        "archive_months": list(indexes.archive_months(limit=indexes.FOOTER_MONTHS)),
    }
