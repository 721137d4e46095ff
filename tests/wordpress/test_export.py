"""manage.py export_wordpress writes a WXR 1.2 file as WordPress's export.php does."""

import io
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from comments.models import Comment
from comments.services import create_comment
from posts.markup import BodyFormat
from posts.models import Media, Post, Profile
from posts.services import create_category, create_page, create_post, create_tag
from tests.conftest import make_user
from wordpress.export import export_wxr
from wordpress.export.xml import COMMENT_IDS, ID_OFFSET, POST_IDS

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
}
WHEN = datetime(2024, 3, 5, 9, 30, tzinfo=UTC)


def export() -> str:
    out = io.StringIO()
    call_command("export_wordpress", stdout=out)
    return out.getvalue()


def parse(xml: str) -> ET.Element:
    return ET.fromstring(xml.encode()).find("channel")


def items(channel, post_type):
    return [
        item
        for item in channel.findall("item")
        if item.findtext("wp:post_type", "", NS) == post_type
    ]


def by_title(channel, title):
    return next(item for item in channel.findall("item") if item.findtext("title") == title)


@pytest.fixture
def site(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "media/2024/03").mkdir(parents=True)
    Image.new("RGB", (40, 30)).save(tmp_path / "media/2024/03/pacco.jpg")
    author = make_user(username="mrossi", first_name="Maria", last_name="Rossi")
    Profile.objects.create(user=author, display_name="Maria R.", wordpress_id=7)
    cover = Media(alt_text="Un pacco sulla soglia", caption="Consegna", uploaded_by=author)
    cover.file.name = "media/2024/03/pacco.jpg"
    cover.save()
    parent_cat = create_category(name="Servizio", slug="servizio", description="Tutto")
    child_cat = create_category(name="Reclami", slug="reclami", parent=parent_cat)
    tag = create_tag(name="caffè ☕", slug="caffe", wordpress_id=42)
    post = create_post(
        title="Città e «consegne»",
        author=author,
        body="Un corpo con ]]> dentro e **grassetto**.",
        lead="Il sommario",
        status=Post.Status.PUBLISHED,
        published_at=WHEN,
        tags=[tag],
        categories=[child_cat],
        cover=cover,
        sticky=True,
        wordpress_id=101,
    )
    html_post = create_post(
        title="Importato",
        author=author,
        body="<p>HTML <!-- wp:paragraph --> di WordPress: a]]>b</p>",
        body_format=BodyFormat.HTML,
        status=Post.Status.PUBLISHED,
        published_at=WHEN - timedelta(days=1),
        comments_open=False,
    )
    create_post(title="Bozza", author=author, body="x", status=Post.Status.DRAFT)
    create_post(
        title="Domani",
        author=author,
        body="x",
        status=Post.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(days=3),
    )
    about = create_page(
        title="Chi siamo", author=author, body="Noi", status="published", position=2
    )
    create_page(title="Team", author=author, body="Loro", parent=about, status="draft")

    def comment(**fields):
        fields.setdefault("author_name", "Lettore")
        fields.setdefault("author_email", "l@example.com")
        fields.setdefault("status", Comment.Status.APPROVED)
        fields.setdefault("submitted_at", WHEN + timedelta(hours=1))
        return create_comment(post=post, body=fields.pop("body", "Bel pezzo"), **fields)

    top = comment(wordpress_id=500)
    # Old data, written before URLs were validated: no service would accept it today.
    Comment.objects.filter(pk=top.pk).update(author_url="javascript:alert(1)")
    reply = comment(parent=top, body="Risposta", user=author, author_name="Maria R.")
    comment(parent=reply, body="Risposta alla risposta", status=Comment.Status.PENDING)
    comment(body="Cestino", status=Comment.Status.TRASH)
    comment(body="Compra ora", status=Comment.Status.SPAM)
    comment(body="Link da un altro blog", kind=Comment.Kind.PINGBACK, author_email="")
    comment(body="Traccia", kind=Comment.Kind.TRACKBACK, author_email="")
    return {"post": post, "html_post": html_post, "top": top, "reply": reply, "cover": cover}


def test_the_file_is_wxr_1_2_with_wordpress_namespaces(site):
    xml = export()
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8" ?>')
    root = ET.fromstring(xml.encode())
    assert root.tag == "rss" and root.get("version") == "2.0"
    for prefix in ("wp", "excerpt", "content", "dc", "wfw"):
        assert f'xmlns:{prefix}="{NS[prefix]}"' in xml
    channel = root.find("channel")
    assert channel.findtext("wp:wxr_version", namespaces=NS) == "1.2"
    assert channel.findtext("wp:base_site_url", namespaces=NS).startswith("http")


