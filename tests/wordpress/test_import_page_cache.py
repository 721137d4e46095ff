"""Comments arrive in bulk (no per-row signals): an import forgets every stored page, so
readers see the imported site at once."""

from django.test import Client
from django.urls import reverse

from comments.models import Comment
from posts.models import Post
from posts.wordpress.importer import run_import


def test_a_page_stored_before_an_import_is_read_fresh_after_it(
    db, settings, wxr_file, media_dir, media_root
):
    settings.PAGE_CACHE_ENABLED = True
    home = reverse("posts:index")
    assert Client().get(home)["X-Page-Cache"] == "miss"
    assert Client().get(home)["X-Page-Cache"] == "hit"
    run_import(wxr_file, media_dir=media_dir)
    response = Client().get(home)
    assert response["X-Page-Cache"] == "miss"
    assert Post.objects.published().first().title in response.text
    article = Comment.objects.filter(status="approved", kind="comment").first().post
    assert Client().get(article.get_absolute_url())["X-Page-Cache"] == "miss"
