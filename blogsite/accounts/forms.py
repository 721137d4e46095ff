"""allauth's forms with the site's rules (ACCOUNT_FORMS)."""

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.core import context
from django import forms

from blogsite.accounts import mail_limits
from blogsite.accounts.adapter import client_ip


class ResetPasswordForm(AllauthResetPasswordForm):
    """Refuse, on the form and with the address kept, a reset beyond ACCOUNTS_MAILS_*.

    Only a look: the e-mail is counted when it is sent (AccountAdapter.send_mail), whatever
    sends it, so two requests racing each other still cannot pass the limit.
    """

    def clean_email(self):
        email = super().clean_email()
        refusal = mail_limits.next_mail_refusal(email=email, ip=client_ip(context.request))
        if refusal is not None:
            raise forms.ValidationError(refusal.message, code="too_many_mails")
        return email


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form, its "username or e-mail" field hinted as a username.

    allauth marks that field autocomplete="email" when both are accepted; a password manager
    then offers an e-mail address where the account was saved under its username ("admin",
    as make run creates it). "username" is the hint the HTML standard gives for a sign-in
    name of any kind, and the one WordPress's own sign-in form uses.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].widget.attrs["autocomplete"] = "username"
