"""Forms of the reader-facing account pages: the name a person goes by."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from posts.languages import NOT_A_SITE_LANGUAGE, current_language, language_codes
from posts.models import Profile
from posts.services import save_profile


class DisplayNameField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Display name"))
        kwargs.setdefault("max_length", Profile._meta.get_field("display_name").max_length)
        kwargs.setdefault(
            "help_text", _("The name shown with your comments. It can differ from your login.")
        )
        super().__init__(**kwargs)


class SignupForm(forms.Form):
    """Extra fields of allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = DisplayNameField()
    # A field people do not see (static/css/site.css hides it); robots fill it in.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_homepage(self):
        if self.cleaned_data.get("homepage"):
            raise forms.ValidationError(
                _("This field must stay empty; empty it to sign up."), code="honeypot"
            )
        return ""

    def signup(self, request, user):
        # The language of the pages the person signed up on is the one they read us in: their
        # e-mails (the sign-up's confirmation first) go out in it, until they choose another.
        save_profile(
            user=user, display_name=self.cleaned_data["display_name"], language=current_language()
        )


def _own_name(code: str) -> str:
    return capfirst(translation.get_language_info(code)["name_local"])


def mail_language_choices() -> list[tuple[str, str]]:
    """The site's languages, each named in itself ("English", "Italiano") as a language
    switcher names them, after the empty choice that follows the site's first one."""
    first = _own_name(settings.LANGUAGE_CODE)
    empty = _("The site's first language (%(language)s)") % {"language": first}
    return [("", empty), *((code, _own_name(code)) for code in language_codes())]


class LanguageSelect(forms.Select):
    """Marks each language's option with its `lang`, so a screen reader says "Italiano"
    with an Italian voice on an English page."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option


class ProfileForm(forms.Form):
    """The account page: the display name, the e-mail language (and for authors the bio)."""

    display_name = DisplayNameField()
    bio = forms.CharField(
        label=_("Short bio"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown on your author page, if you write articles."),
    )
    language = forms.ChoiceField(
        label=_("E-mail language"),
        required=False,
        choices=mail_language_choices,
        widget=LanguageSelect,
        error_messages={"invalid_choice": NOT_A_SITE_LANGUAGE},
        help_text=_("Language of the e-mails we send you."),
    )
