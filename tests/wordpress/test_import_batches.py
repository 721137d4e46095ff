"""Items are imported in batches (one transaction, a savepoint each): the queries grow by a
bounded number per article, never per comment, and a failing article undoes only itself."""

from django.contrib.redirects.models import Redirect
from django.db import connection
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext

from comments.models import Comment
from posts import services
from posts.models import Post
from tests.conftest import make_user
from wordpress.importer import run_import
from wordpress.importer.run import ITEMS_PER_TRANSACTION

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"
 xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">
<channel><title>Prova</title><link>https://old.example.com</link><language>it-IT</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example.com</wp:base_site_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>autore</wp:author_login>
<wp:author_email>autore@example.com</wp:author_email>
<wp:author_display_name>Autore</wp:author_display_name></wp:author>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>notizie</wp:category_nicename>
<wp:category_parent></wp:category_parent><wp:cat_name>Notizie</wp:cat_name></wp:category>
"""


def comment(wordpress_id, parent=0, url="https://lettore.example.com/"):
    return (
        f"<wp:comment><wp:comment_id>{wordpress_id}</wp:comment_id>"
        "<wp:comment_author>Lettore</wp:comment_author>"
        "<wp:comment_author_email>lettore@example.com</wp:comment_author_email>"
        f"<wp:comment_author_url>{url}</wp:comment_author_url>"
        "<wp:comment_author_IP>192.0.2.1</wp:comment_author_IP>"
        "<wp:comment_date_gmt>2021-03-01 10:00:00</wp:comment_date_gmt>"
        f"<wp:comment_content>Commento {wordpress_id}: grazie.</wp:comment_content>"
        "<wp:comment_approved>1</wp:comment_approved><wp:comment_type></wp:comment_type>"
        f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )


def threads(post_id, count):
    """`count` comments in threads three deep (a comment, a reply, a reply to that)."""
    first = 1000 * post_id
    return [comment(first + n, parent=0 if n % 3 == 0 else first + n - 1) for n in range(count)]


def item(post_id, comments):
    return (
        f"<item><title>Articolo {post_id}</title>"
        f"<link>https://old.example.com/2021/03/01/articolo-{post_id}/</link>"
        "<dc:creator>autore</dc:creator>"
        f"<content:encoded><![CDATA[<p>Testo {post_id}.</p>]]></content:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id>"
        "<wp:post_date_gmt>2021-03-01 08:00:00</wp:post_date_gmt>"
        f"<wp:post_name>articolo-{post_id}</wp:post_name><wp:status>publish</wp:status>"
        "<wp:post_type>post</wp:post_type>"
        '<category domain="category" nicename="notizie">Notizie</category>'
        + "".join(comments)
        + "</item>"
    )


def export(tmp_path, items, name="export.xml"):
    path = tmp_path / name
    path.write_text(HEAD + "".join(items) + "</channel></rss>", encoding="utf-8")
    return path


def warm_up(tmp_path):
    """Import the author, the category and the archive's addresses the exports share, so
    what follows counts the articles' own queries."""
    run_import(export(tmp_path, [item(1, threads(1, 3))], "warm-up.xml"))


def queries_to_import(path):
    with CaptureQueriesContext(connection) as captured:
        report = run_import(path)
    assert report.error == ""
    return captured.captured_queries


def test_more_comments_per_article_cost_no_more_queries(db, tmp_path):
    warm_up(tmp_path)
    few = export(tmp_path, [item(p, threads(p, 3)) for p in range(11, 15)], "few.xml")
    many = export(tmp_path, [item(p, threads(p, 9)) for p in range(21, 25)], "many.xml")
    assert len(queries_to_import(few)) == len(queries_to_import(many))
    assert Comment.objects.count() == 3 + 4 * 3 + 4 * 9


def test_each_more_article_costs_a_bounded_number_of_queries(db, tmp_path):
    warm_up(tmp_path)
    four = export(tmp_path, [item(p, threads(p, 6)) for p in range(11, 15)], "four.xml")
    twelve = export(tmp_path, [item(p, threads(p, 6)) for p in range(21, 33)], "twelve.xml")
    extra = len(queries_to_import(twelve)) - len(queries_to_import(four))
    # Its savepoint and create_post's (two queries each), the article, its date of change
    # (auto_now writes the day of the import on insert: one UPDATE sets the file's, or its
    # publication date) and its category link: seven, its comments none. Whether its slug
    # is free is read for the whole batch (one query), and create_post does not ask again.
    assert extra <= 7 * 8
    assert Post.objects.count() == 17 and Comment.objects.count() == 3 + 16 * 6


def test_the_comments_of_a_batch_go_in_one_insert_per_thread_depth(db, tmp_path):
    path = export(tmp_path, [item(p, threads(p, 3)) for p in range(1, 11)])
    inserts = [
        query["sql"]
        for query in queries_to_import(path)
        if query["sql"].startswith('INSERT INTO "comments_comment"')
    ]
    assert len(inserts) == 3  # depth 0, 1 and 2 of all ten articles
    assert Comment.objects.filter(depth=2).count() == 10


# An id past what the database stores: the one thing about an article that cannot be
# repaired on the way in (every other bad field costs only that field).
BEYOND_THE_DATABASE = 2**64


