"""Shared fixtures: small factories with overrides, named as nouns."""

import itertools
from datetime import timedelta
from importlib import import_module

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import timezone, translation

from posts.models import Post, Tag

_counter = itertools.count(1)


def make_user(**overrides):
    n = next(_counter)
    fields = {"username": f"user{n}", "email": f"user{n}@example.com", "password": "pw-12345!"}
    fields.update(overrides)
    password = fields.pop("password")
    user = get_user_model().objects.create_user(**fields)
    user.set_password(password)
    user.save()
    return user


def make_tag(**overrides):
    n = next(_counter)
    fields = {"name": f"Tag {n}", "slug": f"tag-{n}"}
    fields.update(overrides)
    return Tag.objects.create(**fields)


def make_post(*, tags=(), **overrides):
    n = next(_counter)
    fields = {
        "title": f"Articolo {n}",
        "slug": f"articolo-{n}",
        "lead": f"Sommario dell'articolo {n}.",
        "body": f"Il corpo dell'articolo {n}, in **Markdown**.",
        "status": Post.Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(days=1),
    }
    fields.update(overrides)
    if "author" not in fields:
        fields["author"] = make_user()
    post = Post.objects.create(**fields)
    if tags:
        post.tags.set(tags)
    return post


def make_page(title="Chi siamo", **overrides):
    """A published page, through the write service (its path follows from its slug)."""
    from datetime import UTC, datetime

    from posts.models import Page
    from posts.services import create_page

    fields = {
        "title": title,
        "body": "Testo.",
        "status": Page.Status.PUBLISHED,
        "published_at": datetime(2024, 1, 1, tzinfo=UTC),
    }
    fields.update(overrides)
    if "author" not in fields:
        fields["author"] = make_user()
    return create_page(**fields)


@pytest.fixture
def boss_client(client):
    """A client signed in as a superuser, for the admin's pages."""
    client.force_login(make_user(username="boss", is_staff=True, is_superuser=True))
    return client


def restore_migration_data():
    """Recreate the reaction kinds a data migration creates.

    A transactional test's flush empties every table; post_migrate brings back permissions,
    the Site and the roles (blogsite.roles), but not these (and serialized_rollback does not
    reach a Playwright test's connection).
    """
    from posts.reactions.models import ReactionKind, ReactionKindLabel

    kinds = import_module("posts.migrations.0002_reaction_kinds").KINDS
    for position, (code, emoji, label_it, label_en) in enumerate(kinds, start=1):
        kind, _created = ReactionKind.objects.update_or_create(
            code=code, defaults={"emoji": emoji, "position": position, "active": True}
        )
        # As reactions 0002 copies them: one label row per language.
        for language, label in (("it", label_it), ("en", label_en)):
            ReactionKindLabel.objects.update_or_create(
                kind=kind, language=language, defaults={"label": label}
            )


@pytest.fixture(autouse=True)
def migration_data(request):
    """Make sure every database test starts with the data migrations' rows.

    pytest-django runs transactional tests last, but their flush still leaves the tables
    empty for any database test that follows them in the same session.
    """
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )
    if transactional:
        request.getfixturevalue("transactional_db")
    elif marker or "db" in request.fixturenames:
        request.getfixturevalue("db")
    else:
        return
    from posts.reactions.models import ReactionKind

    if not ReactionKind.objects.exists():
        restore_migration_data()


@pytest.fixture(autouse=True)
def default_language():
    """Start every test in Italian: a request to /en/ leaves English active in the thread."""
    translation.activate("it")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def clear_cache():
    """Rate limits and caps live in the cache: start every test from an empty one."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def author(db):
    return make_user(username="mrossi", first_name="Maria", last_name="Rossi")


@pytest.fixture
def reader(db):
    return make_user(username="reader")


@pytest.fixture
def tag(db):
    return make_tag(name="servizio clienti", slug="servizio-clienti")


@pytest.fixture
def post(db, author, tag):
    return make_post(author=author, tags=[tag], title="Come rispondere ai reclami")


@pytest.fixture
def draft_post(db, author):
    return make_post(author=author, status=Post.Status.DRAFT, published_at=None)


@pytest.fixture
def scheduled_post(db, author):
    return make_post(
        author=author,
        status=Post.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(days=2),
    )
