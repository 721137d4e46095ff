"""The account pages (allauth's) use the site's words for its three actions: "Log in",
"Sign up", "Log out" in English, "Accedi", "Registrati", "Esci" in Italian, as the header
does; never allauth's "Sign In", "Sign Up", "Signup", "Sign Out", "Disconnetti"."""

import re
from html.parser import HTMLParser

import pytest
from allauth.account.models import EmailAddress

from tests.conftest import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "Tr1cky-passphrase!"
# What the pages must not say, in each language ("sign up" in a sentence is ours too).
OTHER_WORDING = {
    "en": re.compile(
        r"\b[Ss]ign(ed)?[ -]?[Ii]n\b|\b[Ss]ign(ed)?[ -]?[Oo]ut\b|\bSign Up\b|\b[Ss]ignup\b"
    ),
    "it": re.compile(r"[Dd]isconnett|[Ss]collegat|\bcollegat[oa]\b|\bRegistrazione\b"),
}
PREFIX = {"it": "", "en": "/en"}


class PageText(HTMLParser):
    """What a reader sees of a page: its text (with the title, buttons' values and labels),
    and, apart, its title, headings, buttons and labels."""

    ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")

    def __init__(self, html):
        super().__init__()
        self.parts, self.title, self.headings, self.buttons, self.labels = [], [], [], [], []
        self.open = []  # the elements whose text is being collected
        self.hidden = 0
        self.feed(html)
        self.text = " ".join(" ".join(self.parts).split())

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style", "template"):
            self.hidden += 1
        self.parts.extend(attrs[name] for name in self.ATTRIBUTES if attrs.get(name))
        if tag == "input" and attrs.get("type") == "submit":
            self.parts.append(attrs.get("value", ""))
            self.buttons.append(attrs.get("value", ""))
        if tag in ("title", "h1", "button", "label"):
            self.open.append([tag, ""])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.hidden -= 1
        if self.open and self.open[-1][0] == tag:
            _tag, text = self.open.pop()
            text = " ".join(text.split())
            kinds = {"title": self.title, "h1": self.headings, "button": self.buttons}
            {**kinds, "label": self.labels}[tag].append(text)

    def handle_data(self, data):
        if self.hidden:
            return
        self.parts.append(data)
        for element in self.open:
            element[1] += data


def page_text(client, path, language):
    response = client.get(PREFIX[language] + path)
    assert response.status_code == 200, (path, response.status_code)
    return PageText(response.text)


def reader(**overrides):
    user = make_user(password=PASSWORD, **overrides)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def assert_one_wording(page, language):
    assert OTHER_WORDING[language].findall(page.text) == [], page.text


ACTIONS = [
    # path, signed in, the action in English and in Italian
    ("/accounts/login/", False, "Log in", "Accedi"),
    ("/accounts/signup/", False, "Sign up", "Registrati"),
    ("/accounts/logout/", True, "Log out", "Esci"),
]


@pytest.mark.parametrize("language", ["en", "it"])
@pytest.mark.parametrize(("path", "signed_in", "english", "italian"), ACTIONS)
def test_the_log_in_sign_up_and_log_out_pages_name_their_action_as_the_header_does(
    client, path, signed_in, english, italian, language
):
    if signed_in:
        client.force_login(reader(username="anna"))
    action = english if language == "en" else italian

    page = page_text(client, path, language)

    assert page.title[0].startswith(f"{action} · ")
    assert page.headings == [action]
    assert action in page.buttons
    assert_one_wording(page, language)


@pytest.mark.parametrize("language", ["en", "it"])
@pytest.mark.parametrize(
    "path",
    [
        "/accounts/password/reset/",
        "/accounts/password/reset/done/",
        "/accounts/confirm-email/",
        "/accounts/password/reset/key/1-wrong/",
    ],
)
def test_the_other_pages_of_a_reader_without_an_account_keep_the_same_words(
    client, path, language
):
    page = page_text(client, path, language)

    assert_one_wording(page, language)
    header = {"en": ("Log in", "Sign up"), "it": ("Accedi", "Registrati")}[language]
    assert all(word in page.text for word in header)


@pytest.mark.parametrize(
    ("language", "logged_in", "logged_out"),
    [
        ("en", "Logged in as anna.", "You have logged out."),
        ("it", "Accesso effettuato come anna.", "Sei uscito dal tuo account."),
    ],
)
def test_the_messages_after_logging_in_and_out_say_it_in_the_same_words(
    client, language, logged_in, logged_out
):
    reader(username="anna")
    prefix = PREFIX[language]

    response = client.post(
        f"{prefix}/accounts/login/", {"login": "anna", "password": PASSWORD}, follow=True
    )
    page = PageText(response.text)
    assert logged_in in page.text
    assert "Log out" in page.buttons if language == "en" else "Esci" in page.buttons
    assert_one_wording(page, language)

    page = PageText(client.post(f"{prefix}/accounts/logout/", follow=True).text)
    assert logged_out in page.text
    assert_one_wording(page, language)


# The account pages named as the account menu names them, in the site's sentence case and
# its "e-mail" (allauth says "Email Addresses", "Account Connections", "Make Primary").
MENU_PAGES = [
    ("/accounts/email/", "E-mail addresses", "Indirizzi e-mail"),
    ("/accounts/2fa/", "Two-factor authentication", "Autenticazione a due fattori"),
    ("/accounts/3rdparty/", "Connected accounts", "Account collegati"),
    ("/accounts/password/change/", "Change password", "Cambia la tua password"),
]
ACCOUNT_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/confirm-email/",
    *(path for path, _english, _italian in MENU_PAGES),
    "/accounts/reauthenticate/",
]
EMAIL_SPELLING = {"en": re.compile(r"\b[Ee]mails?\b"), "it": re.compile(r"\b[Ee]mail\b")}
# Two capitalised words in a row in an English heading, button or label: "Make Primary".
TITLE_CASE = re.compile(r"\b[A-Z][a-z]+ (?:[a-z]+ )*?[A-Z][a-z]+")
PROPER_NOUNS = re.compile(r"Customer experience blog|[A-Z][a-z]+ · ")


@pytest.mark.parametrize("language", ["en", "it"])
@pytest.mark.parametrize(("path", "english", "italian"), MENU_PAGES)
def test_each_account_page_is_named_as_the_menu_names_it(client, path, english, italian, language):
    client.force_login(reader(username="anna"))
    page = page_text(client, path, language)
    name = english if language == "en" else italian
    assert page.headings == [name]
    assert page.title[0].startswith(f"{name} · ")


@pytest.mark.parametrize("language", ["en", "it"])
@pytest.mark.parametrize("path", ACCOUNT_PAGES)
def test_account_pages_say_e_mail_and_write_in_sentence_case(client, path, language):
    client.force_login(reader(username="anna"))
    if path in ("/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"):
        client.logout()
    page = page_text(client, path, language)
    assert EMAIL_SPELLING[language].findall(page.text) == [], page.text
    if language == "en":
        # Not an address's label, which is the address and its badges ("Verified", "Primary").
        labels = [label for label in page.labels if "@" not in label]
        for words in page.headings + page.buttons + labels:
            assert not TITLE_CASE.search(PROPER_NOUNS.sub("", words)), words
