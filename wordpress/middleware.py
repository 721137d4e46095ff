"""Answer the old WordPress addresses with a 301 to the same content here.

Query-string addresses (/?p=12, /?page_id=7, /?attachment_id=9, /?cat=3, /?tag=x,
/?author=2, /?m=202003, /?feed=rss2, /?paged=2, /?s=words) carry what they name in the
query string, which redirect rows cannot match: they are read here before the home page
answers. Only what a reader may see is redirected: a draft's id gets the same 404 as a
missing one.

Path addresses are django.contrib.redirects rows (the import's exact old links, answered
by RedirectFallbackMiddleware); an old address that matches no row is read by its shape
(wordpress.oldaddresses) when our own answer is a 404.
"""

from urllib.parse import unquote, urlencode

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve

from blogsite.addresses import address_in_own_words
from blogsite.ids import parse_id
from posts.models import Category, Page, Post, Profile, Tag
from wordpress.models import ImportedBlog
from wordpress.oldaddresses import (
    YEAR,
    archive_page,
    author_page,
    resolve_old_path,
    term_page,
    with_ending,
)
from wordpress.redirects import IN_LANGUAGE, reverse_in

ID_KEYS = ("p", "page_id", "attachment_id", "cat", "author")
QUERY_KEYS = (*ID_KEYS, "tag", "m", "feed", "paged", "s")
# Ours, never old WordPress addresses: their 404 stays a 404.
NOT_OLD = ("/admin/", "/static/", "/media/")


def attachment_target(wordpress_id: int) -> str | None:
    """Where the import sent an attachment's page (its article or page)."""
    return (
        Redirect.objects.filter(
            site=Site.objects.get_current(), old_path=f"/?attachment_id={wordpress_id}"
        )
        .values_list("new_path", flat=True)
        .first()
    )


def target_for(key: str, value: str) -> str | None:
    if key == "tag":
        return term_page(Tag, value) if value else None
    if key == "m":
        digits = value[:8]
        if not (digits.isdigit() and len(digits) in (4, 6, 8) and YEAR.match(digits[:4])):
            return None
        return archive_page(int(digits[:4]), int(digits[4:6] or 0))
    wordpress_id = parse_id(value)
    if wordpress_id is None:
        return None
    if key == "p":
        post = Post.objects.published().filter(wordpress_id=wordpress_id).first()
        if post is not None:
            return post.get_absolute_url()
        # WordPress answers ?p= for pages and attachments too.
        return target_for("page_id", value) or attachment_target(wordpress_id)
    if key == "page_id":
        page = Page.objects.published().filter(wordpress_id=wordpress_id).first()
        return page and page.get_absolute_url()
    if key == "attachment_id":
        return attachment_target(wordpress_id)
    if key == "cat":
        category = Category.objects.filter(wordpress_id=wordpress_id).first()
        return category and category.get_absolute_url()
    if key == "author":
        return author_page(
            Profile.objects.filter(wordpress_id=wordpress_id).select_related("user").first()
        )
    return None


def query_target(query) -> str | None:
    """Our address for WordPress's query-string address; Http404 when it names nothing."""
    for key in ID_KEYS:
        if key in query and parse_id(query[key]) is None:
            # Not an id at all (negative, past 2**63-1, a word): no such item.
            raise Http404(f"?{key}= takes a WordPress id.")
    if "s" in query and not any(key in query for key in (*ID_KEYS, "tag", "m")):
        return search_target(query)
    for key in ("p", "page_id", "attachment_id", "cat", "tag", "author", "m"):
        if key in query:
            target = target_for(key, query[key])
            if not target:
                raise Http404(f"No content has ?{key}={query[key][:40]}.")
            break
    else:
        target = reverse_in(settings.LANGUAGE_CODE, "posts:index")
    feed = query.get("feed", "")
    if feed:
        if feed.startswith("comments-") and target == reverse_in(
            settings.LANGUAGE_CODE, "posts:index"
        ):
            return reverse_in(settings.LANGUAGE_CODE, "comments:feed-rss")
        return with_ending(target, "feed", 0)
    paged = parse_id(query.get("paged", ""))
    if paged:
        return with_ending(target, "page", paged)
    return target


def search_target(query) -> str:
    """Our search for WordPress's /?s=words (&paged=2), in the site's first language."""
    params = {"q": query["s"]}
    paged = parse_id(query.get("paged", ""))
    if paged and paged > 1:
        params["page"] = paged
    return reverse_in(settings.LANGUAGE_CODE, "posts:search") + "?" + urlencode(params)


def blog_roots() -> set[str]:
    """The paths an imported blog lived under (/blog/ for example.com/blog): WordPress
    answered its query-string addresses (/blog/?p=12, /blog/index.php?p=12) there."""
    roots = set()
    for address in ImportedBlog.objects.values_list("address", flat=True):
        path = unquote(address.partition("/")[2]).strip("/")
        if path:
            roots.update({f"/{path}", f"/{path}/", f"/{path}/index.php"})
    return roots


def is_old(path: str) -> bool:
    """Whether a 404 at `path` may be an old address: not one of our own views' addresses
    in any language's words (their 404, a missing article or a bad ?thread=, stays theirs;
    static pages' catch-all aside)."""
    if path.startswith(NOT_OLD):
        return False
    try:
        if resolve(path).view_name != "posts:page":
            return False
    except Resolver404:
        return True
    # One of ours in another language's words (/en/articoli/x/): blogsite.addresses answers.
    return address_in_own_words(path) is None


def imported_item_elsewhere(request) -> bool:
    """Whether the request was the old address of a page, article or term imported from
    WordPress that our view sent on with a temporary redirect: an item in a language other
    than the first lives under that language's prefix (/en/about/, /en/tag/personal/), and
    the view's redirect from /about/ or /tag/personal/ is temporary because an item in the
    first language may take the address later. The old WordPress address is permanent: it
    gets a 301 like every other. (The view that answered is the request's own match:
    nothing is resolved again.)"""
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in IN_LANGUAGE:
        return False
    model, field = IN_LANGUAGE[match.view_name]
    lookup = {field: match.kwargs[field].strip("/"), "wordpress_id__isnull": False}
    return model.objects.filter(**lookup).exists()


class WordPressQueryAddressMiddleware:
    """/?p=12 and friends. Before the home page's language redirect (blogsite.middleware),
    which would otherwise send a reader preferring English to /en/ and lose the address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and any(k in request.GET for k in QUERY_KEYS)
            and (request.path in ("/", "/index.php") or request.path in blog_roots())
        ):
            target = query_target(request.GET)
            if target and target != request.get_full_path():
                return HttpResponsePermanentRedirect(target)
        return self.get_response(request)


class WordPressIdRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        response = self.get_response(request)
        if response.status_code == 302 and imported_item_elsewhere(request):
            return HttpResponsePermanentRedirect(response["Location"])
        if response.status_code == 404 and is_old(request.path):
            target = resolve_old_path(request.path)
            if target and target.split("?", 1)[0] != request.path:
                return HttpResponsePermanentRedirect(target)
        return response
