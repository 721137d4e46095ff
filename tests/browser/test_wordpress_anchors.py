"""An old WordPress link to a comment (#comment-<WordPress id>) still finds that comment."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from wordpress.importer import run_import

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOG = Path(__file__).resolve().parent.parent / "wordpress" / "fixtures" / "blog.xml"
OLD_ARTICLE = "/2020/03/15/primo-articolo/"


@pytest.fixture
def imported(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    run_import(BLOG)


def test_an_old_comment_link_scrolls_to_the_imported_comment(live_server, page, imported):
    comment = Comment.objects.get(wordpress_id=105)  # a reply five levels down
    page.goto(f"{live_server.url}{OLD_ARTICLE}#comment-105")  # 301, the fragment kept
    expect(page).to_have_url(re.compile(rf"/articoli/[^/]+/#comment-{comment.pk}$"))
    target = page.locator(f"#comment-{comment.pk}")
    expect(target).to_contain_text("Risposta al livello 6")
    expect(target).to_be_in_viewport()


def test_a_comment_on_another_page_of_comments_is_reached_through_its_permalink(
    live_server, page, imported, settings
):
    settings.COMMENTS_PER_PAGE = 1  # the first thread alone on page 1
    comment = Comment.objects.get(wordpress_id=114)
    page.goto(f"{live_server.url}{OLD_ARTICLE}#comment-114")
    expect(page).to_have_url(re.compile(rf"\?cpage=[2-9]#comment-{comment.pk}$"))
    expect(page.locator(f"#comment-{comment.pk}")).to_contain_text("Guarda")


def test_a_number_both_ours_and_old_means_ours_unless_it_came_through_an_old_address(
    live_server, page, imported
):
    first = Comment.objects.get(wordpress_id=100)
    other = Comment.objects.get(wordpress_id=101)
    other.wordpress_id = first.pk  # an old id equal to one of our own comments' ids
    other.save(update_fields=["wordpress_id"])
    article = first.post.get_absolute_url()

    page.goto(f"{live_server.url}{article}#comment-{first.pk}")  # a link made here
    page.wait_for_load_state("load")
    assert page.url.endswith(f"{article}#comment-{first.pk}")

    page.goto(f"{live_server.url}{OLD_ARTICLE}#comment-{first.pk}")  # an old link
    expect(page).to_have_url(re.compile(rf"#comment-{other.pk}$"))
