"""The subscription forms: they validate, the services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from blogsite.forms import EMAIL_ERRORS, honeypot_field
from posts.subscriptions.models import Subscription


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Send me"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.EACH,
        error_messages={
            "required": _("Choose each new article or the weekly digest."),
            "invalid_choice": _("Choose each new article or the weekly digest."),
        },
    )


class SubscribeForm(FrequencyForm):
    """The public form: an e-mail address (nothing else) and how often."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "aria-describedby": "subscribe-privacy"}
        ),
    )
    homepage = honeypot_field()

    def __init__(self, *args, **kwargs):
        # Prefixed ids: the article page's comment form has an e-mail field too.
        kwargs.setdefault("auto_id", "subscribe_%s")
        super().__init__(*args, **kwargs)


class AccountSubscribeForm(FrequencyForm):
    """A signed-in reader's one click: their account's verified address, how often."""

    next = forms.CharField(required=False, widget=forms.HiddenInput)
