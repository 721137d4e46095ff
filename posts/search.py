"""Full-text search over published articles.

PostgreSQL ranks with its own full-text search (title above lead above body, Italian
stemming, web-search syntax such as "quoted phrases" and -excluded words). SQLite, used for
local work and tests, falls back to a plain case-insensitive match of every word.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q

MAX_QUERY_LENGTH = 200
# Articles are Italian first; the Italian configuration stems "reclami" and "reclamo" alike.
SEARCH_CONFIG = "italian"


def normalize_query(raw: str) -> str:
    """Collapse whitespace; the caller decides what an empty or too long query means."""
    return " ".join((raw or "").split())


def search_posts(queryset, query: str):
    """Return the posts of queryset matching query, best matches first."""
    if connection.vendor == "postgresql":
        vector = (
            SearchVector("title", weight="A", config=SEARCH_CONFIG)
            + SearchVector("lead", weight="B", config=SEARCH_CONFIG)
            + SearchVector("body", weight="C", config=SEARCH_CONFIG)
        )
        search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        return (
            queryset.annotate(document=vector, rank=SearchRank(vector, search_query))
            .filter(document=search_query)
            .order_by("-rank", "-published_at", "-pk")
        )
    condition = Q()
    for word in query.split():
        condition &= Q(title__icontains=word) | Q(lead__icontains=word) | Q(body__icontains=word)
    return queryset.filter(condition).order_by("-published_at", "-pk")
