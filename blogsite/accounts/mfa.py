"""Two factors for staff: allauth.mfa's TOTP and recovery codes, required by a setting.

With ACCOUNTS_STAFF_MFA_REQUIRED, a staff account without an authenticator app is sent to
set one up before any page of the admin, and cannot remove it afterwards. The admin's own
login form is replaced by allauth's (blogsite/urls.py, secure_admin_login), so a password
alone never opens the admin of an account that has an authenticator.
"""

import functools

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext

from blogsite.accounts.conf import account_settings


@functools.cache
def admin_prefix() -> str:
    return reverse("admin:index")


def must_add_a_second_factor(user) -> bool:
    return (
        account_settings.STAFF_MFA_REQUIRED
        and user.is_authenticated
        and user.is_staff
        and not is_mfa_enabled(user, [Authenticator.Type.TOTP])
    )


class StaffTwoFactorMiddleware:
    """Send staff without an authenticator app from the admin to set one up (when required)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(admin_prefix()) and must_add_a_second_factor(request.user):
            messages.warning(
                request,
                gettext(
                    "Staff accounts log in with two factors. Add an authenticator app to "
                    "your account, then go back to the administration."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator) -> bool:
        """Staff keep their authenticator app while two factors are required of them."""
        if (
            account_settings.STAFF_MFA_REQUIRED
            and authenticator.type == Authenticator.Type.TOTP
            and authenticator.user.is_staff
        ):
            return False
        return super().can_delete_authenticator(authenticator)
