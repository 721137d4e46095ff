"""Comments arrive in bulk (no per-row signals): an import forgets every stored page, so
readers see the imported site at once."""

from django.test import Client
from django.urls import reverse

from comments.models import Comment
from posts.models import Post
from wordpress.importer import run_import


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


def test_the_import_forgets_stored_pages_a_few_times_not_once_per_article(db, tmp_path):
    from blogsite import pagecache
    from posts import cache
    from tests.wordpress.test_import_batches import export, item, threads

    path = export(tmp_path, [item(p, threads(p, 3)) for p in range(1, 21)])
    before = pagecache.generation(cache.SITE)
    report = run_import(path)
    assert report.total("posts", "created") == 20
    # Once when the deferred bumps are made, once more at the end of the run (each at once
    # and on commit): however many articles, terms and authors were saved.
    assert 0 < pagecache.generation(cache.SITE) - before <= 4
