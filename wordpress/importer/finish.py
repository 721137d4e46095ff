"""After the last item: pages' late parents, attachments' pages, and the date-archive and
feed addresses."""

from django.db import transaction
from django.utils.translation import gettext as _

from posts import services
from posts.models import Media, Page, Post
from wordpress.batch import IN_QUERY_SIZE
from wordpress.importer import internal_links
from wordpress.importer.content import page_redirect
from wordpress.importer.context import ImportContext
from wordpress.redirects import reverse_in


def finish(context: ImportContext) -> None:
    for parent_id, comments in context.attachment_comments.items():
        for comment in comments:
            context.report.skip(
                "comments",
                comment.author,
                _("on an attachment whose article or page (#%(id)d) was not imported")
                % {"id": parent_id},
                wordpress_id=comment.id,
            )
    context.attachment_comments.clear()
    for page_pk, parent_wordpress_id, _links in context.pending_parents:
        with transaction.atomic():
            page = Page.objects.get(pk=page_pk)
            parent = Page.objects.filter(wordpress_id=parent_wordpress_id).first()
            if parent is None:
                context.report.note("pages", page.title, _("its parent page is not in the file"))
            elif page.parent_id != parent.pk:
                page.parent = parent
                services.save_page(page)
                context.redirects.pages_changed()
    # Once every page has its parent: a page moved under its parent moves its children,
    # so their addresses are known only now.
    for page_pk, _parent_wordpress_id, links in context.pending_parents:
        page = Page.objects.filter(pk=page_pk, status=Page.Status.PUBLISHED).first()
        if page is not None:
            page_redirect(context, page, links)
    redirects, language = context.redirects, context.language
    months = set()
    for year, month, day in sorted(context.archive_days):
        redirects.add_path(f"/{year}/", reverse_in(language, "posts:archive-year", year=year))
        month_url = reverse_in(language, "posts:archive-month", year=year, month=month)
        if (year, month) not in months:
            months.add((year, month))
            redirects.add_path(f"/{year}/{month:02d}/", month_url)
        redirects.add_path(f"/{year}/{month:02d}/{day:02d}/", month_url)
    if context.archive_days:
        feed = reverse_in(language, "posts:feed-rss")
        redirects.add_path("/feed/", feed)
        redirects.add_path("/feed/rss2/", feed)
        redirects.add_path("/rss/", feed)
        comments_feed = reverse_in(language, "comments:feed-rss") or reverse_in(
            language, "comments:feed"
        )
        if comments_feed:
            redirects.add_path("/comments/feed/", comments_feed)
        else:
            context.report.skip(
                "redirects", "/comments/feed/", _("this site has no comments feed yet")
            )
    attachment_links(context)
    # Last: every item has its new address now.
    internal_links.finish(context)


def attachment_links(context: ImportContext) -> None:
    """An attachment's page (/article/image-name/, /?attachment_id=N) answers with the
    article or page it belongs to; an attachment of none, or of one that is not published
    here (a draft, the trash, an item the file lacks), with its page here (the file with its
    player and a link to download it)."""
    pages = context.attachment_links
    ids = list(pages)
    for start in range(0, len(ids), IN_QUERY_SIZE):
        chunk = {
            wordpress_id: pages[wordpress_id]
            for wordpress_id in ids[start : start + IN_QUERY_SIZE]
        }
        parents = {parent for parent, _link in chunk.values() if parent}
        targets = {}
        for model in (Page, Post):
            for row in model.objects.published().filter(wordpress_id__in=parents):
                targets[row.wordpress_id] = row.get_absolute_url()
        unattached = [
            wordpress_id
            for wordpress_id, (parent, _link) in chunk.items()
            if parent not in targets
        ]
        files = {
            m.wordpress_id: m.get_absolute_url()
            for m in Media.objects.filter(wordpress_id__in=unattached).only("pk", "wordpress_id")
        }
        for wordpress_id, (parent, link) in chunk.items():
            target = targets.get(parent) or files.get(wordpress_id)
            if target:
                context.redirects.add(link, target)
                context.redirects.add_query("attachment_id", wordpress_id, target)
    pages.clear()
