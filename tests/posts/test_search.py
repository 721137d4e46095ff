"""Search finds published articles by their words and explains empty or oversized queries."""

import pytest
from django.db import connection

from posts.models import Post
from tests.conftest import make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(author):
    return {
        "returns": make_post(
            author=author,
            title="Gestire i resi senza stress",
            lead="Una politica chiara sui resi.",
            body="Il cliente vuole sapere come funziona il reso.",
        ),
        "delivery": make_post(
            author=author,
            title="Ritardi nella consegna",
            lead="Cosa dire quando il corriere tarda.",
            body="Avvisare il cliente prima che chieda, anche per i resi.",
        ),
        "draft": make_post(
            author=author,
            title="Resi: la bozza",
            body="resi resi resi",
            status=Post.Status.DRAFT,
            published_at=None,
        ),
    }


def test_search_finds_matching_published_articles_only(client, articles):
    response = client.get("/cerca/", {"q": "resi"})
    assert response.status_code == 200
    found = list(response.context["page_obj"])
    assert articles["returns"] in found
    assert articles["delivery"] in found
    assert articles["draft"] not in found


def test_every_word_must_match(client, articles):
    found = list(client.get("/cerca/", {"q": "corriere cliente"}).context["page_obj"])
    assert found == [articles["delivery"]]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking needs PostgreSQL")
def test_postgresql_ranks_title_matches_first_and_stems_italian_words(client, articles):
    found = list(client.get("/cerca/", {"q": "reso"}).context["page_obj"])
    # "reso" stems like "resi": the title match ranks above the body-only match.
    assert found[:2] == [articles["returns"], articles["delivery"]]


def test_an_empty_query_asks_for_words(client, articles):
    response = client.get("/cerca/", {"q": "   "})
    assert response.status_code == 200
    assert "Scrivi una o più parole per cercare negli articoli." in response.text
    assert 'class="post-card"' not in response.text


def test_a_too_long_query_is_refused_with_a_message(client, articles):
    response = client.get("/cerca/", {"q": "resi " * 60})
    assert response.status_code == 200
    assert "La ricerca è troppo lunga: usa al massimo 200 caratteri." in response.text
    assert 'class="post-card"' not in response.text


def test_the_query_is_escaped_and_kept_in_the_form(client, articles):
    response = client.get("/cerca/", {"q": '<b>"resi"</b>'})
    assert "<b>&quot;resi&quot;</b>" not in response.text
    assert "&lt;b&gt;&quot;resi&quot;&lt;/b&gt;" in response.text


def test_search_pages_keep_the_query_in_pagination_links(client, author):
    for n in range(14):
        make_post(author=author, title=f"Recensioni {n}")
    response = client.get("/cerca/", {"q": "recensioni"})
    assert 'href="?q=recensioni&amp;page=2"' in response.text


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
@pytest.mark.parametrize("config", ["italian", "english"])
def test_a_gin_index_exists_for_each_search_configuration(config):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'posts_post' AND indexname = %s",
            [f"posts_post_search_{config}"],
        )
        [(definition,)] = cursor.fetchall()
    assert "USING gin" in definition and f"'{config}'::regconfig" in definition


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
@pytest.mark.parametrize("language", ["it", "en"])
def test_the_search_query_uses_the_gin_index_of_its_language(articles, language):
    from posts.search import search_config, search_posts

    queryset = search_posts(Post.objects.published(), "resi", language=language)
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"posts_post_search_{search_config(language)}" in plan, plan
