"""The theme switch changes nothing the server sends: the reader's choice is applied by a
script file that blocks in <head> before the stylesheets (the CSP allows no inline script),
and the switch is hidden until that script shows it. Its behaviour in a browser:
tests/browser/test_theme_switch.py."""

import re

import pytest


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
