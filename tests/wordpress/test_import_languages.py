"""Any language: each item's language comes from the file (the channel's <language>,
Polylang's terms, WPML's meta) with its translation links; a language the site does not
serve is refused naming the setting, or mapped with --language."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import clear_url_caches
from django.utils import translation

from comments.models import Comment
from posts.models import Category, Page, Post, Tag
from wordpress.importer import run_import

FIXTURES = Path(__file__).parent / "fixtures"
FRENCH = FIXTURES / "french.xml"
POLYLANG = FIXTURES / "polylang.xml"


@pytest.fixture
def french_site(settings):
    settings.LANGUAGE_CODE = "fr"
    settings.LANGUAGES = [("fr", "French"), ("en", "English")]
    clear_url_caches()
    yield
    clear_url_caches()
    translation.activate("it")


def test_a_french_blog_on_a_site_without_french_is_refused_naming_the_setting(db):
    report = run_import(FRENCH)
    assert "SITE_LANGUAGES" in report.error and "“fr”" in report.error
    assert "--language fr=it" in report.error
    assert not Post.objects.exists() and not Category.objects.exists()


def test_a_french_blog_moves_in_as_itself_on_a_french_site(db, client, french_site):
    report = run_import(FRENCH)
    assert not report.error
    post = Post.objects.get(wordpress_id=10)
    assert post.language == "fr"
    assert Category.objects.get(wordpress_id=2).language == "fr"
    assert Page.objects.get(wordpress_id=11).language == "fr"
    assert Comment.objects.get(wordpress_id=50).language == "fr"
    old = client.get("/2021/02/03/repondre-aux-reclamations/")
    assert old.status_code == 301 and old["Location"] == post.get_absolute_url()
    page = client.get(old["Location"])
    assert page.status_code == 200 and page["Content-Language"] == "fr"


@pytest.mark.parametrize("option", ["it", "fr=it"])
def test_language_maps_a_language_the_site_does_not_serve(db, option):
    report = run_import(FRENCH, language=option)
    assert not report.error
    assert Post.objects.get(wordpress_id=10).language == "it"
    assert Category.objects.get(wordpress_id=2).language == "it"


def test_the_command_refuses_a_language_option_the_site_cannot_take(db):
    with pytest.raises(CommandError) as refused:
        call_command("import_wordpress", str(FRENCH), "--language", "fr=de")
    assert "SITE_LANGUAGES" in str(refused.value)
    call_command("import_wordpress", str(FRENCH), "--language", "fr=en", verbosity=0)
    assert Post.objects.get(wordpress_id=10).language == "en"


def test_polylang_languages_and_translation_pairs_become_ours(db, client):
    report = run_import(POLYLANG)
    assert not report.error
    italian, english = Post.objects.get(wordpress_id=100), Post.objects.get(wordpress_id=101)
    assert (italian.language, english.language) == ("it", "en")
    assert italian.translation_key and italian.translation_key == english.translation_key
    alone = Post.objects.get(wordpress_id=102)
    assert alone.language == "en" and alone.translation_key is None
    chi_siamo, about = Page.objects.get(wordpress_id=110), Page.objects.get(wordpress_id=111)
    assert (chi_siamo.language, about.language) == ("it", "en")
    assert chi_siamo.translation_key == about.translation_key is not None
    notizie, news = Category.objects.get(wordpress_id=43), Category.objects.get(wordpress_id=44)
    assert (notizie.language, news.language) == ("it", "en")
    assert notizie.translation_key == news.translation_key is not None
    # Tags Polylang did not translate: the language of the articles that use them.
    assert Tag.objects.get(wordpress_id=45).language == "it"
    assert Tag.objects.get(wordpress_id=46).language == "en"
    assert list(english.tags.values_list("slug", flat=True)) == ["complaints"]
    assert list(english.categories.values_list("slug", flat=True)) == ["news"]
    # Polylang's own taxonomies are read, not reported as skipped.
    assert not [e for e in report.entries() if e.kind == "other"]
    # The translations link to each other on the site.
    html = client.get(italian.get_absolute_url()).content.decode()
    assert f'hreflang="en" href="http://testserver{english.get_absolute_url()}"' in html or (
        english.get_absolute_url() in html
    )
    old = client.get("/en/2022/05/10/handling-complaints/")
    assert old.status_code == 301 and old["Location"] == english.get_absolute_url()


def test_a_polylang_reimport_keeps_the_links_and_changes_nothing(db):
    run_import(POLYLANG)
    key = Post.objects.get(wordpress_id=100).translation_key
    report = run_import(POLYLANG)
    assert Post.objects.get(wordpress_id=101).translation_key == key
    assert report.total("posts", "updated") == 0


def test_a_polylang_language_the_site_does_not_serve_is_refused(db, tmp_path):
    german = tmp_path / "de.xml"
    german.write_text(
        POLYLANG.read_text(encoding="utf-8").replace('nicename="en"', 'nicename="de"'),
        encoding="utf-8",
    )
    report = run_import(german)
    assert "SITE_LANGUAGES" in report.error and "“de”" in report.error
    assert not Post.objects.exists()
    run_import(german, language="de=en")
    assert Post.objects.get(wordpress_id=101).language == "en"


def test_one_language_given_takes_in_every_language_the_site_does_not_serve(db, tmp_path):
    german = tmp_path / "de.xml"
    german.write_text(
        POLYLANG.read_text(encoding="utf-8").replace('nicename="en"', 'nicename="de"'),
        encoding="utf-8",
    )
    report = run_import(german, language="it")  # as the admin's one choice does
    assert not report.error
    italian, german_one = Post.objects.get(wordpress_id=100), Post.objects.get(wordpress_id=101)
    assert italian.language == german_one.language == "it"
    # Two versions of one article in one language: the second is not linked, and said so.
    assert german_one.translation_key is None or italian.translation_key is None
    assert any(e.field == "language" for e in report.entries())


def test_wpml_language_meta_and_translation_groups_are_read(db, tmp_path):
    text = POLYLANG.read_text(encoding="utf-8")
    for pll, wpml in (
        ('<category domain="language" nicename="it"><![CDATA[Italiano]]></category>', "it"),
        ('<category domain="language" nicename="en"><![CDATA[English]]></category>', "en"),
    ):
        meta = (
            "<wp:postmeta><wp:meta_key><![CDATA[_wpml_import_language_code]]></wp:meta_key>"
            f"<wp:meta_value><![CDATA[{wpml}]]></wp:meta_value></wp:postmeta>"
        )
        text = text.replace(pll, meta)
    for group in ("pll_5f1a2b3c4d5e6", "pll_5f1a2b3c4d5e7"):
        text = text.replace(
            f'<category domain="post_translations" nicename="{group}">'
            f"<![CDATA[{group}]]></category>",
            "<wp:postmeta><wp:meta_key><![CDATA[_wpml_import_translation_group]]>"
            f"</wp:meta_key><wp:meta_value><![CDATA[wpml-{group}]]></wp:meta_value>"
            "</wp:postmeta>",
        )
    # No Polylang terms left: only the meta says who is who.
    text = "\n".join(line for line in text.splitlines() if "<wp:term>" not in line)
    wpml = tmp_path / "wpml.xml"
    wpml.write_text(text, encoding="utf-8")
    assert not run_import(wpml).error
    italian, english = Post.objects.get(wordpress_id=100), Post.objects.get(wordpress_id=101)
    assert (italian.language, english.language) == ("it", "en")
    assert italian.translation_key == english.translation_key is not None
