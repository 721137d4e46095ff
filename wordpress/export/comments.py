"""Comments as export.php's <wp:comment> writes them: articles' comments, and the comments
WordPress pages had (kept here as wordpress.models.PageComment), threads and statuses kept."""

from comments.models import Comment
from posts.weburl import web_url
from wordpress.export.xml import COMMENT_IDS, cdata, gmt_date, local_date, user_wp_id, wp_id
from wordpress.models import PageComment

# WordPress's comment_approved values; spam is left out of the file, as WordPress does.
COMMENT_STATUS = {
    Comment.Status.APPROVED: "1",
    Comment.Status.PENDING: "0",
    Comment.Status.TRASH: "trash",
}


def element(*, wordpress_id, name, email, url, ip, date, body, approved, kind, parent, user_id):
    return (
        "\t\t<wp:comment>\n"
        f"\t\t\t<wp:comment_id>{wordpress_id}</wp:comment_id>\n"
        f"\t\t\t<wp:comment_author>{cdata(name)}</wp:comment_author>\n"
        f"\t\t\t<wp:comment_author_email>{cdata(email)}</wp:comment_author_email>\n"
        # As WordPress's esc_url_raw(): an address that is not http(s) is left out.
        f"\t\t\t<wp:comment_author_url>{cdata(web_url(url))}</wp:comment_author_url>\n"
        f"\t\t\t<wp:comment_author_IP>{cdata(ip or '')}</wp:comment_author_IP>\n"
        f"\t\t\t<wp:comment_date>{cdata(local_date(date))}</wp:comment_date>\n"
        f"\t\t\t<wp:comment_date_gmt>{cdata(gmt_date(date))}</wp:comment_date_gmt>\n"
        f"\t\t\t<wp:comment_content>{cdata(body)}</wp:comment_content>\n"
        f"\t\t\t<wp:comment_approved>{cdata(approved)}</wp:comment_approved>\n"
        f"\t\t\t<wp:comment_type>{cdata(kind)}</wp:comment_type>\n"
        f"\t\t\t<wp:comment_parent>{parent}</wp:comment_parent>\n"
        f"\t\t\t<wp:comment_user_id>{user_id}</wp:comment_user_id>\n"
        "\t\t</wp:comment>\n"
    )


def comment_element(comment, authors: set) -> str:
    """An article's comment; `authors` are the pks of the accounts in the file's authors."""
    # A reply under a comment left out (spam) becomes top-level: WordPress's importer would
    # otherwise keep the old parent id, which may be another comment's on the new site.
    exported_parent = comment.parent_id and comment.parent.status in COMMENT_STATUS
    return _element_of(
        comment,
        wordpress_id=wp_id(comment, COMMENT_IDS),
        parent=wp_id(comment.parent, COMMENT_IDS) if exported_parent else 0,
        user_id=user_wp_id(comment.user) if comment.user_id in authors else 0,
    )


def _element_of(row, *, wordpress_id: int, parent: int, user_id: int) -> str:
    """A <wp:comment> of an article's comment or a page's kept one (the same field names)."""
    return element(
        wordpress_id=wordpress_id,
        name=row.author_name,
        email=row.author_email,
        url=row.author_url,
        ip=row.ip_address,
        date=row.submitted_at,
        body=row.body,
        approved=COMMENT_STATUS[row.status],
        kind=row.kind,
        parent=parent,
        user_id=user_id,
    )


def page_comments(pages) -> dict[int, list[str]]:
    """The comments WordPress pages had, per page (one query for the chunk of pages)."""
    by_page: dict[int, list] = {}
    rows = PageComment.objects.filter(page__in=[page.pk for page in pages])
    for row in rows.order_by("submitted_at", "pk"):
        by_page.setdefault(row.page_id, []).append(row)
    return {pk: _thread(rows) for pk, rows in by_page.items()}


def _thread(rows) -> list[str]:
    """A page's comments, parents first, spam left out."""
    rows = [row for row in rows if row.status in COMMENT_STATUS]
    kept = {row.wordpress_id for row in rows}
    by_parent: dict[int, list] = {}
    for row in rows:
        parent = row.parent_wordpress_id if row.parent_wordpress_id in kept else 0
        by_parent.setdefault(parent, []).append(row)
    ordered, queue = [], [0]
    while queue:  # breadth first: a reply after the comment it answers
        for row in by_parent.pop(queue.pop(0), []):
            ordered.append(row)
            queue.append(row.wordpress_id)
    for rest in by_parent.values():  # a loop in the data: kept, at the end
        ordered.extend(rest)
    return [
        _element_of(
            row,
            wordpress_id=row.wordpress_id,
            parent=row.parent_wordpress_id if row.parent_wordpress_id in kept else 0,
            user_id=0,
        )
        for row in ordered
    ]
