import pytest
from django.test import override_settings

from blogsite import ratelimit
from blogsite.appsettings import Rate
from comments.models import Comment
from tests.comments.reader_helpers import form_data, post_comment

pytestmark = pytest.mark.django_db


@override_settings(COMMENTS_RATE_LIMIT="2/d")  # a day: a minute window could reset mid-test
def test_comments_over_the_rate_get_a_friendly_message_and_keep_their_text(client, post):
    for n in range(2):
        assert post_comment(client, post, body=f"Commento {n}").status_code == 302

    response = post_comment(client, post, body="Il terzo, troppo veloce")

    assert response.status_code == 429
    html = response.content.decode()
    assert post.title in html  # the article page, not an error page
    assert "Il terzo, troppo veloce</textarea>" in html
    assert 'role="alert"' in html
    assert Comment.objects.count() == 2


@override_settings(COMMENTS_RATE_LIMIT="1/d")
def test_the_limit_is_per_ip_address(client, post):
    assert post_comment(client, post, body="Da un indirizzo").status_code == 302
    response = client.post(
        f"/comments/post/{post.pk}/",
        form_data(post, body="Da un altro"),
        REMOTE_ADDR="198.51.100.9",
    )
    assert response.status_code == 302


def test_the_counter_is_shared_through_the_cache(db):
    assert ratelimit.hit(scope="t", key="1.2.3.4", rate="2/h")
    assert ratelimit.hit(scope="t", key="1.2.3.4", rate="2/h")
    assert not ratelimit.hit(scope="t", key="1.2.3.4", rate="2/h")
    assert ratelimit.hit(scope="t", key="5.6.7.8", rate="2/h")


def test_an_empty_rate_means_no_limit():
    assert all(ratelimit.hit(scope="t", key="k", rate="") for _ in range(50))


@pytest.mark.parametrize(
    ("rate", "parsed"),
    [("5/m", (5, 60)), ("100/h", (100, 3600)), ("1/s", (1, 1)), ("20/day", (20, 86400))],
)
def test_rates_are_parsed(rate, parsed):
    assert Rate(None).parse(rate) == parsed
