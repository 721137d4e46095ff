"""Banning a commenter: their e-mail address, IP range or account becomes a blocked term
(so what they send next goes to the trash, as WordPress's disallowed keys do), and all
their comments go to spam, in one transaction."""

import ipaddress
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext

from comments.models import Comment, ModerationTerm

from .moderator import moderate_many

# The widest ranges a ban may cover: a /16 is 65,536 IPv4 addresses, a /48 one IPv6 site.
MIN_PREFIX = {4: 16, 6: 48}


def ip_range(value: str):
    """The network an IP address or range ("203.0.113.7", "203.0.113.0/24") stands for.

    Raise ValidationError for anything else, or for a range too wide to be one commenter's.
    """
    try:
        network = ipaddress.ip_network((value or "").strip(), strict=False)
    except ValueError:
        raise ValidationError(
            gettext("Write an IP address (203.0.113.7) or a range (203.0.113.0/24)."),
            code="invalid",
        ) from None
    widest = MIN_PREFIX[network.version]
    if network.prefixlen < widest:
        raise ValidationError(
            gettext("This range is too wide to be one commenter's: at most /%(prefix)d.")
            % {"prefix": widest},
            code="too_wide",
        )
    return network


@dataclass
class Ban:
    """What ban_commenter did: the blocked terms (new or already there) and the comments it
    moved to spam."""

    terms: list[ModerationTerm]
    moved: list[Comment]


def comments_of(*, email: str = "", network=None, user=None):
    """Every comment from the address, the network or the account (a QuerySet)."""
    condition = Q(pk__in=[])
    if email:
        condition |= Q(author_email__iexact=email)
    if user is not None:
        condition |= Q(user=user)
    if network is not None:
        condition |= Q(pk__in=Comment.objects.from_network(network).values("pk"))
    return Comment.objects.filter(condition)


@transaction.atomic
def ban_commenter(
    *,
    email: str = "",
    ip_address: str = "",
    user=None,
    moderator=None,
    note: str = "",
    spam_comments: bool = True,
) -> Ban:
    """Block an e-mail address, an IP address or range, and/or an account; with
    spam_comments, move every comment they sent to spam (the filter learns them as spam).

    Raise ValidationError (by field: email, ip_address, user) when there is nothing to ban,
    the range is not one, or the account is staff.
    """
    email = (email or "").strip().lower()
    network = ip_range(ip_address) if (ip_address or "").strip() else None
    if user is not None and user.is_staff:
        raise ValidationError(
            {"user": gettext("Staff accounts cannot be banned here: change them in Users.")}
        )
    if not (email or network or user):
        raise ValidationError(gettext("Choose what to ban: the e-mail, the IP or the account."))
    wanted = []
    if email:
        wanted.append((ModerationTerm.Kind.EMAIL, email))
    if network is not None:
        value = str(network.network_address) if network.num_addresses == 1 else str(network)
        wanted.append((ModerationTerm.Kind.IP, value))
    if user is not None:
        wanted.append((ModerationTerm.Kind.ACCOUNT, user.get_username()))
    terms = [block(kind=kind, value=value, note=note) for kind, value in wanted]
    moved = []
    if spam_comments:
        comments = comments_of(email=email, network=network, user=user).select_related("post")
        moved = moderate_many(
            comments=list(comments.exclude(status=Comment.Status.SPAM)),
            status=Comment.Status.SPAM,
            moderator=moderator,
        )
    return Ban(terms=terms, moved=moved)


def block(*, kind: str, value: str, note: str = "") -> ModerationTerm:
    """The blocked term of this kind and value, created when missing."""
    term = ModerationTerm.objects.filter(
        list=ModerationTerm.List.BLOCKED, kind=kind, value__iexact=value
    ).first()
    if term is None:
        term = ModerationTerm(
            list=ModerationTerm.List.BLOCKED, kind=kind, value=value, note=note[:200]
        )
        term.full_clean()
        term.save()
    return term
