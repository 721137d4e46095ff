"""Admin for pages ("Chi siamo", "Contatti", a WordPress blog's pages after the move-in).

Editors (and superusers) write them, as WordPress's editors do; authors write articles only.
A page lives at its parents' path and its own slug: saving goes through services.save_page,
which re-derives the paths of the whole subtree, and a published page that moves keeps
answering at its old address (posts/moves.py).
"""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from posts import services
from posts.admin.translation import TranslatablePageAdminMixin
from posts.models import Page

from .columns import protected_label
from .forms import SlugFromNameForm


class PageAdminForm(SlugFromNameForm):
    slug_from = "title"
    translation_gets_own_slug = True

    class Meta:
        model = Page
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "parent" in self.fields:
            parents = Page.objects.filter(language=self.item_language())
            if self.instance.pk:
                parents = parents.exclude(pk__in=self.instance_and_descendants())
            self.fields["parent"].queryset = parents
            self.fields["parent"].error_messages["invalid_choice"] = _(
                "Choose a page in the same language that is not this page or one under it."
            )

    def instance_and_descendants(self) -> set:
        found, level = {self.instance.pk}, {self.instance.pk}
        while level:
            level = set(Page.objects.filter(parent__in=level).values_list("pk", flat=True))
            level -= found
            found |= level
        return found


@admin.register(Page)
class PageAdmin(TranslatablePageAdminMixin, admin.ModelAdmin):
    form = PageAdminForm
    list_display = [
        "title",
        "address",
        "status_label",
        "language",
        "translation_links",
        "position",
        "updated_at",
    ]
    list_filter = ["status", "language"]
    list_select_related = ["parent"]
    search_fields = ["title", "path", "body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["address", "created_at", "updated_at", "translation_links"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "parent", "body", "body_format"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "password",
                    "language",
                    "translation_links",
                    "position",
                ]
            },
        ),
        (_("Information"), {"fields": ["author", "address", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj):
        return protected_label(obj, obj.get_status_display())

    @admin.display(description=_("address"), ordering="path")
    def address(self, obj):
        if obj.pk is None:
            return "—"
        url = obj.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url)

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change):
        services.save_page(obj)
