"""Every paginated list puts its page number in <title>: page 2 is not page 1 to a reader's
tabs, history and search results."""

import html
import re
from datetime import UTC, datetime

import pytest

from posts.services import create_category
from tests.conftest import make_post

pytestmark = pytest.mark.django_db

LISTS = [
    "/",
    "/tag/servizio-clienti/",
    "/categoria/reclami/",
    "/autori/mrossi/",
    "/archivio/2024/",
    "/archivio/2024/3/",
    "/cerca/?q=articolo",
]


@pytest.fixture
def many_posts(author, tag):
    category = create_category(name="Reclami", slug="reclami")
    for day in range(1, 26):
        post = make_post(
            author=author, tags=[tag], published_at=datetime(2024, 3, day, tzinfo=UTC)
        )
        post.categories.set([category])


def title(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(re.search(r"<title>(.*?)</title>", response.text, re.S)[1].strip())


@pytest.mark.parametrize("url", LISTS)
def test_page_two_of_a_list_says_so_in_its_title(client, many_posts, url):
    first = title(client, url)
    second = title(client, url + ("&" if "?" in url else "?") + "page=2")
    assert second == f"{first} – pagina 2"
    assert "pagina" not in first


def test_the_english_page_two_says_page_in_its_title(client, author):
    for day in range(1, 26):
        make_post(author=author, language="en", published_at=datetime(2024, 3, day, tzinfo=UTC))
    assert title(client, "/en/?page=2") == f"{title(client, '/en/')} – page 2"
