"""A reader's e-mail address: confirmed through its signed link, or unsubscribed."""

from django.db import transaction
from django.utils import timezone

from comments.models import ConfirmedEmail, Unsubscription


@transaction.atomic
def confirm_email(*, email: str) -> ConfirmedEmail:
    """Record that the owner of an address clicked its signed confirmation link."""
    address = email.strip().lower()
    confirmed = ConfirmedEmail.objects.for_address(address).first()
    if confirmed is None:
        confirmed = ConfirmedEmail(email=address)
        confirmed.full_clean()
        confirmed.save()
    return confirmed


@transaction.atomic
def unsubscribe(*, email: str, kind: str) -> Unsubscription:
    """Stop e-mails of one kind to an address (until the person opts in again)."""
    unsubscription, _created = Unsubscription.objects.update_or_create(
        email=Unsubscription.normalize_email(email),
        kind=kind,
        defaults={"created_at": timezone.now()},
    )
    return unsubscription
