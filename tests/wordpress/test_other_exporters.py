"""Exports that reached us from real blogs, each oddity written out small: what other
engines' WXR writers put in the file (Squarespace's export: negative author ids, no
wp:post_date), and a blog in a language other than the site's first, whose pages' old
addresses must still answer 301."""

from django.utils import timezone

from comments.models import Comment
from posts.models import Media, Page, Post, Profile, Tag
from tests.conftest import make_user
from wordpress.importer import run_import
from wordpress.models import PageComment

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Acme</title><link>https://example.com</link><language>{language}</language>
<wp:wxr_version>1.2</wp:wxr_version>
"""

# As Squarespace writes it: an author id below zero, an e-mail address as the login, and
# items with their RSS pubDate but no wp:post_date.
SQUARESPACE = (
    HEAD.format(language="en-US")
    + """<wp:author><wp:author_id>-19091979</wp:author_id>
<wp:author_login>hermione@example.com</wp:author_login>
<wp:author_email>hermione@example.com</wp:author_email>
<wp:author_display_name><![CDATA[Hermione Granger]]></wp:author_display_name></wp:author>
<wp:category><wp:cat_name><![CDATA[Company News]]></wp:cat_name>
<wp:category_nicename>Company News</wp:category_nicename><wp:category_parent /></wp:category>
<item><title>Basic Post</title><link>/blog/basic-post.html</link>
<content:encoded><![CDATA[<p>Body</p>]]></content:encoded>
<wp:post_name>basic-post.html</wp:post_name><wp:post_type>post</wp:post_type>
<wp:post_id>4</wp:post_id><wp:status>publish</wp:status>
<pubDate>Fri, 07 Jun 2013 03:00:44 +0000</pubDate>
<dc:creator>hermione@example.com</dc:creator></item>
<item><link>https://example.com/services</link><title>Services</title>
<pubDate>Sat, 27 May 2017 11:33:38 +0000</pubDate>
<content:encoded><![CDATA[<p>What we do</p>]]></content:encoded>
<wp:post_name>services</wp:post_name><wp:post_type>page</wp:post_type>
<wp:post_id>135</wp:post_id><wp:status>publish</wp:status></item>
</channel></rss>
"""
)


def write(tmp_path, text):
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_author_id_no_column_takes_costs_only_the_id(db, tmp_path):
    report = run_import(write(tmp_path, SQUARESPACE))
    assert not report.error
    profile = Profile.objects.get(display_name="Hermione Granger")
    assert profile.wordpress_id is None
    assert profile.wordpress_login == "hermione@example.com"
    post = Post.objects.get(wordpress_id=4)
    assert post.author_id == profile.user_id
    changed = [e for e in report.entries() if e.kind == "authors" and e.field == "wordpress_id"]
    assert len(changed) == 1 and "-19091979" in changed[0].message
    # A second run finds the author again by the login: nothing new.
    run_import(write(tmp_path, SQUARESPACE))
    assert Profile.objects.filter(display_name="Hermione Granger").count() == 1


def test_an_item_dated_only_by_its_rss_pubdate_stays_published(db, tmp_path):
    report = run_import(write(tmp_path, SQUARESPACE))
    page = Page.objects.get(wordpress_id=135)
    assert page.status == Page.Status.PUBLISHED
    assert page.published_at.isoformat() == "2017-05-27T11:33:38+00:00"
    assert Post.objects.get(wordpress_id=4).published_at.year == 2013
    dated = [e for e in report.entries() if e.field == "date"]
    assert {e.wordpress_id for e in dated} == {4, 135}


def test_a_wordpress_epoch_pubdate_is_no_date(db, tmp_path):
    """WordPress writes 1970-01-01 as the pubDate of an item it never dated."""
    text = SQUARESPACE.replace("Sat, 27 May 2017 11:33:38", "Thu, 01 Jan 1970 00:00:00")
    run_import(write(tmp_path, text))
    assert Page.objects.get(wordpress_id=135).status == Page.Status.DRAFT


def test_the_old_address_of_a_page_in_the_second_language_answers_301(db, tmp_path, client):
    """English pages live under /en/; the old /services/ is still a permanent redirect."""
    run_import(write(tmp_path, SQUARESPACE))
    page = Page.objects.get(wordpress_id=135)
    assert page.language == "en"
    for old in ("/services/", "/services"):
        response = client.get(old, follow=True)
        assert response.redirect_chain, old
        assert all(code == 301 for _url, code in response.redirect_chain), old
        assert response.redirect_chain[-1][0] == page.get_absolute_url()
        assert response.status_code == 200


def test_a_page_written_here_in_another_language_keeps_its_temporary_redirect(db, client):
    """Only imported pages' old addresses are made permanent."""
    Page.objects.create(
        title="Services",
        slug="services",
        language="en",
        body="x",
        author=make_user(),
        status=Page.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    assert client.get("/services/").status_code == 302


# A blog WordPress served from a folder (example.com/blog/): its query-string addresses
# were /blog/?p=12 and /blog/index.php?page_id=10, not /?p=12.
IN_A_FOLDER = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Blog</title><link>https://example.com/blog</link><language>it-IT</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://example.com/blog</wp:base_site_url>
<wp:base_blog_url>https://example.com/blog</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>admin</wp:author_login></wp:author>
<item><title>Chi siamo</title><link>https://example.com/blog/chi-siamo/</link>
<dc:creator>admin</dc:creator><guid isPermaLink="false">https://example.com/blog/?page_id=10</guid>
<content:encoded><![CDATA[<p>Noi</p>]]></content:encoded><wp:post_id>10</wp:post_id>
<wp:post_date_gmt>2021-03-01 08:00:00</wp:post_date_gmt><wp:post_name>chi-siamo</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>
<item><title>Primo</title><link>https://example.com/blog/2021/03/01/primo/</link>
<dc:creator>admin</dc:creator><guid isPermaLink="false">https://example.com/blog/?p=12</guid>
<content:encoded><![CDATA[<p>Testo</p>]]></content:encoded><wp:post_id>12</wp:post_id>
<wp:post_date_gmt>2021-03-01 08:00:00</wp:post_date_gmt><wp:post_name>primo</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>
"""


def test_query_addresses_of_a_blog_in_a_folder_answer_301(db, tmp_path, client):
    run_import(write(tmp_path, IN_A_FOLDER))
    post = Post.objects.get(wordpress_id=12)
    page = Page.objects.get(wordpress_id=10)
    for old, target in (
        ("/blog/?p=12", post.get_absolute_url()),
        ("/blog?p=12", post.get_absolute_url()),
        ("/blog/index.php?p=12", post.get_absolute_url()),
        ("/blog/?page_id=10", page.get_absolute_url()),
        ("/blog/2021/03/01/primo/", post.get_absolute_url()),
    ):
        response = client.get(old)
        assert (response.status_code, response.get("Location")) == (301, target), old
    assert client.get("/blog/?p=99").status_code == 404
    # Another folder is not the blog's.
    assert client.get("/altro/?p=12").status_code == 404


def test_an_old_page_address_of_the_second_language_is_no_collision(db, tmp_path):
    """/services/ is not answered by the English page (that lives at /en/services/): the
    report does not call it one of our addresses, and the redirect row is kept."""
    report = run_import(write(tmp_path, SQUARESPACE))
    assert not [path for path, _what in report.collisions if path == "/services/"]


def test_two_items_with_one_wordpress_id_are_reported(db, tmp_path):
    """Seen in an exporter's test file: two pages under id 334. The later one replaces the
    first (one id, one row), and the report names the page that was replaced."""
    page = (
        "<item><title>{title}</title><link>https://example.com/{slug}/</link>"
        "<content:encoded><![CDATA[<p>x</p>]]></content:encoded>"
        "<wp:post_id>334</wp:post_id><wp:post_date_gmt>2012-04-11 11:38:08</wp:post_date_gmt>"
        "<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status>"
        "<wp:post_type>page</wp:post_type></item>"
    )
    text = SQUARESPACE.replace(
        "</channel>",
        page.format(title="Page", slug="contact")
        + page.format(title="Empty", slug="empty")
        + "</channel>",
    )
    report = run_import(write(tmp_path, text))
    notes = [e for e in report.entries() if e.wordpress_id == 334 and e.field == "wordpress_id"]
    assert len(notes) == 1 and "“Page”" in notes[0].message
    assert Page.objects.filter(wordpress_id=334).count() == 1


def test_the_page_of_an_attachment_whose_article_is_a_draft_leads_to_its_file(
    db, tmp_path, client, media_dir, media_root
):
    """An image uploaded into an article that stayed a draft (or went to the trash): its
    old page answers with the image's own page here, not a 404."""
    items = (
        "<item><title>Bozza</title><link>https://example.com/?p=51</link>"
        "<content:encoded><![CDATA[<p>x</p>]]></content:encoded><wp:post_id>51</wp:post_id>"
        "<wp:post_name>bozza</wp:post_name><wp:status>draft</wp:status>"
        "<wp:post_type>post</wp:post_type></item>"
        "<item><title>grafico</title><link>https://example.com/bozza/grafico/</link>"
        "<wp:post_id>50</wp:post_id><wp:post_parent>51</wp:post_parent>"
        "<wp:post_date_gmt>2020-03-01 08:00:00</wp:post_date_gmt>"
        "<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>"
        "<wp:attachment_url>https://example.com/wp-content/uploads/2020/03/grafico.jpg"
        "</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key>"
        "<wp:meta_value>2020/03/grafico.jpg</wp:meta_value></wp:postmeta></item>"
    )
    text = SQUARESPACE.replace("</channel>", items + "</channel>")
    run_import(write(tmp_path, text), media_dir=media_dir)
    media = Media.objects.get(wordpress_id=50)
    for old in ("/?attachment_id=50", "/bozza/grafico/"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, media.get_absolute_url())


def note(cid, parent=0, approved="0", kind="note"):
    return (
        f"<wp:comment><wp:comment_id>{cid}</wp:comment_id>"
        "<wp:comment_author><![CDATA[admin]]></wp:comment_author>"
        "<wp:comment_date_gmt>2026-03-24 10:37:45</wp:comment_date_gmt>"
        f"<wp:comment_content><![CDATA[Note {cid}]]></wp:comment_content>"
        f"<wp:comment_approved><![CDATA[{approved}]]></wp:comment_approved>"
        f"<wp:comment_type><![CDATA[{kind}]]></wp:comment_type>"
        f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )


def noted_item(pid, kind, first_id):
    """An article or page with a note, a reply to it (approved) and a reader's comment."""
    comments = (
        note(first_id)
        + note(first_id + 1, parent=first_id, approved="1")
        + note(first_id + 2, kind="comment", approved="1")
    )
    return (
        f"<item><title>Notes</title><link>https://example.com/notes-{pid}/</link>"
        f"<content:encoded><![CDATA[<p>x</p>]]></content:encoded><wp:post_id>{pid}</wp:post_id>"
        "<wp:post_date_gmt>2026-03-24 10:38:09</wp:post_date_gmt>"
        f"<wp:post_name>notes-{pid}</wp:post_name><wp:status>publish</wp:status>"
        f"<wp:post_type>{kind}</wp:post_type>{comments}</item>"
    )


def test_editors_notes_are_not_reader_comments(db, tmp_path):
    """WordPress 6.9 exports its block notes (editors' remarks on a draft's text) as
    comments of type "note": they never reach the moderation queue or a page here."""
    items = noted_item(20, "post", 2) + noted_item(21, "page", 5)
    report = run_import(write(tmp_path, SQUARESPACE.replace("</channel>", items + "</channel>")))
    assert list(Comment.objects.values_list("wordpress_id", flat=True)) == [4]
    assert list(PageComment.objects.values_list("wordpress_id", flat=True)) == [7]
    skipped = {e.wordpress_id for e in report.entries() if e.field == "type"}
    assert skipped == {2, 3, 5, 6}


def test_a_static_front_page_keeps_its_id_address_and_the_root_stays_our_home(
    db, tmp_path, client
):
    """A blog whose front page was a page: WordPress gives it the blog's root as <link>.
    The page arrives and ?page_id= leads to it; "/" stays our home, and the report says
    so in the site's language (it was an English sentence in an Italian report)."""
    front = (
        "<item><title>Welcome</title><link>https://example.com/</link>"
        "<content:encoded><![CDATA[<p>Hello</p>]]></content:encoded>"
        "<wp:post_id>66</wp:post_id><wp:post_date_gmt>2012-10-30 17:43:13</wp:post_date_gmt>"
        "<wp:post_name>welcome</wp:post_name><wp:status>publish</wp:status>"
        "<wp:post_type>page</wp:post_type></item>"
    )
    report = run_import(write(tmp_path, SQUARESPACE.replace("</channel>", front + "</channel>")))
    page = Page.objects.get(wordpress_id=66)
    assert page.status == Page.Status.PUBLISHED
    response = client.get("/?page_id=66")
    assert (response.status_code, response["Location"]) == (301, page.get_absolute_url())
    assert client.get("/").status_code == 200
    assert ["/", "posts:index"] in report.collisions
    reasons = [e.message for e in report.entries() if e.kind == "redirects"]
    assert reasons == ["lì risponde già un nostro indirizzo (posts:index)"]


# An English blog with a tag, on a site whose first language is Italian: /tag/personal/ is
# also the address of our Italian tag pages, which send another language's tag on with a
# temporary redirect; the move-in's row makes it permanent.
ENGLISH_TAG = (
    HEAD.format(language="en-GB")
    + """<wp:author><wp:author_id>1</wp:author_id><wp:author_login>ann</wp:author_login>
</wp:author>
<wp:tag><wp:term_id>5</wp:term_id><wp:tag_slug>personal</wp:tag_slug>
<wp:tag_name><![CDATA[Personal]]></wp:tag_name></wp:tag>
<item><title>Hello</title><link>https://example.com/2020/01/02/hello/</link>
<dc:creator>ann</dc:creator><content:encoded><![CDATA[<p>Hi</p>]]></content:encoded>
<wp:post_id>7</wp:post_id><wp:post_date_gmt>2020-01-02 10:00:00</wp:post_date_gmt>
<wp:post_name>hello</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="post_tag" nicename="personal"><![CDATA[Personal]]></category></item>
</channel></rss>
"""
)


def test_the_old_address_of_a_tag_in_the_second_language_answers_301(db, tmp_path, client):
    report = run_import(write(tmp_path, ENGLISH_TAG))
    tag = Tag.objects.get(slug="personal")
    assert tag.language == "en"
    assert not [path for path, _what in report.collisions if path == "/tag/personal/"]
    response = client.get("/tag/personal/")
    assert (response.status_code, response["Location"]) == (301, tag.get_absolute_url())
    assert client.get(response["Location"]).status_code == 200


def test_a_tag_made_here_in_another_language_keeps_its_temporary_redirect(db, client):
    Tag.objects.create(name="Personal", slug="personal", language="en")
    response = client.get("/tag/personal/")
    assert (response.status_code, response["Location"]) == (302, "/en/tag/personal/")
