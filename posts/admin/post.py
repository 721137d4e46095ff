"""Admin for articles and tags: the authoring UI.

Editors (and superusers) work on every article; members of the Authors group see, edit and
preview only their own, and are always recorded as the author of what they write.
"""

from django.contrib import admin
from django.db.models import Count, Q
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from posts.admin.translation import TranslatablePostAdminMixin, TranslationsAdminMixin
from posts.models import Category, Post, Tag, published_q
from posts.permissions import is_editor
from posts.services import record_revision  # writing (issue 9)

from . import editor  # writing (issue 9): preview, autosave, revisions
from .columns import protected_label
from .forms import PostAdminForm, SlugFromNameForm  # writing (issue 9)


class EffectiveStatusFilter(admin.SimpleListFilter):
    """Filter on what readers experience, which depends on the clock, not only the field."""

    title = _("status")
    parameter_name = "effective_status"

    def lookups(self, request, model_admin):
        return Post.Status.choices

    def queryset(self, request, queryset):
        now = timezone.now()  # one moment for the three halves (as Post.effective_status)
        if self.value() == Post.Status.DRAFT:
            return queryset.filter(
                ~Q(status__in=Post.RELEASED_STATUSES) | Q(published_at__isnull=True)
            )
        if self.value() == Post.Status.SCHEDULED:
            return queryset.scheduled(now=now)
        if self.value() == Post.Status.PUBLISHED:
            return queryset.published(now=now)
        return queryset


@admin.register(Post)
class PostAdmin(TranslatablePostAdminMixin, admin.ModelAdmin):
    # --- writing (issue 9) ---
    form = PostAdminForm
    # --- end writing ---
    list_display = [
        "title",
        "status_label",
        "published_at",
        "author",
        "tag_names",
        "comment_count",
        "reaction_count",
        "preview_link",
        # Languages (issue 12): the article's language and its translations.
        "language",
        "translation_links",
    ]
    list_filter = [EffectiveStatusFilter, "tags", "author", "published_at", "language"]
    list_select_related = ["author"]
    raw_id_fields = ["cover"]
    search_fields = ["title", "lead", "body", "tags__name"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    filter_horizontal = ["tags", "categories"]
    readonly_fields = ["reading_time", "created_at", "updated_at", "translation_links"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "author", "lead", "body", "tags", "categories"]}),
        (
            _("Publication"),
            {
                # Languages (issue 12): translation_links is read-only; "Translate" creates one.
                "fields": ["status", "published_at", "password", "language", "translation_links"],
                "description": _(
                    "Published with a future date: the article appears by itself when due."
                ),
            },
        ),
        (_("Cover image"), {"fields": ["cover"]}),
        (_("Comments"), {"fields": ["comments_open", "comments_close_after_days"]}),
        (_("Information"), {"fields": ["reading_time", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).with_counts().prefetch_related("tags")
        if is_editor(request.user):
            return queryset
        return queryset.filter(author=request.user)

    def get_list_filter(self, request):
        if is_editor(request.user):
            return self.list_filter
        return [f for f in self.list_filter if f != "author"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if is_editor(request.user):
            return fieldsets
        # Authors always write as themselves: the field is not shown, save_model sets it.
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "author"]})
            for name, options in fieldsets
        ]

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if not allowed or obj is None or is_editor(request.user):
            return allowed
        return obj.author_id == request.user.pk

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if not allowed or obj is None or is_editor(request.user):
            return allowed
        return obj.author_id == request.user.pk

    def save_model(self, request, obj, form, change):
        if not is_editor(request.user):
            obj.author = request.user
        super().save_model(request, obj, form, change)
        # --- writing (issue 9): a revision on every save ---
        record_revision(post=obj, editor=request.user)
        # --- end writing ---

    # --- writing (issue 9): the editor's endpoints (posts/admin/editor.py) ---
    def get_urls(self):
        def wrap(view):
            def wrapped(request, *args, **kwargs):
                return view(request, self, *args, **kwargs)

            return self.admin_site.admin_view(wrapped)

        return [
            path("editor-preview/", wrap(editor.preview_view), name="posts_post_preview"),
            path("<id:pk>/autosave/", wrap(editor.autosave_view), name="posts_post_autosave"),
            path("<id:pk>/revisions/", wrap(editor.revisions_view), name="posts_post_revisions"),
            path(
                "<id:pk>/revisions/<id:revision_pk>/restore/",
                wrap(editor.restore_view),
                name="posts_post_restore",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        post = self.get_object(request, object_id)
        if post is not None:
            extra_context["autosave"] = editor.autosave_for(post, request.user)
        return super().change_view(request, object_id, form_url, extra_context)

    # --- end writing ---

    def view_on_site(self, obj):
        """Open the public page once published, the preview before."""
        return obj.get_absolute_url() if obj.is_published else obj.get_preview_url()

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj):
        return protected_label(obj, Post.Status(obj.effective_status).label)

    @admin.display(description=_("tags"))
    def tag_names(self, obj):
        return ", ".join(tag.name for tag in obj.tags.all())

    @admin.display(description=_("comments"), ordering="comment_count")
    def comment_count(self, obj):
        return obj.comment_count

    @admin.display(description=_("reactions"), ordering="reaction_count")
    def reaction_count(self, obj):
        return obj.reaction_count

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        if obj.is_published:
            return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("View"))
        return format_html('<a href="{}">{}</a>', obj.get_preview_url(), _("Preview"))


@admin.register(Tag)
class TagAdmin(TranslationsAdminMixin, admin.ModelAdmin):
    # Languages (issue 12): tags are per language, linked to their translations.
    list_display = [
        "name",
        "slug",
        "language",
        "translation_links",
        "post_count",
        "published_count",
    ]
    list_filter = ["language"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    form = SlugFromNameForm

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                post_count=Count("posts", distinct=True),
                published_count=Count(
                    "posts",
                    filter=published_q(prefix="posts__"),
                    distinct=True,
                ),
            )
        )

    @admin.display(description=_("articles"), ordering="post_count")
    def post_count(self, obj):
        return obj.post_count

    @admin.display(description=_("published"), ordering="published_count")
    def published_count(self, obj):
        return obj.published_count


@admin.register(Category)
class CategoryAdmin(TranslationsAdminMixin, admin.ModelAdmin):
    """Sections of the blog, per language like tags, nested under a parent."""

    list_display = ["name", "slug", "parent", "language", "translation_links", "position"]
    list_filter = ["language"]
    list_select_related = ["parent"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    form = SlugFromNameForm
    fields = ["name", "slug", "parent", "description", "position", "language"]
