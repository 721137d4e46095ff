"""The article form of the admin: publish now, clear date errors, only writers as authors,
terms of the article's language; and, for articles, pages, tags and categories, a slug made
from the title when the slug box is left empty (and a translation's own slug)."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blogsite.roles import writers
from posts.languages import language_codes
from posts.models import Post, display_name
from posts.services import slug_of_translation, unique_slug

TERM_FIELDS = ("tags", "categories")
# A term of another language (the language was changed after choosing, or a forged post).
OTHER_LANGUAGE_TERM = _(
    "Only the article's language can be chosen here: the list now shows its tags and "
    "categories, choose among them."
)


class AuthorChoiceField(forms.ModelChoiceField):
    """People who may write, under the name readers see (never the login name)."""

    def label_from_instance(self, obj):
        return display_name(obj)


class SlugFromNameForm(forms.ModelForm):
    """The slug may be left empty: it is then made from the title (or name) on saving.

    The admin fills the box as the title is typed, but its script keeps only the letters it
    knows: a title in Chinese or Persian left it empty, and the form refused to save.
    """

    slug_from = "name"
    # Articles and pages: a translation's copied slug follows its translated title.
    translation_gets_own_slug = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "The last part of the address. Left empty, it is made from the %(field)s."
            ) % {"field": self.instance._meta.get_field(self.slug_from).verbose_name}

    def item_language(self) -> str:
        """The language the item is written in: as sent, else as stored, else the
        language the add form was opened with (?language=en), else the site's first."""
        if self.is_bound:
            language = self.data.get(self.add_prefix("language"))
        elif self.instance.pk is None:
            language = self.initial.get("language")
        else:
            language = self.instance.language
        return language if language in language_codes() else settings.LANGUAGE_CODE

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get(self.slug_from)
        if "slug" in self.fields and not cleaned.get("slug") and text:
            cleaned["slug"] = unique_slug(
                self._meta.model,
                text,
                language=self.item_language(),
                exclude_pk=self.instance.pk,
                max_length=self._meta.model._meta.get_field("slug").max_length,
            )
        elif (
            self.translation_gets_own_slug
            and cleaned.get("slug")
            and text
            and "slug" not in self.changed_data
        ):
            cleaned["slug"] = slug_of_translation(
                item=self.instance, title=text, slug=cleaned["slug"]
            )
        return cleaned


class PostAdminForm(SlugFromNameForm):
    class Meta:
        model = Post
        # The admin passes the fields of its fieldsets; these are the defaults elsewhere.
        fields = ["title", "slug", "author", "lead", "body", "status", "published_at", "cover"]
        field_classes = {"author": AuthorChoiceField}

    slug_from = "title"
    translation_gets_own_slug = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "author" in self.fields:
            self.fields["author"].queryset = writers().select_related("profile")
        if "body" in self.fields:
            self.fields["body"].help_text = _(
                "Markdown: **bold**, *italic*, [text](https://address), ## heading, &gt; quote, "
                "- list, ![alt text](image address). A sponsored link has the title "
                '"sponsor": [Shop](https://example.com "sponsor"); readers see it marked '
                '[sponsor] and search engines get rel="sponsored". The preview beside the '
                "text is rendered as the article will be."
            )
        if "published_at" in self.fields:
            self.fields["published_at"].help_text = _(
                "Empty with Published: the article is published now. "
                "A date in the future schedules it."
            )
        self.offer_terms_in(self.item_language())

    def offer_terms_in(self, language: str) -> None:
        """Offer only the tags and categories of `language` (each language has its own)."""
        for name in TERM_FIELDS:
            field = self.fields.get(name)
            if field is not None:
                field.queryset = field.queryset.model.objects.filter(language=language)
                field.error_messages["invalid_choice"] = OTHER_LANGUAGE_TERM

    def clean(self):
        """Publish now when Published has no date; ask for a date when scheduling.

        The database refuses a published row without a date (post_published_has_date); the
        form settles it first, so that constraint's own message never reaches a person.
        """
        cleaned = super().clean()
        status = cleaned.get("status")
        if "published_at" in self.errors:
            return cleaned
        if status == Post.Status.PUBLISHED and not cleaned.get("published_at"):
            cleaned["published_at"] = timezone.now()
        elif status == Post.Status.SCHEDULED and not cleaned.get("published_at"):
            self.add_error(
                "published_at",
                _("Choose the date and time the article should appear, or choose Published."),
            )
        return cleaned
