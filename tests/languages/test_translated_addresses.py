"""Each language's addresses are in its own words; the other language's words redirect.

The patterns are written in English and translated in the catalogues (posts/urls.py).
"""

import pytest
from django.urls import reverse
from django.utils import translation

from posts.models import Page
from posts.services import create_page
from tests.test_deploy_settings import run_manage

pytestmark = pytest.mark.django_db

ENGLISH_ADDRESSES = {
    ("posts:search", ()): "/en/search/",
    ("posts:archive-index", ()): "/en/archive/",
    ("posts:archive-year", (2024,)): "/en/archive/2024/",
    ("posts:archive-month", (2024, 2)): "/en/archive/2024/2/",
    ("posts:author-index", ()): "/en/authors/",
    ("posts:author-detail", ("mrossi",)): "/en/authors/mrossi/",
    ("posts:category-index", ()): "/en/categories/",
    ("posts:category-detail", ("support",)): "/en/category/support/",
    ("posts:tag-index", ()): "/en/tags/",
    ("posts:detail", ("answering-complaints",)): "/en/articles/answering-complaints/",
    ("posts:preview", (7,)): "/en/preview/7/",
    ("reactions:most-appreciated", ()): "/en/most-liked/",
    ("reactions:state", (7,)): "/en/reactions/7/",
    ("reactions:react", (7,)): "/en/reactions/7/vote/",
}


def test_english_addresses_are_in_english_and_italian_ones_stay_italian():
    for (name, args), english in ENGLISH_ADDRESSES.items():
        with translation.override("en"):
            assert reverse(name, args=args) == english
    with translation.override("it"):
        assert reverse("posts:search") == "/cerca/"
        assert reverse("posts:detail", args=["rispondere"]) == "/articoli/rispondere/"
        assert reverse("reactions:most-appreciated") == "/piu-apprezzati/"
        assert reverse("posts:category-index") == "/categorie/"


def test_the_english_pages_answer_at_their_english_addresses(client, bilingual):
    for url in ("/en/search/?q=complaint", "/en/archive/", "/en/authors/", "/en/most-liked/",
                "/en/categories/", "/en/tags/", "/en/authors/mrossi/"):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="en">' in response.text, url
    assert "Answering complaints" in client.get("/en/articles/answering-complaints/").text


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/en/cerca/?q=reclamo", "/en/search/?q=reclamo"),
        ("/en/archivio/", "/en/archive/"),
        ("/en/autori/", "/en/authors/"),
        ("/en/autori/mrossi/", "/en/authors/mrossi/"),
        ("/en/piu-apprezzati/", "/en/most-liked/"),
        ("/en/categorie/", "/en/categories/"),
        ("/en/categoria/support/", "/en/category/support/"),
        ("/en/tag/", "/en/tags/"),
        ("/en/articoli/answering-complaints/", "/en/articles/answering-complaints/"),
        # English words at the root lead to the Italian ones.
        ("/articles/rispondere-ai-reclami/", "/articoli/rispondere-ai-reclami/"),
        ("/search/?q=reclamo", "/cerca/?q=reclamo"),
        ("/most-liked/", "/piu-apprezzati/"),
    ],
)
def test_the_other_languages_words_answer_a_permanent_redirect_to_these(
    client, bilingual, old, new
):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code == 200


def test_an_italian_slug_under_english_words_reaches_its_english_translation(client, bilingual):
    response = client.get("/en/articoli/rispondere-ai-reclami/", follow=True)
    assert [url for url, _status in response.redirect_chain] == [
        "/en/articles/rispondere-ai-reclami/",
        "/en/articles/answering-complaints/",
    ]
    assert "Answering complaints" in response.text


def test_a_vote_sent_to_the_old_address_is_sent_on_with_its_method(client, bilingual):
    post = bilingual["en"]
    response = client.post(f"/en/reazioni/{post.pk}/vota/", {"kind": "useful"})
    assert response.status_code == 308  # the browser repeats the POST, the vote is not lost
    assert response["Location"] == f"/en/reactions/{post.pk}/vote/"


def test_unknown_addresses_in_any_words_stay_not_found(client, bilingual):
    for url in ("/en/articles/nessuno/", "/en/articoli/nessuno/", "/articles-x/", "/en/zzz/"):
        response = client.get(url, follow=True)
        assert response.status_code == 404, url


def test_a_page_whose_path_is_the_other_languages_word_keeps_it(client, author):
    # An Italian static page at /search/: answered, never redirected to /cerca/.
    create_page(
        title="Search",
        slug="search",
        author=author,
        body="Cerca nel sito.",
        status=Page.Status.PUBLISHED,
    )
    response = client.get("/search/")
    assert response.status_code == 200
    assert "Cerca nel sito." in response.text


def test_robots_txt_names_each_languages_own_words(client):
    text = client.get("/robots.txt").text
    for path in ("/cerca/", "/anteprima/", "/en/search/", "/en/preview/", "/en/comments/"):
        assert f"Disallow: {path}\n" in text


def test_a_third_language_without_translated_words_falls_back_like_its_other_words():
    # As every word a catalogue lacks, the addresses fall back to the first language's
    # (Django's fallback), and the other languages' words lead to them. A process of its
    # own: Django keeps each language's compiled patterns for the life of the process.
    script = (
        "from django.urls import reverse; from django.utils import translation; "
        "from blogsite.addresses import address_in_own_words as own; "
        "translation.activate('fr'); "
        "print(reverse('posts:detail', args=['x']), reverse('posts:search')); "
        "print(own('/fr/articles/x/'), own('/fr/search/'), own('/fr/articoli/x/'))"
    )
    result = run_manage(
        "shell", "-c", script, env={"DJANGO_DEBUG": "1", "SITE_LANGUAGES": "it,en,fr"}
    )
    assert result.returncode == 0, result.stderr
    addresses, redirects = result.stdout.strip().splitlines()[-2:]
    assert addresses == "/fr/articoli/x/ /fr/cerca/"
    # The English words lead to the French addresses; a French address is its own.
    assert redirects == "/fr/articoli/x/ /fr/cerca/ /fr/articoli/x/"
