"""Every old address of a WordPress blog answers 301 (never 302) to the same content here,
under every permalink structure WordPress offers; an address naming nothing is a 404."""

import re
from pathlib import Path

import pytest

from comments.models import Comment
from posts.models import Category, Page, Post
from wordpress.importer import run_import

ADDRESSES = Path(__file__).parent / "fixtures" / "addresses.xml"
POST = "/2009/08/06/edge-case-no-content/"
GREEK = "/about/%ce%b5%ce%bb%ce%bb%ce%b7%ce%bd%ce%b9%ce%ba%ce%ac/"


@pytest.fixture
def site(db, media_root):
    report = run_import(ADDRESSES)
    assert not report.error
    return report


def permanent(client, old):
    """The one 301 the old address answers with, and the page it leads to."""
    first = client.get(old)
    assert first.status_code == 301, (old, first.status_code)
    landing = client.get(first["Location"])
    assert landing.status_code == 200, (old, first["Location"], landing.status_code)
    return first["Location"], landing


def heading(response) -> str:
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    return h1[1] if h1 else ""


@pytest.mark.parametrize(
    "old",
    [
        POST,  # day and name, as the export wrote it
        "/2009/08/edge-case-no-content/",  # month and name
        "/edge-case-no-content/",  # post name
        "/archives/1149",  # numeric
        "/archives/1149/",
        "/index.php/2009/08/06/edge-case-no-content/",  # "almost pretty" PATHINFO links
        "/grandchild/edge-case-no-content/",  # /%category%/%postname%/
        "/?p=1149",  # plain
        "/index.php?p=1149",
        POST + "amp/",
        POST + "comment-page-1/",
        POST + "canola2/",  # the attachment page of one of its images
        "/?attachment_id=1300",
        "/?p=1300",  # WordPress answers ?p= for attachments too
    ],
)
def test_an_article_answers_under_every_permalink_structure(client, site, old):
    target, landing = permanent(client, old)
    assert target == Post.objects.get(wordpress_id=1149).get_absolute_url()
    assert "Edge Case: No Content" in heading(landing)


def test_an_articles_feed_address_leads_to_its_comment_feed(client, site):
    target, feed = permanent(client, POST + "feed/")
    assert "/feed/" in target and "rss" in feed["Content-Type"]
    assert "no adverse effects" in feed.content.decode()
    assert client.get(POST + "feed/atom/")["Location"] == target


def test_the_post_by_a_login_with_an_angle_bracket_answers(client, site):
    _target, landing = permanent(client, "/2012/03/04/by-an-odd-login/")
    assert "By an odd login" in heading(landing)
    assert Post.objects.get(wordpress_id=1150).author.profile.wordpress_login == "odd>login"
    _target, author = permanent(client, "/author/odd%3Elogin/")
    assert "Odd Login" in author.content.decode()
    _target, author = permanent(client, "/?author=13")
    assert "Odd Login" in author.content.decode()


def test_pages_at_any_depth_with_greek_slugs_answer(client, site):
    deeper = Page.objects.get(wordpress_id=1202)
    assert deeper.parent.parent.wordpress_id == 1200  # listed before its parents
    for old, wordpress_id in (
        (GREEK, 1201),
        (GREEK.upper().replace("/ABOUT/", "/about/"), 1201),  # a browser's own encoding
        (GREEK + "%ce%b2%ce%b1%ce%b8%cf%8d%cf%84%ce%b5%cf%81%ce%b1/", 1202),
        ("/?page_id=1202", 1202),
        ("/?p=1201", 1201),  # ?p= answers for pages too
    ):
        target, landing = permanent(client, old)
        page = Page.objects.get(wordpress_id=wordpress_id)
        assert target == page.get_absolute_url()
        assert page.title in landing.content.decode()
    assert client.get("/about/").status_code == 200  # served at its old path, as it was
    target, _landing = permanent(client, "/about/dsc20040724_152504_532/")  # an attachment
    assert target == "/about/"


