"""A database that is read-only or unreachable costs no words, and hides no saved comment.

Real databases in real states: PostgreSQL's read-only transactions and a port nobody
listens on, SQLite's query_only mode (what a read-only file gives: SQLITE_READONLY), and a
connection the server terminates right after a comment is committed.
"""

import json
import socket

import pytest
from allauth.account.models import EmailAddress
from django.db import connection, transaction

from comments.models import Comment
from comments.signals import comment_submitted
from posts.reactions.models import Reaction, ReactionKind
from tests.comments.reader_helpers import form_data
from tests.conftest import make_post, make_user

ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
TEXT = "Un commento lungo e pensato, che non deve andare perso per nessun motivo."


def only_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")


@pytest.fixture
def read_only_database(db):
    """The database, as it is, made read-only the way each engine does it."""
    if connection.vendor == "postgresql":
        # In a savepoint of the test's transaction, undone with it (a standby, or
        # default_transaction_read_only, refuses writes the same way: SQLSTATE 25006).
        savepoint = transaction.savepoint()
        with connection.cursor() as cursor:
            cursor.execute("SET transaction_read_only = on")
        yield
        transaction.savepoint_rollback(savepoint)
    else:
        connection.connection.execute("PRAGMA query_only = ON")  # SQLITE_READONLY
        yield
        # On the driver's own connection: Django may hold the test's transaction as broken.
        connection.connection.execute("PRAGMA query_only = OFF")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again at once: nobody listens there


@pytest.fixture
def unreachable_database(transactional_db):
    """PostgreSQL at a port where nothing listens: every new connection is refused."""
    only_on_postgresql()
    saved = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = free_port()
    yield
    connection.close()
    connection.settings_dict["PORT"] = saved


def post_comment(client, post, prefix="", **fields):
    data = form_data(post, body=TEXT, name="Anna Verdi", email="anna@example.com", **fields)
    return client.post(f"{prefix}/comments/post/{post.pk}/", data, **ORIGIN)


def assert_text_given_back(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert f">{TEXT}</textarea>" in html
    assert 'name="name" value="Anna Verdi"' in html
    return html


@pytest.mark.django_db
def test_a_comment_on_a_read_only_database_gets_a_503_with_the_text_back(
    client, post, read_only_database
):
    response = post_comment(client, post)
    html = assert_text_given_back(response)
    assert '<html lang="it">' in html
    assert "Non riusciamo a raggiungere il nostro database" in html
    assert f'action="/comments/post/{post.pk}/"' in html  # "send again" posts it again


@pytest.fixture
def english_post(author):
    return make_post(author=author, language="en", slug="an-english-article")


@pytest.mark.django_db
def test_the_503_is_in_the_readers_language(client, english_post, read_only_database):
    english = english_post
    html = assert_text_given_back(post_comment(client, english, prefix="/en"))
    assert '<html lang="en">' in html and "We cannot reach our database" in html


@pytest.mark.django_db
def test_a_vote_on_a_read_only_database_is_a_clean_503_in_json(client, post, read_only_database):
    kind = ReactionKind.objects.first()
    response = client.post(
        f"/reazioni/{post.pk}/vota/",
        {"kind": kind.code},
        HTTP_ACCEPT="application/json",
        **ORIGIN,
    )
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "database" in json.loads(response.content)["error"]


@pytest.mark.django_db(transaction=True)
def test_while_postgresql_refuses_connections_reads_come_from_the_cache_and_writes_get_503(
    client, settings, author
):
    only_on_postgresql()
    settings.PAGE_CACHE_ENABLED = True
    post = make_post(author=author, slug="in-cache")
    kind = ReactionKind.objects.first()
    user = make_user(username="anna", password="Tr1cky-passphrase!")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    assert client.get("/articoli/in-cache/").status_code == 200  # now in the page cache

    saved = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = free_port()
    try:
        cached = client.get("/articoli/in-cache/")
        comment = post_comment(client, post)
        vote = client.post(f"/reazioni/{post.pk}/vota/", {"kind": kind.code}, **ORIGIN)
        login = client.post(
            "/accounts/login/", {"login": "anna", "password": "Tr1cky-passphrase!"}
        )
        health = client.get("/health/")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = saved

    assert cached.status_code == 200 and cached["X-Page-Cache"] == "hit"
    assert_text_given_back(comment)
    assert vote.status_code == 503 and login.status_code == 503
    assert "Tr1cky" not in login.content.decode()  # a password is never put back
    assert health.status_code == 503  # load balancers see it
    assert Comment.objects.count() == 0 and Reaction.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_comment_saved_just_before_the_connection_dies_is_not_hidden_behind_an_error(
    client, author
):
    only_on_postgresql()
    post = make_post(author=author)

    def server_goes_away(sender, comment, **kwargs):
        # What a restart or a fail-over does right after the commit: the server ends our
        # session (FATAL 57P01); the next query finds the connection gone.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")

    comment_submitted.connect(server_goes_away)
    try:
        response = post_comment(client, post)
    finally:
        comment_submitted.disconnect(server_goes_away)
    connection.close()

    comment = Comment.objects.get()
    assert comment.body == TEXT
    assert response.status_code == 302
    assert response["Location"] == f"/comments/{comment.pk}/"
    # The browser remembers it as its own, so it sees it (held) once the site is back.
    assert str(comment.pk) in response.cookies["comments_mine"].value


def test_only_outages_become_503s():
    from django.db import DatabaseError, IntegrityError, OperationalError, ProgrammingError

    from blogsite.outage import is_database_outage

    assert is_database_outage(OperationalError("connection refused"))
    assert not is_database_outage(IntegrityError("duplicate key"))
    assert not is_database_outage(ProgrammingError("syntax error"))
    assert not is_database_outage(ValueError("no database here"))
    assert not is_database_outage(DatabaseError("other"))
