"""Third-party apps' admin pages in the site's languages.

A few of their labels come from attribute names, which no catalogue can translate (a
model field without a verbose name shows as "User", a property column as "Task name").
Their admins are registered again here, unchanged but for those labels, whose words our
catalogue translates. (Changing the fields' verbose names instead would need migrations
in those apps.)
"""

from allauth.socialaccount.admin import SocialAccountAdmin, SocialAppAdmin, SocialTokenAdmin
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult


class LabelledFieldsMixin:
    """Give the form fields named in `labels` a translated label."""

    labels: dict = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in self.labels:
            field.label = self.labels[db_field.name]
        return field


def column(name: str, label):
    """A list column showing the attribute `name` under a translated header."""

    def value(obj):
        return getattr(obj, name)

    value.__name__ = name
    return admin.display(description=label, ordering=name)(value)


def register_again(model, admin_class) -> None:
    admin.site.unregister(model)
    admin.site.register(model, admin_class)


class TranslatedSocialAppAdmin(LabelledFieldsMixin, SocialAppAdmin):
    labels = {"settings": _("Settings"), "sites": _("Sites")}


class TranslatedSocialAccountAdmin(LabelledFieldsMixin, SocialAccountAdmin):
    labels = {"user": _("User")}
    list_display = (column("user", _("User")), "uid", "provider")


class TranslatedSocialTokenAdmin(LabelledFieldsMixin, SocialTokenAdmin):
    labels = {"app": _("Application"), "account": _("Account")}
    list_display = (
        column("app", _("Application")),
        column("account", _("Account")),
        "truncated_token",
        "expires_at",
    )


class TranslatedTaskResultAdmin(DBTaskResultAdmin):
    list_display = (
        column("id", _("ID")),
        column("task_name", _("Task")),
        "status",
        "enqueued_at",
        "started_at",
        "finished_at",
        "priority",
        "queue_name",
    )

    @admin.display(description=_("traceback"))
    def formatted_traceback(self, obj):
        return super().formatted_traceback(obj)

    @admin.display(description=_("run after"))
    def display_run_after(self, obj):
        return super().display_run_after(obj)


register_again(SocialApp, TranslatedSocialAppAdmin)
register_again(SocialAccount, TranslatedSocialAccountAdmin)
register_again(SocialToken, TranslatedSocialTokenAdmin)
register_again(DBTaskResult, TranslatedTaskResultAdmin)
