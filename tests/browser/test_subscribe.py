"""A reader subscribes from a cached article page in a real browser, confirms from the
e-mail and leaves with one click; the page never shows their address."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from posts.subscriptions.models import Subscription

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def test_a_reader_subscribes_from_a_cached_article_confirms_and_unsubscribes(
    live_server, page, browser, post
):
    article = live_server.url + post.get_absolute_url()
    browser.new_context().new_page().goto(article)  # another reader stores the copy
    assert page.goto(article).headers.get("x-page-cache") == "hit"

    page.get_by_role("textbox", name="Il tuo indirizzo email").fill("lettrice@example.com")
    page.get_by_role("radio", name="Un riepilogo settimanale").check()
    page.get_by_role("button", name="Iscriviti", exact=True).click()
    expect(page.get_by_role("heading", name="Controlla la tua casella di posta")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("lettrice@example.com")
    subscription = Subscription.objects.get()
    assert (subscription.status, subscription.frequency) == ("pending", "weekly")

    [message] = [m for m in mail.outbox if m.to == ["lettrice@example.com"]]
    confirm = re.search(r"https?://\S+/subscriptions/confirm/\S+/", message.body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", live_server.url, confirm))
    page.get_by_role("button", name="Conferma").click()
    expect(page.locator("main")).to_contain_text("la tua iscrizione è confermata")
    expect(page.locator("main")).to_contain_text("Ricevi i nuovi articoli in italiano")
    subscription.refresh_from_db()
    assert subscription.status == "active"

    page.get_by_role("button", name="Annulla l'iscrizione").click()
    expect(page.get_by_role("button", name="Iscriviti di nuovo")).to_be_visible()
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed"
    expect(page.locator("body")).not_to_contain_text("lettrice@example.com")
