"""Our export read the way WordPress's own importer reads a file (WordPress/wordpress-importer,
parsers/class-wxr-parser-simplexml.php and class-wp-import.php), ported to Python: every
field it reads is there, and nothing it needs points at something missing."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from lxml import etree

from comments.models import Comment
from posts.models import Page, Post
from tests.wordpress.test_round_trip_keeps_everything import FIXTURES, full_site  # noqa: F401
from wordpress.importer import run_import

AUTHOR_FIELDS = (
    "author_id",
    "author_login",
    "author_email",
    "author_display_name",
    "author_first_name",
    "author_last_name",
)
CATEGORY_FIELDS = (
    "term_id",
    "category_nicename",
    "category_parent",
    "cat_name",
    "category_description",
)
TAG_FIELDS = ("term_id", "tag_slug", "tag_name", "tag_description")
ITEM_WP_FIELDS = (
    "post_id",
    "post_date",
    "post_date_gmt",
    "comment_status",
    "ping_status",
    "post_name",
    "status",
    "post_parent",
    "menu_order",
    "post_type",
    "post_password",
    "is_sticky",
)
COMMENT_FIELDS = (
    "comment_id",
    "comment_author",
    "comment_author_email",
    "comment_author_IP",
    "comment_author_url",
    "comment_date",
    "comment_date_gmt",
    "comment_content",
    "comment_approved",
    "comment_type",
    "comment_parent",
    "comment_user_id",
)
# Post types every WordPress has (the importer refuses others: "Invalid post type").
BUILT_IN_TYPES = {"post", "page", "attachment"}
DC = "http://purl.org/dc/elements/1.1/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"


def wordpress_importer_reads(xml: bytes) -> dict:
    """WXR_Parser_SimpleXML::parse(), with the checks WP_Import makes as it imports."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(xml, parser)
    assert root.getroottree().docinfo.doctype == "", "a DOCTYPE is refused"
    namespaces = root.nsmap
    # Without them the parser falls back to the 1.1 namespaces and reads nothing of a 1.2 file.
    assert "wp" in namespaces and "excerpt" in namespaces
    wp, excerpt = namespaces["wp"], namespaces["excerpt"]
    version = root.xpath("/rss/channel/wp:wxr_version", namespaces={"wp": wp})
    assert version and re.fullmatch(r"\d+\.\d+", version[0].text.strip())
    assert root.xpath("/rss/channel/wp:base_site_url", namespaces={"wp": wp})
    assert root.xpath("/rss/channel/wp:base_blog_url", namespaces={"wp": wp})

    def fields(element, names, namespace=wp):
        found = {
            etree.QName(child).localname: child.text or ""
            for child in element
            if isinstance(child.tag, str) and etree.QName(child).namespace == namespace
        }
        missing = [name for name in names if name not in found]
        assert not missing, (element.tag, missing)
        return found

    channel = root.find("channel")
    authors = {}
    for element in channel.findall(f"{{{wp}}}author"):
        author = fields(element, AUTHOR_FIELDS)
        assert author["author_login"] not in authors, "logins are the importer's keys"
        authors[author["author_login"]] = int(author["author_id"])
    categories = set()
    for element in channel.findall(f"{{{wp}}}category"):
        category = fields(element, CATEGORY_FIELDS)
        # wp_insert_category() finds the parent by its slug: it must be imported first.
        parent = category["category_parent"]
        assert not parent or parent in categories, category
        categories.add(category["category_nicename"])
    tags = {fields(e, TAG_FIELDS)["tag_slug"] for e in channel.findall(f"{{{wp}}}tag")}
    items = []
    for element in channel.findall("item"):
        assert element.find("title") is not None and element.find("guid") is not None
        assert element.find(f"{{{DC}}}creator") is not None
        assert element.find(f"{{{CONTENT}}}encoded") is not None
        assert element.find(f"{{{excerpt}}}encoded") is not None
        item = fields(element, ITEM_WP_FIELDS)
        item["creator"] = element.findtext(f"{{{DC}}}creator")
        assert item["post_type"] in BUILT_IN_TYPES, item["post_type"]
        if item["post_type"] == "attachment":
            assert re.match(r"https?://", element.findtext(f"{{{wp}}}attachment_url") or "")
        elif item["creator"]:
            assert item["creator"] in authors, ("an author missing", item["creator"])
        for term in element.findall("category"):
            assert term.get("nicename") and term.get("domain"), "terms need both"
            known = categories if term.get("domain") == "category" else tags
            assert term.get("nicename") in known, term.get("nicename")
        for meta in element.findall(f"{{{wp}}}postmeta"):
            fields(meta, ("meta_key", "meta_value"))
        seen = set()
        item["comments"] = []
        for comment in element.findall(f"{{{wp}}}comment"):
            read = fields(comment, COMMENT_FIELDS)
            # A reply is linked only to a parent already inserted (class-wp-import.php).
            assert read["comment_parent"] in ("0", *seen), read
            # comment_user_id is mapped through the file's authors, or kept as it is.
            assert int(read["comment_user_id"]) in (0, *authors.values()), read
            seen.add(read["comment_id"])
            item["comments"].append(read)
        items.append(item)
    pages = {item["post_id"] for item in items if item["post_type"] == "page"}
    for item in items:
        if item["post_type"] == "page" and item["post_parent"] != "0":
            assert item["post_parent"] in pages, "a page's parent is in the file"
    return {"authors": authors, "items": items, "categories": categories, "tags": tags}


def test_wordpress_importer_reads_every_field_of_our_export(full_site):  # noqa: F811
    out = StringIO()
    call_command("export_wordpress", stdout=out)
    read = wordpress_importer_reads(out.getvalue().encode("utf-8"))
    assert "quiet-author" in read["authors"]  # an author with nothing published
    assert "odd>login" in read["authors"]  # as WordPress knew them
    by_type = {}
    for item in read["items"]:
        by_type[item["post_type"]] = by_type.get(item["post_type"], 0) + 1
    assert by_type["post"] == Post.objects.count()
    assert by_type["page"] == Page.objects.count()
    exported_comments = sum(len(item["comments"]) for item in read["items"])
    assert exported_comments >= Comment.objects.exclude(status="spam").count() + 3


@pytest.mark.parametrize("name", ["blog.xml", "addresses.xml", "polylang.xml"])
def test_the_port_accepts_the_files_we_wrote_after_export_php(name, db, media_root):
    # The port is no stricter than WordPress: our hand-written fixtures pass it too, once
    # run through our import and export.
    assert not run_import(FIXTURES / name).error
    out = StringIO()
    call_command("export_wordpress", stdout=out)
    assert wordpress_importer_reads(out.getvalue().encode("utf-8"))["items"]


def test_the_port_refuses_what_wordpress_refuses():
    with pytest.raises(AssertionError):
        wordpress_importer_reads(
            b'<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
            b"<wp:wxr_version>1.2</wp:wxr_version></channel></rss>"  # no excerpt namespace
        )
    with pytest.raises(AssertionError):
        wordpress_importer_reads(
            b'<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" '
            b'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"><channel>'
            b"<wp:wxr_version>one</wp:wxr_version></channel></rss>"
        )
