"""Third-party apps' admin pages in the site's languages.

A few of their labels come from attribute names, which no catalogue can translate (a
model field without a verbose name shows as "User", a property column as "Task name").
Their admins are registered again here, unchanged but for those labels, whose words our
catalogue translates. (Changing the fields' verbose names instead would need migrations
in those apps.)
"""

from allauth.mfa.models import Authenticator
from allauth.socialaccount.admin import SocialAccountAdmin, SocialAppAdmin, SocialTokenAdmin
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext
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


def name_in_words(model, singular, plural, **fields) -> None:
    """Name a third-party model and its fields in our catalogue's words, for the admin.

    Set on the live options only: the migration autodetector reads a model's names from the
    options and field arguments it was declared with, so no migration follows (allauth's
    Authenticator declares none: "authenticator", "User", "Last used at" on the Italian side).
    """
    model._meta.verbose_name, model._meta.verbose_name_plural = singular, plural
    for name, words in fields.items():
        model._meta.get_field(name).verbose_name = words


name_in_words(
    Authenticator,
    _("authenticator"),
    _("authenticators"),
    user=_("user"),
    type=_("type"),
    data=_("data"),
    created_at=_("created at"),
    last_used_at=_("last used at"),
)

# The four permissions Django gives every model are stored in English ("Can add email
# address", written once at migrate time); they are said again here in the reader's words.
BUILTIN_PERMISSIONS = {
    "add": _("Can add %(name)s"),
    "change": _("Can change %(name)s"),
    "delete": _("Can delete %(name)s"),
    "view": _("Can view %(name)s"),
}


def permission_label(permission) -> str:
    model = permission.content_type.model_class()
    action = permission.codename.partition("_")[0]
    if model is not None and permission.codename == f"{action}_{model._meta.model_name}":
        name = BUILTIN_PERMISSIONS.get(action)
        if name is not None:
            return f"{permission.content_type} | {name % {'name': model._meta.verbose_name}}"
    # Our own permissions are written with gettext_lazy: their words are in the catalogue.
    return f"{permission.content_type} | {gettext(permission.name)}"


class PermissionsInWordsMixin:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.name in ("permissions", "user_permissions"):
            field.label_from_instance = permission_label
        return field


class TranslatedUserAdmin(PermissionsInWordsMixin, UserAdmin):
    pass


class TranslatedGroupAdmin(PermissionsInWordsMixin, GroupAdmin):
    pass


register_again(get_user_model(), TranslatedUserAdmin)
register_again(Group, TranslatedGroupAdmin)
register_again(SocialApp, TranslatedSocialAppAdmin)
register_again(SocialAccount, TranslatedSocialAccountAdmin)
register_again(SocialToken, TranslatedSocialTokenAdmin)
register_again(DBTaskResult, TranslatedTaskResultAdmin)
