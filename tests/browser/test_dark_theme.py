"""With the system set to dark, the public pages turn dark and pass axe-core there: an
article with comments, a reply, reactions pressed and not, the reader's own comment awaiting
moderation and a refused comment's errors; the indexes, search, account, subscription,
privacy and error pages; at 1280 px and on a phone, in Italian and in English."""

import os
import re
import uuid

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from comments.models import Comment
from posts.reactions.models import ReactionKind
from posts.reactions.services import cast_reaction
from posts.reactions.voters import anonymous_voter, new_anonymous_id
from posts.subscriptions.tokens import manage_token
from tests.browser.test_accessibility import violations_here
from tests.comments.moderation_factories import make_comment
from tests.conftest import make_post, make_tag, make_user
from tests.subscriptions.conftest import make_subscriber

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {"wide": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 740}}
LOCALES = {"it": "it-IT", "en": "en-GB"}
# DARK_SCREENSHOTS=/tmp/dir keeps a full-page picture of each audited page, to look at.
SCREENSHOTS = os.environ.get("DARK_SCREENSHOTS", "")

BODY = """## {heading}

{text} Read [the guide](https://example.com/guide) and `inline code`.

```
def reply(customer):
    return "thanks"
```

| {col} | days |
|---|---|
| A | 14 |
| B | 30 |

> {quote}
"""

BACKGROUND = "getComputedStyle(document.body).backgroundColor"
TEXT = "getComputedStyle(document.body).color"


def luminance(css_colour):
    """The relative luminance (WCAG) of an `rgb(...)` computed colour."""
    red, green, blue = (int(n) / 255 for n in re.findall(r"[\d.]+", css_colour)[:3])

    def linear(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first, second):
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def article(language, author, tag, key, slug, title):
    words = {
        "it": (
            "Perché conta",
            "Un reso semplice fa tornare il cliente.",
            "tipo",
            "Una citazione.",
        ),
        "en": ("Why it matters", "An easy return brings customers back.", "kind", "A quote."),
    }[language]
    post = make_post(
        author=author,
        tags=[tag],
        title=title,
        slug=slug,
        language=language,
        translation_key=key,
        body=BODY.format(heading=words[0], text=words[1], col=words[2], quote=words[3]),
    )
    first = make_comment(
        post=post,
        status=Comment.Status.APPROVED,
        author_name="Marta Neri",
        body=words[1],
        language=language,
    )
    make_comment(
        post=post,
        parent=first,
        status=Comment.Status.APPROVED,
        author_name="Giulia Rossi",
        body=words[3],
        language=language,
    )
    for kind in list(ReactionKind.objects.active())[:2]:
        cast_reaction(post=post, kind=kind, voter=anonymous_voter(new_anonymous_id()))
    return post


@pytest.fixture
def site():
    author = make_user(username="grossi", first_name="Giulia", last_name="Rossi")
    tags = {
        "it": make_tag(name="resi", slug="resi"),
        "en": make_tag(name="returns", slug="returns", language="en"),
    }
    for language in LOCALES:  # more than a page of articles: the home page paginates
        for n in range(15):
            make_post(
                author=author, tags=[tags[language]], language=language, slug=f"{language}-{n}"
            )
    key = uuid.uuid4()
    return {
        "it": article("it", author, tags["it"], key, "il-reso", "Il reso che fidelizza"),
        "en": article("en", author, tags["en"], key, "the-return", "The return that keeps"),
        "manage": manage_token(make_subscriber(email="lettrice@example.com").pk),
    }


def paths(language, post, manage):
    with translation.override(language):
        return {
            "home": reverse("posts:index"),
            "home page 2": reverse("posts:index") + "?page=2",
            "article": post.get_absolute_url(),
            "tag": reverse("posts:tag-detail", args=[post.tags.get().slug]),
            "tags": reverse("posts:tag-index"),
            "author": reverse("posts:author-detail", args=["grossi"]),
            "archive": reverse("posts:archive-year", args=[post.published_at.year]),
            "search": reverse("posts:search") + "?q=" + post.title.split()[1],
            "most appreciated": reverse("reactions:most-appreciated"),
            "privacy": reverse("privacy"),
            "subscribe": reverse("subscriptions:subscribe"),
            "manage subscription": reverse("subscriptions:manage", args=[manage]),
            "login": reverse("account_login"),
            "signup": reverse("account_signup"),
            "password reset": reverse("account_reset_password"),
            "not found": reverse("posts:index") + "pagina-che-non-esiste/",
        }


def audit(page, name):
    """axe's violations on the page as it stands, after checking that it is dark."""
    assert luminance(page.evaluate(BACKGROUND)) < 0.05, f"{name}: not dark"
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name.replace(' ', '-')}.png", full_page=True)
    return violations_here(page)


def send_a_comment(page, text):
    page.fill("#id_body", text)
    page.fill("#id_name", "Lettrice")
    page.fill("#id_email", "lettrice@example.com")
    page.click("#commentform button[type=submit]")


@pytest.fixture
def dark_page(browser, request):
    language, screen = request.param
    context = browser.new_context(
        locale=LOCALES[language], viewport=SCREENS[screen], color_scheme="dark"
    )
    yield language, screen, context.new_page()
    context.close()


