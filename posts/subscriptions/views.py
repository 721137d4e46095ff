"""Thin views: read the request, call a service, redirect (POST, redirect, GET).

No page here shows an e-mail address: the links carry a signed subscription id, and the
answer to the public form is the same whether or not the address was subscribed.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from blogsite import ratelimit
from blogsite.csrf import same_origin_or_csrf_token
from posts.languages import current_language
from posts.subscriptions import services, tokens
from posts.subscriptions.conf import subscription_settings
from posts.subscriptions.forms import AccountSubscribeForm, FrequencyForm, SubscribeForm
from posts.subscriptions.letters import language_in_sentence
from posts.subscriptions.models import Subscription


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def form_context(*, form=None, frequency=None, request=None) -> dict:
    """What the subscribe form's template shows (see subscription_tags.subscribe_form)."""
    chosen = frequency or Subscription.Frequency.EACH
    if form is not None and form.is_bound:
        chosen = form.data.get("frequency") or chosen
    return {
        "form": form,
        "frequencies": Subscription.Frequency.choices,
        "frequency": chosen,
        "privacy_url": reverse("privacy"),
        "next": request.get_full_path() if request is not None else "",
    }


def _form_page(request, form, *, status):
    return render(request, "subscriptions/subscribe.html", form_context(form=form), status=status)


@same_origin_or_csrf_token  # the form of a cached page carries no token
def subscribe(request):
    if request.method != "POST":
        return _form_page(request, SubscribeForm(), status=200)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return _form_page(request, form, status=400)
    data = form.cleaned_data
    if data["homepage"]:
        return redirect("subscriptions:sent")  # a robot: told the same, nothing done
    if not ratelimit.hit(
        scope="subscribe", key=client_ip(request) or "-", rate=subscription_settings.RATE_LIMIT
    ):
        form.add_error(
            None,
            _(
                "Too many subscription requests came from your connection. Please try again "
                "in an hour: the address you typed is still here."
            ),
        )
        return _form_page(request, form, status=429)
    try:
        services.request_subscription(
            email=data["email"],
            language=current_language(),
            frequency=data["frequency"],
            ip=client_ip(request),
        )
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return _form_page(request, form, status=400)
    return redirect("subscriptions:sent")


def _safe_next(request, target: str) -> str:
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("posts:index")


@login_required
@require_POST
def subscribe_account(request):
    form = AccountSubscribeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose each new article or the weekly digest."))
        return redirect(_safe_next(request, request.POST.get("next", "")))
    try:
        services.subscribe_account(
            user=request.user,
            language=current_language(),
            frequency=form.cleaned_data["frequency"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You are subscribed: the next new article will reach you."))
    return redirect(_safe_next(request, form.cleaned_data["next"]))


def sent(request):
    return render(
        request, "subscriptions/sent.html", {"confirm_days": subscription_settings.CONFIRM_DAYS}
    )


def _invalid(request):
    return render(request, "subscriptions/link_invalid.html", status=400)


def _language_name(subscription) -> str:
    return language_in_sentence(subscription.language)


def _manage_url(subscription) -> str:
    return reverse("subscriptions:manage", args=[tokens.manage_token(subscription.pk)])


@never_cache
def confirm(request, token):
    """GET asks (link scanners open links too), POST confirms."""
    subscription_id = tokens.read_confirm_token(token)
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None:
        return _invalid(request)
    if request.method == "POST":
        services.confirm_subscription(subscription_id=subscription.pk, ip=client_ip(request))
        subscription.refresh_from_db()
        if subscription.is_active:
            messages.success(request, _("Thank you: your subscription is confirmed."))
        return redirect(_manage_url(subscription))
    if subscription.status != Subscription.Status.PENDING:
        return redirect(_manage_url(subscription))
    context = {"subscription": subscription, "language_name": _language_name(subscription)}
    return render(request, "subscriptions/confirm.html", context)


@never_cache
def manage(request, token):
    subscription = Subscription.objects.filter(pk=tokens.read_manage_token(token)).first()
    if subscription is None:
        return _invalid(request)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "unsubscribe":
            services.unsubscribe(subscription=subscription)
            messages.success(request, _("You are unsubscribed."))
        elif action == "resubscribe":
            services.resubscribe(subscription=subscription)
            messages.success(request, _("You are subscribed again."))
        else:
            form = FrequencyForm(request.POST)
            if form.is_valid() and subscription.is_active:
                services.change_frequency(
                    subscription=subscription, frequency=form.cleaned_data["frequency"]
                )
                messages.success(request, _("Your choice is saved."))
            else:
                messages.error(request, _("Choose each new article or the weekly digest."))
        return redirect(request.path)
    context = {
        "subscription": subscription,
        "language_name": _language_name(subscription),
        "frequencies": Subscription.Frequency.choices,
    }
    return render(request, "subscriptions/manage.html", context)


@csrf_exempt  # RFC 8058: mail clients POST here without a token; the signed link proves it
@never_cache
def unsubscribe(request, token):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    subscription = Subscription.objects.filter(pk=tokens.read_manage_token(token)).first()
    if subscription is None:
        return _invalid(request)
    done = request.method == "POST"
    if done:
        services.unsubscribe(subscription=subscription)
    context = {
        "subscription": subscription,
        "done": done,
        "language_name": _language_name(subscription),
        "manage_url": _manage_url(subscription),
    }
    return render(request, "subscriptions/unsubscribe.html", context)
