"""Editors write pages in the admin, as WordPress's editors do (a moved-in blog's "Chi siamo"
could be read but not changed); authors write articles only. A page lives at its parents'
path: renaming or moving one moves its subtree, and the old addresses answer with a 301."""

import pytest

from posts.models import Page
from posts.services import create_page

pytestmark = pytest.mark.django_db

ADD = "/admin/posts/page/add/"


@pytest.fixture
def pages(editor):
    about = create_page(
        title="Chi siamo", author=editor, body="Noi.", status=Page.Status.PUBLISHED
    )
    team = create_page(
        title="Il team", author=editor, body="Il team.", parent=about, status="published"
    )
    return about, team


def page_form(editor, **overrides):
    data = {
        "title": "Contatti",
        "slug": "",
        "parent": "",
        "body": "Scriveteci.",
        "body_format": "markdown",
        "status": "published",
        "published_at_0": "",
        "published_at_1": "",
        "language": "it",
        "position": "0",
        "author": editor.pk,
    }
    return data | overrides


def test_an_editor_writes_a_page_and_readers_see_it(client, editor, pages):
    about, _team = pages
    client.force_login(editor)
    assert client.get(ADD).status_code == 200
    response = client.post(ADD, page_form(editor, parent=about.pk))
    assert response.status_code == 302, response.context["adminform"].form.errors
    page = Page.objects.get(title="Contatti")
    assert page.path == "chi-siamo/contatti" and page.published_at is not None
    client.logout()
    shown = client.get("/chi-siamo/contatti/")
    assert shown.status_code == 200 and "Scriveteci." in shown.content.decode()


def test_the_list_shows_each_page_s_address(client, editor, pages):
    client.force_login(editor)
    listing = client.get("/admin/posts/page/").content.decode()
    assert 'href="/chi-siamo/il-team/"' in listing


def test_authors_do_not_write_pages(client, writer, pages):
    client.force_login(writer)
    assert client.get(ADD).status_code == 403
    assert client.get("/admin/posts/page/").status_code == 403


def test_renaming_a_page_moves_its_subtree_and_the_old_addresses_still_answer(
    client, editor, pages
):
    about, team = pages
    client.force_login(editor)
    sent = page_form(editor, title="Chi siamo", slug="azienda", body="Noi.")
    response = client.post(f"/admin/posts/page/{about.pk}/change/", sent)
    assert response.status_code == 302, response.context["adminform"].form.errors
    team.refresh_from_db()
    assert team.path == "azienda/il-team"
    client.logout()
    for old, new in (("/chi-siamo/", "/azienda/"), ("/chi-siamo/il-team/", "/azienda/il-team/")):
        first = client.get(old)
        assert first.status_code == 301 and first["Location"] == new, old
        assert client.get(new).status_code == 200


def test_a_page_cannot_be_put_under_itself_or_a_page_of_another_language(client, editor, pages):
    about, team = pages
    english = create_page(title="About", author=editor, body="x", language="en")
    client.force_login(editor)
    for parent in (about, team, english):
        sent = page_form(editor, title="Chi siamo", slug="chi-siamo", parent=parent.pk)
        response = client.post(f"/admin/posts/page/{about.pk}/change/", sent)
        assert response.status_code == 200
        assert "non sia questa pagina né una pagina sotto" in str(
            response.context["adminform"].form.errors["parent"]
        )
    about.refresh_from_db()
    assert about.parent is None and about.path == "chi-siamo"
