"""Odd ids never answer 5xx: every route, every id in a query string, on SQLite and PostgreSQL.

An id is a whole number from 1 to 2**63 - 1 (blogsite.ids). Anything else where an id
belongs, in a path or a query string, is a 404 (or a 400 for a NUL, or a form's error), for
readers and for staff in the admin alike.
"""

import pytest
from django.contrib import admin
from django.db import models

from comments.models import Comment
from comments.services import create_comment
from tests.conftest import make_post, make_user
from tests.test_hostile_input import route_templates

pytestmark = pytest.mark.django_db

TOO_BIG = str(2**63)  # one past the largest 64-bit integer
ODD_IDS = [TOO_BIG, "9" * 30, "-1", "0", "abc", "%00", "1e3"]
# Every parameter of ours, or of the WordPress addresses we answer, that carries an id or a
# page number.
QUERY_IDS = [
    "thread",
    "replyto",
    "cpage",
    "page",
    "p",
    "page_id",
    "attachment_id",
    "cat",
    "author",
]


@pytest.fixture
def article(author):
    post = make_post(author=author, slug="esiste", title="Un articolo che esiste")
    create_comment(
        post=post,
        body="Un commento approvato.",
        author_name="Anna",
        author_email="anna@example.com",
        status=Comment.Status.APPROVED,
    )
    return post


@pytest.fixture
def staff_client(client):
    client.force_login(make_user(username="capo", is_staff=True, is_superuser=True))
    return client


def server_errors(client, urls, *, method="get"):
    client.raise_request_exception = False
    failures = []
    for url in urls:
        response = getattr(client, method)(url)
        if response.status_code >= 500:
            failures.append(f"{method.upper()} {url} -> {response.status_code}")
    return failures


def odd_paths():
    """Every route of the URLconf with each odd id in every parameter."""
    for template in sorted(set(route_templates())):
        count = template.count("{}")
        if count:
            for value in ODD_IDS:
                yield "/" + template.format(*[value] * count)


def admin_filter_urls():
    """Each admin list filtered by each of its model's foreign keys, with odd ids."""
    for model, _model_admin in admin.site._registry.items():
        opts = model._meta
        base = f"/admin/{opts.app_label}/{opts.model_name}/"
        for field in opts.get_fields():
            if isinstance(field, models.ForeignKey | models.ManyToManyField):
                for value in (TOO_BIG, "-1"):
                    yield f"{base}?{field.name}={value}"
                    yield f"{base}?{field.name}__id__exact={value}"


@pytest.mark.parametrize("who", ["reader", "staff"])
def test_no_route_answers_5xx_to_an_odd_id_in_its_path(client, article, who):
    if who == "staff":
        client.force_login(make_user(username="capo", is_staff=True, is_superuser=True))
    paths = list(odd_paths())
    assert "/comments/abc/" in paths and "/admin/comments/comment/-1/reply/" in paths
    public = [p for p in paths if not p.startswith("/admin/")]
    assert server_errors(client, paths) == []
    assert server_errors(client, public, method="post") == []


def test_no_page_answers_5xx_to_an_odd_id_in_its_query_string(client, article):
    pages = ["/", "/index.php", "/en/", article.get_absolute_url(), "/cerca/", "/tag/"]
    urls = [f"{page}?{name}={value}" for page in pages for name in QUERY_IDS for value in ODD_IDS]
    assert server_errors(client, urls) == []


def test_no_admin_list_answers_5xx_to_an_odd_id_in_a_filter(staff_client, article):
    urls = list(admin_filter_urls())
    assert "/admin/comments/comment/?post=" + TOO_BIG in urls
    assert server_errors(staff_client, urls) == []


@pytest.mark.parametrize("value", [TOO_BIG, "9" * 30, "-1", "0", "abc", "1e3"])
def test_an_odd_thread_or_reply_to_id_is_a_404(client, article, value):
    for name in ("thread", "replyto"):
        assert client.get(f"{article.get_absolute_url()}?{name}={value}").status_code == 404


@pytest.mark.parametrize("name", ["p", "page_id", "attachment_id", "cat", "author"])
def test_an_odd_wordpress_id_at_the_old_home_is_a_404(client, article, name):
    for value in (TOO_BIG, "-1", "0", "abc"):
        for path in ("/", "/index.php"):
            assert client.get(f"{path}?{name}={value}").status_code == 404, (path, value)


def test_a_nul_in_a_thread_id_is_a_400(client, article):
    assert client.get(f"{article.get_absolute_url()}?thread=%00").status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        f"/comments/{TOO_BIG}/",
        "/comments/-1/",
        f"/comments/{TOO_BIG}/edit/",
        f"/comments/wordpress/{TOO_BIG}/",
        f"/reazioni/{TOO_BIG}/",
        f"/anteprima/{TOO_BIG}/",
        f"/en/comments/{TOO_BIG}/",
    ],
)
def test_an_out_of_range_id_in_a_path_is_a_404(client, article, path):
    assert client.get(path).status_code == 404


def test_a_vote_or_a_comment_on_an_out_of_range_article_is_refused_with_a_4xx(client, article):
    # No such route: the static pages' catch-all answers, which takes no posts (405).
    origin = {"HTTP_ORIGIN": "http://testserver"}
    voted = client.post(f"/reazioni/{TOO_BIG}/vota/", {"kind": "1"}, **origin)
    form = {"name": "Anna", "email": "anna@example.com", "body": "Ciao a tutti"}
    commented = client.post(f"/comments/post/{TOO_BIG}/", form, **origin)
    assert voted.status_code in (404, 405) and commented.status_code in (404, 405)
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("value", [TOO_BIG, "-1", "abc"])
def test_a_reply_to_an_odd_parent_keeps_the_text_and_says_why(client, article, value):
    form = {
        "name": "Anna",
        "email": "anna@example.com",
        "body": "Il mio testo da non perdere",
        "parent": value,
    }
    response = client.post(f"/comments/post/{article.pk}/", form, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Il mio testo da non perdere" in html
    assert "Il commento a cui rispondi non è più disponibile." in html


def test_an_admin_reply_to_or_move_of_an_odd_comment_id_is_not_found(staff_client, article):
    # No route takes it: Django's admin catch-all says the comment does not exist and
    # redirects to the list, as for any unknown address of the admin.
    for value in ("abc", "1e3", TOO_BIG, "-1"):
        reply = staff_client.get(f"/admin/comments/comment/{value}/reply/", follow=True)
        moved = staff_client.post(f"/admin/comments/comment/{value}/moderate/", {"status": "x"})
        assert moved.status_code == 302 and reply.redirect_chain[-1][0].endswith("/admin/")
        assert "forse è stato eliminato" in reply.content.decode(), value
