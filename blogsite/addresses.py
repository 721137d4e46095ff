"""An address in another language's words answers with a 301 to this language's.

Reader addresses are translated (posts.urls: "/en/articles/" in English, "/articoli/" in
Italian), so the other language's words under a prefix (/en/articoli/..., an English
/articles/... at the root, links written before the addresses were translated) match no
page of their own. Such a request ends in a 404; before it is sent, the same path is
resolved with each other language's patterns, and when one of them names a view (not the
static pages' catch-all), the reader is sent to that view in the address's own language,
with the same arguments and query. The content itself (an Italian slug under /en/) is
then the view's business: it redirects to the content's own address.
"""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, Resolver404, get_script_prefix, resolve, reverse
from django.utils import translation

# The catch-all of static pages matches any path: a match there names no view.
CATCH_ALL_VIEWS = frozenset({"posts:page"})


def with_query_of(request, path: str) -> str:
    """`path` with the request's own query string, when it has one: a redirect keeps it."""
    query = request.META.get("QUERY_STRING", "")
    return path + (f"?{query}" if query else "")


def _prefix(language: str) -> str:
    # i18n_patterns(prefix_default_language=False): the first language lives at the root.
    return "" if language == settings.LANGUAGE_CODE else f"/{language}"


def address_in_own_words(path: str) -> str | None:
    """The address (as reverse() gives it), in the language of its prefix, of the view that
    `path` (a path_info) names in another language's words; None when no other language
    names a view with it."""
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    rest = path[len(_prefix(language)) :]
    for other, _name in settings.LANGUAGES:
        if other == language:
            continue
        with translation.override(other):
            try:
                match = resolve(_prefix(other) + rest)
            except Resolver404:
                continue
        if match.view_name in CATCH_ALL_VIEWS:
            continue
        with translation.override(language):
            try:
                target = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                continue
        # Only the language's own addresses: /en/sitemap.xml is no address of the sitemap.
        if ("/" + target[len(get_script_prefix()) :]).startswith(_prefix(language) + "/"):
            return target
    return None


class PermanentRedirectKeepingMethod(HttpResponsePermanentRedirect):
    # 308: the browser sends the same POST (a vote or a form of a page cached before the
    # addresses were translated) to the new address, instead of losing it.
    status_code = 308


class OtherLanguageAddressMiddleware:
    """On a 404 (or 405), redirect to the address in the words of its prefix's language: a
    301 for GET and HEAD, a 308 (same method and body) for the rest."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # 405: a POST to another language's words lands on the static pages' catch-all.
        if response.status_code not in (404, 405):
            return response
        target = address_in_own_words(request.path_info)
        if target is None or target == request.path:
            return response  # this view's own address: the 404 is the view's answer
        if request.method not in ("GET", "HEAD"):
            return PermanentRedirectKeepingMethod(with_query_of(request, target))
        return HttpResponsePermanentRedirect(with_query_of(request, target))
