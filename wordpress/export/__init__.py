"""Write the whole site as a WordPress eXtended RSS (WXR 1.2) file, as Tools → Export does.

The layout follows WordPress's own `wp-admin/includes/export.php`: the channel with the site,
the authors, the categories (parents first) and the tags, then one <item> per article, page
and image (attachment), each article carrying its terms, its featured image as
`_thumbnail_id` and its comments with their thread (`wp:comment_parent`), status and type.
As WordPress does, spam is not exported.

Output is a stream of strings: rows are read with .iterator() in chunks (the comments of a
chunk of articles in one query), so memory stays flat whatever the size of the site.

Ids: a row imported from WordPress keeps its `wordpress_id`; any other row gets its primary
key plus a fixed offset per kind, so ids are stable from one export to the next and never
collide with imported ones (articles, pages and attachments share WordPress's post ids, tags
and categories its term ids).
"""

from collections import defaultdict
from collections.abc import Iterator
from xml.sax.saxutils import quoteattr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from blogsite.roles import AUTHORS
from blogsite.sitename import site_name_in
from comments.models import Comment
from posts.markup import BodyFormat
from posts.models import Media, Page, Post
from wordpress.export.addresses import old_addresses
from wordpress.export.comments import COMMENT_STATUS, comment_element, page_comments
from wordpress.export.terms import categories, tags
from wordpress.export.xml import (
    CHUNK,
    LANGUAGE_META,
    MEDIA_IDS,
    NO_DATE,
    PAGE_IDS,
    POST_IDS,
    TRANSLATION_META,
    WXR_VERSION,
    absolute,
    cdata,
    chunks,
    clean,
    element,
    gmt_date,
    local_date,
    postmeta,
    rss_date,
    text,
    user_display_name,
    user_login,
    user_wp_id,
    wp_id,
)
from wordpress.wxr import OLD_ADDRESS_META

POST_STATUS = {
    Post.Status.DRAFT: "draft",
    Post.Status.SCHEDULED: "future",
    Post.Status.PUBLISHED: "publish",
}
PAGE_STATUS = {Page.Status.DRAFT: "draft", Page.Status.PUBLISHED: "publish"}


def export_wxr(*, now=None) -> Iterator[str]:
    """Yield the WXR document of the whole site, piece by piece."""
    yield from header(now or timezone.now())
    yield from authors()
    yield from categories()
    yield from tags()
    yield from attachments()
    yield from pages()
    # A comment's account is named only when it is in the file's authors: WordPress's
    # importer maps comment_user_id through them, and would keep any other id as it is.
    yield from posts(set(author_rows().values_list("pk", flat=True)))
    yield "</channel>\n</rss>\n"


def header(now) -> Iterator[str]:
    yield f'<?xml version="1.0" encoding="{settings.DEFAULT_CHARSET.upper()}" ?>\n'
    yield (
        "<!-- This is a WordPress eXtended RSS file: an export of this site's articles, pages,"
        " images, comments, categories and tags. -->\n"
        "<!-- To import it into WordPress: Tools > Import > WordPress, then upload this file."
        " -->\n"
        f'<!-- generator="blogsite" created="{local_date(now)}" -->\n'
    )
    yield (
        '<rss version="2.0"\n'
        f'\txmlns:excerpt="http://wordpress.org/export/{WXR_VERSION}/excerpt/"\n'
        '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
        '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
        '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        f'\txmlns:wp="http://wordpress.org/export/{WXR_VERSION}/"\n'
        ">\n\n<channel>\n"
    )
    site_url = text(settings.SITE_URL)
    yield f"\t<title>{text(site_name_in(settings.LANGUAGE_CODE))}</title>\n"
    yield f"\t<link>{site_url}</link>\n"
    yield "\t<description></description>\n"
    yield f"\t<pubDate>{rss_date(now)}</pubDate>\n"
    yield f"\t<language>{text(settings.LANGUAGE_CODE)}</language>\n"
    yield f"\t<wp:wxr_version>{WXR_VERSION}</wp:wxr_version>\n"
    yield f"\t<wp:base_site_url>{site_url}</wp:base_site_url>\n"
    yield f"\t<wp:base_blog_url>{site_url}</wp:base_blog_url>\n\n"


