"""No input answers 500: NUL, invalid UTF-8 and huge values on every route of the URLconf."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from tests.conftest import make_post

pytestmark = pytest.mark.django_db

NUL = "%00"
BAD_UTF8 = "%FF%FE%C3"
HUGE = "9" * 4000
HOSTILE_SEGMENTS = [NUL, f"a{NUL}b", BAD_UTF8, HUGE, "x" * 4000]
HOSTILE_QUERIES = [
    f"q={NUL}",
    f"q={BAD_UTF8}&page={BAD_UTF8}",
    f"q={'a' * 20000}&page={HUGE}",
    f"{NUL}=1",
    "page=-1&q=%25%00%27",
]
HOSTILE_FORMS = [
    {"q": "\x00", "name": "a\x00b", "email": "\x00@example.com", "body": "\x00"},
    {"q": "z" * 100_000, "name": "z" * 10_000, "email": "z" * 10_000, "body": "z" * 100_000},
]
PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
REGEX_GROUP = re.compile(r"\(\?P<[^>]+>[^)]*\)")


def route_templates(resolver=None, prefix=""):
    """Yield every route of the URLconf as a path with "{}" where its parameters go."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        pattern = entry.pattern
        if isinstance(pattern, LocalePrefixPattern):
            parts = ["", "en/"]
        elif isinstance(pattern, RoutePattern):
            parts = [PARAMETER.sub("{}", str(pattern))]
        elif isinstance(pattern, RegexPattern):
            regex = REGEX_GROUP.sub("{}", pattern.regex.pattern).lstrip("^").rstrip("$")
            regex = regex.replace("\\", "")
            if re.search(r"[()\[\]?*+|]", regex):
                continue  # alternations the walk cannot spell out
            parts = [regex]
        else:
            continue
        for part in parts:
            if isinstance(entry, URLResolver):
                yield from route_templates(entry, prefix + part)
            elif isinstance(entry, URLPattern):
                yield prefix + part


@pytest.fixture
def routes(settings):
    templates = sorted(set(route_templates()))
    assert "cerca/" in templates and "en/autori/{}/" in templates  # the walk reached i18n
    return templates


@pytest.fixture(autouse=True)
def content(author):
    make_post(author=author, slug="esiste", title="Un articolo che esiste")


def test_a_nul_in_the_search_or_an_author_path_is_a_clear_400(client):
    for url in ["/cerca/?q=%00", "/autori/%00/", "/en/search/?q=a%00b"]:
        response = client.get(url)
        assert response.status_code == 400, url
        title = "Request not understood" if url.startswith("/en/") else "Richiesta non compresa"
        assert title in response.text


def test_a_cookie_with_a_nul_is_ignored_rather_than_a_server_error(client):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    client.cookies["django_language"] = "\x00"
    assert client.get("/").status_code == 200


def test_no_route_answers_500_to_hostile_paths_queries_or_forms(client, routes):
    failures = []
    for template in routes:
        count = template.count("{}")
        paths = (
            ["/" + template.format(*[segment] * count) for segment in HOSTILE_SEGMENTS]
            if count
            else ["/" + template]
        )
        for path in paths:
            attempts = [("get", path, None)]
            attempts += [("get", f"{path}?{query}", None) for query in HOSTILE_QUERIES[:2]]
            if path == paths[0]:
                attempts += [("get", f"{path}?{query}", None) for query in HOSTILE_QUERIES[2:]]
                attempts += [("post", path, form) for form in HOSTILE_FORMS]
            for method, url, data in attempts:
                response = getattr(client, method)(url, data)
                if response.status_code >= 500:
                    failures.append(f"{method.upper()} {url[:120]} -> {response.status_code}")
    assert failures == []
