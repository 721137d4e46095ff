"""The article editor in Chromium: live preview, autosave, image upload and insertion."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from PIL import Image

from posts.models import Media, Post, Revision
from tests.browser.conftest import log_in_to_the_admin
from tests.conftest import make_post, make_user

pytestmark = pytest.mark.browser

PASSWORD = "pw-12345!"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def writer():
    user = make_user(username="scrittrice", is_staff=True, password=PASSWORD)
    user.groups.add(Group.objects.get(name="Authors"))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def log_in(page, live_server, username="scrittrice"):
    log_in_to_the_admin(page, live_server, username, PASSWORD)


@pytest.mark.django_db(transaction=True)
def test_the_preview_follows_the_text_and_the_toolbar_formats(live_server, page, writer):
    page.set_viewport_size({"width": 1280, "height": 1000})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/posts/post/add/")
    page.wait_for_selector(".post-editor__toolbar")
    page.fill("#id_body", '## Resi\n\nUn [corriere](https://example.com "sponsor").')
    preview = page.locator("#post-editor-preview")
    preview.locator("a[rel='sponsored noopener']").wait_for()
    assert preview.locator("h2").inner_text() == "Resi"
    assert "[sponsor]" in preview.inner_text()

    page.fill("#id_body", "")
    page.click(".post-editor__button--bold")
    assert page.input_value("#id_body") == "**Grassetto**"
    preview.locator("strong").wait_for()
    assert preview.locator("strong").inner_text() == "Grassetto"
    # Side by side at 1280 px: the preview is to the right of the text.
    text_box = page.locator("#id_body").bounding_box()
    preview_box = page.locator(".post-editor__preview").bounding_box()
    assert preview_box["x"] >= text_box["x"] + text_box["width"], (text_box, preview_box)


@pytest.mark.django_db(transaction=True)
def test_autosave_keeps_the_body_while_writing(live_server, page, writer):
    post = make_post(
        author=writer, body="Testo salvato.", status=Post.Status.DRAFT, published_at=None
    )
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/posts/post/{post.pk}/change/")
    page.wait_for_selector(".post-editor__toolbar")
    page.fill("#id_body", "Testo salvato. E una frase in più mentre scrivo.")
    page.locator("#post-editor-status[data-state='saved']").wait_for(timeout=10000)
    autosave = Revision.objects.get(post=post, kind=Revision.Kind.AUTOSAVE)
    assert autosave.body == "Testo salvato. E una frase in più mentre scrivo."
    post.refresh_from_db()
    assert post.body == "Testo salvato."
    page.reload()
    assert page.locator(".autosave-notice").is_visible()


@pytest.mark.django_db(transaction=True)
def test_an_uploaded_image_is_inserted_into_the_body_with_its_alt_text(
    live_server, page, writer, media_root, tmp_path
):
    image_path = tmp_path / "banco.jpg"
    Image.new("RGB", (1400, 900), (10, 120, 60)).save(image_path, format="JPEG")
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/posts/media/add/")
    page.set_input_files("#id_file", str(image_path))
    page.fill("#id_alt_text", "Un banco di frutta al mercato")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist")
    media = Media.objects.get()
    assert media.renditions

    page.goto(f"{live_server.url}/admin/posts/post/add/")
    page.wait_for_selector(".post-editor__toolbar")
    page.fill("#id_body", "Prima riga.\n\n")
    page.locator("#id_body").press("Control+End")
    page.click(".post-editor__button--image")
    page.click(f"[data-media-id='{media.pk}']")
    body = page.input_value("#id_body")
    assert body.endswith(f"![Un banco di frutta al mercato]({media.url})")
    preview_img = page.locator("#post-editor-preview img")
    preview_img.wait_for()
    assert preview_img.get_attribute("alt") == "Un banco di frutta al mercato"
    assert re.search(r"\.jpg$", preview_img.get_attribute("src"))


@pytest.mark.django_db(transaction=True)
def test_toolbar_buttons_are_named_by_the_words_they_show(live_server, page, writer):
    # A voice-control user says what they see: "Img" named "Immagine", "Sponsor" named
    # "Link sponsorizzato" could not be clicked by saying them (axe's
    # label-content-name-mismatch). Symbols (B, I, ❝) keep the label's words as their name.
    from tests.browser.test_admin_accessibility import AXE_JS

    page.set_viewport_size({"width": 375, "height": 740})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/posts/post/add/")
    toolbar = page.locator(".post-editor__toolbar")
    toolbar.wait_for()
    for name in ("Grassetto", "Corsivo", "Link", "Sponsor", "Immagine", "Citazione"):
        assert toolbar.get_by_role("button", name=name, exact=True).count() == 1, name
    page.evaluate(AXE_JS.read_text())  # not a <script> tag: the CSP would refuse it
    violations = page.evaluate(
        "async () => (await axe.run('.post-editor__toolbar',"
        " {runOnly: ['label-content-name-mismatch']})).violations"
    )
    assert violations == []
