"""Real-world exports lose nothing published: odd logins, empty titles and bodies, bad
comment fields, comments on pages and attachments, deep threads, every status.

The export is written as wp-admin/includes/export.php writes it (WXR 1.2, fields wrapped
in CDATA by wxr_cdata()), with the oddities seen in real blogs' exports.
"""

from django.utils import translation

from comments.models import Comment
from posts.models import Page, Post, Profile
from wordpress.importer import run_import
from wordpress.models import PageComment

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Blog</title><link>http://old.example.com</link><language>it-IT</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://old.example.com</wp:base_site_url>
<wp:base_blog_url>http://old.example.com</wp:base_blog_url>
<wp:author><wp:author_id>7</wp:author_id><wp:author_login><![CDATA[mario rossi]]></wp:author_login>
<wp:author_email><![CDATA[mario@example.com]]></wp:author_email>
<wp:author_display_name><![CDATA[Mario Rossi]]></wp:author_display_name></wp:author>
<wp:author><wp:author_id>8</wp:author_id><wp:author_login><![CDATA[a\u200bnna>b]]></wp:author_login>
<wp:author_email><![CDATA[not an address]]></wp:author_email>
<wp:author_display_name><![CDATA[Anna B.]]></wp:author_display_name></wp:author>
"""


def comment(cid, parent=0, **fields):
    values = {
        "author": "Lettore",
        "author_email": "lettore@example.com",
        "author_url": "https://lettore.example.com/",
        "author_IP": "192.0.2.1",
        "date_gmt": "2021-03-02 10:00:00",
        "content": f"Commento {cid}",
        "approved": "1",
        "type": "",
        **fields,
    }
    cdata = "".join(
        f"<wp:comment_{name}><![CDATA[{value}]]></wp:comment_{name}>"
        for name, value in values.items()
    )
    return (
        f"<wp:comment><wp:comment_id>{cid}</wp:comment_id>{cdata}"
        f"<wp:comment_parent>{parent}</wp:comment_parent>"
        "<wp:comment_user_id>0</wp:comment_user_id></wp:comment>"
    )


def item(
    pid,
    post_type="post",
    *,
    title="Titolo",
    name=None,
    status="publish",
    creator="mario rossi",
    content="<p>Testo</p>",
    parent=0,
    comments=(),
):
    name = f"voce-{pid}" if name is None else name
    return (
        f"<item><title>{title}</title><link>http://old.example.com/?p={pid}</link>"
        f"<dc:creator><![CDATA[{creator}]]></dc:creator>"
        f"<content:encoded><![CDATA[{content}]]></content:encoded>"
        "<excerpt:encoded><![CDATA[]]></excerpt:encoded>"
        f"<wp:post_id>{pid}</wp:post_id>"
        "<wp:post_date_gmt><![CDATA[2021-03-01 08:00:00]]></wp:post_date_gmt>"
        "<wp:comment_status><![CDATA[open]]></wp:comment_status>"
        f"<wp:post_name><![CDATA[{name}]]></wp:post_name>"
        f"<wp:status><![CDATA[{status}]]></wp:status>"
        f"<wp:post_parent>{parent}</wp:post_parent><wp:menu_order>0</wp:menu_order>"
        f"<wp:post_type><![CDATA[{post_type}]]></wp:post_type>"
        "<wp:post_password><![CDATA[]]></wp:post_password><wp:is_sticky>0</wp:is_sticky>"
        + "".join(comments)
        + "</item>\n"
    )


def export(tmp_path, *items):
    path = tmp_path / "export.xml"
    path.write_text(HEAD + "".join(items) + "</channel></rss>\n", encoding="utf-8")
    return path


def test_odd_logins_get_safe_usernames_keep_their_names_and_are_found_again(db, tmp_path):
    path = export(tmp_path, item(1, creator="mario rossi"), item(2, creator="a\u200bnna>b"))
    report = run_import(path)
    assert Post.objects.count() == 2
    mario = Post.objects.get(wordpress_id=1).author
    anna = Post.objects.get(wordpress_id=2).author
    assert (mario.username, mario.profile.display_name) == ("mario-rossi", "Mario Rossi")
    assert (anna.username, anna.profile.display_name, anna.email) == ("anna-b", "Anna B.", "")
    assert Profile.objects.get(wordpress_id=8).wordpress_login == "a\u200bnna>b"
    fields = {(e.wordpress_id, e.field) for e in report.entries() if e.kind == "authors"}
    assert {(7, "username"), (8, "username"), (8, "email")} <= fields
    again = run_import(path)
    assert again.total("authors", "unchanged") == 2 and again.total("posts", "unchanged") == 2


def test_empty_titles_slugs_and_bodies_are_derived_not_skipped(db, tmp_path):
    report = run_import(export(tmp_path, item(31, title="", name="", content="")))
    post = Post.objects.get(wordpress_id=31)
    assert (post.title, post.slug, post.body) == ("(senza titolo)", "31", "")
    assert {e.field for e in report.entries() if e.wordpress_id == 31} == {"title", "slug"}
    with translation.override("en"):
        run_import(export(tmp_path, item(32, title="", name="")), language="en")
    assert Post.objects.get(wordpress_id=32).title == "(no title)"


def test_a_comment_with_bad_fields_is_imported_with_those_fields_cleared(db, tmp_path):
    bad = comment(
        501,
        author_url="javascript:alert(1)",
        author_email="nobody@",
        author_IP="999.1.1.1",
        date_gmt="0000-00-00 00:00:00",
        approved="weird",
        content="",
    )
    report = run_import(export(tmp_path, item(5, comments=[comment(500), bad])))
    kept = Comment.objects.get(wordpress_id=501)
    assert (kept.author_url, kept.author_email, kept.ip_address) == ("", "", None)
    assert kept.status == Comment.Status.PENDING and kept.body == "…"
    assert kept.submitted_at == Post.objects.get(wordpress_id=5).published_at
    fields = {e.field for e in report.entries() if e.wordpress_id == 501}
    assert fields == {"author_url", "author_email", "ip_address", "submitted_at", "status", "body"}
    assert report.total("comments", "created") == 2


def test_a_thread_eight_deep_keeps_every_parent_and_pingbacks_stay_pingbacks(db, tmp_path):
    thread = [comment(600)] + [comment(600 + n, parent=600 + n - 1) for n in range(1, 8)]
    thread.append(comment(700, type="pingback", author_url="https://other.example.com/p/"))
    thread.append(comment(701, type="trackback"))
    run_import(export(tmp_path, item(6, comments=thread)))
    by_id = {c.wordpress_id: c for c in Comment.objects.all()}
    for n in range(1, 8):
        assert by_id[600 + n].parent == by_id[600 + n - 1] and by_id[600 + n].depth == n
    assert by_id[700].kind == Comment.Kind.PINGBACK and by_id[701].kind == Comment.Kind.TRACKBACK


def test_comments_on_pages_are_kept_and_on_attachments_go_to_their_article(db, tmp_path, client):
    path = export(
        tmp_path,
        item(10, "page", title="Chi siamo", comments=[comment(800), comment(801, parent=800)]),
        item(11, "page", title="Squadra", parent=10),
        item(12, "page", title="Storia", parent=11),
        item(20, title="Articolo"),
        item(21, "attachment", title="Foto", parent=20, comments=[comment(900)]),
        item(22, "attachment", title="Logo", parent=10, comments=[comment(901)]),
    )
    report = run_import(path)
    assert Page.objects.get(wordpress_id=12).path == "voce-10/voce-11/voce-12"
    kept = {c.wordpress_id: c for c in PageComment.objects.all()}
    assert set(kept) == {800, 801, 901}
    assert kept[801].parent_wordpress_id == 800 and kept[800].page.wordpress_id == 10
    assert Comment.objects.get(wordpress_id=900).post.wordpress_id == 20
    assert report.total("page comments", "created") == 3
    shown = client.get(kept[800].page.get_absolute_url()).text  # readers still read them
    assert all(f'id="comment-{n}"' in shown for n in (800, 801, 901))
    assert run_import(path).total("page comments", "unchanged") == 3


def test_every_status_is_mapped_and_custom_types_are_counted(db, tmp_path):
    statuses = ["publish", "draft", "pending", "private", "future", "trash", "auto-draft"]
    items = [item(40 + n, status=s) for n, s in enumerate(statuses)]
    items += [item(60, "product"), item(61, "product"), item(62, "nav_menu_item")]
    trashed_comment = comment(950, approved="post-trashed")
    items.append(item(70, status="trash", comments=[trashed_comment]))
    report = run_import(export(tmp_path, *items))
    imported = set(Post.objects.values_list("wordpress_id", flat=True))
    assert imported == {40, 41, 42, 43, 44, 45, 70}  # an auto-draft was never written
    assert report.other_types == {"product": 2, "nav_menu_item": 1}
    # The comment trashed with its article gets back the status WordPress kept for it.
    assert Comment.objects.get(wordpress_id=950).status == Comment.Status.TRASH
    notes = {e.wordpress_id for e in report.entries() if e.field == "status"}
    assert {42, 43, 45, 46} <= notes
