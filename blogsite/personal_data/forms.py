"""Forms of the personal-data requests: they validate, the services act."""

from django import forms
from django.utils.translation import gettext_lazy as _

from blogsite.forms import EMAIL_ERRORS, honeypot_field

EXPORT, ERASE = "export", "erase"


class DataRequestForm(forms.Form):
    """The privacy page's form: the address to prove, and what to do with its data."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    action = forms.ChoiceField(
        label=_("What do you ask for?"),
        choices=[
            (EXPORT, _("A copy of the data you hold about me")),
            (ERASE, _("Erase the data you hold about me")),
        ],
        initial=EXPORT,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a copy of your data or its erasure.")},
    )
    homepage = honeypot_field()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "data_%s")
        super().__init__(*args, **kwargs)


class PersonLookupForm(forms.Form):
    """The admin's form: the address of the person who asked."""

    email = forms.EmailField(
        label=_("E-mail address"), max_length=254, error_messages=EMAIL_ERRORS
    )


class AccountDeletionForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account and the data above are deleted for good."),
        error_messages={"required": _("Tick the box to confirm that you want this.")},
    )
