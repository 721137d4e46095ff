"""A password-protected article's reactions are for readers who typed its password
(posts.protection): a vote from anyone else is refused, by the new reader's one-statement
path and the returning reader's path alike, and nothing is recorded. Its counts stay
public, as on the cards; the reader's own choice does not."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from posts import protection
from posts.reactions import display
from posts.reactions.models import Reaction
from tests.conftest import make_post

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}
ORIGIN = {"Origin": "http://testserver"}
PASSWORD = "apriti sesamo"


@pytest.fixture(autouse=True)
def italian():
    with translation.override("it"):
        yield


@pytest.fixture
def protected(author):
    return make_post(author=author, title="Il verbale della riunione", password=PASSWORD)


def react_url(post):
    return reverse("reactions:react", kwargs={"pk": post.pk})


def state_url(post):
    return reverse("reactions:state", kwargs={"pk": post.pk})


def unlock(client, post):
    answer = client.post(
        reverse("posts:unlock"),
        {"item": protection.item_key(post), "password": PASSWORD},
        headers=ORIGIN,
    )
    assert answer.status_code == 303


def a_returning_reader():
    """A browser that voted before (elsewhere): its votes take the locked path."""
    client = Client()
    other = make_post()
    assert client.post(react_url(other), {"kind": "love"}).status_code == 302
    return client


def test_a_new_reader_without_the_password_is_refused_with_a_json_error(protected):
    display.active_kinds()
    answer = Client().post(react_url(protected), {"kind": "useful"}, **JSON)
    assert answer.status_code == 403
    assert answer.json() == {"error": "Inserisci la password dell'articolo per reagire."}
    assert not Reaction.objects.filter(post=protected).exists()


def test_a_form_vote_goes_back_to_the_password_form_with_the_message_on_top(protected, settings):
    settings.PAGE_CACHE_ENABLED = True
    Client().get(protected.get_absolute_url())  # the shared copy, with no message, is stored
    client = Client()
    answer = client.post(react_url(protected), {"kind": "useful"})
    assert answer.status_code == 302
    assert answer["Location"] == protected.get_absolute_url() + "#password-form"
    assert not Reaction.objects.filter(post=protected).exists()
    page = client.get(answer["Location"]).content.decode()
    assert "Inserisci la password dell&#x27;articolo per reagire." in page
    assert 'id="password-form"' in page and 'class="reactions"' not in page


def test_a_returning_reader_or_an_account_without_the_password_is_refused_too(protected, reader):
    returning = a_returning_reader()
    answer = returning.post(react_url(protected), {"kind": "useful"}, **JSON)
    assert answer.status_code == 403
    signed_in = Client()
    signed_in.force_login(reader)
    assert signed_in.post(react_url(protected), {"kind": "useful"}, **JSON).status_code == 403
    assert not Reaction.objects.filter(post=protected).exists()


def test_a_reader_who_typed_the_password_votes_switches_and_takes_back(protected):
    client = Client()
    unlock(client, protected)
    first = client.post(react_url(protected), {"kind": "useful"}, **JSON)
    assert first.status_code == 200
    assert first.json()["action"] == "created"
    assert first.json()["counts"]["useful"] == 1
    assert client.post(react_url(protected), {"kind": "love"}, **JSON).json()["action"] == (
        "switched"
    )
    assert Reaction.objects.get(post=protected).kind.code == "love"
    form = client.post(react_url(protected), {"kind": "love"})
    assert form.status_code == 302
    assert form["Location"] == protected.get_absolute_url() + "#reactions"
    assert not Reaction.objects.filter(post=protected).exists()


def test_a_new_reader_who_typed_the_password_votes_with_a_form(protected):
    client = Client()
    unlock(client, protected)
    answer = client.post(react_url(protected), {"kind": "useful"})
    assert answer.status_code == 302
    assert answer["Location"] == protected.get_absolute_url() + "#reactions"
    assert Reaction.objects.get(post=protected).kind.code == "useful"


def test_a_changed_password_locks_the_reader_out_of_voting_again(protected):
    client = Client()
    unlock(client, protected)
    assert client.post(react_url(protected), {"kind": "useful"}, **JSON).status_code == 200
    protected.password = "parola nuova"
    protected.save()
    assert client.post(react_url(protected), {"kind": "useful"}, **JSON).status_code == 403
    assert Reaction.objects.filter(post=protected).count() == 1  # not taken back either


def test_the_state_gives_the_counts_to_everyone_and_the_choice_only_once_unlocked(protected):
    client = Client()
    unlock(client, protected)
    client.post(react_url(protected), {"kind": "useful"}, **JSON)
    assert client.get(state_url(protected)).json()["current"] == "useful"

    protected.password = "parola nuova"
    protected.save()
    locked = client.get(state_url(protected)).json()
    assert locked["current"] is None
    assert locked["counts"]["useful"] == 1
