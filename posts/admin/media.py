"""The media library in the admin: upload (through posts.media.store_image), describe, pick.

The editor's image button reads the picker endpoint (JSON) to insert an image with its alt
text as Markdown.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from posts.media import delete_files, open_image, store_image
from posts.models import Media


class MediaAdminForm(forms.ModelForm):
    class Meta:
        model = Media
        fields = ["file", "alt_text", "caption", "title"]

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and hasattr(uploaded, "content_type"):  # a new upload, not the stored one
            try:
                open_image(uploaded)
            except ValidationError as error:
                raise forms.ValidationError(error.messages) from None
        return uploaded


@admin.register(Media)
class MediaAdmin(admin.ModelAdmin):
    form = MediaAdminForm
    list_display = ["thumbnail", "alt_text", "title", "dimensions", "created_at"]
    list_display_links = ["thumbnail", "alt_text"]
    search_fields = ["alt_text", "caption", "title", "original_url"]
    readonly_fields = ["preview", "dimensions", "rendition_list", "uploaded_by", "created_at"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["file", "alt_text", "caption", "title"]
        # The file of a stored image does not change: its renditions were made from it.
        return ["preview", "alt_text", "caption", "title", "dimensions", "rendition_list",
                "uploaded_by", "created_at"]  # fmt: skip

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        stored = store_image(
            form.cleaned_data["file"],
            alt_text=form.cleaned_data["alt_text"],
            caption=form.cleaned_data["caption"],
            title=form.cleaned_data["title"],
            uploaded_by=request.user,
        )
        obj.pk = stored.pk
        obj.refresh_from_db()

    def delete_model(self, request, obj):
        delete_files(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for media in queryset:
            delete_files(media)
        super().delete_queryset(request, queryset)

    def get_urls(self):
        picker = path(
            "picker/",
            self.admin_site.admin_view(self.picker_view),
            name="posts_media_picker",
        )
        return [picker, *super().get_urls()]

    def picker_view(self, request):
        """The latest images, for the editor's image button (JSON)."""
        if not self.has_view_permission(request):
            return JsonResponse({"error": "forbidden"}, status=403)
        queryset = self.get_queryset(request)
        query = request.GET.get("q", "").strip()
        if query:
            queryset = queryset.filter(alt_text__icontains=query)
        items = [
            {
                "id": media.pk,
                "url": media.url,
                "alt": media.alt_text,
                "title": media.title,
                "thumb": _smallest(media),
                "width": media.width,
                "height": media.height,
            }
            for media in queryset[:30]
        ]
        return JsonResponse({"results": items})

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        return format_html(
            '<img src="{}" alt="" width="80" class="media-thumb" loading="lazy">', _smallest(obj)
        )

    @admin.display(description=_("image"))
    def preview(self, obj):
        return format_html(
            '<img src="{}" alt="" class="media-preview" width="384">', _smallest(obj)
        )

    @admin.display(description=_("size"))
    def dimensions(self, obj):
        return f"{obj.width} × {obj.height}" if obj.width else "—"

    @admin.display(description=_("renditions"))
    def rendition_list(self, obj):
        return ", ".join(f"{r['format']} {r['width']}w" for r in obj.renditions) or "—"


def _smallest(media) -> str:
    """The address of the smallest rendition (the original when there is none)."""
    storage = media.file.storage
    candidates = sorted(media.renditions, key=lambda r: r["width"])
    return storage.url(candidates[0]["name"]) if candidates else media.url
