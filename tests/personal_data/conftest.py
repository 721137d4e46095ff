"""A person with something everywhere: comments, a subscription, a confirmed address,
votes and an account, all under one e-mail address."""

from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress

from comments import services as comment_services
from comments.models import Comment
from posts.reactions.models import ReactionKind
from posts.reactions.services import cast_reaction
from posts.reactions.voters import user_voter
from posts.services import save_profile
from tests.comments.moderation_factories import make_comment, make_editor
from tests.conftest import make_user
from tests.subscriptions.conftest import make_subscriber

EMAIL = "marta@example.com"


@dataclass
class Footprint:
    account: object
    comment: Comment
    reply_from_someone_else: Comment
    other_comment: Comment


def leave_a_footprint(post, *, email=EMAIL, with_account=True) -> Footprint:
    account = None
    if with_account:
        account = make_user(username="marta", email=email)
        EmailAddress.objects.create(user=account, email=email, verified=True, primary=True)
        save_profile(user=account, display_name="Marta B.", bio="Lettrice.", language="en")
        cast_reaction(
            post=post, kind=ReactionKind.objects.get(code="useful"), voter=user_voter(account),
            user=account, ip="203.0.113.9",
        )  # fmt: skip
    comment = make_comment(
        post=post,
        author_name="Marta",
        author_email="Marta@Example.com",
        author_url="https://marta.example",
        body="Il mio commento.",
        status=Comment.Status.APPROVED,
        ip_address="203.0.113.5",
        user_agent="Marta's browser",
        referrer="https://search.example/?q=resi",
        notify_replies=True,
    )
    reply = make_comment(
        post=post, parent=comment, body="Una risposta.", status=Comment.Status.APPROVED
    )
    other = make_comment(post=post, body="Di un altro.", status=Comment.Status.APPROVED)
    comment_services.confirm_email(email=email)
    make_subscriber(email=email)
    return Footprint(account, comment, reply, other)


@pytest.fixture
def footprint(post):
    return leave_a_footprint(post)


@pytest.fixture
def editor(db):
    return make_editor(username="editrice", email="editor@example.com")
