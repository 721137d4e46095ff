"""The article form of the admin: publish now, clear date errors, only writers as authors."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blogsite.roles import writers
from posts.models import Post, display_name


class AuthorChoiceField(forms.ModelChoiceField):
    """People who may write, under the name readers see (never the login name)."""

    def label_from_instance(self, obj):
        return display_name(obj)


class PostAdminForm(forms.ModelForm):
    class Meta:
        model = Post
        # The admin passes the fields of its fieldsets; these are the defaults elsewhere.
        fields = ["title", "slug", "author", "lead", "body", "status", "published_at", "cover"]
        field_classes = {"author": AuthorChoiceField}

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
