"""The site footer: the tag cloud, the latest months of the archive and the site's links.

Two queries, whatever the page, and nothing personal in it: the same HTML for every reader,
so a page cache can keep it.
"""

from django import template

from posts import indexes

register = template.Library()


@register.inclusion_tag("includes/_footer.html")
def site_footer():
    return {
        "tag_cloud": indexes.tag_cloud(),
        "archive_months": indexes.archive_months(limit=indexes.FOOTER_MONTHS),
    }
