"""Request-wide middleware of the site."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_request

from blogsite import views
from blogsite.addresses import with_query_of
from posts.languages import home_path


class ForwardedForMiddleware:
    """Take the client's address from X-Forwarded-For behind trusted reverse proxies.

    Rate limits, reaction caps and stored comment IPs use REMOTE_ADDR; behind a proxy it is
    the proxy's. With TRUSTED_PROXY_COUNT = N (> 0), the Nth address from the right of
    X-Forwarded-For, the one the outermost trusted proxy saw, becomes REMOTE_ADDR. Addresses
    further left are set by the client and are never trusted.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if proxies > 0 and forwarded:
            hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
            if len(hops) >= proxies:
                request.META["REMOTE_ADDR"] = hops[-proxies]
        return self.get_response(request)


class PreferredLanguageMiddleware:
    """Send a reader arriving at the Italian home to the English one when they prefer it.

    With prefix_default_language=False, Django's LocaleMiddleware serves every unprefixed
    address in Italian and never redirects. Here only the home page (`/`) looks at the
    language cookie (set by the switcher, blogsite.views.choose_language) and, without one,
    at Accept-Language, as LocaleMiddleware would: a cookie saying Italian is never
    overridden, and deep links (an Italian article shared with an English reader) are never
    redirected. The query string goes along. Both answers vary on the cookie and
    Accept-Language, so a shared cache keeps them apart.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path_info != "/":
            return self.get_response(request)
        preferred = get_language_from_request(request, check_path=False)
        if preferred != settings.LANGUAGE_CODE:
            # A campaign's ?utm_source=... goes along.
            response = HttpResponseRedirect(with_query_of(request, home_path(preferred)))
        else:
            response = self.get_response(request)
        patch_vary_headers(response, ["Cookie", "Accept-Language"])
        return response


FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(query_dict):
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in query_dict.lists()
    )


class RejectNulMiddleware:
    """Answer 400 to a request whose path, query or form carries a NUL character.

    No page of ours has a use for NUL, and PostgreSQL refuses it in any text value ("A
    string literal cannot contain NUL"), so without this a search or an author path with
    %00 is a server error. A cookie with NUL is dropped instead, as if it had not been sent:
    it can only be forged, and the 400 page itself must not trip over it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name, value in list(request.COOKIES.items()):
            if "\x00" in name or "\x00" in value:
                del request.COOKIES[name]
        if self._carries_nul(request):
            return bad_request(request)
        return self.get_response(request)

    @staticmethod
    def _carries_nul(request):
        if "\x00" in request.path or _has_nul(request.GET):
            return True
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
            return _has_nul(request.POST)
        return False


def bad_request(request):
    """Render the site's 400 page in the language of the address asked for."""
    # LocaleMiddleware has not run yet: this middleware comes before the session.
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    translation.activate(language)
    request.LANGUAGE_CODE = language
    return views.bad_request(request, None)


class PermissionsPolicyMiddleware:
    """Send settings.PERMISSIONS_POLICY as the Permissions-Policy header (Django has none)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response
