import sys

from django.conf import settings
from django.db import connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from blogsite.keptform import kept_fields, kept_text
from blogsite.outage import is_database_outage, outage_response
from blogsite.ratelimit import too_many_requests  # noqa: F401  (the site's 429 page)
from posts.languages import home_path, language_codes, language_links


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    # Each language's own words for the search and the previews (translated addresses).
    private = []
    for language in language_codes():
        home = home_path(language)
        with translation.override(language):
            preview = reverse("posts:preview", kwargs={"pk": 0}).removesuffix("0/")
            private += [f"{home}accounts/", f"{home}comments/", preview, reverse("posts:search")]
    return render(
        request,
        "robots.txt",
        {"private_paths": private},
        content_type="text/plain; charset=utf-8",
    )


@require_GET
def favicon(request):
    return HttpResponsePermanentRedirect(static("icons/favicon.ico"))


@require_GET
def health(request):
    """Answer 200 when the database answers; for load balancers and `make run` checks."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def page_not_found(request, exception):
    # Nothing is here in any language: no hreflang, and the switcher leads to the homes.
    return render(request, "404.html", {"page_languages": language_links({})}, status=404)


def server_error(request):
    # No context processors or database work here: the error may be the database.
    error = sys.exc_info()[1]
    if is_database_outage(error):
        # Raised before any view (a session read): the same 503 as DatabaseOutageMiddleware.
        return outage_response(request, error)
    template = loader.get_template("500.html")
    return HttpResponse(template.render({"stylesheet": _stylesheet_or_none()}), status=500)


def _stylesheet_or_none():
    """The site's stylesheet (its light and dark colours), or None when asking for it fails."""
    try:
        return static("css/site.css")
    except Exception:  # a missing manifest entry may be the very error: the page goes plain
        return None


def bad_request(request, exception):
    return render(request, "400.html", status=400)


@require_GET
@never_cache
def choose_language(request, language):
    """Remember the reader's language in Django's language cookie and go to `next`.

    The switcher's links lead here: a plain link, so it works on cached pages without a
    CSRF token (Django's set_language only accepts POST); the only effect is the cookie,
    which the reader changes back with the same switcher. `next` is this page's translation
    or, without one, the language's home; an address to another site goes to the home.
    """
    if language not in language_codes():
        raise Http404("No such language.")
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = home_path(language)
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def csrf_failure(request, reason=""):
    """The site's page, in the reader's language, when a form's CSRF check fails (an expired
    session, a lost cookie): the typed comment is still there, in a form with a fresh token
    that sends it again to the same address."""
    context = {
        "body": kept_text(request),
        "kept_fields": kept_fields(request),
        "resend_url": request.path,
        "reason": reason,
    }
    return render(request, "403_csrf.html", context, status=403)


def permission_denied(request, exception):
    """The site's 403 page with the view's own message (and a refused edit's text)."""
    message = str(exception) if exception is not None and str(exception) else ""
    return render(
        request, "403.html", {"message": message, "body": kept_text(request)}, status=403
    )
