"""posts.services: every path that writes an article, page or term gets its derived fields
(rendered body, reading time, status, unique slug, page path) from one function."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from posts.markup import BodyFormat
from posts.models import Page, Post
from posts.services import create_category, create_page, create_post, create_tag, save_page

pytestmark = pytest.mark.django_db


def test_create_post_sets_every_derived_field(author):
    tag = create_tag(name="Resi")
    post = create_post(
        title="Perché i clienti tornano",
        author=author,
        body="parola " * 600 + "\n\n**grassetto**",
        status=Post.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=2),
        tags=[tag],
    )
    post.refresh_from_db()
    assert post.slug == "perche-i-clienti-tornano"
    assert "<strong>grassetto</strong>" in post.body_html
    assert post.reading_time == 3
    assert list(post.tags.all()) == [tag]


def test_a_future_date_schedules_and_no_date_publishes_now(author):
    later = create_post(
        title="Domani",
        author=author,
        body="x",
        status=Post.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(days=1),
    )
    assert later.status == Post.Status.SCHEDULED
    now = create_post(title="Adesso", author=author, body="x", status=Post.Status.PUBLISHED)
    assert now.published_at is not None and now.published_at <= timezone.now()
    assert now.status == Post.Status.PUBLISHED


def test_html_bodies_go_through_the_same_sanitizer(author):
    post = create_post(
        title="Importato",
        author=author,
        body='<p onclick="x()">Ciao <script>alert(1)</script><em>mondo</em></p>',
        body_format=BodyFormat.HTML,
    )
    assert "<script" not in post.body_html and "onclick" not in post.body_html
    assert "<em>mondo</em>" in post.body_html


def test_slugs_are_unique_per_language_and_never_empty(author):
    first = create_post(title="Resi facili", author=author, body="x")
    second = create_post(title="Resi facili", author=author, body="x")
    english = create_post(title="Resi facili", author=author, body="x", language="en")
    symbols = create_post(title="???", author=author, body="x")
    assert (first.slug, second.slug, english.slug) == (
        "resi-facili",
        "resi-facili-2",
        "resi-facili",
    )
    assert symbols.slug == "post"


def test_a_bad_field_is_refused_and_nothing_is_saved(author):
    with pytest.raises(ValidationError) as error:
        create_post(title="", author=author, body="x", slug="ok")
    assert "title" in error.value.message_dict
    assert not Post.objects.exists()


def test_pages_get_their_path_from_their_parents(author):
    parent = create_page(title="Chi siamo", author=author, body="x", status=Page.Status.PUBLISHED)
    child = create_page(title="Il team", author=author, body="y", parent=parent)
    assert child.path == "chi-siamo/il-team"
    parent.slug = "about"
    save_page(parent)
    child.refresh_from_db()
    assert child.path == "about/il-team"


def test_terms_get_slugs_and_categories_nest(db):
    tag = create_tag(name="Servizio clienti")
    top = create_category(name="Esperienza")
    sub = create_category(name="Negozi fisici", parent=top, description="Punti vendita")
    assert tag.slug == "servizio-clienti"
    assert sub.parent == top and sub.slug == "negozi-fisici"
