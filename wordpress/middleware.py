"""Answer WordPress's query-string addresses (/?p=12, /?page_id=7, /?cat=3, /?author=2).

Path addresses are django.contrib.redirects rows; these carry the id in the query string,
which those rows cannot match, so they are looked up by wordpress_id here. Only what a
reader may see is redirected: a draft's id gets the same 404 as a missing one.
"""

from django.http import Http404, HttpResponsePermanentRedirect

from blogsite.ids import parse_id
from posts.models import Category, Page, Post, Profile
from wordpress.redirects import reverse_in

QUERY_KEYS = ("p", "page_id", "cat", "author")


def target_for(key: str, value: str) -> str | None:
    wordpress_id = parse_id(value)
    if wordpress_id is None:
        return None
    if key == "p":
        post = Post.objects.published().filter(wordpress_id=wordpress_id).first()
        if post is not None:
            return reverse_in(post.language, "posts:detail", slug=post.slug)
        # WordPress answers ?p= for pages too.
        key = "page_id"
    if key == "page_id":
        page = Page.objects.published().filter(wordpress_id=wordpress_id).first()
        return page and reverse_in(page.language, "posts:page", path=page.path)
    if key == "cat":
        category = Category.objects.filter(wordpress_id=wordpress_id).first()
        return category and reverse_in(
            category.language, "posts:category-detail", slug=category.slug
        )
    if key == "author":
        profile = Profile.objects.filter(wordpress_id=wordpress_id).select_related("user").first()
        return profile and reverse_in("", "posts:author-detail", username=profile.user.username)
    return None


class WordPressIdRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path in ("/", "/index.php") and request.method in ("GET", "HEAD"):
            for key in (*QUERY_KEYS, "attachment_id"):
                if key in request.GET and parse_id(request.GET[key]) is None:
                    # Not an id at all (negative, past 2**63-1, a word): no such item.
                    raise Http404(f"?{key}= takes a WordPress id.")
            for key in QUERY_KEYS:
                if key in request.GET:
                    target = target_for(key, request.GET[key])
                    if target:
                        return HttpResponsePermanentRedirect(target)
        return self.get_response(request)
