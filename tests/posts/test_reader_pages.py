"""Every reader page renders in both languages, with what a reader expects to find."""

import json
import re
from datetime import datetime, timedelta
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from posts.models import Media, Post
from tests.conftest import make_post, make_tag

pytestmark = pytest.mark.django_db


def reader_urls(post, tag):
    year, month = post.published_at.year, post.published_at.month
    with translation.override(post.language):  # each language's own words
        return [
            reverse("posts:index"),
            post.get_absolute_url(),
            tag.get_absolute_url(),
            reverse("posts:author-detail", args=[post.author.username]),
            reverse("posts:archive-year", args=[year]),
            reverse("posts:archive-month", args=[year, month]),
            reverse("posts:search") + "?q=reclami",
            reverse("posts:search"),
        ]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_reader_page_renders_in_both_languages(client, post, tag, prefix):
    language = "en" if prefix else "it"
    if language == "en":
        # English pages show English content: an English article with an English tag.
        tag = make_tag(name="customer service", slug="customer-service", language="en")
        post = make_post(
            author=post.author, tags=[tag], title="Answering complaints", language="en"
        )
    for url in reader_urls(post, tag):
        assert url.startswith(prefix + "/"), url
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{language}">' in response.text, url


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_reader_page_is_titled_with_the_blog_s_name(client, post, tag, prefix):
    # As the index, privacy, account and subscription pages were: "Page · Blog".
    blog = "Customer experience blog" if prefix else "Blog sulla customer experience"
    if prefix:
        tag = make_tag(name="customer service", slug="customer-service", language="en")
        post = make_post(author=post.author, tags=[tag], title="Complaints", language="en")
    home, *pages = reader_urls(post, tag)
    for url in [*pages, prefix + "/non-esiste/"]:
        title = re.search(r"<title>(.*?)</title>", client.get(url).text, re.S)[1].strip()
        assert title.endswith(f" · {blog}"), (url, title)


def test_the_home_page_speaks_italian_by_default_and_english_under_en(client, post):
    assert "Ultimi articoli" in client.get("/").text
    assert "Latest articles" in client.get("/en/").text


