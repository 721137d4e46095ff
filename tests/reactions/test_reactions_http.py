"""The reaction endpoints over HTTP: form post, fetch with JSON, CSRF, bad input, state."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from posts.reactions import conf
from posts.reactions.models import Reaction
from posts.reactions.voters import anonymous_voter, user_voter
from tests.conftest import make_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def italian():
    """Reverse Italian URLs whatever language an earlier request left active."""
    with translation.override("it"):
        yield


JSON = {"HTTP_ACCEPT": "application/json"}


def react_url(post):
    return reverse("reactions:react", kwargs={"pk": post.pk})


def state_url(post):
    return reverse("reactions:state", kwargs={"pk": post.pk})


def test_the_article_shows_the_row_with_a_button_per_kind(client, post):
    response = client.get(post.get_absolute_url())
    html = response.text
    assert 'id="reactions"' in html
    assert "Che cosa ne pensi di questo articolo?" in html
    assert html.count('name="kind"') == 6
    assert 'aria-pressed="false"' in html
    assert 'role="status"' in html
    assert "js/reactions.js" in html


def test_the_row_is_in_english_under_en(client, author):
    post = make_post(author=author, language="en", title="Answering complaints")
    response = client.get(post.get_absolute_url())
    assert post.get_absolute_url().startswith("/en/")
    assert "What do you think of this article?" in response.text
    assert "Useful" in response.text


def test_a_form_vote_redirects_back_to_the_row_and_sets_a_signed_cookie(client, post):
    response = client.post(react_url(post), {"kind": "useful"})
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url() + "#reactions"
    cookie = response.cookies[conf.VOTER_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    reaction = Reaction.objects.get(post=post)
    assert reaction.kind.code == "useful"
    # Only the hash of the cookie id is stored.
    assert reaction.voter.startswith("a:") and len(reaction.voter) == 66
    assert cookie.value.split(":")[0] not in reaction.voter

    page = client.get(response["Location"])
    assert "Thank you!" in page.text or "Grazie" in page.text
    assert page.text.count('aria-pressed="true"') == 1
    assert '<span class="reaction-count" data-count>1</span>' in page.text


def test_the_same_browser_switches_and_takes_back_its_own_vote(client, post):
    client.post(react_url(post), {"kind": "useful"})
    client.post(react_url(post), {"kind": "love"})
    assert list(Reaction.objects.values_list("kind__code", flat=True)) == ["love"]
    client.post(react_url(post), {"kind": "love"})
    assert not Reaction.objects.exists()


def test_a_fetch_vote_answers_json_with_counts_and_the_current_choice(client, post):
    response = client.post(react_url(post), {"kind": "insightful"}, **JSON)
    assert response.status_code == 200
    data = response.json()
    assert data["action"] == "created"
    assert data["current"] == "insightful"
    assert data["counts"]["insightful"] == 1
    assert data["counts"]["useful"] == 0
    assert data["total"] == 1
    assert data["message"]
    assert conf.VOTER_COOKIE_NAME in response.cookies


def test_the_state_endpoint_gives_counts_and_the_readers_choice_never_cached(client, post):
    other = Client()
    other.post(react_url(post), {"kind": "funny"})
    client.post(react_url(post), {"kind": "useful"})

    response = client.get(state_url(post))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "csrftoken" in response.cookies
    data = response.json()
    assert data["current"] == "useful"
    assert data["counts"]["useful"] == 1 and data["counts"]["funny"] == 1
    assert data["total"] == 2
    assert Client().get(state_url(post)).json()["current"] is None


def test_a_signed_in_reader_votes_with_the_account(client, post, reader):
    client.force_login(reader)
    client.post(react_url(post), {"kind": "useful"}, **JSON)
    reaction = Reaction.objects.get()
    assert (reaction.voter, reaction.user) == (user_voter(reader), reader)
    assert client.get(state_url(post)).json()["current"] == "useful"


def test_csrf_is_enforced_on_votes(post):
    client = Client(enforce_csrf_checks=True)
    assert client.post(react_url(post), {"kind": "useful"}).status_code == 403
    assert client.post(react_url(post), {"kind": "useful"}, **JSON).status_code == 403
    assert not Reaction.objects.exists()

    token = client.get(state_url(post)).cookies["csrftoken"].value
    response = client.post(react_url(post), {"kind": "useful"}, HTTP_X_CSRFTOKEN=token, **JSON)
    assert response.status_code == 200
    assert Reaction.objects.count() == 1


@pytest.mark.parametrize("kind", ["", "nonsense", "<script>"])
def test_an_unknown_kind_is_a_400_and_changes_nothing(client, post, kind):
    client.post(react_url(post), {"kind": "useful"})
    before = list(Reaction.objects.values_list("voter", "kind_id"))
    response = client.post(react_url(post), {"kind": kind})
    assert response.status_code == 400
    response = client.post(react_url(post), {"kind": kind}, **JSON)
    assert response.status_code == 400
    assert response.json()["error"]
    assert list(Reaction.objects.values_list("voter", "kind_id")) == before


def test_an_inactive_kind_is_a_400(client, post):
    from posts.reactions.models import ReactionKind

    ReactionKind.objects.filter(code="funny").update(active=False)
    assert client.post(react_url(post), {"kind": "funny"}).status_code == 400
    assert not Reaction.objects.exists()


def test_unknown_or_unpublished_articles_are_404_and_change_nothing(
    client, draft_post, scheduled_post
):
    for pk in [draft_post.pk + scheduled_post.pk + 1000, draft_post.pk, scheduled_post.pk]:
        url = reverse("reactions:react", kwargs={"pk": pk})
        assert client.post(url, {"kind": "useful"}).status_code == 404
        assert client.post(url, {"kind": "useful"}, **JSON).status_code == 404
        assert client.get(reverse("reactions:state", kwargs={"pk": pk})).status_code == 404
    assert not Reaction.objects.exists()


def test_voting_needs_post_and_the_state_needs_get(client, post):
    assert client.get(react_url(post)).status_code == 405
    assert client.post(state_url(post)).status_code == 405


@override_settings(REACTIONS_IP_HOURLY_LIMIT=2)
def test_over_the_ip_cap_the_reader_gets_a_message_and_nothing_changes(post):
    for _ in range(2):
        assert Client().post(react_url(post), {"kind": "useful"}, **JSON).status_code == 200
    response = Client().post(react_url(post), {"kind": "useful"}, **JSON)
    assert response.status_code == 429
    assert "Troppe" in response.json()["error"]
    assert conf.VOTER_COOKIE_NAME not in response.cookies

    client = Client()
    response = client.post(react_url(post), {"kind": "useful"}, follow=True)
    assert response.redirect_chain[-1][0] == post.get_absolute_url() + "#reactions"
    assert "Troppe" in response.text
    assert Reaction.objects.count() == 2


@override_settings(REACTIONS_IP_HOURLY_LIMIT=1)
def test_a_vote_on_an_article_not_yet_published_takes_no_place_under_the_ip_cap(draft_post):
    # The first vote's insert finds the article itself, after the cap counted the vote:
    # finding none gives the place back.
    assert Client().post(react_url(draft_post), {"kind": "useful"}, **JSON).status_code == 404
    draft_post.status = draft_post.Status.PUBLISHED
    draft_post.save()
    assert Client().post(react_url(draft_post), {"kind": "useful"}, **JSON).status_code == 200
    assert Client().post(react_url(draft_post), {"kind": "useful"}, **JSON).status_code == 429
    assert Reaction.objects.count() == 1


@override_settings(REACTIONS_REQUIRE_LOGIN=True)
def test_when_login_is_required_anonymous_readers_are_sent_to_sign_in(client, post, reader):
    response = client.post(react_url(post), {"kind": "useful"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=" in response["Location"]
    response = client.post(react_url(post), {"kind": "useful"}, **JSON)
    assert response.status_code == 403
    assert response.json()["login_url"].startswith(reverse("account_login"))
    assert not Reaction.objects.exists()
    assert "Accedi per reagire" in client.get(post.get_absolute_url()).text

    client.force_login(reader)
    assert client.post(react_url(post), {"kind": "useful"}, **JSON).status_code == 200


def test_signing_in_through_allauth_keeps_the_anonymous_votes(client, post, reader):
    EmailAddress.objects.create(user=reader, email=reader.email, verified=True, primary=True)
    already = make_post()
    client.post(react_url(post), {"kind": "useful"})
    client.post(react_url(already), {"kind": "useful"})
    anonymous = Reaction.objects.get(post=post).voter
    Reaction.objects.create(
        post=already,
        kind_id=Reaction.objects.get(post=already).kind_id,
        voter=user_voter(reader),
        user=reader,
    )

    response = client.post(reverse("account_login"), {"login": "reader", "password": "pw-12345!"})
    assert response.status_code == 302

    assert Reaction.objects.get(post=post).user == reader
    assert Reaction.objects.filter(post=already).count() == 1
    assert not Reaction.objects.filter(voter=anonymous).exists()
    assert client.get(state_url(post)).json()["current"] == "useful"


def test_a_tampered_voter_cookie_is_ignored(client, post):
    client.post(react_url(post), {"kind": "useful"})
    client.cookies[conf.VOTER_COOKIE_NAME] = "forged-value-with-no-valid-signature-at-all"
    assert client.get(state_url(post)).json()["current"] is None
    assert not Reaction.objects.filter(
        voter=anonymous_voter("forged-value-with-no-valid-signature-at-all")
    ).exists()


def test_the_most_appreciated_page_ranks_articles_by_reactions(client, post):
    quiet = make_post(title="Nessuno ne parla")
    loved = make_post(title="Tutti lo adorano")
    for _ in range(3):
        Client().post(react_url(loved), {"kind": "love"})
    Client().post(react_url(post), {"kind": "useful"})

    response = client.get(reverse("reactions:most-appreciated"))
    assert response.status_code == 200
    html = response.text
    assert html.index(loved.title) < html.index(post.title)
    assert quiet.title not in html
    assert "3 reazioni" in html


def test_the_most_appreciated_page_counts_starting_counts_with_the_votes(client, post):
    from posts.reactions.models import ReactionBaseline, ReactionKind

    love = ReactionKind.objects.get(code="love")
    imported = make_post(title="Amato su WordPress")  # 40 reactions before it came here
    ReactionBaseline.objects.create(post=imported, kind=love, count=40)
    only_imported = make_post(title="Solo numeri importati")
    ReactionBaseline.objects.create(post=only_imported, kind=love, count=2)
    for _ in range(3):
        Client().post(react_url(post), {"kind": "useful"})

    html = client.get(reverse("reactions:most-appreciated")).text
    assert html.index(imported.title) < html.index(post.title) < html.index(only_imported.title)
    assert "40 reazioni" in html
    assert "2 reazioni" in html
