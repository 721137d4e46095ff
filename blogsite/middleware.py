"""Request-wide middleware of the site."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_request

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
    redirected. Both answers vary on the cookie and Accept-Language, so a shared cache keeps
    them apart.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path_info != "/":
            return self.get_response(request)
        preferred = get_language_from_request(request, check_path=False)
        if preferred != settings.LANGUAGE_CODE:
            response = HttpResponseRedirect(home_path(preferred))
        else:
            response = self.get_response(request)
        patch_vary_headers(response, ["Cookie", "Accept-Language"])
        return response
