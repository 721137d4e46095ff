"""The password form of a protected article or page (posts.protection): the right password
unlocks the item for this browser and goes back to it; a wrong one goes back with a message."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blogsite import ratelimit
from blogsite.csrf import same_origin_or_csrf_token
from blogsite.ids import parse_id
from posts import protection
from posts.conf import protection_settings
from posts.models import Page, Post

KINDS = {"post": Post, "page": Page}


def _protected_item(key: str):
    kind, _sep, raw = key.partition(":")
    model, pk = KINDS.get(kind), parse_id(raw)
    if model is None or pk is None:
        raise Http404
    item = model.objects.published().filter(pk=pk).first()
    if item is None or not item.password:
        raise Http404
    return item


@require_POST
@same_origin_or_csrf_token
def unlock(request):
    item = _protected_item(request.POST.get("item", ""))
    address = request.META.get("REMOTE_ADDR") or "-"
    rate = protection_settings.RATE
    allowed = ratelimit.peek(scope="unlock", key=address, rate=rate)
    if not allowed.allowed:
        return ratelimit.too_many_requests(
            request,
            message=_("Too many wrong passwords from your connection: try again later."),
            retry_at=allowed.window_ends_at,
        )
    if protection.password_matches(item, request.POST.get("password", "")):
        response = redirect(item.get_absolute_url(), permanent=False)
        response.status_code = 303
        protection.remember_unlocked(request, response, item)
        return response
    ratelimit.take(scope="unlock", key=address, rate=rate)
    messages.error(request, _("That is not the password: try again."))
    response = redirect(item.get_absolute_url() + protection.FORM_ANCHOR)
    response.status_code = 303
    return response
