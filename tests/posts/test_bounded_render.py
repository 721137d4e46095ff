"""Pathological bodies render, correctly, instead of tying up a worker (bench/render_bodies.py
prints their times; here only the output is checked)."""

from posts.markup import render_markdown

SIZE = 3000


def test_unclosed_brackets_render_as_the_text_they_are():
    assert render_markdown("[" * SIZE) == "<p>" + "[" * SIZE + "</p>"


def test_unclosed_image_brackets_render_as_text():
    assert render_markdown("![" * SIZE) == "<p>" + "![" * SIZE + "</p>"


def test_links_after_many_unclosed_brackets_still_work():
    html = render_markdown("[" * SIZE + " [guida](https://example.com/g)")
    assert '<a href="https://example.com/g">guida</a>' in html
    assert html.count("[") == SIZE


def test_nested_brackets_keep_their_link_text():
    html = render_markdown("[uno [due] tre](https://example.com/)")
    assert '<a href="https://example.com/">uno [due] tre</a>' in html


def test_a_link_whose_parenthesis_never_closes_is_text():
    html = render_markdown("[a](" * SIZE)
    assert "<a " not in html
    assert html == "<p>" + "[a](" * SIZE + "</p>"


def test_many_sponsored_links_all_get_their_marker():
    html = render_markdown('[x](https://example.com "sponsor") ' * 500)
    assert html.count('rel="sponsored noopener"') == 500
    assert html.count('<span class="sponsor-marker">[sponsor]</span>') == 500


def test_lists_nested_too_deep_for_the_parser_are_shown_as_their_text():
    body = "  - " * 2000
    assert render_markdown(body) == f"<p>{body}</p>"


def test_deeply_nested_quotes_still_render_as_quotes():
    html = render_markdown("> " * 2000 + "citazione")
    assert html.count("<blockquote>") == html.count("</blockquote>") > 100
    assert "citazione" in html
