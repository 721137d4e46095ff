"""Links from one imported item to another go to its new address: they kept the old
domain, and broke once the blog moved to its new address.
"""

from django.contrib.redirects.models import Redirect
from django.db import connection
from django.test.utils import CaptureQueriesContext

from posts.models import Page, Post
from wordpress.importer import run_import

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Blog</title><link>https://oldblog.example.it</link><language>it-IT</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://oldblog.example.it</wp:base_site_url>
<wp:base_blog_url>https://oldblog.example.it</wp:base_blog_url>
"""

FIRST = """Vedi <a href="https://oldblog.example.it/2024/03/seconda/#commenti">la seconda</a>,
<a href="http://www.oldblog.example.it/chi-siamo">chi siamo</a>,
<a href="https://altro.example.com/2024/03/seconda/">un altro sito</a>
e <a href="https://oldblog.example.it/2019/01/mai-esistito/">un articolo mai importato</a>."""

SECOND = """Torna alla <a href='https://oldblog.example.it/2024/03/prima/'>prima</a>."""

PAGE = """Leggi <a href="https://oldblog.example.it/2024/03/prima/">la prima</a>."""


def item(pid, post_type, name, link, body):
    return (
        f"<item><title>Voce {pid}</title><link>{link}</link>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded><wp:post_id>{pid}</wp:post_id>"
        "<wp:post_date_gmt>2024-03-01 08:00:00</wp:post_date_gmt>"
        f"<wp:post_name>{name}</wp:post_name><wp:status>publish</wp:status>"
        f"<wp:post_type>{post_type}</wp:post_type></item>\n"
    )


def export(tmp_path):
    path = tmp_path / "export.xml"
    items = [
        item(1, "post", "prima", "https://oldblog.example.it/2024/03/prima/", FIRST),
        item(2, "post", "seconda", "https://oldblog.example.it/2024/03/seconda/", SECOND),
        item(3, "page", "chi-siamo", "https://oldblog.example.it/chi-siamo/", PAGE),
    ]
    path.write_text(HEAD + "".join(items) + "</channel></rss>", encoding="utf-8")
    return path


def test_links_to_the_blogs_own_items_go_to_their_new_addresses(db, tmp_path):
    report = run_import(export(tmp_path))
    assert not report.error and not [e for e in report.entries() if e.kind == "posts"]
    first, second = Post.objects.get(wordpress_id=1), Post.objects.get(wordpress_id=2)
    page = Page.objects.get(wordpress_id=3)
    # To an item imported after it (moved when the run ends), with its fragment; over
    # http, with "www." and no final slash; in single quotes; from a page.
    assert f'href="{second.get_absolute_url()}#commenti"' in first.body
    assert f'href="{page.get_absolute_url()}"' in first.body
    assert f"href='{first.get_absolute_url()}'" in second.body
    assert f'href="{first.get_absolute_url()}"' in page.body
    for row in (first, second, page):
        assert row.body_html.count("oldblog.example.it") == (1 if row == first else 0)
    # Another site, and an address of the old blog no item of the file had, stay.
    assert 'href="https://altro.example.com/2024/03/seconda/"' in first.body
    assert 'href="https://oldblog.example.it/2019/01/mai-esistito/"' in first.body
    assert f'href="{second.get_absolute_url()}#commenti"' in first.body_html


def test_a_second_import_of_the_file_finds_its_links_moved_and_changes_nothing(db, tmp_path):
    run_import(export(tmp_path))
    bodies = {row.pk: row.body for row in Post.objects.all()}
    again = run_import(export(tmp_path))
    assert again.total("posts", "unchanged") == 2 and again.total("pages", "unchanged") == 1
    assert {row.pk: row.body for row in Post.objects.all()} == bodies
    first, second = Post.objects.get(wordpress_id=1), Post.objects.get(wordpress_id=2)
    assert f'href="{second.get_absolute_url()}#commenti"' in first.body
    # Moving a link changed nothing the author wrote: no "updated on" the day of the import.
    assert first.updated_at == first.published_at


def test_more_links_cost_no_more_queries(db, tmp_path):
    def queries(links):
        # As a first import: each link's item is made after the one linking to it.
        Post.objects.all().delete()
        Redirect.objects.all().delete()
        body = " ".join(
            f'<a href="https://oldblog.example.it/2024/03/voce-{n}/">{n}</a>' for n in links
        )
        items = [item(1, "post", "indice", "https://oldblog.example.it/2024/03/indice/", body)]
        items += [
            item(n, "post", f"voce-{n}", f"https://oldblog.example.it/2024/03/voce-{n}/", "")
            for n in range(2, 8)
        ]
        path = tmp_path / "export.xml"
        path.write_text(HEAD + "".join(items) + "</channel></rss>", encoding="utf-8")
        with CaptureQueriesContext(connection) as captured:
            assert not run_import(path).error
        return len(captured.captured_queries)

    queries([2])  # the author, the blog and the old addresses, once
    assert queries([2]) == queries(range(2, 8))
    body = Post.objects.get(wordpress_id=1).body
    assert all(f'href="/articoli/voce-{n}/"' in body for n in range(2, 8))


def test_links_by_number_go_to_the_item_of_that_number(db, tmp_path):
    # WordPress's own shortest links, which old blogs and its "Insert link" wrote.
    body = (
        '<a href="https://oldblog.example.it/?p=2">la seconda</a>, '
        '<a href="http://oldblog.example.it/index.php?page_id=3#team">chi siamo</a>, '
        '<a href="https://oldblog.example.it/?p=99">mai importato</a>, '
        '<a href="https://altro.example.com/?p=2">altro sito</a>'
    )
    items = [
        item(1, "post", "prima", "https://oldblog.example.it/2024/03/prima/", body),
        item(2, "post", "seconda", "https://oldblog.example.it/2024/03/seconda/", SECOND),
        item(3, "page", "chi-siamo", "https://oldblog.example.it/chi-siamo/", PAGE),
    ]
    path = tmp_path / "export.xml"
    path.write_text(HEAD + "".join(items) + "</channel></rss>", encoding="utf-8")
    assert not run_import(path).error
    first = Post.objects.get(wordpress_id=1)
    second, page = Post.objects.get(wordpress_id=2), Page.objects.get(wordpress_id=3)
    assert f'href="{second.get_absolute_url()}"' in first.body
    assert f'href="{page.get_absolute_url()}#team"' in first.body
    assert 'href="https://oldblog.example.it/?p=99"' in first.body
    assert 'href="https://altro.example.com/?p=2"' in first.body
