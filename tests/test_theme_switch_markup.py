"""The theme switch changes nothing the server sends: the reader's choice is applied by a
script file that blocks in <head> before the stylesheets (the CSP allows no inline script),
and the switch is hidden until that script shows it. Its behaviour in a browser:
tests/browser/test_theme_switch.py."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders


@pytest.mark.django_db
def test_the_theme_script_blocks_in_the_head_before_the_stylesheets(client):
    text = client.get("/").text
    head = text[: text.index("</head>")]
    script = re.search(r"<script[^>]*js/theme\.js[^>]*>", head)
    assert script[0] == '<script src="/static/js/theme.js">'  # no defer, no async
    assert script.start() < head.index('rel="stylesheet"')


@pytest.mark.django_db
def test_the_switch_is_hidden_until_its_script_shows_it(client):
    text = client.get("/").text
    assert '<div class="theme-switch" data-theme-switch hidden>' in text
    assert '<label for="theme-choice">Tema</label>' in text
    assert '<option value="auto">Automatico</option>' in text


def test_browsers_without_light_dark_get_the_light_half_of_every_pair():
    """site.css writes each colour once as light-dark(light, dark); its @supports fallback
    repeats the light halves for older browsers, and must not drift from them."""
    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    root = css[css.index(":root {") : css.index("}", css.index(":root {"))]
    pairs = dict(re.findall(r"(--[\w-]+): light-dark\((#[0-9a-f]+|rgb\([^)]*\)), ", root))
    start = css.index("@supports not (color: light-dark(")
    fallback = css[start : css.index("}", start)]
    repeated = dict(re.findall(r"(--[\w-]+): ([^;]+);", fallback))
    assert len(pairs) > 20
    assert repeated == pairs
    assert "color-scheme: light;" in fallback


@pytest.mark.django_db
def test_the_site_keeps_its_theme_where_the_admin_keeps_its_own_with_the_same_values(client):
    """One choice for the site and the admin: static/js/theme.js reads and writes Django
    admin's localStorage entry, whose values are the switch's options."""
    admin = Path(finders.find("admin/js/theme.js")).read_text()
    ours = (Path(settings.BASE_DIR) / "static" / "js" / "theme.js").read_text()
    assert 'localStorage.getItem("theme")' in admin and 'var KEY = "theme";' in ours
    assert 'mode !== "light" && mode !== "dark" && mode !== "auto"' in admin
    options = re.findall(r'<option value="(\w+)"', client.get("/").text)
    assert options == ["auto", "light", "dark"]
