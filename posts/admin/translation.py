"""The admin's side of content languages: each item's language and translations, a filter
by language, and "Translate", which creates an article's or a page's translation from it.

Kept apart from posts/admin/post.py, which the authoring work also edits: PostAdmin,
PageAdmin and TagAdmin only mix this in and list its columns.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from posts import services
from posts.languages import current_language, language_codes
from posts.permissions import is_editor


def _change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def _language_name(code: str) -> str:
    name = get_language_info(code)["name_translated"]
    # Django capitalises the names; Italian writes them in lower case ("in inglese").
    return name.lower() if current_language() == "it" else name


class TranslationsAdminMixin:
    """Columns and a read-only field naming an item's language and its translations."""

    def get_changelist_instance(self, request):
        """Fetch the translations of the whole page of results in one query."""
        changelist = super().get_changelist_instance(request)
        rows = list(changelist.result_list)
        keys = {obj.translation_key for obj in rows if obj.translation_key}
        found: dict = {}
        for other in self.model._default_manager.filter(translation_key__in=keys):
            found.setdefault(other.translation_key, []).append(other)
        for obj in rows:
            obj.translations_found = [
                other for other in found.get(obj.translation_key, []) if other.pk != obj.pk
            ]
        return changelist

    @admin.display(description=gettext_lazy("translations"))
    def translation_links(self, obj):
        """Links to the other languages' versions, "—" when there is none."""
        others = getattr(obj, "translations_found", None)
        if others is None:
            others = obj.translations()
        others = sorted(others, key=lambda other: other.language)
        if not others:
            return "—"
        return format_html_join(
            ", ",
            '<a href="{}" hreflang="{}">{} ({})</a>',
            ((_change_url(other), other.language, other, other.language) for other in others),
        )


class TranslateAdminMixin(TranslationsAdminMixin):
    """Adds the "Translate" admin view and the change form's "Translate into" buttons.

    The admins that mix it in word the messages for their model and name the service that
    creates the translation (translate()).
    """

    # Worded for the model ("This article...", "This page..."): set by each admin.
    translation_exists_message = ""
    translation_created_message = ""

    def translate(self, obj, *, language: str, author):
        """Create obj's translation into language through its service; return it."""
        raise NotImplementedError

    def translation_notes(self, obj, translation) -> list[str]:
        """What the editor should know about the new translation beyond its creation."""
        return []

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/translate/<str:language>/",
                self.admin_site.admin_view(require_POST(self.translate_view)),
                name=f"{opts.app_label}_{opts.model_name}_translate",
            ),
            *super().get_urls(),
        ]

    def missing_languages(self, obj) -> list[dict]:
        """The site's languages obj has no version in, each with its "Translate" address."""
        opts = self.model._meta
        have = {obj.language, *obj.translations().values_list("language", flat=True)}
        return [
            {
                "code": code,
                "name": _language_name(code),
                "url": reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_translate", args=[obj.pk, code]
                ),
            }
            for code in language_codes()
            if code not in have
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        extra = {}
        if obj is not None and self.has_add_permission(request):
            extra["missing_translations"] = self.missing_languages(obj)
        return super().change_view(
            request, object_id, form_url, extra_context={**extra, **(extra_context or {})}
        )

    def translate_view(self, request, object_id, language):
        obj = self.get_object(request, object_id)
        if obj is None or language not in language_codes():
            raise Http404
        if not (self.has_change_permission(request, obj) and self.has_add_permission(request)):
            raise PermissionDenied
        existing = obj.translations().filter(language=language).first()
        if existing is not None:
            return self._to_existing_translation(request, existing)
        # Editors keep the item's author; authors always write as themselves.
        author = obj.author if is_editor(request.user) else request.user
        try:
            with transaction.atomic():  # a savepoint: a lost race leaves the request usable
                translation = self.translate(obj, language=language, author=author)
        except (ValidationError, IntegrityError) as error:
            # Another editor translated it into that language since the check above: their
            # translation was committed before our checks (ValidationError) or between
            # them and our insert (the database's one-per-language constraint).
            # obj as the database has it now: their translation may have given it its key.
            obj.refresh_from_db(fields=["translation_key"])
            existing = obj.translations().filter(language=language).first()
            if existing is not None:
                return self._to_existing_translation(request, existing)
            if isinstance(error, IntegrityError):
                raise
            messages.error(request, " ".join(error.messages))
            return redirect(_change_url(obj))
        messages.success(request, self.translation_created_message)
        for note in self.translation_notes(obj, translation):
            messages.warning(request, note)
        return redirect(_change_url(translation))

    def _to_existing_translation(self, request, existing):
        messages.info(request, self.translation_exists_message)
        return redirect(_change_url(existing))


class TranslatablePostAdminMixin(TranslateAdminMixin):
    """Translating articles: the translation gets the tags and categories of its language
    that translate the article's."""

    translation_exists_message = gettext_lazy(
        "This article already has that translation: here it is."
    )
    translation_created_message = gettext_lazy(
        "Draft translation created: translate the title, lead and body, then publish."
    )

    def translate(self, obj, *, language: str, author):
        return services.create_translation(post=obj, language=language, author=author)


class TranslatablePageAdminMixin(TranslateAdminMixin):
    """Translating pages: the translation goes under the translation of the page's parent."""

    translation_exists_message = gettext_lazy(
        "This page already has that translation: here it is."
    )
    translation_created_message = gettext_lazy(
        "Draft translation created: translate the title and body, then publish."
    )

    def translate(self, obj, *, language: str, author):
        return services.create_page_translation(page=obj, language=language, author=author)

    def translation_notes(self, obj, translation) -> list[str]:
        if obj.parent_id is None or translation.parent_id is not None:
            return []
        return [
            _(
                "The parent page “%(parent)s” has no translation into %(language)s yet, so this "
                "translation was put at the top level: choose its parent once that page is "
                "translated."
            )
            % {"parent": obj.parent, "language": _language_name(translation.language)}
        ]
