"""hreflang, the language switcher, og:locale and the sitemap alternates name the real
translation, and only when it exists."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db


def head(text):
    return text.split("</head>")[0]


def alternates(text):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', text))


def switch_targets(text):
    return dict(re.findall(r'href="/i18n/(\w+)/\?next=([^"]+)"', text))


def test_an_article_and_its_translation_announce_each_other(client, bilingual, settings):
    site = settings.SITE_URL
    it_url, en_url = bilingual["it"].get_absolute_url(), bilingual["en"].get_absolute_url()
    pair = {"it": f"{site}{it_url}", "en": f"{site}{en_url}", "x-default": f"{site}{it_url}"}
    assert alternates(head(client.get(it_url).text)) == pair
    assert alternates(head(client.get(en_url).text)) == pair


def test_an_untranslated_article_announces_no_alternate(client, bilingual, settings):
    site = settings.SITE_URL
    it_only = bilingual["it_only"].get_absolute_url()
    assert alternates(head(client.get(it_only).text)) == {
        "it": f"{site}{it_only}",
        "x-default": f"{site}{it_only}",
    }
    en_only = bilingual["en_only"].get_absolute_url()
    # No Italian version: no x-default either (it would point at the Italian one).
    assert alternates(head(client.get(en_only).text)) == {"en": f"{site}{en_only}"}


def test_the_switcher_goes_to_the_translation_or_else_to_the_other_home(client, bilingual):
    text = client.get(bilingual["it"].get_absolute_url()).text
    assert switch_targets(text) == {"en": "%2Fen%2Farticles%2Fanswering-complaints%2F"}
    text = client.get(bilingual["en"].get_absolute_url()).text
    assert switch_targets(text) == {"it": "%2Farticoli%2Frispondere-ai-reclami%2F"}
    assert switch_targets(client.get(bilingual["it_only"].get_absolute_url()).text) == {
        "en": "%2Fen%2F"
    }
    assert switch_targets(client.get(bilingual["en_only"].get_absolute_url()).text) == {
        "it": "%2F"
    }


def test_tag_and_category_pages_switch_to_their_translation(client, bilingual):
    text = client.get("/tag/servizio-clienti/").text
    assert switch_targets(text) == {"en": "%2Fen%2Ftag%2Fcustomer-service%2F"}
    assert "Tag archive: customer service" in client.get("/en/tag/customer-service/").text
    text = client.get("/categoria/assistenza/").text
    assert switch_targets(text) == {"en": "%2Fen%2Fcategory%2Fsupport%2F"}
    assert client.get("/en/category/assistenza/")["Location"] == "/en/category/support/"


def test_an_archive_without_articles_in_the_other_language_claims_no_alternate(
    client, bilingual, author
):
    from datetime import datetime

    from django.utils import timezone

    from tests.conftest import make_post

    make_post(author=author, published_at=timezone.make_aware(datetime(2019, 5, 3, 10)))
    text = client.get("/archivio/2019/05/").text
    assert set(alternates(head(text))) == {"it", "x-default"}
    assert switch_targets(text) == {"en": "%2Fen%2F"}
    assert client.get("/en/archive/2019/05/").status_code == 404


def test_the_english_article_says_english_everywhere(client, bilingual):
    text = client.get(bilingual["en"].get_absolute_url()).text
    assert '<html lang="en">' in text
    assert '<meta property="og:locale" content="en_GB">' in text
    assert '<meta property="og:locale:alternate" content="it_IT">' in text
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S).group(1)
    assert json.loads(block)["inLanguage"] == "en"
    assert json.loads(block)["url"].endswith("/en/articles/answering-complaints/")
    italian = client.get(bilingual["it_only"].get_absolute_url()).text
    assert '<html lang="it">' in italian
    assert '<meta property="og:locale" content="it_IT">' in italian
    assert "og:locale:alternate" not in italian


def test_the_sitemap_pairs_translations_and_leaves_untranslated_articles_alone(
    client, bilingual, settings
):
    site = settings.SITE_URL
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }
    pair = {
        "it": f"{site}/articoli/rispondere-ai-reclami/",
        "en": f"{site}/en/articles/answering-complaints/",
        "x-default": f"{site}/articoli/rispondere-ai-reclami/",
    }
    assert entries[pair["it"]] == pair
    assert entries[pair["en"]] == pair
    only = f"{site}/en/articles/only-in-english/"
    assert entries[only] == {"en": only}
    tag_pair = entries[f"{site}/tag/servizio-clienti/"]
    assert tag_pair["en"] == f"{site}/en/tag/customer-service/"


def test_a_translated_article_with_neighbours_takes_six_queries_too(
    client, bilingual, django_assert_max_num_queries
):
    # The Italian article has a neighbour before it and an English version: both come in
    # the neighbours' query, the alternates and the switcher link to the translation.
    url = bilingual["it"].get_absolute_url()
    client.get(url)  # fills the cached footer lists and reaction kinds
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert alternates(response.text)["en"].endswith(bilingual["en"].get_absolute_url())
    assert f'href="{bilingual["it_only"].get_absolute_url()}" rel="prev"' in response.text
