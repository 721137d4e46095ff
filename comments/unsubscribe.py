"""The signed one-click unsubscribe link carried by every comment e-mail.

GET shows a confirmation page with a button (link scanners and previews must not
unsubscribe anyone); POST unsubscribes. Mail clients that honour RFC 8058 POST
"List-Unsubscribe=One-Click" to the same URL without a CSRF token, which is why this one
view is exempt: the signed token is what proves the request came from the e-mail.
"""

from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from comments import services
from comments.models import Unsubscription
from comments.notifications import read_unsubscribe_token


@csrf_exempt
@never_cache
def unsubscribe(request, token):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    signed = read_unsubscribe_token(token)
    if signed is None:
        return render(request, "comments/unsubscribe_invalid.html", status=400)
    email, kind = signed
    context = {"kind_label": Unsubscription.Kind(kind).label}
    if request.method == "POST":
        services.unsubscribe(email=email, kind=kind)
        return render(request, "comments/unsubscribe_done.html", context)
    return render(request, "comments/unsubscribe.html", context)
