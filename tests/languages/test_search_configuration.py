"""Search uses the text-search configuration of the content's language."""

import pytest
from django.db import connection

from posts.search import search_config
from tests.conftest import make_post

pytestmark = pytest.mark.django_db


def test_each_language_has_its_configuration_and_an_unknown_one_gets_simple():
    assert search_config("it") == "italian"
    assert search_config("en") == "english"
    assert search_config("de") == "german"
    assert search_config("el") == "simple"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming needs PostgreSQL")
def test_english_search_stems_english_words(client, author):
    post = make_post(author=author, language="en", title="Handling complaints", body="Text.")
    italian = make_post(author=author, title="Reclami", body="complaints handling")
    found = list(client.get("/en/search/", {"q": "complaint handled"}).context["page_obj"])
    assert found == [post]
    assert italian not in found
