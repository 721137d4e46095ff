"""The account's own data (Django's user, allauth's addresses and social logins)."""

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from blogsite.personal_data.registry import DataSource, Person


def export_accounts(person: Person) -> list[dict]:
    addresses = EmailAddress.objects.filter(user__in=person.account_ids).order_by("pk")
    socials = SocialAccount.objects.filter(user__in=person.account_ids).order_by("pk")
    return [
        {
            "username": account.get_username(),
            "email": account.email,
            "first_name": account.first_name,
            "last_name": account.last_name,
            "date_joined": account.date_joined,
            "last_login": account.last_login,
            "is_active": account.is_active,
            "email_addresses": [
                {"email": row.email, "verified": row.verified, "primary": row.primary}
                for row in addresses
                if row.user_id == account.pk
            ],
            "social_accounts": [
                {
                    "provider": row.provider,
                    "uid": row.uid,
                    "date_joined": row.date_joined,
                    "last_login": row.last_login,
                    "extra_data": row.extra_data,
                }
                for row in socials
                if row.user_id == account.pk
            ],
        }
        for account in person.accounts
    ]


def refuse_superusers(person: Person) -> str:
    if any(account.is_superuser for account in person.accounts):
        return _(
            "A superuser's account cannot be erased here: another superuser must first "
            "take its rights away in the admin."
        )
    return ""


def erase_accounts(person: Person) -> dict[str, int]:
    """Delete the accounts: their addresses, social logins and sessions' user go with them."""
    deleted = 0
    for account in person.accounts:
        account.delete()
        deleted += 1
    return {"deleted": deleted}


SOURCE = DataSource(
    name="accounts",
    label=gettext_lazy("Your account"),
    export=export_accounts,
    erase=erase_accounts,
    check=refuse_superusers,
    order=100,  # last: the other sources find what is theirs through the accounts
)
