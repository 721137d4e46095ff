"""The media library in the admin: upload (through posts.media.store_upload), describe, pick.

Images show a thumbnail; other files (documents, sounds, videos, archives) their kind, name
and size, with a link to the file.

The editor's image button reads the picker endpoint (JSON) to insert an image with its alt
text as Markdown.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.template.defaultfilters import filesizeformat
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from posts import filetypes
from posts.media import delete_files, file_type, open_image, store_upload
from posts.models import Media, MediaKind


class MediaAdminForm(forms.ModelForm):
    class Meta:
        model = Media
        fields = ["file", "alt_text", "caption", "title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "alt_text" in self.fields:
            # A document needs none; an image does (clean() says so).
            self.fields["alt_text"].required = False

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and hasattr(uploaded, "content_type"):  # a new upload, not the stored one
            try:
                if file_type(uploaded).kind == filetypes.IMAGE:
                    open_image(uploaded)
                    self.is_image = True
            except ValidationError as error:
                raise forms.ValidationError(error.messages) from None
        return uploaded

    def clean(self):
        cleaned = super().clean()
        is_image = getattr(self, "is_image", False) or (
            self.instance.pk is not None and self.instance.is_image
        )
        if is_image and not (cleaned.get("alt_text") or "").strip():
            self.add_error("alt_text", _("Describe the image for readers who cannot see it."))
        return cleaned


@admin.register(Media)
class MediaAdmin(admin.ModelAdmin):
    form = MediaAdminForm
    list_display = ["thumbnail", "alt_text", "title", "kind", "dimensions", "created_at"]
    list_display_links = ["thumbnail", "alt_text"]
    list_filter = ["kind"]
    search_fields = ["alt_text", "caption", "title", "original_url"]
    readonly_fields = ["preview", "kind", "dimensions", "file_size", "rendition_list",
                       "uploaded_by", "created_at"]  # fmt: skip

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["file", "alt_text", "caption", "title"]
        if not obj.is_image:
            return ["preview", "kind", "file_size", "caption", "title", "uploaded_by",
                    "created_at"]  # fmt: skip
        # The file of a stored image does not change: its renditions were made from it.
        return ["preview", "alt_text", "caption", "title", "dimensions", "rendition_list",
                "uploaded_by", "created_at"]  # fmt: skip

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        stored = store_upload(
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
        queryset = self.get_queryset(request).filter(kind=MediaKind.IMAGE)
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

    @admin.display(description=_("file"))
    def thumbnail(self, obj):
        if not obj.is_image:
            return _file_label(obj)
        return format_html(
            '<img src="{}" alt="" width="80" class="media-thumb" loading="lazy">', _smallest(obj)
        )

    @admin.display(description=_("file"))
    def preview(self, obj):
        if not obj.is_image:
            return format_html(
                '<a href="{}" download>{}</a> ({})',
                obj.url,
                obj.file_name,
                _size_of(obj),
            )
        return format_html(
            '<img src="{}" alt="" class="media-preview" width="384">', _smallest(obj)
        )

    @admin.display(description=_("size"))
    def dimensions(self, obj):
        if not obj.is_image:
            return _size_of(obj)
        return f"{obj.width} × {obj.height}" if obj.width else "—"

    @admin.display(description=_("file size"))
    def file_size(self, obj):
        return _size_of(obj)

    @admin.display(description=_("renditions"))
    def rendition_list(self, obj):
        return ", ".join(f"{r['format']} {r['width']}w" for r in obj.renditions) or "—"


ICONS = {
    MediaKind.DOCUMENT: "📄",
    MediaKind.AUDIO: "🎵",
    MediaKind.VIDEO: "🎬",
    MediaKind.OTHER: "📦",
}


def _size_of(media) -> str:
    size = media.size
    if size is None:
        try:
            size = media.file.size
        except OSError:
            return "—"
    return filesizeformat(size)


def _file_label(media):
    """What stands for a file that has no thumbnail: its kind (icon and word), name, size."""
    return format_html(
        '<span class="media-file"><span aria-hidden="true">{}</span> {}: {} ({})</span>',
        ICONS.get(media.kind, "📦"),
        media.get_kind_display(),
        media.file_name,
        _size_of(media),
    )


def _smallest(media) -> str:
    """The address of the smallest rendition (the original when there is none)."""
    storage = media.file.storage
    candidates = sorted(media.renditions, key=lambda r: r["width"])
    return storage.url(candidates[0]["name"]) if candidates else media.url
