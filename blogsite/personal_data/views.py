"""A person's own requests: from the privacy page (proving the address by a link), and
from the account page (signed in, asked for the password again)."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from blogsite import ratelimit
from blogsite.models import PersonalDataRequest
from blogsite.personal_data import links, registry, services
from blogsite.personal_data.conf import privacy_settings
from blogsite.personal_data.forms import ERASE, AccountDeletionForm, DataRequestForm
from blogsite.personal_data.registry import ErasureRefused

Channel = PersonalDataRequest.Channel


def json_download(data: dict) -> HttpResponse:
    """The data as a JSON file to save, never stored by any cache."""
    response = HttpResponse(services.as_json(data), content_type="application/json")
    stamp = timezone.localtime().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="personal-data-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


def _privacy_page(request, form, *, status):
    # Imported here: the privacy page lists the apps' cookies, and this module names no app.
    from blogsite.privacy import privacy_context

    return render(request, "privacy.html", privacy_context(data_form=form), status=status)


@require_POST
def request_data(request):
    """The privacy page's form: e-mail the address a link that confirms the request.

    The answer is the same whether or not we hold anything for the address.
    """
    form = DataRequestForm(request.POST)
    if not form.is_valid():
        return _privacy_page(request, form, status=400)
    if form.cleaned_data["homepage"]:
        return redirect("privacy-request-sent")  # a robot: told the same, nothing sent
    ip = request.META.get("REMOTE_ADDR") or "-"
    if not ratelimit.hit(
        scope="privacy-request", key=ip, rate=privacy_settings.REQUEST_RATE_LIMIT
    ):
        form.add_error(
            None,
            _(
                "Too many requests came from your connection. Please try again in an hour: "
                "what you typed is still here."
            ),
        )
        return _privacy_page(request, form, status=429)
    email = form.cleaned_data["email"]
    if links.may_mail(email):
        links.send_link(email=email, action=form.cleaned_data["action"], language=get_language())
    return redirect("privacy-request-sent")


def request_sent(request):
    return render(
        request, "personal_data/request_sent.html", {"hours": privacy_settings.LINK_HOURS}
    )


@never_cache
def confirm_request(request, token):
    """GET asks (link scanners open links too); POST hands over or erases the data."""
    signed = links.read_token(token)
    if signed is None:
        return render(request, "personal_data/link_invalid.html", status=400)
    email, action = signed
    if request.method != "POST":
        return render(request, "personal_data/confirm.html", {"action": action})
    person = services.find_person(email)
    if action != ERASE:
        return json_download(services.export_person(person=person, channel=Channel.PRIVACY_PAGE))
    try:
        services.erase_person(person=person, channel=Channel.PRIVACY_PAGE)
    except ErasureRefused as refusal:
        context = {"action": action, "refusal": str(refusal)}
        return render(request, "personal_data/confirm.html", context, status=409)
    if request.user.is_authenticated and request.user.pk in person.account_ids:
        logout(request)
    return render(request, "personal_data/erased.html")


# --- The signed-in reader ------------------------------------------------------------------


def _account_page(request, form, *, status=200):
    person = services.person_of_account(request.user)
    held = [
        (registry.label_of(name), services.count_items(data))
        for name, data in services.collect(person).items()
    ]
    context = {"held": held, "refusals": services.erasure_refusals(person), "form": form}
    return render(request, "account/data.html", context, status=status)


@login_required
def account_data(request):
    """What the site holds about the reader (counts), the download and the deletion."""
    return _account_page(request, AccountDeletionForm())


@login_required
@reauthentication_required
def account_data_download(request):
    person = services.person_of_account(request.user)
    return json_download(services.export_person(person=person, channel=Channel.ACCOUNT))


@login_required
@require_POST
@reauthentication_required
def account_delete(request):
    form = AccountDeletionForm(request.POST)
    if not form.is_valid():
        return _account_page(request, form, status=400)
    person = services.person_of_account(request.user)
    try:
        services.erase_person(person=person, channel=Channel.ACCOUNT)
    except ErasureRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("account-data")
    logout(request)
    messages.success(request, _("Your account and your data are deleted."))
    return redirect("posts:index")
