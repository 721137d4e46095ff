"""What the site's public forms share: the e-mail field's messages and the honeypot."""

from django import forms
from django.utils.translation import gettext_lazy as _

EMAIL_ERRORS = {
    "required": _("Please enter your e-mail address."),
    "invalid": _("Please enter a valid e-mail address, like name@example.com."),
    "max_length": _("Please enter a valid e-mail address, like name@example.com."),
}


def honeypot_field() -> forms.CharField:
    """A field people do not see (CSS class "honeypot") and robots fill in."""
    return forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
