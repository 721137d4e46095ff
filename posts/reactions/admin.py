"""Admin for reaction kinds and reactions."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from blogsite.admincells import NamedCellsForm, NamedCellsInlineFormSet
from posts.reactions.models import Reaction, ReactionKind, ReactionKindLabel


class ReactionKindLabelInline(admin.TabularInline):
    """One label per site language; a new language is one more row."""

    model = ReactionKindLabel
    form = NamedCellsForm
    formset = NamedCellsInlineFormSet
    extra = 0
    min_num = 1


@admin.register(ReactionKind)
class ReactionKindAdmin(admin.ModelAdmin):
    list_display = ["code", "emoji", "labels_shown", "position", "active", "vote_count"]
    list_display_links = ["code"]
    list_editable = ["position", "active"]
    list_filter = ["active"]
    search_fields = ["code", "labels__label"]
    ordering = ["position", "pk"]
    inlines = [ReactionKindLabelInline]

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, **{"form": NamedCellsForm, **kwargs})

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(vote_count=Count("reactions", distinct=True))
            .with_labels()
        )

    @admin.display(description=_("labels"))
    def labels_shown(self, kind):
        return " · ".join(f"{row.language}: {row.label}" for row in kind.labels.all())

    @admin.display(description=_("votes"), ordering="vote_count")
    def vote_count(self, kind):
        return kind.vote_count


@admin.register(Reaction)
class ReactionAdmin(admin.ModelAdmin):
    """Votes are read here, not edited: readers cast them through the site.

    Deleting stays possible to clean up abuse; counts are aggregated, so they follow.
    """

    list_display = ["post", "kind", "voter_type", "user", "created_at"]
    list_filter = ["kind", "created_at"]
    list_select_related = ["post", "kind", "user"]
    search_fields = ["post__title", "user__username"]
    date_hierarchy = "created_at"
    readonly_fields = ["post", "kind", "voter", "user", "created_at", "updated_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("voter"), ordering="voter")
    def voter_type(self, reaction):
        return _("anonymous reader") if reaction.is_anonymous else _("account")