def test_every_kind_of_content_is_counted(site):
    channel = parse(export())
    assert len(items(channel, "post")) == 4
    assert len(items(channel, "page")) == 2
    assert len(items(channel, "attachment")) == 1
    assert len(channel.findall("wp:category", NS)) == 2
    assert len(channel.findall("wp:tag", NS)) == 1
    authors = channel.findall("wp:author", NS)
    assert [a.findtext("wp:author_login", namespaces=NS) for a in authors] == ["mrossi"]
    assert authors[0].findtext("wp:author_display_name", namespaces=NS) == "Maria R."
    assert authors[0].findtext("wp:author_id", namespaces=NS) == "7"


def test_statuses_map_to_wordpress_values(site):
    channel = parse(export())
    status = {
        i.findtext("title"): i.findtext("wp:status", namespaces=NS) for i in channel.iter("item")
    }
    assert status["Città e «consegne»"] == "publish"
    assert status["Bozza"] == "draft"
    assert status["Domani"] == "future"
    assert status["Chi siamo"] == "publish"
    assert status["Team"] == "draft"
    assert status["Un pacco sulla soglia"] == "inherit"
    draft = by_title(channel, "Bozza")
    assert draft.findtext("wp:post_date_gmt", namespaces=NS) == "0000-00-00 00:00:00"


def test_an_article_keeps_its_fields_terms_and_featured_image(site):
    channel = parse(export())
    item = by_title(channel, "Città e «consegne»")
    assert item.findtext("wp:post_id", namespaces=NS) == "101"
    assert item.findtext("wp:post_name", namespaces=NS) == site["post"].slug
    assert item.findtext("wp:post_date_gmt", namespaces=NS) == "2024-03-05 09:30:00"
    assert item.findtext("wp:post_date", namespaces=NS) == "2024-03-05 10:30:00"  # Rome
    assert item.findtext("wp:is_sticky", namespaces=NS) == "1"
    assert item.findtext("wp:comment_status", namespaces=NS) == "open"
    assert item.findtext("dc:creator", namespaces=NS) == "mrossi"
    assert item.findtext("excerpt:encoded", namespaces=NS) == "Il sommario"
    terms = {(c.get("domain"), c.get("nicename"), c.text) for c in item.findall("category")}
    assert terms == {("category", "reclami", "Reclami"), ("post_tag", "caffe", "caffè ☕")}
    meta = {
        m.findtext("wp:meta_key", namespaces=NS): m.findtext("wp:meta_value", namespaces=NS)
        for m in item.findall("wp:postmeta", NS)
    }
    attachment = items(channel, "attachment")[0]
    assert meta["_thumbnail_id"] == attachment.findtext("wp:post_id", namespaces=NS)
    assert meta["_blogsite_language"] == "it"
    assert attachment.findtext("wp:attachment_url", namespaces=NS).endswith(
        "/media/media/2024/03/pacco.jpg"
    )
    attachment_meta = {
        m.findtext("wp:meta_key", namespaces=NS): m.findtext("wp:meta_value", namespaces=NS)
        for m in attachment.findall("wp:postmeta", NS)
    }
    assert attachment_meta["_wp_attachment_image_alt"] == "Un pacco sulla soglia"
    assert attachment.findtext("excerpt:encoded", namespaces=NS) == "Consegna"


def test_a_body_containing_the_cdata_terminator_survives(site):
    xml = export()
    assert "]]]]><![CDATA[>" in xml
    body = by_title(parse(xml), "Importato").findtext("content:encoded", namespaces=NS)
    assert body.endswith("WordPress: a]]>b</p>")
    markdown = by_title(parse(xml), "Città e «consegne»").findtext(
        "content:encoded", namespaces=NS
    )
    assert "<strong>grassetto</strong>" in markdown  # Markdown goes out as readers see it


def test_an_html_article_goes_out_as_written(site):
    item = by_title(parse(export()), "Importato")
    body = item.findtext("content:encoded", namespaces=NS)
    assert body == "<p>HTML <!-- wp:paragraph --> di WordPress: a]]>b</p>"
    assert item.findtext("wp:comment_status", namespaces=NS) == "closed"


def test_pages_keep_their_hierarchy_and_order(site):
    channel = parse(export())
    about, team = by_title(channel, "Chi siamo"), by_title(channel, "Team")
    assert about.findtext("wp:post_parent", namespaces=NS) == "0"
    assert about.findtext("wp:menu_order", namespaces=NS) == "2"
    assert team.findtext("wp:post_parent", namespaces=NS) == about.findtext(
        "wp:post_id", namespaces=NS
    )
    # Our own rows get ids in their own range: a page never takes an article's id.
    ids = [int(i.findtext("wp:post_id", namespaces=NS)) for i in channel.iter("item")]
    assert len(ids) == len(set(ids))