BOTH = [(language, screen) for language in LOCALES for screen in SCREENS]


@pytest.mark.parametrize("dark_page", BOTH, indirect=True, ids=lambda p: "-".join(p))
def test_every_public_page_is_dark_and_passes_axe(live_server, site, dark_page, settings):
    language, screen, page = dark_page
    post = site[language]
    found = {}
    for name, path in paths(language, post, site["manage"]).items():
        response = page.goto(live_server.url + path)
        assert response.status == (404 if name == "not found" else 200), name
        found[f"{language} {screen} {name}"] = audit(page, f"{language} {screen} {name}")

    # The reader presses a reaction (pressed and unpressed buttons side by side) and sends a
    # comment, which waits for moderation with a notice only they see.
    page.goto(live_server.url + post.get_absolute_url())
    expect(page.locator("#reactions[data-enhanced=true]")).to_be_attached()
    page.locator("#reactions button[aria-pressed=false]").first.click()
    expect(page.locator("#reactions button[aria-pressed=true]")).to_have_count(1)
    send_a_comment(page, "Mi ha aiutato / It helped.")
    expect(page.locator(".comment-awaiting-moderation")).to_be_visible()
    found[f"{language} {screen} article, own pending comment"] = audit(
        page, f"{language} {screen} pending"
    )

    # Deleting it asks first, in a dialog over the page (its own colours, its quote).
    page.locator(".comment--pending a[href$='/delete/']").click()
    expect(page.locator("#comment-delete-dialog")).to_be_visible()
    found[f"{language} {screen} delete dialog"] = audit(page, f"{language} {screen} dialog")
    page.keyboard.press("Escape")

    # A comment over the limit: the error summary, the field's error, the counter in red.
    settings.COMMENTS_MAX_LENGTH = 20
    send_a_comment(page, "Un commento troppo lungo per questo limite.")
    expect(page.locator("#comment-errors")).to_be_focused()
    found[f"{language} {screen} article, refused comment"] = audit(
        page, f"{language} {screen} refused"
    )

    assert {name: v for name, v in found.items() if v} == {}


@pytest.mark.parametrize("dark_page", BOTH, indirect=True, ids=lambda p: "-".join(p))
def test_the_signed_in_account_pages_are_dark_and_pass_axe(live_server, dark_page):
    language, screen, page = dark_page
    user = make_user(username="anna", password="pw-12345!")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    EmailAddress.objects.create(user=user, email="anna@example.org", verified=False)
    with translation.override(language):
        login, email = reverse("account_login"), reverse("account_email")
    page.goto(live_server.url + login)
    page.fill("input[name=login]", "anna")
    page.fill("input[name=password]", "pw-12345!")
    page.click("form.account-form button[type=submit]")
    page.wait_for_selector(".account-nav__who")
    found = {"signed in": audit(page, f"{language} {screen} signed in")}
    page.goto(live_server.url + email)
    expect(page.locator(".badge--unverified")).to_be_visible()
    found["e-mail addresses"] = audit(page, f"{language} {screen} e-mail addresses")
    assert {name: v for name, v in found.items() if v} == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_page_follows_the_system_colour_scheme(live_server, browser, post, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(live_server.url + post.get_absolute_url())
    background = luminance(page.evaluate(BACKGROUND))
    text = luminance(page.evaluate(TEXT))
    # Form controls and scrollbars follow too: the page says it supports both schemes.
    assert page.evaluate("getComputedStyle(document.documentElement).colorScheme") == "light dark"
    theme = page.evaluate(
        "[...document.querySelectorAll('meta[name=theme-color]')]"
        ".filter(m => matchMedia(m.media).matches).map(m => m.content)"
    )
    context.close()
    if scheme == "dark":
        assert (background, text > 0.6, theme) == (
            pytest.approx(0.009, abs=0.01),
            True,
            ["#20242a"],
        )
    else:
        assert (background, text < 0.05, theme) == (1.0, True, ["#0b4fa8"])


def test_the_focus_ring_and_skip_link_stand_out_on_dark(live_server, browser, post):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(live_server.url + post.get_absolute_url())
    page.keyboard.press("Tab")  # the skip link, shown over the header
    skip = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineColor, s.backgroundColor, s.color]; })()"
    )
    header = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    background = page.evaluate(BACKGROUND)
    context.close()
    outline, skip_background, skip_text = skip
    assert luminance(background) < 0.05
    # The ring against what is around it (3:1), the link's text on its own colour (4.5:1).
    assert contrast(outline, header) >= 3
    assert contrast(outline, background) >= 3
    assert contrast(skip_text, skip_background) >= 4.5


def test_the_server_error_page_follows_the_dark_scheme(live_server, browser, monkeypatch):
    from blogsite import privacy

    def fail(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(privacy.PrivacyView, "get", fail)
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    response = page.goto(live_server.url + reverse("privacy"))
    assert response.status == 500
    # It stands alone (no base.html, nothing that reads the database) yet turns dark too.
    assert luminance(page.evaluate(BACKGROUND)) < 0.05
    assert luminance(page.evaluate(TEXT)) > 0.6
    assert violations_here(page) == []
    context.close()
