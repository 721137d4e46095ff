from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


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
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database work here: the error may be the database.
    template = loader.get_template("500.html")
    return HttpResponse(template.render(), status=500)


def bad_request(request, exception):
    return render(request, "400.html", status=400)
