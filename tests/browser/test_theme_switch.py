"""The reader's light/dark switch in the header: a choice kept in the browser, applied before
the first paint, that overrides the system's scheme both ways and can go back to following it,
one choice with the admin's own theme toggle; a labelled select worked from the keyboard,
passing axe in each theme, on a phone and wide, in Italian and in English; absent without JS,
where the system's scheme decides as before."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.browser.conftest import log_in_to_the_admin
from tests.browser.test_accessibility import violations_here
from tests.browser.test_dark_theme import BACKGROUND, TEXT, contrast, luminance
from tests.conftest import make_post, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {"wide": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 740}}
LOCALES = {"it": "it-IT", "en": "en-GB"}
SWITCH = "#theme-choice"
LIGHT_HEAD, DARK_HEAD = "#0b4fa8", "#20242a"
# What the browser uses now: the theme-color metas whose media matches, and the schemes.
THEME_COLOUR = (
    "[...document.querySelectorAll('meta[name=theme-color]')]"
    ".filter(m => matchMedia(m.media).matches).map(m => m.content)"
)
SCHEMES = (
    "[getComputedStyle(document.documentElement).colorScheme,"
    " document.querySelector('meta[name=color-scheme]').content]"
)
# Recorded as the page loads: data-theme when <body> first exists (nothing of the page can
# have been painted before), and data-theme and the background when DOMContentLoaded fires.
FIRST_LOOK = """
new MutationObserver((changes, observer) => {
    if (document.body) {
        window.themeAtBody = document.documentElement.getAttribute("data-theme");
        observer.disconnect();
    }
}).observe(document, {childList: true, subtree: true});
document.addEventListener("DOMContentLoaded", () => {
    window.themeAtReady = [
        document.documentElement.getAttribute("data-theme"),
        getComputedStyle(document.body).backgroundColor,
    ];
}, {capture: true});
"""


@pytest.fixture
def open_page(browser):
    """Open a page in a fresh context: a system scheme, a language, a screen, JS or not."""
    contexts = []

    def open_page(scheme="light", locale="it-IT", screen="wide", javascript=True):
        context = browser.new_context(
            color_scheme=scheme,
            locale=locale,
            viewport=SCREENS[screen],
            java_script_enabled=javascript,
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def is_dark(page):
    return luminance(page.evaluate(BACKGROUND)) < 0.05 and luminance(page.evaluate(TEXT)) > 0.6


def is_light(page):
    return luminance(page.evaluate(BACKGROUND)) == 1.0 and luminance(page.evaluate(TEXT)) < 0.05


def test_choosing_dark_on_a_light_system_darkens_the_page_across_navigation_and_reload(
    live_server, open_page, post
):
    page = open_page(scheme="light")
    page.goto(live_server.url + post.get_absolute_url())
    assert is_light(page)
    expect(page.locator(SWITCH)).to_have_value("auto")

    page.select_option(SWITCH, "dark")
    assert is_dark(page)
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    # Form controls, scrollbars and the browser's bar follow the choice too.
    assert page.evaluate(SCHEMES) == ["dark", "dark"]
    assert page.evaluate(THEME_COLOUR) == [DARK_HEAD]

    page.click(".site-title a")
    page.wait_for_url(live_server.url + "/")
    assert is_dark(page)
    expect(page.locator(SWITCH)).to_have_value("dark")
    page.reload()
    assert is_dark(page)
    expect(page.locator(SWITCH)).to_have_value("dark")


def test_choosing_light_on_a_dark_system_keeps_the_page_light(live_server, open_page, post):
    page = open_page(scheme="dark")
    page.goto(live_server.url + post.get_absolute_url())
    assert is_dark(page)

    page.select_option(SWITCH, "light")
    assert is_light(page)
    assert page.evaluate(SCHEMES) == ["light", "light"]
    assert page.evaluate(THEME_COLOUR) == [LIGHT_HEAD]
    page.reload()
    assert is_light(page)
    expect(page.locator(SWITCH)).to_have_value("light")


def test_automatic_follows_the_system_again_after_a_forced_choice(live_server, open_page, post):
    page = open_page(scheme="light")
    page.goto(live_server.url + post.get_absolute_url())
    page.select_option(SWITCH, "dark")
    assert is_dark(page)

    page.select_option(SWITCH, "auto")
    assert page.evaluate("document.documentElement.hasAttribute('data-theme')") is False
    assert page.evaluate("localStorage.getItem('theme')") is None  # nothing kept
    assert page.evaluate(SCHEMES) == ["light dark", "light dark"]
    assert is_light(page)
    assert page.evaluate(THEME_COLOUR) == [LIGHT_HEAD]
    page.emulate_media(color_scheme="dark")  # the system turns dark: so does the page
    assert is_dark(page)
    assert page.evaluate(THEME_COLOUR) == [DARK_HEAD]
    page.reload()
    assert is_dark(page)
    expect(page.locator(SWITCH)).to_have_value("auto")


@pytest.mark.parametrize("choice", ["dark", "light"])
def test_the_choice_is_on_the_page_before_its_first_paint(live_server, open_page, post, choice):
    page = open_page(scheme="light" if choice == "dark" else "dark")
    page.goto(live_server.url + post.get_absolute_url())
    page.select_option(SWITCH, choice)
    page.context.add_init_script(FIRST_LOOK)

    page.goto(live_server.url + reverse("posts:index"))
    page.wait_for_function("window.themeAtReady !== undefined")
    assert page.evaluate("window.themeAtBody") == choice
    theme, background = page.evaluate("window.themeAtReady")
    assert theme == choice
    assert (luminance(background) < 0.05) == (choice == "dark")


@pytest.fixture
def editor(db):
    editor = make_user(username="editor", is_staff=True, is_superuser=True, password="pw-12345!")
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    return editor


def admin_is_dark(page):
    theme = page.evaluate("document.documentElement.dataset.theme")
    return theme == "dark" and luminance(page.evaluate(BACKGROUND)) < 0.05


def test_dark_chosen_in_the_admin_is_the_site_s_choice_too(live_server, open_page, post, editor):
    page = open_page(scheme="light")
    log_in_to_the_admin(page, live_server, "editor", "pw-12345!")
    # The toggle's script must have run before the click (a CI run under load clicked
    # before it had: the click did nothing).
    page.wait_for_load_state("load")
    assert not admin_is_dark(page)
    page.click(".theme-toggle")  # Django's cycle on a light system: auto, dark, light
    page.wait_for_function("document.documentElement.dataset.theme === 'dark'")
    assert admin_is_dark(page)

    page.goto(live_server.url + post.get_absolute_url())
    assert is_dark(page)
    expect(page.locator(SWITCH)).to_have_value("dark")


def test_the_site_s_choice_is_the_admin_s_and_automatic_there_follows_the_system(
    live_server, open_page, post, editor
):
    page = open_page(scheme="light")
    page.goto(live_server.url + post.get_absolute_url())
    page.select_option(SWITCH, "dark")
    log_in_to_the_admin(page, live_server, "editor", "pw-12345!")
    assert admin_is_dark(page)

    page.goto(live_server.url + post.get_absolute_url())
    page.select_option(SWITCH, "auto")
    page.goto(live_server.url + "/admin/")
    assert not admin_is_dark(page)
    assert page.evaluate("localStorage.getItem('theme')") == "auto"  # the admin writes it
    page.goto(live_server.url + post.get_absolute_url())
    expect(page.locator(SWITCH)).to_have_value("auto")
    assert is_light(page)


@pytest.mark.parametrize(
    "old, admin, shown",
    [
        ("dark", None, "dark"),
        ("dark", "auto", "dark"),  # the admin writes "auto" by itself on a first visit
        ("dark", "light", "light"),  # a choice made in the admin stays
    ],
)
def test_a_choice_kept_under_the_old_key_moves_once_to_the_admin_s(
    live_server, open_page, post, old, admin, shown
):
    page = open_page(scheme="light")
    page.goto(live_server.url + post.get_absolute_url())
    page.evaluate(
        "([old, admin]) => { localStorage.clear(); localStorage.setItem('site-theme', old);"
        " if (admin) localStorage.setItem('theme', admin); }",
        [old, admin],
    )
    page.reload()
    assert is_dark(page) if shown == "dark" else is_light(page)
    expect(page.locator(SWITCH)).to_have_value(shown)
    assert page.evaluate(
        "[localStorage.getItem('theme'), localStorage.getItem('site-theme')]"
    ) == [
        shown,
        None,
    ]


def test_the_switch_works_from_the_keyboard_with_a_visible_focus(live_server, open_page, post):
    page = open_page(scheme="light")
    page.goto(live_server.url + post.get_absolute_url())
    for _ in range(30):  # Tab along the header until the switch has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "theme-choice":
            break
    expect(page.locator(SWITCH)).to_be_focused()
    # Chromium on Linux changes a closed select's value with the arrows, as a list box does.
    page.keyboard.press("ArrowDown")
    expect(page.locator(SWITCH)).to_have_value("light")
    page.keyboard.press("ArrowDown")
    expect(page.locator(SWITCH)).to_have_value("dark")
    assert is_dark(page)
    ring, style, header = page.evaluate(
        "[getComputedStyle(document.activeElement).outlineColor,"
        " getComputedStyle(document.activeElement).outlineStyle,"
        " getComputedStyle(document.querySelector('.site-header')).backgroundColor]"
    )
    assert style == "solid"
    assert contrast(ring, header) >= 3


def audit_paths(language, post):
    with translation.override(language):
        return [reverse("posts:index"), post.get_absolute_url()]


WORDS = {
    "it": ["Tema", "Automatico", "Chiaro", "Scuro"],
    "en": ["Theme", "Automatic", "Light", "Dark"],
}


@pytest.mark.parametrize("choice", ["light", "dark"])
@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("language", LOCALES)
def test_each_forced_theme_passes_axe_in_both_languages_and_widths(
    live_server, open_page, author, language, screen, choice
):
    post = make_post(author=author, language=language, slug=f"theme-{language}")
    # The system says the opposite: the page shows the reader's choice, not the system's.
    page = open_page(
        scheme="dark" if choice == "light" else "light",
        locale=LOCALES[language],
        screen=screen,
    )
    home, article = audit_paths(language, post)
    page.goto(live_server.url + home)
    label, *options = WORDS[language]
    expect(page.get_by_label(label, exact=True)).to_be_visible()
    assert page.locator(f"{SWITCH} option").all_inner_texts() == options
    page.select_option(SWITCH, choice)
    found = {}
    for path in (home, article):
        page.goto(live_server.url + path)
        assert is_dark(page) if choice == "dark" else is_light(page), path
        # On a phone the header wraps; nothing makes the page wider than the screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= SCREENS[screen]["width"]
        found[path] = violations_here(page)
    assert {path: v for path, v in found.items() if v} == {}


def test_without_javascript_there_is_no_switch_and_the_system_decides(
    live_server, open_page, post
):
    page = open_page(scheme="dark", javascript=False)
    page.goto(live_server.url + post.get_absolute_url())
    expect(page.locator("[data-theme-switch]")).to_be_hidden()
    expect(page.locator(SWITCH)).to_be_hidden()
    assert page.evaluate("document.documentElement.hasAttribute('data-theme')") is False
    assert is_dark(page)
