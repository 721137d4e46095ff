"""Factories for the moderation tests: comments in any status, editors and moderators."""

import itertools

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from comments import services
from comments.models import Comment
from tests.conftest import make_user

_counter = itertools.count(1)


def make_comment(*, post, parent=None, **overrides):
    n = next(_counter)
    fields = {
        "author_name": f"Lettore {n}",
        "author_email": f"lettore{n}@example.com",
        "body": f"Commento numero {n}: grazie per l'articolo.",
        "status": Comment.Status.PENDING,
        "submitted_at": timezone.now(),
        "ip_address": "203.0.113.7",
        "user_agent": "Mozilla/5.0 (test)",
        "language": "it",
    }
    fields.update(overrides)
    return services.create_comment(post=post, parent=parent, **fields)


def make_group_member(group_name, **overrides):
    """A staff member of `group_name` with a confirmed e-mail address, so that they can sign
    in (allauth signs in the admin too, and asks for a confirmed address)."""
    user = make_user(is_staff=True, **overrides)
    user.groups.add(Group.objects.get(name=group_name))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def make_editor(**overrides):
    return make_group_member("Editors", **overrides)
