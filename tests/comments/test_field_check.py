"""build_comment checks a comment's fields at the cost of what can be wrong
(comments.services.fieldcheck): for any value, good or bad, the errors are those of
Django's clean_fields(), field by field and message by message, and what that cleaning
changes (an IPv6 address written in full) is changed alike."""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from comments.models import Comment
from comments.services.fieldcheck import clean_fields

pytestmark = pytest.mark.django_db

EXCLUDE = ("post", "parent", "root", "user")
GOOD = {
    "author_name": "Lucia",
    "author_email": "lucia@example.com",
    "author_url": "https://lucia.example.com/",
    "body": "Grazie.",
    "status": Comment.Status.APPROVED,
    "kind": Comment.Kind.COMMENT,
    "submitted_at": timezone.now() - timedelta(days=3),
    "ip_address": "192.0.2.1",
    "language": "it",
    "depth": 2,
    "wordpress_id": 12,
}
VARIANTS = [
    {},
    {"author_name": ""},
    {"author_name": "x" * 81},
    {"author_email": "not an address"},
    {"author_url": "https://exa mple.com/"},
    {"author_url": "https://example.com/" + "a" * 300},
    {"ip_address": "192.0.2.300"},
    {"ip_address": "2001:0db8:0000:0000:0000:0000:0000:0001"},
    {"body": ""},
    {"status": "published"},
    {"kind": "note"},
    {"spam_verdict": "maybe"},
    {"language": "x" * 11},
    {"submitted_at": datetime(2021, 3, 1, 10)},  # naive: what Django makes of it
    {"submitted_at": "2021-03-01 10:00"},
    {"submitted_at": None},
    {"depth": -1},
    {"depth": 40000},
    {"depth": "2"},
    {"wordpress_id": 2**64},
    {"notify_replies": None},
    {"spam_score": "high"},
    {"author_name": 7, "body": 8},
]


def outcome(check, values):
    comment = Comment(**{**GOOD, **values})
    try:
        check(comment)
    except ValidationError as error:
        return {name: [e.messages for e in errors] for name, errors in error.error_dict.items()}
    return {name: getattr(comment, name) for name in ({**GOOD, **values})}


@pytest.mark.parametrize("values", VARIANTS, ids=lambda v: ",".join(v) or "good")
def test_the_same_errors_and_values_as_clean_fields(values):
    expected = outcome(lambda c: c.clean_fields(exclude=EXCLUDE), values)
    assert outcome(lambda c: clean_fields(c, exclude=EXCLUDE), values) == expected


def test_a_bad_value_is_named_with_its_field():
    with pytest.raises(ValidationError) as raised:
        clean_fields(Comment(**{**GOOD, "author_url": "javascript :x"}), exclude=EXCLUDE)
    assert set(raised.value.error_dict) == {"author_url"}