def author_rows():
    """Every author, as wxr_authors_list(): whoever wrote an article or a page or uploaded an
    image, and the authors and staff with nothing published (yet), imported ones included."""
    return (
        get_user_model()
        .objects.filter(
            Q(pk__in=Post.objects.values("author"))
            | Q(pk__in=Page.objects.values("author"))
            | Q(pk__in=Media.objects.values("uploaded_by"))
            | Q(is_staff=True)
            | Q(groups__name=AUTHORS)
            | Q(profile__wordpress_id__isnull=False)
        )
        .distinct()
        .select_related("profile")
        .order_by("pk")
    )


def authors() -> Iterator[str]:
    for user in author_rows().iterator(chunk_size=CHUNK):
        yield (
            "\t<wp:author>"
            f"<wp:author_id>{user_wp_id(user)}</wp:author_id>"
            f"<wp:author_login>{cdata(user_login(user))}</wp:author_login>"
            f"<wp:author_email>{cdata(user.email)}</wp:author_email>"
            f"<wp:author_display_name>{cdata(user_display_name(user))}</wp:author_display_name>"
            f"<wp:author_first_name>{cdata(user.first_name)}</wp:author_first_name>"
            f"<wp:author_last_name>{cdata(user.last_name)}</wp:author_last_name>"
            "</wp:author>\n"
        )
    yield "\n"


def item_head(*, title, link, date, creator, content, excerpt) -> str:
    return (
        "\t<item>\n"
        + element("title", cdata(title))
        + element("link", text(link))
        + element("pubDate", rss_date(date))
        + element("dc:creator", cdata(creator))
        + f'\t\t<guid isPermaLink="false">{text(link)}</guid>\n'
        + element("description", "")
        + element("content:encoded", cdata(content))
        + element("excerpt:encoded", cdata(excerpt))
    )


def item_fields(
    *,
    post_id,
    date,
    modified,
    comment_status,
    name,
    status,
    parent,
    order,
    post_type,
    sticky,
    password="",
) -> str:
    return (
        element("wp:post_id", str(post_id))
        + element("wp:post_date", cdata(local_date(date)))
        + element("wp:post_date_gmt", cdata(gmt_date(date) if status != "draft" else NO_DATE))
        + element("wp:post_modified", cdata(local_date(modified)))
        + element("wp:post_modified_gmt", cdata(gmt_date(modified)))
        + element("wp:comment_status", cdata(comment_status))
        + element("wp:ping_status", cdata("closed"))
        + element("wp:post_name", cdata(name))
        + element("wp:status", cdata(status))
        + element("wp:post_parent", str(parent))
        + element("wp:menu_order", str(order))
        + element("wp:post_type", cdata(post_type))
        + element("wp:post_password", cdata(password))
        + element("wp:is_sticky", "1" if sticky else "0")
    )


def language_meta(row, addresses=()) -> str:
    """The row's language, translation link and the old addresses that lead to it."""
    meta = postmeta(LANGUAGE_META, row.language)
    if row.translation_key:
        meta += postmeta(TRANSLATION_META, row.translation_key)
    return meta + "".join(postmeta(OLD_ADDRESS_META, path) for path in addresses)


def attachments() -> Iterator[str]:
    rows = Media.objects.select_related("uploaded_by").order_by("pk")
    for batch in chunks(rows.iterator(chunk_size=CHUNK)):
        # The old addresses of each file, kept across a round trip as for articles: its
        # uploads path on the old site and, for a file of no article, its old attachment
        # page (?attachment_id=N, /slug/attachment/), which leads to the file's page here.
        pages = {media.pk: media.get_absolute_url() for media in batch}
        addresses = old_addresses([media.url for media in batch] + list(pages.values()))
        for media in batch:
            old = [*addresses.get(media.url, ()), *addresses.get(pages[media.pk], ())]
            yield from attachment_item(media, old)


def attachment_item(media, addresses) -> Iterator[str]:
    url = absolute(media.url)
    yield item_head(
        title=media.title or media.alt_text,
        link=url,
        date=media.created_at,
        creator=user_login(media.uploaded_by) if media.uploaded_by else "",
        content="",
        excerpt=media.caption,
    )
    yield item_fields(
        post_id=wp_id(media, MEDIA_IDS),
        date=media.created_at,
        modified=media.created_at,
        comment_status="closed",
        name=media.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0],
        status="inherit",
        parent=0,
        order=0,
        post_type="attachment",
        sticky=False,
    )
    yield element("wp:attachment_url", cdata(url))
    yield postmeta("_wp_attached_file", media.file.name)
    if media.alt_text:
        yield postmeta("_wp_attachment_image_alt", media.alt_text)
    for path in addresses:
        yield postmeta(OLD_ADDRESS_META, path)
    yield "\t</item>\n"


