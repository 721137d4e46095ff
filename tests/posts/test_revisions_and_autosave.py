"""Every admin save keeps a revision; autosave keeps what is being typed; a revision can be
compared and restored. The editor's preview renders with the article's renderer."""

import pytest

from posts.markup import render_body
from posts.models import Post, Revision
from tests.posts.conftest import staff_in
from tests.posts.test_admin_authoring import CHANGELIST, post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def saved_post(client, writer):
    client.force_login(writer)
    client.post(f"{CHANGELIST}add/", post_form(body="Prima versione."))
    return Post.objects.get(slug="nuovo-articolo")


def test_every_save_in_the_admin_keeps_a_revision(client, saved_post):
    client.post(f"{CHANGELIST}{saved_post.pk}/change/", post_form(body="Seconda versione."))
    bodies = list(saved_post.revisions.values_list("body", flat=True))
    assert bodies == ["Seconda versione.", "Prima versione."]


def test_the_revisions_page_shows_a_diff_and_restore_puts_the_old_text_back(
    client, writer, saved_post
):
    client.post(f"{CHANGELIST}{saved_post.pk}/change/", post_form(body="Seconda versione."))
    page = client.get(f"{CHANGELIST}{saved_post.pk}/revisions/").content.decode()
    assert '<span class="diff-removed">-Prima versione.</span>' in page
    assert '<span class="diff-added">+Seconda versione.</span>' in page
    first = saved_post.revisions.order_by("pk").first()
    response = client.post(f"{CHANGELIST}{saved_post.pk}/revisions/{first.pk}/restore/")
    assert response.status_code == 302
    saved_post.refresh_from_db()
    assert saved_post.body == "Prima versione."
    assert saved_post.body_html == "<p>Prima versione.</p>"
    assert saved_post.revisions.count() == 3  # the restore is itself a revision


def test_autosave_keeps_the_typed_body_without_touching_the_article(client, writer, saved_post):
    url = f"{CHANGELIST}{saved_post.pk}/autosave/"
    assert client.post(url, {"body": "Sto scrivendo", "title": "T", "lead": ""}).status_code == 200
    assert client.post(url, {"body": "Sto scrivendo ancora", "title": "T"}).status_code == 200
    saved_post.refresh_from_db()
    assert saved_post.body == "Prima versione."
    autosave = Revision.objects.get(post=saved_post, kind=Revision.Kind.AUTOSAVE)
    assert autosave.body == "Sto scrivendo ancora"
    assert autosave.editor == writer
    page = client.get(f"{CHANGELIST}{saved_post.pk}/change/").content.decode()
    assert "autosave-notice" in page


def test_saving_the_article_clears_the_autosave(client, saved_post):
    client.post(f"{CHANGELIST}{saved_post.pk}/autosave/", {"body": "Bozza in corso"})
    client.post(f"{CHANGELIST}{saved_post.pk}/change/", post_form(body="Bozza in corso"))
    assert not Revision.objects.filter(kind=Revision.Kind.AUTOSAVE).exists()


def test_another_author_cannot_autosave_or_restore_someone_elses_article(client, saved_post):
    intruder = staff_in("Authors", username="intruso")
    client.force_login(intruder)
    url = f"{CHANGELIST}{saved_post.pk}/autosave/"
    assert client.post(url, {"body": "x"}).status_code in (403, 404)
    assert client.get(f"{CHANGELIST}{saved_post.pk}/revisions/").status_code in (403, 404)


def test_the_editor_preview_uses_the_article_renderer(client, writer):
    client.force_login(writer)
    body = 'Con [Spedizioni](https://example.com "sponsor") e <script>x</script> **forte**'
    response = client.post(f"{CHANGELIST}editor-preview/", {"body": body})
    assert response.status_code == 200
    assert response.json()["html"] == render_body(body)
    assert "<script" not in response.json()["html"]
    assert 'rel="sponsored noopener"' in response.json()["html"]


def test_the_preview_endpoint_is_for_staff_only(client, reader):
    client.force_login(reader)
    response = client.post(f"{CHANGELIST}editor-preview/", {"body": "x"})
    assert response.status_code == 302  # to the admin login
    assert "/admin/login/" in response["Location"]


def test_the_body_help_explains_the_sponsored_link_syntax(client, writer):
    client.force_login(writer)
    page = client.get(f"{CHANGELIST}add/").content.decode()
    assert '[Negozio](https://example.com "sponsor")' in page
    assert 'id="post-editor-config"' in page
    assert "js/editor.js" in page