def test_categories_come_parents_first_with_the_parent_slug(site):
    categories = parse(export()).findall("wp:category", NS)
    names = [c.findtext("wp:cat_name", namespaces=NS) for c in categories]
    assert names == ["Servizio", "Reclami"]
    assert categories[1].findtext("wp:category_parent", namespaces=NS) == "servizio"
    assert categories[0].findtext("wp:category_description", namespaces=NS) == "Tutto"


def test_comments_keep_threads_statuses_and_kinds_and_spam_stays_out(site):
    item = by_title(parse(export()), "Città e «consegne»")
    comments = item.findall("wp:comment", NS)

    def field(c, name):
        return c.findtext(f"wp:comment_{name}", namespaces=NS)

    by_body = {field(c, "content"): c for c in comments}
    assert "Compra ora" not in by_body
    assert len(comments) == 6
    top, reply = by_body["Bel pezzo"], by_body["Risposta"]
    assert field(top, "id") == "500"
    assert field(top, "parent") == "0"
    assert field(reply, "parent") == "500"
    assert field(reply, "id") == str(COMMENT_IDS + site["reply"].pk)
    assert field(by_body["Risposta alla risposta"], "parent") == field(reply, "id")
    assert field(reply, "user_id") == "7"
    assert field(top, "user_id") == "0"
    assert field(top, "approved") == "1"
    assert field(by_body["Risposta alla risposta"], "approved") == "0"
    assert field(by_body["Cestino"], "approved") == "trash"
    assert field(by_body["Link da un altro blog"], "type") == "pingback"
    assert field(by_body["Traccia"], "type") == "trackback"
    assert field(top, "type") == "comment"
    assert field(top, "author_url") == ""  # a javascript: address is never exported
    # Every parent comes before its replies (WordPress's importer needs that order).
    order = [field(c, "id") for c in comments]
    assert order.index("500") < order.index(field(reply, "id"))


def test_a_reply_under_spam_is_exported_as_top_level(site):
    spam = Comment.objects.get(body="Compra ora")
    create_comment(
        post=site["post"],
        parent=spam,
        body="Risposta allo spam",
        author_name="Ingenuo",
        status="approved",
        submitted_at=WHEN + timedelta(hours=2),
    )
    item = by_title(parse(export()), "Città e «consegne»")
    reply = next(
        c
        for c in item.findall("wp:comment", NS)
        if c.findtext("wp:comment_content", namespaces=NS) == "Risposta allo spam"
    )
    assert reply.findtext("wp:comment_parent", namespaces=NS) == "0"


def test_our_own_rows_get_offset_ids(site):
    item = by_title(parse(export()), "Importato")
    assert item.findtext("wp:post_id", namespaces=NS) == str(POST_IDS + site["html_post"].pk)
    assert POST_IDS == ID_OFFSET


def test_unicode_and_control_characters_make_well_formed_xml(site):
    post = site["post"]
    Post.objects.filter(pk=post.pk).update(title="Perché \x0bservizio — 日本語 🎉")
    item = by_title(parse(export()), "Perché servizio — 日本語 🎉")
    assert item is not None


def test_the_command_writes_a_file_with_output(site, tmp_path):
    target = tmp_path / "site.xml"
    call_command("export_wordpress", output=str(target), stderr=io.StringIO())
    assert len(items(parse(target.read_text(encoding="utf-8")), "post")) == 4


def test_an_unwritable_output_gets_a_clear_error_and_leaves_no_partial_file(site, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Cannot write"):
        call_command("export_wordpress", output=str(tmp_path / "missing" / "site.xml"))
    target = tmp_path / "site.xml"
    target.write_text("old export")
    call_command("export_wordpress", output=str(target), stderr=io.StringIO())
    assert target.read_text(encoding="utf-8").startswith("<?xml")
    assert not (tmp_path / "site.xml.part").exists()


def test_the_export_streams_pieces_instead_of_one_string(site):
    pieces = export_wxr()
    first = next(pieces)
    assert first.startswith("<?xml")
    assert sum(1 for _ in pieces) > 20


def test_comments_are_read_per_chunk_of_articles_not_per_article(
    site, django_assert_max_num_queries
):
    author = site["post"].author
    for n in range(30):
        extra = create_post(title=f"Altro {n}", author=author, body="y", status="published")
        create_comment(
            post=extra, body="ciao", author_name="A", status="approved", submitted_at=WHEN
        )
    # Plus one query per kind of item (and chunk) for the old addresses that lead to them.
    with django_assert_max_num_queries(20):
        xml = "".join(export_wxr())
    assert len(items(parse(xml), "post")) == 34


def test_an_empty_site_exports_a_valid_file(db):
    channel = parse(export())
    assert channel.findall("item") == []
    assert channel.findtext("wp:wxr_version", namespaces=NS) == "1.2"
