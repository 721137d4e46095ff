import pytest

from comments.models import Comment
from tests.comments.reader_helpers import make_comment, post_comment, submit

pytestmark = pytest.mark.django_db


def test_the_same_comment_posted_twice_in_a_row_becomes_one(post):
    first = submit(post, email="anna@example.com", body="Grazie per l'articolo!")
    second = submit(post, email="anna@example.com", body="  grazie per   l'articolo! ")

    assert second.pk == first.pk
    assert second.was_duplicate is True
    assert Comment.objects.count() == 1


def test_a_double_click_on_the_form_saves_one_comment_and_lands_on_it(client, post):
    first = post_comment(client, post, body="Doppio clic")
    second = post_comment(client, post, body="Doppio clic")

    assert Comment.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_the_same_text_from_another_author_is_a_new_comment(post):
    submit(post, email="anna@example.com", body="+1")
    submit(post, email="bruno@example.com", body="+1")
    assert Comment.objects.count() == 2


def test_the_same_text_after_a_different_comment_is_a_new_comment(post):
    submit(post, email="anna@example.com", body="Vero!")
    submit(post, email="anna@example.com", body="Altro pensiero")
    submit(post, email="anna@example.com", body="Vero!")
    assert Comment.objects.filter(body="Vero!").count() == 2


def test_the_same_text_on_another_article_is_a_new_comment(post):
    from tests.conftest import make_post

    submit(post, email="anna@example.com", body="Bello")
    submit(make_post(), email="anna@example.com", body="Bello")
    assert Comment.objects.count() == 2


def test_a_signed_in_readers_repeat_is_detected_by_account(post, reader):
    make_comment(post, user=reader, body="Ciao", author_email=reader.email)
    again = submit(post, user=reader, body="Ciao")
    assert again.was_duplicate
    assert Comment.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_identical_submissions_racing_each_other_save_one_comment(post):
    import threading

    from django.db import connection, connections

    if connection.vendor == "sqlite":
        pytest.skip("SQLite serializes writers itself; the row lock matters on PostgreSQL")
    barrier = threading.Barrier(4)
    errors = []

    def send():
        try:
            barrier.wait()
            submit(post, email="anna@example.com", body="Inviato quattro volte")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Comment.objects.filter(body="Inviato quattro volte").count() == 1
