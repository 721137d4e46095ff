"""The site's fixed markup is rendered once per language and reused, in that language."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import override_settings
from django.utils import translation

FRAGMENT = Template(
    '{% load i18n site_tags %}{% fixed_fragment "test-nav" %}'
    '<a href="{% url \'posts:index\' %}">{% translate "Articles" %}</a>'
    "{% endfixed_fragment %}"
)


def render(language):
    with translation.override(language):
        return FRAGMENT.render(Context())


def test_a_fixed_fragment_is_rendered_in_each_language():
    assert render("it") == '<a href="/">Articoli</a>'
    assert render("en") == '<a href="/en/">Articles</a>'
    assert render("it") == '<a href="/">Articoli</a>'


def test_the_stored_markup_follows_a_change_of_settings():
    assert render("en") == '<a href="/en/">Articles</a>'
    with override_settings(FORCE_SCRIPT_NAME="/blog/"):
        from django.urls import set_script_prefix

        set_script_prefix("/blog/")
        try:
            assert render("en") == '<a href="/blog/en/">Articles</a>'
        finally:
            set_script_prefix("/")


def test_a_fixed_fragment_needs_one_quoted_name():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load site_tags %}{% fixed_fragment nav %}{% endfixed_fragment %}")


def test_every_page_has_the_navigation_in_its_language(client, post):
    assert '<li><a href="/">Articoli</a></li>' in client.get("/").text
    assert '<li><a href="/en/">Articles</a></li>' in client.get("/en/").text
