"""A narrow CSRF exemption for the forms a cached page carries: comment, vote, subscribe.

A page stored by the page cache is the same for every reader, so it cannot carry a CSRF
token (the token is bound to one browser's cookie). The comment, reaction and subscribe
endpoints therefore accept a post without a token when the browser itself proves it comes
from a page of this site: its Origin header names this site (or one of
CSRF_TRUSTED_ORIGINS), or, from a browser that sends no Origin, Sec-Fetch-Site says
"same-origin". Browsers set both headers
and no page on another site can forge them, which is the protection the token gives.
A post that carries a token, or no such proof, goes through Django's CSRF check as usual.
"""

from functools import wraps

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt


def _carries_token(request) -> bool:
    return bool(
        request.POST.get("csrfmiddlewaretoken") or request.META.get(settings.CSRF_HEADER_NAME, "")
    )


def is_same_origin(request) -> bool:
    """Whether the browser says this request comes from a page of this site."""
    origin = request.META.get("HTTP_ORIGIN")
    if origin:
        if origin == "null":
            return False
        own = f"{request.scheme}://{request.get_host()}"
        return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS
    return request.META.get("HTTP_SEC_FETCH_SITE") == "same-origin"


def same_origin_or_csrf_token(view):
    """Accept a token-less POST that proves same-origin; check everything else as Django does."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method == "POST" and not _carries_token(request) and is_same_origin(request):
            return view(request, *args, **kwargs)
        refusal = CsrfViewMiddleware(lambda request: None).process_view(
            request, view, args, kwargs
        )
        if refusal is not None:
            return refusal
        return view(request, *args, **kwargs)

    return csrf_exempt(checked)