def pages() -> Iterator[str]:
    rows = Page.objects.select_related("author__profile", "parent").order_by("path", "pk")
    for batch in chunks(rows.iterator(chunk_size=CHUNK)):
        addresses = old_addresses([page.get_absolute_url() for page in batch])
        comments = page_comments(batch)
        for page in batch:
            old = addresses.get(page.get_absolute_url(), ())
            yield from page_item(page, old, comments.get(page.pk, ()))


def page_item(page, addresses, comments) -> Iterator[str]:
    yield item_head(
        title=page.title,
        link=absolute(page.get_absolute_url()),
        date=page.published_at or page.created_at,
        creator=user_login(page.author),
        content=page.body if page.body_format == BodyFormat.HTML else page.body_html,
        excerpt="",
    )
    yield item_fields(
        post_id=wp_id(page, PAGE_IDS),
        date=page.published_at or page.created_at,
        modified=page.updated_at,
        comment_status="closed",
        name=page.slug,
        status=PAGE_STATUS.get(page.status, "draft"),
        parent=wp_id(page.parent, PAGE_IDS) if page.parent_id else 0,
        order=page.position,
        post_type="page",
        sticky=False,
        password=page.password,
    )
    yield language_meta(page, addresses)
    yield from comments
    yield "\t</item>\n"


def posts(authors: set) -> Iterator[str]:
    rows = (
        Post.objects.select_related("author__profile", "cover")
        .prefetch_related("tags", "categories")
        .order_by("pk")
    )
    for batch in chunks(rows.iterator(chunk_size=CHUNK)):
        comments_by_post = defaultdict(list)
        exported = (
            Comment.objects.filter(post__in=[p.pk for p in batch], status__in=COMMENT_STATUS)
            .select_related("parent", "user__profile")
            # Parents before replies: WordPress's importer links a reply only to a parent
            # it has already inserted.
            .order_by("post_id", "depth", "submitted_at", "pk")
        )
        for comment in exported.iterator(chunk_size=CHUNK * 10):
            comments_by_post[comment.post_id].append(comment)
        addresses = old_addresses([post.get_absolute_url() for post in batch])
        for post in batch:
            old = addresses.get(post.get_absolute_url(), ())
            post_comments = [
                comment_element(c, authors) for c in comments_by_post.pop(post.pk, ())
            ]
            yield from post_item(post, post_comments, old)


def post_status(post) -> str:
    """WordPress's post_status for what readers experience (Post.effective_status)."""
    return POST_STATUS[post.effective_status]


def post_item(post, comments, addresses=()) -> Iterator[str]:
    status = post_status(post)
    yield item_head(
        title=post.title,
        link=absolute(post.get_absolute_url()),
        date=post.published_at or post.created_at,
        creator=user_login(post.author),
        content=post.body if post.body_format == BodyFormat.HTML else post.body_html,
        excerpt=post.lead,
    )
    yield item_fields(
        post_id=wp_id(post, POST_IDS),
        date=post.published_at or post.created_at,
        modified=post.updated_at,
        comment_status="open" if post.comments_open else "closed",
        name=post.slug,
        status=status,
        parent=0,
        order=0,
        post_type="post",
        sticky=post.sticky,
        password=post.password,
    )
    for category in post.categories.all():
        yield (
            f'\t\t<category domain="category" nicename={quoteattr(clean(category.slug))}>'
            f"{cdata(category.name)}</category>\n"
        )
    for tag in post.tags.all():
        yield (
            f'\t\t<category domain="post_tag" nicename={quoteattr(clean(tag.slug))}>'
            f"{cdata(tag.name)}</category>\n"
        )
    if post.cover_id:
        yield postmeta("_thumbnail_id", wp_id(post.cover, MEDIA_IDS))
    yield language_meta(post, addresses)
    yield from comments
    yield "\t</item>\n"
