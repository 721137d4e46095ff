"""The comments of WordPress pages: kept with their page (wordpress.models.PageComment).

Comments here belong to articles; a page takes none. What readers wrote on a WordPress
page (or on an image attached to it) is kept as it was, thread and status included, listed
in the admin, shown under the page (wordpress/templatetags/wordpress_pages.py) and counted
in the report: nothing published is lost.
"""

from django.utils.translation import gettext as _

from wordpress.importer.comments import STATUSES, parse_ip, plain_body, skip_editorial
from wordpress.importer.fields import parse_date, valid_email
from wordpress.models import PageComment

KIND = "page comments"
FIELDS = (
    "parent_wordpress_id",
    "author_name",
    "author_email",
    "author_url",
    "ip_address",
    "submitted_at",
    "body",
    "status",
    "kind",
)


def keep_page_comments(context, item, page) -> None:
    sources = list(item.comments) + context.attachment_comments.pop(item.id, [])
    sources = [s for s in sources if not skip_editorial(context.report, KIND, s)]
    if not sources:
        return
    existing = PageComment.objects.in_bulk([c.id for c in sources], field_name="wordpress_id")
    for source in sources:
        status = STATUSES.get(source.approved.strip().lower(), source.approved.strip()[:20])
        wanted = {
            "parent_wordpress_id": source.parent or 0,
            "author_name": (source.author or "")[:250],
            "author_email": valid_email(source.author_email),
            "author_url": (source.author_url or "")[:300],
            "ip_address": parse_ip(source.author_ip),
            "submitted_at": parse_date(source.date_gmt, source.date) or page.published_at,
            "body": plain_body(source.content),
            "status": str(status),
            "kind": (source.type or "comment")[:20],
        }
        found = existing.get(source.id)
        if found is None:
            PageComment.objects.create(page=page, wordpress_id=source.id, **wanted)
            context.report.count(KIND, "created")
        elif found.page_id != page.pk or any(getattr(found, k) != v for k, v in wanted.items()):
            PageComment.objects.filter(pk=found.pk).update(page=page, **wanted)
            context.report.count(KIND, "updated")
        else:
            context.report.count(KIND, "unchanged")
    context.report.note(
        "pages",
        page.title,
        _("%(n)d comments kept with the page (pages here take no new comments)")
        % {"n": len(sources)},
        wordpress_id=item.id,
        field="comments",
    )
