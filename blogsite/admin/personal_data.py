"""Admin: the record of personal-data requests, and the page where an editor answers one."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from blogsite.models import PersonalDataRequest
from blogsite.personal_data import registry, services
from blogsite.personal_data.forms import PersonLookupForm
from blogsite.personal_data.registry import ErasureRefused
from blogsite.personal_data.views import json_download

HANDLE = "blogsite.handle_personal_data"


def describe(summary: dict) -> str:
    """A request's counts, in words: "Comments: 3; Subscriptions to new articles: 1"."""
    parts = []
    for name, counts in summary.items():
        if isinstance(counts, dict):
            counts = ", ".join(f"{what} {count}" for what, count in counts.items())
        parts.append(f"{registry.label_of(name)}: {counts}")
    return "; ".join(parts) or "—"


@admin.register(PersonalDataRequest)
class PersonalDataRequestAdmin(admin.ModelAdmin):
    """The audit trail (read only) and, for editors allowed to, the lookup page."""

    list_display = ["created_at", "action", "channel", "requested_by", "what_was_done"]
    list_filter = ["action", "channel"]
    date_hierarchy = "created_at"
    list_select_related = ["requested_by"]
    fields = ["created_at", "action", "channel", "requested_by", "what_was_done"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # the record of having answered is kept

    @admin.display(description=_("what was done"))
    def what_was_done(self, obj):
        return describe(obj.summary)

    def changelist_view(self, request, extra_context=None):
        extra_context = {"can_handle": request.user.has_perm(HANDLE), **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        view = self.admin_site.admin_view(self.person_view)
        return [
            path("person/", view, name="blogsite_personaldatarequest_person"),
            *super().get_urls(),
        ]

    def person_view(self, request):
        """Enter an e-mail: see what is held, download it as JSON, or erase it."""
        if not request.user.has_perm(HANDLE):
            raise PermissionDenied
        form = PersonLookupForm(request.POST or None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("A person's data"),
            "form": form,
        }
        if request.method == "POST" and form.is_valid():
            person = services.find_person(form.cleaned_data["email"])
            action = request.POST.get("action")
            by = {"channel": PersonalDataRequest.Channel.ADMIN, "requested_by": request.user}
            if action == "download":
                return json_download(services.export_person(person=person, **by))
            if action == "erase" and request.POST.get("confirm") == "yes":
                try:
                    summary = services.erase_person(person=person, **by)
                except ErasureRefused as refusal:
                    messages.error(request, str(refusal))
                else:
                    messages.success(
                        request, gettext("Erased. %(what)s") % {"what": describe(summary)}
                    )
                    return redirect(reverse("admin:blogsite_personaldatarequest_changelist"))
            elif action == "erase":
                messages.error(request, gettext("Tick the box to confirm the erasure."))
            context["held"] = [
                (registry.label_of(name), services.count_items(data))
                for name, data in services.collect(person).items()
            ]
            context["refusals"] = services.erasure_refusals(person)
            context["accounts"] = len(person.accounts)
        return TemplateResponse(request, "admin/blogsite/personaldatarequest/person.html", context)
