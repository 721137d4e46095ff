"""An editor's Italian admin in Chromium: Italian throughout, the tag chooser in Italian and
offering the article's language only, a correct Italian message on saving, and a preview
that asks the server for nothing it lacks."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from posts.models import Post
from posts.services import save_profile
from tests.browser.test_post_editor import PASSWORD, log_in
from tests.conftest import make_tag, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor():
    user = make_user(username="capo", is_staff=True, password=PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    # Staff sign in through allauth, which asks for a confirmed address.
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    save_profile(user=user, display_name="La Redazione")
    make_tag(name="resi", slug="resi")
    make_tag(name="returns", slug="returns", language="en")
    return user


@pytest.mark.parametrize("screen", [(1280, 800), (375, 740)], ids=["wide", "phone"])
def test_the_admin_index_is_italian(live_server, page, editor, screen):
    page.set_viewport_size({"width": screen[0], "height": screen[1]})
    log_in(page, live_server, "capo")
    main = page.locator("#content-main")
    for italian in ("Libreria multimediale", "Profili", "Reazioni", "Categorie"):
        expect(main.get_by_role("link", name=italian, exact=True).first).to_be_visible()
    for english in ("Media library", "Profiles", "Reactions", "Task Results", "Model name"):
        expect(page.get_by_text(english, exact=True)).to_have_count(0)


def test_writing_an_article_in_italian_from_chooser_to_preview(live_server, page, editor):
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page, live_server, "capo")
    page.goto(f"{live_server.url}/admin/posts/post/add/")
    page.fill("#id_title", "Resi senza attrito")
    page.fill("#id_body", "Un reso gestito bene.")
    # The tag chooser: Django's widget, in Italian, with the article's language's tags only.
    available = page.locator("#id_tags_from")
    expect(available.locator("option")).to_have_text(["resi"])
    expect(page.get_by_role("button", name="Scegli tutto: tag")).to_be_visible()
    available.select_option(label="resi")
    page.get_by_role("button", name="Scegli gli elementi selezionati (tag)").click()
    expect(page.locator("#id_tags_to option")).to_have_text(["resi"])
    page.get_by_role("button", name="Salva e continua le modifiche").click()

    post = Post.objects.get(title="Resi senza attrito")
    assert [tag.slug for tag in post.tags.all()] == ["resi"]
    message = page.locator(".messagelist")
    expect(message).to_contain_text("Elemento aggiunto: articolo “Resi senza attrito”.")
    expect(message).not_to_contain_text("Il articolo")

    failed = []
    page.on(
        "response",
        lambda response: failed.append(response.url) if response.status >= 400 else None,
    )
    page.goto(live_server.url + post.get_preview_url())
    expect(page.locator(".preview-banner")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert failed == []
    assert re.search(r"/anteprima/\d+/$", page.url)
