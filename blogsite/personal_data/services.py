"""Export and erase a person's data across every registered source, with an audit record.

Called by the admin (an editor enters an e-mail), the privacy page (the person confirmed
the e-mail through a signed link) and the account page (the signed-in reader).
"""

import json

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from blogsite.models import PersonalDataRequest
from blogsite.personal_data.registry import ErasureRefused, Person, sources


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def _verified_addresses(accounts) -> set[str]:
    """The accounts' own addresses and their verified allauth addresses."""
    found = {normalize_email(account.email) for account in accounts if account.email}
    rows = EmailAddress.objects.filter(user__in=accounts, verified=True)
    return found | {normalize_email(email) for email in rows.values_list("email", flat=True)}


def find_person(email: str) -> Person:
    """The person behind `email`: the address, the accounts whose address it is (their own
    or a verified allauth address), and those accounts' other addresses."""
    email = normalize_email(email)
    accounts = tuple(
        get_user_model()
        .objects.filter(
            Q(email__iexact=email)
            | Q(emailaddress__email__iexact=email, emailaddress__verified=True)
        )
        .distinct()
        .order_by("pk")
    )
    emails = {email} | _verified_addresses(accounts)
    return Person(emails=tuple(sorted(emails)), accounts=accounts)


def person_of_account(user) -> Person:
    """The signed-in reader: their account and its verified addresses."""
    return Person(emails=tuple(sorted(_verified_addresses([user]))), accounts=(user,))


def _record(*, action, channel, requested_by, summary) -> PersonalDataRequest:
    by = requested_by if requested_by is not None and requested_by.is_authenticated else None
    return PersonalDataRequest.objects.create(
        action=action, channel=channel, requested_by=by, summary=summary
    )


def count_items(data) -> int:
    """How many records an export holds (its lists' lengths, added up)."""
    if isinstance(data, dict):
        return sum(count_items(value) for value in data.values() if isinstance(value, list | dict))
    if isinstance(data, list):
        return len(data)
    return 0


def collect(person: Person) -> dict:
    """Everything the sources hold about `person`, by source name (empty ones left out)."""
    found = {}
    for source in sources():
        data = source.export(person)
        if count_items(data):
            found[source.name] = data
    return found


@transaction.atomic
def export_person(*, person: Person, channel: str, requested_by=None) -> dict:
    """What the site holds about `person`, as JSON-ready data; the request is recorded."""
    data = collect(person)
    _record(
        action=PersonalDataRequest.Action.EXPORT,
        channel=channel,
        requested_by=requested_by,
        summary={name: count_items(value) for name, value in data.items()},
    )
    return {
        "generated_at": timezone.now(),
        "emails": list(person.emails),
        **data,
    }


def as_json(data: dict) -> bytes:
    return json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False).encode()


def erasure_refusals(person: Person) -> list[str]:
    """Why `person`'s data cannot be erased as asked (empty: it can)."""
    reasons = []
    for source in sources():
        reason = source.check(person) if source.check is not None else ""
        if reason:
            reasons.append(str(reason))
    return reasons


@transaction.atomic
def erase_person(*, person: Person, channel: str, requested_by=None) -> dict:
    """Erase what every source holds about `person` in one transaction, and record that it
    was done (counts only). Raise ErasureRefused, with nothing changed, when a source says
    it must not go ahead (an account that wrote articles)."""
    reasons = erasure_refusals(person)
    if reasons:
        raise ErasureRefused(" ".join(reasons))
    summary = {}
    for source in sources():
        if source.erase is None:
            continue
        done = {what: count for what, count in source.erase(person).items() if count}
        if done:
            summary[source.name] = done
    _record(
        action=PersonalDataRequest.Action.ERASE,
        channel=channel,
        requested_by=requested_by,
        summary=summary,
    )
    return summary