def test_a_failing_article_undoes_itself_and_only_itself(db, tmp_path):
    bad = item(BEYOND_THE_DATABASE, [comment(5000), comment(5001, parent=5000)])
    path = export(tmp_path, [item(4, threads(4, 3)), bad, item(6, threads(6, 3))])
    report = run_import(path)
    assert set(Post.objects.values_list("wordpress_id", flat=True)) == {4, 6}
    assert not Comment.objects.filter(wordpress_id__in=[5000, 5001]).exists()
    assert Comment.objects.count() == 6
    assert report.total("posts", "skipped") == 1
    assert report.total("posts", "created") == 2 and report.total("comments", "created") == 6
    [entry] = [e for e in report.entries() if e.action == "skipped"]
    assert (entry.kind, entry.title, entry.field) == (
        "posts",
        f"Articolo {BEYOND_THE_DATABASE}",
        "wordpress_id",
    )
    assert not Redirect.objects.filter(old_path__contains=str(BEYOND_THE_DATABASE)).exists()
    assert Redirect.objects.filter(old_path="/2021/03/01/articolo-6/").exists()


def test_a_comment_with_an_unusable_address_costs_only_its_address(db, tmp_path):
    bad = [comment(5000), comment(5001, parent=5000, url="http://not a host/")]
    report = run_import(export(tmp_path, [item(5, bad)]))
    reply = Comment.objects.get(wordpress_id=5001)
    assert reply.parent.wordpress_id == 5000 and reply.author_url == ""
    [entry] = [e for e in report.entries() if e.wordpress_id == 5001]
    assert (entry.action, entry.field) == ("changed", "author_url")


def test_a_comment_id_repeated_in_one_batch_is_imported_once(db, tmp_path):
    path = export(tmp_path, [item(7, [comment(7000)]), item(8, [comment(7000), comment(8000)])])
    report = run_import(path)
    assert Comment.objects.get(wordpress_id=7000).post.wordpress_id == 7
    assert Comment.objects.filter(wordpress_id=8000).exists()
    assert report.total("comments", "skipped") == 1


def test_an_export_longer_than_a_batch_imports_whole_and_again_changes_nothing(db, tmp_path):
    size = ITEMS_PER_TRANSACTION + 5
    path = export(tmp_path, [item(p, threads(p, 2)) for p in range(1, size + 1)])
    first = run_import(path)
    assert first.total("posts", "created") == size and Comment.objects.count() == 2 * size
    again = run_import(path)
    assert again.total("posts", "unchanged") == size
    assert again.total("comments", "unchanged") == 2 * size
    assert again.total("redirects", "created") == 0


def test_an_author_made_by_a_failing_article_is_made_again_by_the_next(db, tmp_path):
    def by_newcomer(post_id, comments):
        return item(post_id, comments).replace(
            "<dc:creator>autore</dc:creator>", "<dc:creator>nuova-firma</dc:creator>"
        )

    broken = by_newcomer(BEYOND_THE_DATABASE, [comment(2001)])
    report = run_import(export(tmp_path, [broken, by_newcomer(3, threads(3, 2))]))
    assert report.error == ""
    assert not Post.objects.filter(title__endswith=str(BEYOND_THE_DATABASE)).exists()
    survivor = Post.objects.get(wordpress_id=3)
    assert survivor.author.username == "nuova-firma"
    assert Comment.objects.filter(post=survivor).count() == 2


def test_a_slug_taken_after_the_batch_read_it_gives_the_article_another(db, tmp_path):
    # The batch reads which slugs are free once, when it starts; an editor saving an article
    # in the admin meanwhile takes one of them. Here the editor's save is made when the
    # batch's first article is saved, after the read and before the second one is written.
    editor = make_user(username="editor")

    def editor_saves_meanwhile(sender, instance, created, **kwargs):
        if created and instance.wordpress_id == 1:
            services.create_post(title="Articolo 2", author=editor, body="Mio.", language="it")

    items = "".join(
        f"<item><title>Articolo {n}</title><dc:creator>autore</dc:creator>"
        f"<content:encoded>Testo {n}.</content:encoded><wp:post_id>{n}</wp:post_id>"
        f"<wp:post_name>articolo-{n}</wp:post_name><wp:status>publish</wp:status>"
        "<wp:post_date_gmt>2021-03-01 08:00:00</wp:post_date_gmt>"
        f"<wp:post_type>post</wp:post_type>{comment(100 + n)}</item>"
        for n in (1, 2, 3)
    )
    export = tmp_path / "race.xml"
    export.write_text(HEAD + items + "</channel></rss>", encoding="utf-8")
    post_save.connect(editor_saves_meanwhile, sender=Post)
    try:
        report = run_import(export)
    finally:
        post_save.disconnect(editor_saves_meanwhile, sender=Post)
    assert not report.error and report.total("posts", "created") == 3
    assert Post.objects.get(wordpress_id=None).slug == "articolo-2"  # the editor's
    imported = Post.objects.get(wordpress_id=2)
    assert imported.slug.startswith("articolo-2-") and imported.comments.count() == 1
    assert Comment.objects.filter(wordpress_id__in=(101, 102, 103)).count() == 3