@pytest.mark.parametrize(
    "url",
    [
        "/articoli/non-esiste/",
        "/en/articles/non-esiste/",
        "/tag/non-esiste/",
        "/autori/nessuno/",
        "/archivio/1999/",
        "/archivio/2020/13/",
        "/tag/non-esiste/feed/rss/",
        "/anteprima/999999/",
        "/una/pagina/qualsiasi/",
    ],
)
def test_unknown_addresses_answer_404_with_the_site_page(client, post, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "<h1>" in response.text or "<h1" in response.text


def test_the_404_page_is_translated(client, post):
    assert "Pagina non trovata" in client.get("/nessuna/").text
    assert "Page not found" in client.get("/en/nessuna/").text


def test_a_reader_account_has_no_author_archive(client, reader, post):
    assert client.get(f"/autori/{reader.username}/").status_code == 404


def test_the_tag_archive_is_titled_with_the_tag_name(client, post, tag):
    assert "Archivio del tag: servizio clienti" in client.get(tag.get_absolute_url()).text
    english = make_tag(name="customer service", slug="customer-service", language="en")
    assert "Tag archive: customer service" in client.get(english.get_absolute_url()).text


def test_the_home_page_paginates_with_an_accessible_nav(client, author):
    for n in range(23):
        make_post(author=author, published_at=timezone.now() - timedelta(hours=n + 1))
    first = client.get("/")
    assert first.text.count('class="post-card"') == 10
    assert 'aria-current="page"' in first.text
    assert 'rel="next"' in first.text
    assert 'href="?page=2"' in first.text
    last = client.get("/?page=3")
    assert last.status_code == 200
    assert last.text.count('class="post-card"') == 3
    assert 'href="?"' in client.get("/?page=2").text  # page 1 has no ?page=1 duplicate


@pytest.mark.parametrize("page", ["bad", "0", "99", "-1", "1.5"])
def test_a_bad_page_number_is_a_clean_404(client, post, page):
    assert client.get(f"/?page={page}").status_code == 404


def test_the_last_page_can_be_named(client, post):
    assert client.get("/?page=last").status_code == 200


def test_a_card_shows_excerpt_author_date_tags_and_counts(client, post, tag):
    text = client.get("/").text
    assert "Sommario dell" in text
    assert "Maria Rossi" in text
    assert tag.name in text
    assert "0 commenti" in text
    assert "0 reazioni" in text


def test_a_card_without_a_lead_shows_the_start_of_the_body(client, author):
    make_post(author=author, lead="", body="## Titoletto\n\nPrime **parole** del corpo.")
    assert "Titoletto Prime parole del corpo." in client.get("/").text


def test_dates_are_localized(client, author):
    published = timezone.make_aware(datetime(2021, 2, 7, 10, 0))
    post = make_post(author=author, published_at=published)
    english = make_post(author=author, published_at=published, language="en")
    assert "7 febbraio 2021" in client.get(post.get_absolute_url()).text
    assert "7 February 2021" in client.get(english.get_absolute_url()).text


def test_the_updated_date_shows_only_when_it_differs(client, author):
    post = make_post(author=author, published_at=timezone.now())
    assert "Aggiornato" not in client.get(post.get_absolute_url()).text
    Post.objects.filter(pk=post.pk).update(published_at=timezone.now() - timedelta(days=10))
    assert "Aggiornato" in client.get(post.get_absolute_url()).text


def test_the_article_shows_reading_time_cover_and_alt_text(client, author, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "covers/2021").mkdir(parents=True)
    Image.new("RGB", (80, 60)).save(tmp_path / "covers/2021/pacco.jpg")
    cover = Media(alt_text="Un pacco sulla soglia")
    cover.file.name = "covers/2021/pacco.jpg"
    cover.save()
    post = make_post(author=author, body="parola " * 600, cover=cover)
    text = client.get(post.get_absolute_url()).text
    assert "3 minuti di lettura" in text
    assert '<img src="/media/covers/2021/pacco.jpg"' in text
    assert 'alt="Un pacco sulla soglia"' in text
    assert 'property="og:image" content="http://' in text


@pytest.mark.parametrize(("words", "shown"), [(600, "3-minute read"), (100, "1-minute read")])
def test_an_english_article_gives_its_reading_time_in_english(client, author, words, shown):
    post = make_post(author=author, body="word " * words, language="en", slug="reading")
    text = client.get(post.get_absolute_url()).text
    assert shown in text
    assert "minutes read" not in text


def test_the_article_links_author_tags_neighbours_and_related_posts(client, author, tag):
    other_tag = make_tag()
    older = make_post(author=author, tags=[tag], published_at=timezone.now() - timedelta(days=5))
    post = make_post(author=author, tags=[tag], published_at=timezone.now() - timedelta(days=3))
    newer = make_post(author=author, published_at=timezone.now() - timedelta(days=1))
    unrelated = make_post(author=author, tags=[other_tag])
    text = client.get(post.get_absolute_url()).text
    assert f'href="/autori/{author.username}/"' in text
    assert f'href="{tag.get_absolute_url()}"' in text
    assert re.search(rf'href="{older.get_absolute_url()}" rel="prev"', text)
    assert re.search(rf'href="{newer.get_absolute_url()}" rel="next"', text)
    related = text.split('id="related-heading"')[1]
    assert older.get_absolute_url() in related
    assert unrelated.get_absolute_url() not in related
    assert 'href="#top"' in text


def test_the_share_row_uses_plain_links_with_encoded_urls(client, post, settings):
    text = client.get(post.get_absolute_url()).text
    url = quote(f"{settings.SITE_URL}{post.get_absolute_url()}", safe="")
    assert "Condividi questo articolo" in text
    assert f"mailto:?subject=Come%20rispondere%20ai%20reclami&amp;body={url}" in text
    assert f"https://x.com/intent/post?url={url}" in text
    assert f"https://www.facebook.com/sharer/sharer.php?u={url}" in text
    assert f"https://www.linkedin.com/sharing/share-offsite/?url={url}" in text
    assert "https://wa.me/?text=Come%20rispondere%20ai%20reclami%20" + url in text
    assert "data-copy-url=" in text
    # No third-party script: every script file is our own, served from /static/.
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', text)
    assert "/static/js/site.js" in scripts
    assert all(src.startswith("/static/") for src in scripts)


def test_the_article_head_has_canonical_hreflang_and_opengraph(client, post, settings):
    text = client.get(post.get_absolute_url()).text
    canonical = f"{settings.SITE_URL}{post.get_absolute_url()}"
    assert f'<link rel="canonical" href="{canonical}">' in text
    # No translation: the article claims no English version.
    assert 'hreflang="en"' not in text.split("</head>")[0]
    assert f'hreflang="it" href="{canonical}"' in text
    assert f'<meta property="og:url" content="{canonical}">' in text
    assert '<meta property="og:type" content="article">' in text
    assert 'type="application/rss+xml"' in text
    assert 'type="application/atom+xml"' in text


def test_the_article_carries_blogposting_json_ld_that_cannot_break_out(client, author):
    post = make_post(author=author, title="</script><script>alert(1)</script> & co")
    text = client.get(post.get_absolute_url()).text
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == post.title
    assert data["author"]["name"] == author.get_full_name() or author.username
    assert "<script>alert(1)" not in text


def test_the_tag_archive_advertises_its_own_feeds(client, post, tag):
    text = client.get(tag.get_absolute_url()).text
    assert f'href="/tag/{tag.slug}/feed/rss/"' in text
    assert f'href="/tag/{tag.slug}/feed/atom/"' in text


def test_the_language_switch_keeps_the_reader_on_a_list_page(client, post):
    text = client.get("/cerca/?q=reclami").text
    assert (
        '<a href="/i18n/en/?next=%2Fen%2Fsearch%2F%3Fq%3Dreclami" hreflang="en" lang="en">'
        "English</a>" in text
    )
    text = client.get("/en/search/?q=x").text
    italian = '<a href="/i18n/it/?next=%2Fcerca%2F%3Fq%3Dx" hreflang="it" lang="it">Italiano</a>'
    assert italian in text


def test_robots_txt_points_to_the_sitemap(client, settings):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in response.text


def test_messages_are_shown_in_the_page(client, post):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    storage = CookieStorage(request)
    storage.add(constants.SUCCESS, "Operazione riuscita")
    response = client.get("/")  # warm up
    from django.http import HttpResponse

    carrier = HttpResponse()
    storage.update(carrier)
    client.cookies.update(carrier.cookies)
    response = client.get("/")
    assert "Operazione riuscita" in response.text
    assert 'class="messages"' in response.text


def test_the_date_links_to_its_month_archive(client, author):
    published = timezone.make_aware(datetime(2021, 2, 7, 10, 0))
    post = make_post(author=author, published_at=published)
    text = client.get(post.get_absolute_url()).text
    assert 'href="/archivio/2021/2/"' in text
    month = client.get("/archivio/2021/2/")
    assert month.status_code == 200
    assert "Articoli di febbraio 2021" in month.text
    assert "Articoli del 2021" in client.get("/archivio/2021/").text


def test_the_server_error_page_needs_no_database_or_context(rf, django_assert_num_queries):
    from blogsite.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Qualcosa è andato storto" in response.content.decode()
    assert 'href="/static/css/site.css"' in response.content.decode()


def test_the_server_error_page_still_answers_when_the_static_files_are_the_error(
    rf, settings, tmp_path
):
    """Production's manifest storage with no manifest (collectstatic never ran): asking for
    the stylesheet's address raises, and the page goes plain instead of failing too."""
    from blogsite.views import server_error

    settings.STATIC_ROOT = tmp_path
    manifest = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": manifest}}
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Qualcosa è andato storto" in response.content.decode()
    assert "stylesheet" not in response.content.decode()


def test_a_cover_image_needs_a_description(tmp_path, settings):
    from django.core.exceptions import ValidationError

    settings.MEDIA_ROOT = tmp_path
    Image.new("RGB", (80, 60)).save(tmp_path / "pacco.jpg")
    cover = Media()
    cover.file.name = "pacco.jpg"
    with pytest.raises(ValidationError) as error:
        cover.full_clean()
    assert "alt_text" in error.value.message_dict
    cover.alt_text = "Un pacco sulla soglia"
    cover.full_clean()
