"""Full-text search over published articles, in the configuration of their language.

PostgreSQL ranks with its own full-text search (title above lead above body, stemming in
the content's language, web-search syntax such as "quoted phrases" and -excluded words).
SQLite, used for local work and tests, falls back to a plain case-insensitive match of every
word.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q

MAX_QUERY_LENGTH = 200

# PostgreSQL text-search configurations: the Italian one stems "reclami" and "reclamo"
# alike, the English one "complaints" and "complaint". A language without its own
# configuration gets "simple" (lower-cased words, no stemming), so adding a language never
# breaks search.
SEARCH_CONFIGS = {
    "it": "italian",
    "en": "english",
    "fr": "french",
    "de": "german",
    "es": "spanish",
    "pt": "portuguese",
    "nl": "dutch",
    "sv": "swedish",
    "da": "danish",
    "fi": "finnish",
    "nb": "norwegian",
    "ro": "romanian",
    "ru": "russian",
    "hu": "hungarian",
    "tr": "turkish",
}
FALLBACK_CONFIG = "simple"


def search_config(language: str) -> str:
    """The text-search configuration for content in language: the one rule the query and
    any full-text index share."""
    return SEARCH_CONFIGS.get(language, FALLBACK_CONFIG)


def search_vector(language: str) -> SearchVector:
    """The weighted document of an article in language (title A, lead B, body C).

    An index over it (e.g. a GIN index with condition language=<language>) matches the
    queries search_posts makes for that language.
    """
    config = search_config(language)
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("lead", weight="B", config=config)
        + SearchVector("body", weight="C", config=config)
    )


def normalize_query(raw: str) -> str:
    """Collapse whitespace; the caller decides what an empty or too long query means."""
    return " ".join((raw or "").split())


def search_posts(queryset, query: str, *, language: str):
    """Return the posts of queryset (all written in language) matching query, best first.

    A protected article (posts.protection) is found by its title only: a match in its text
    would tell a stranger what the text says.
    """
    if connection.vendor == "postgresql":
        config = search_config(language)
        vector = search_vector(language)
        search_query = SearchQuery(query, config=config, search_type="websearch")
        return (
            queryset.annotate(
                document=vector,
                rank=SearchRank(vector, search_query),
                title_document=SearchVector("title", config=config),
            )
            .filter(document=search_query)
            .filter(Q(password="") | Q(title_document=search_query))
            .order_by("-rank", "-published_at", "-pk")
        )
    condition = Q()
    for word in query.split():
        in_text = Q(lead__icontains=word) | Q(body__icontains=word)
        condition &= Q(title__icontains=word) | (Q(password="") & in_text)
    return queryset.filter(condition).order_by("-published_at", "-pk")
