"""The footer links the published top-level pages of the page's language, in menu order."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blogsite.templatetags.footer_tags import site_footer
from posts import cache as posts_cache
from posts.indexes import FOOTER_PAGES
from posts.models import Page
from tests.conftest import make_page

pytestmark = pytest.mark.django_db


def footer(html: str) -> str:
    return html[html.index('<footer class="site-footer">') :]


page = make_page


def test_the_footer_links_the_published_top_level_pages_by_order_then_title(client):
    about = page("Chi siamo", slug="chi-siamo", wordpress_id=2)
    contacts = page("Contatti", slug="contatti")
    first = page("Zeta prima", slug="zeta", position=-1)
    page("Il team", slug="il-team", parent=about)
    page("Bozza", slug="bozza", status=Page.Status.DRAFT, published_at=None)
    page("About us", slug="about", language="en")

    html = footer(client.get("/").text)

    links = [f'<a href="{p.get_absolute_url()}">{p.title}</a>' for p in (first, about, contacts)]
    assert all(link in html for link in links)
    assert html.index(links[0]) < html.index(links[1]) < html.index(links[2])
    for hidden in ("/chi-siamo/il-team/", "/bozza/", "About us"):
        assert hidden not in html


def test_the_english_footer_links_the_english_pages(client):
    page("Chi siamo", slug="chi-siamo")
    about = page("About us", slug="about", language="en")
    html = footer(client.get("/en/").text)
    assert f'<a href="/en/about/">{about.title}</a>' in html
    assert "Chi siamo" not in html


def test_the_footer_links_at_most_so_many_pages(client):
    for n in range(FOOTER_PAGES + 3):
        page(f"Pagina {n:02}", slug=f"pagina-{n:02}")
    html = footer(client.get("/").text)
    assert html.count('<a href="/pagina-') == FOOTER_PAGES
    assert "Pagina 00" in html and f"Pagina {FOOTER_PAGES:02}" not in html


def test_a_new_page_shows_in_the_footer_at_once_and_costs_one_query_however_many(client):
    def count():
        posts_cache.next_due()
        with CaptureQueriesContext(connection) as queries:
            site_footer()
        return len(queries.captured_queries)

    page("Chi siamo", slug="chi-siamo")
    few = count()
    assert "Chi siamo" in footer(client.get("/").text)
    for n in range(6):
        page(f"Servizio {n}", slug=f"servizio-{n}")
    assert count() == few
    assert count() == 0
    assert "Servizio 5" in footer(client.get("/").text)
