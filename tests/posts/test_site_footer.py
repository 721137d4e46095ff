"""Every page ends with the same footer: back to top, tag cloud, archive list, privacy."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blogsite.templatetags.footer_tags import footer_lists, site_footer
from posts import cache as posts_cache
from posts.indexes import TAG_CLOUD_SIZE
from tests.conftest import make_post, make_tag

pytestmark = pytest.mark.django_db


def footer(html: str) -> str:
    return html[html.index('<footer class="site-footer">') :]


@pytest.mark.parametrize("url", ["/", "/privacy/", "/cerca/?q=resi", "/pagina-che-non-esiste/"])
def test_every_page_has_the_footer_with_its_links(client, author, tag, url):
    make_post(author=author, tags=[tag], published_at=datetime(2024, 2, 1, tzinfo=UTC))
    html = footer(client.get(url).text)
    assert '<a href="#top">Torna su</a>' in html
    assert 'href="/privacy/"' in html
    assert f'href="{tag.get_absolute_url()}"' in html
    assert 'href="/archivio/2024/2/">febbraio 2024</a> (1)' in html
    for index in ("/tag/", "/categorie/", "/autori/", "/archivio/", "/comments/feed/rss/"):
        assert f'href="{index}"' in html


def test_the_tag_cloud_weighs_tags_by_use_and_keeps_the_most_used(author):
    heavy, light = make_tag(name="Molto"), make_tag(name="Poco")
    for _ in range(4):
        make_post(author=author, tags=[heavy])
    make_post(author=author, tags=[light])
    extra = [make_tag(name=f"Z{n:02}") for n in range(TAG_CLOUD_SIZE)]
    make_post(author=author, tags=extra)
    cloud = footer_lists()["tag_cloud"]
    assert len(cloud) == TAG_CLOUD_SIZE
    weights = {tag.name: tag.weight for tag in cloud}
    assert weights["Molto"] == 5 and weights["Poco"] == 1
    assert [t.name for t in cloud] == sorted(t.name for t in cloud)


def test_the_footer_is_the_same_for_every_reader(client, author, tag, reader):
    make_post(author=author, tags=[tag])
    anonymous = footer(client.get("/").text)
    client.force_login(reader)
    assert footer(client.get("/").text) == anonymous


def test_the_footer_takes_three_queries_after_a_change_and_none_until_the_next(author):
    def count():
        posts_cache.next_due()  # its own cached query, shared with the page cache
        with CaptureQueriesContext(connection) as queries:
            site_footer()
        return len(queries.captured_queries)

    make_post(author=author, tags=[make_tag()])
    assert count() == 3
    assert count() == 0
    for month in range(1, 13):
        make_post(
            author=author,
            tags=[make_tag(), make_tag()],
            published_at=datetime(2022, month, 2, tzinfo=UTC),
        )
    assert count() == 3
    assert count() == 0


def test_the_footer_shows_a_new_article_at_once(client, author):
    make_post(author=author, tags=[make_tag(name="Prima")])
    assert "Prima" in footer(client.get("/").text)
    make_post(author=author, tags=[make_tag(name="Seconda")])
    assert "Seconda" in footer(client.get("/").text)


def test_the_article_page_has_one_back_to_top_link(client, post):
    assert client.get(post.get_absolute_url()).text.count('href="#top"') == 1