def test_a_password_protected_page_answers_at_its_old_path_and_its_password_opens_it(client, site):
    members = Page.objects.get(wordpress_id=1210)
    assert members.status == Page.Status.PUBLISHED and members.password == "members 2011"
    assert not any(entry.wordpress_id == 1210 for entry in site.entries())  # imported whole
    locked = client.get("/members-only/")
    assert locked.status_code == 200
    assert 'id="password-form"' in locked.content.decode()
    assert "The members' schedule." not in locked.content.decode()
    client.post(
        "/sblocca/",
        {"item": f"page:{members.pk}", "password": "members 2011"},
        headers={"Origin": "http://testserver"},
    )
    assert "The members' schedule." in client.get("/members-only/").content.decode()


def test_categories_at_any_depth_tags_and_their_feeds_and_pages(client, site):
    grandchild = Category.objects.get(wordpress_id=12)
    for old in (
        "/category/parent/child-1/grandchild/",
        "/category/grandchild/",
        "/?cat=12",
        "/index.php/category/parent/child-1/grandchild/",
    ):
        target, landing = permanent(client, old)
        assert target == grandchild.get_absolute_url()
        assert "Grandchild" in heading(landing)
    target, feed = permanent(client, "/category/parent/child-1/grandchild/feed/")
    assert "rss" in feed["Content-Type"] and "Edge Case: No Content" in feed.content.decode()
    assert client.get("/category/grandchild/page/2/")["Location"] == (
        grandchild.get_absolute_url() + "?page=2"
    )
    tag = client.get("/tag/edge-case/")  # the same address here: answered as it is
    assert tag.status_code == 200 and "edge case" in heading(tag)
    _target, tag = permanent(client, "/?tag=edge-case")
    assert "edge case" in heading(tag)
    _target, feed = permanent(client, "/tag/edge-case/feed/")
    assert "Edge Case: No Content" in feed.content.decode()


def test_date_archives_paging_and_site_feeds(client, site):
    assert permanent(client, "/2009/")[0] == "/archivio/2009/"
    assert permanent(client, "/2009/08/")[0] == "/archivio/2009/8/"
    assert permanent(client, "/2009/08/06/")[0] == "/archivio/2009/8/"
    assert permanent(client, "/?m=200908")[0] == "/archivio/2009/8/"
    assert client.get("/page/2/")["Location"] == "/?page=2"
    assert client.get("/page/2/").status_code == 301
    assert client.get("/?paged=2")["Location"] == "/?page=2"
    assert client.get("/feed/atom/").status_code == 200  # the same address here
    for old in ("/feed/", "/feed/rss2/", "/feed/rdf/", "/?feed=rss2"):
        target, feed = permanent(client, old)
        assert "rss" in feed["Content-Type"], old
    target, feed = permanent(client, "/comments/feed/")
    assert "no adverse effects" in feed.content.decode()


def test_old_comment_anchors_lead_to_the_comment(client, site):
    comment = Comment.objects.get(wordpress_id=881)
    html = client.get(POST, follow=True).content.decode()
    assert 'data-wordpress-id="881"' in html
    response = client.get("/comments/wordpress/881/")
    assert response["Location"].endswith(f"#comment-{comment.pk}")


@pytest.mark.parametrize(
    "old",
    [
        "/?p=999999",
        "/?page_id=999999",
        "/?attachment_id=999999",
        "/?cat=999999",
        "/?author=999999",
        "/?tag=no-such-tag",
        "/?m=199901",
        "/?m=000001",
        "/?m=9999999999",
        "/?p=abc",
        "/?p=99999999999999999999999",
        "/archives/999999/",
        "/archives/99999999999999999999999/",
        "/2009/08/06/no-such-post/",
        "/no-such-post/",
        "/1999/",
        "/2009/13/",
        "/category/no-such-category/",
        "/tag/no-such-tag/",
        "/author/nobody/",
        "/no-such-post/feed/",
    ],
)
def test_an_address_naming_nothing_is_a_404(client, site, old):
    response = client.get(old, follow=True)
    assert response.status_code == 404, old
    # At most our own 301 from English words to Italian ones (/category/ -> /categoria/).
    assert all(status == 301 for _url, status in response.redirect_chain), old
    assert len(response.redirect_chain) <= 1, response.redirect_chain
