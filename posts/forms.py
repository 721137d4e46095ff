"""Forms of the reader-facing account pages: the name a person goes by."""

from django import forms
from django.utils.translation import gettext_lazy as _

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
        save_profile(user=user, display_name=self.cleaned_data["display_name"])


class ProfileForm(forms.Form):
    """The account page: change the display name (and, for authors, the short bio)."""

    display_name = DisplayNameField()
    bio = forms.CharField(
        label=_("Short bio"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown on your author page, if you write articles."),
    )
