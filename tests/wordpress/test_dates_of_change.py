"""An item's date of change is the file's, else its publication date: an export with no
<wp:post_modified_gmt> (older WordPress, hand-made files) showed every imported article as
"updated" on the day of the import, in its page, its article:modified_time and the sitemap.
"""

import re
from datetime import UTC, datetime

from posts.models import Page, Post
from tests.wordpress.test_bodies_as_wordpress_showed_them import import_items as base_import_items
from tests.wordpress.test_bodies_as_wordpress_showed_them import item as base_item

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Blog</title><link>https://oldblog.example.it</link><language>it-IT</language>
<wp:wxr_version>1.2</wp:wxr_version>
"""

PUBLISHED = datetime(2021, 3, 1, 8, 0, tzinfo=UTC)


def item(pid, post_type, modified=""):
    return base_item(pid, post_type, "Testo.", extra=modified, site="https://oldblog.example.it")


def import_items(tmp_path, *items):
    return base_import_items(tmp_path, *items, head=HEAD)


def test_an_article_without_a_modification_date_reads_as_never_updated(db, tmp_path, client):
    import_items(tmp_path, item(1, "post"))
    post = Post.objects.get(wordpress_id=1)
    assert post.updated_at == PUBLISHED
    page = client.get(post.get_absolute_url()).content.decode()
    assert "post-updated" not in page
    times = dict(re.findall(r'property="article:(\w+_time)" content="([^"]*)"', page))
    assert times["modified_time"] == times["published_time"] != ""
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<lastmod>2021-03-01</lastmod>" in sitemap


def test_a_page_without_a_modification_date_was_changed_when_published(db, tmp_path):
    import_items(tmp_path, item(2, "page"))
    assert Page.objects.get(wordpress_id=2).updated_at == PUBLISHED


def test_the_files_modification_date_is_kept_gmt_or_local(db, tmp_path):
    import_items(
        tmp_path,
        item(3, "post", "<wp:post_modified_gmt>2022-05-02 10:00:00</wp:post_modified_gmt>"),
        item(4, "page", "<wp:post_modified>2022-06-03 11:00:00</wp:post_modified>"),
    )
    assert Post.objects.get(wordpress_id=3).updated_at == datetime(2022, 5, 2, 10, tzinfo=UTC)
    assert Page.objects.get(wordpress_id=4).updated_at == datetime(2022, 6, 3, 11, tzinfo=UTC)
