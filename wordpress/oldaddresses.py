"""Where an old WordPress address leads here, worked out when nothing of ours answers it.

The import writes one redirect row per old permalink it reads (wordpress.redirects); a
blog's readers and search engines also hold the same articles under the other shapes
WordPress gives them: another permalink structure the blog used once (/2020/03/slug/,
/archives/12, /slug/, /category/slug/), /index.php/ in front, and the endings WordPress
adds to any address: /feed/, /page/2/, /comment-page-2/, /amp/, /embed/, /trackback/.
Those are read here from the address itself, on a 404 only, and answered with a 301 to
the content they name; an address naming nothing (an unknown slug, an empty month) stays
a 404. An uploaded file's address (/wp-content/uploads/2019/03/photo.jpg) has its own
row; its resized copies are read here as the original, and a PDF's preview images as the
PDF.
"""

import re
from urllib.parse import unquote

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db.models import Case, Value, When
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.encoding import escape_uri_path

from blogsite.ids import parse_id
from posts.models import Category, Post, Profile, Tag
from wordpress.importer.fields import wordpress_slug
from wordpress.redirects import answered_here, reverse_in
from wordpress.uploads import UPLOADS, document_of_preview, original_of

FEED_TYPES = {"rss2", "rss", "atom", "rdf"}
# Endings that show the same content in another form: the content itself answers.
SAME_CONTENT = {"amp", "embed", "trackback"}
COMMENT_PAGE = re.compile(r"^comment-page-([0-9]{1,9})$")
YEAR = re.compile(r"^(19|20)[0-9]{2}$")
MONTH_OR_DAY = re.compile(r"^[0-9]{2}$")
LISTS = {
    "posts:index",
    "posts:tag-detail",
    "posts:category-detail",
    "posts:author-detail",
    "posts:archive-year",
    "posts:archive-month",
}


def language_of(path: str) -> str:
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def first_language_first(posts, *then):
    """The posts with the site's first language ahead of the others: sorting by the code
    alone sent an Italian blog's old addresses to its English pages ("en" < "it")."""
    first = Case(When(language=settings.LANGUAGE_CODE, then=Value(0)), default=Value(1))
    return posts.order_by(first, "language", *then)


def row_for(path: str) -> str | None:
    """The redirect row the import wrote for this exact old path."""
    row = (
        Redirect.objects.filter(site=Site.objects.get_current(), old_path=escape_uri_path(path))
        .values_list("new_path", flat=True)
        .first()
    )
    return row or None


def split_ending(segments: list[str]) -> tuple[list[str], str, int]:
    """The address without WordPress's ending, the ending ("feed", "page", "cpage" or "")
    and its number (of the page)."""
    if segments and segments[0] == "index.php":
        segments = segments[1:]
    if len(segments) >= 2 and segments[-2] == "feed" and segments[-1] in FEED_TYPES:
        return segments[:-2], "feed", 0
    if segments[-1:] == ["feed"]:
        return segments[:-1], "feed", 0
    if len(segments) >= 2 and segments[-2] == "page" and parse_id(segments[-1]):
        return segments[:-2], "page", parse_id(segments[-1])
    if segments and (match := COMMENT_PAGE.match(segments[-1])):
        return segments[:-1], "cpage", int(match[1])
    if segments and segments[-1] in SAME_CONTENT:
        return segments[:-1], "", 0
    return segments, "", 0


def resolve_old_path(path: str) -> str | None:
    """Our address for an old WordPress path that nothing of ours answers, or None."""
    if UPLOADS in path:
        # An uploaded file's resized copy (photo-300x200.jpg, photo-scaled.jpg): the import
        # wrote the original's address; the copy leads to the same file. A PDF's preview
        # image (listino-pdf-212x300.jpg) leads to the PDF.
        original = original_of(path)
        document = document_of_preview(path)
        return (original != path and row_for(original)) or (document and row_for(document)) or None
    segments = [unquote(s) for s in path.split("/") if s]
    if not segments:
        return None
    base, ending, number = split_ending(segments)
    base_path = "/" + "".join(f"{s}/" for s in base)
    if ending == "" and base == segments:
        target = _by_shape(base)
    else:
        target = row_for(base_path) or _ours(base_path) or _by_shape(base)
    if target is None:
        return None
    return with_ending(target, ending, number)


def _ours(path: str) -> str | None:
    """The path itself when one of our own addresses answers it (/chi-siamo/ + /feed/)."""
    return path if answered_here(escape_uri_path(path)) else None


def with_ending(target: str, ending: str, number: int) -> str | None:
    """The address of `target` in the form the ending asks for."""
    if not ending:
        return target
    try:
        match = resolve(target.split("?", 1)[0])
    except Resolver404:
        return None
    language = language_of(target)
    if ending == "page":
        return f"{target}?page={number}" if match.view_name in LISTS and number > 1 else target
    if ending == "cpage":
        return target
    # The feed of each list, and the argument naming what it lists (None: the whole site).
    feeds = {
        "posts:detail": ("comments:post-feed-rss", "slug"),
        "posts:tag-detail": ("posts:tag-feed-rss", "slug"),
        "posts:category-detail": ("posts:category-feed-rss", "slug"),
        "posts:author-detail": ("posts:author-feed-rss", "username"),
        "posts:index": ("posts:feed-rss", None),
        "posts:archive-year": ("posts:feed-rss", None),
        "posts:archive-month": ("posts:feed-rss", None),
    }
    if match.view_name in feeds:
        name, argument = feeds[match.view_name]
        kwargs = {argument: match.kwargs[argument]} if argument else {}
        return reverse_in(language, name, **kwargs)
    if match.view_name.endswith("feed-rss") or match.view_name.endswith("feed-atom"):
        return target  # /feed/ on a feed
    # Pages have no feed here: their own page is what is left of it.
    return target


def _by_shape(segments: list[str]) -> str | None:
    """The content an old address names by its shape (any permalink structure)."""
    if not segments:
        return None
    first, last = segments[0], segments[-1]
    if segments == ["comments"]:
        return reverse_in(settings.LANGUAGE_CODE, "comments:feed-rss")
    if len(segments) == 2 and first == "archives" and parse_id(last):
        post = Post.objects.published().filter(wordpress_id=parse_id(last)).first()
        return post and post.get_absolute_url()
    if first in ("category", "tag") and len(segments) >= 2:
        return term_page(Category if first == "category" else Tag, last)
    if first == "author" and len(segments) == 2:
        return _author(last)
    if all(YEAR.match(s) if i == 0 else MONTH_OR_DAY.match(s) for i, s in enumerate(segments)):
        return archive_page(*map(int, segments[:3])) if len(segments) <= 3 else None
    return _post(segments)


def term_page(model, slug: str) -> str | None:
    terms = model.objects.filter(slug__in={wordpress_slug(slug), slug[:120]})
    term = terms.order_by("wordpress_id", "pk").first()
    return term and term.get_absolute_url()


def _author(login: str) -> str | None:
    profile = (
        Profile.objects.filter(wordpress_login=login).select_related("user").first()
        or Profile.objects.filter(user__username=login).select_related("user").first()
    )
    return author_page(profile)


def author_page(profile) -> str | None:
    """The author's archive, in the language of their articles (None: nothing published)."""
    if profile is None:
        return None
    post = first_language_first(Post.objects.published().filter(author=profile.user_id)).first()
    return post and reverse_in(
        post.language, "posts:author-detail", username=profile.user.username
    )


def archive_page(year: int, month: int = 0, day: int = 0) -> str | None:
    posts = Post.objects.published().filter(published_at__year=year)
    if month:
        if not 1 <= month <= 12:
            return None
        posts = posts.filter(published_at__month=month)
    post = first_language_first(posts).first()
    if post is None:
        return None
    if month:
        return reverse_in(post.language, "posts:archive-month", year=year, month=month)
    return reverse_in(post.language, "posts:archive-year", year=year)


def _post(segments: list[str]) -> str | None:
    """An article by the slug at the end of its old address (/2020/03/15/slug/, /slug/,
    /news/slug/): an imported link with that name, else one of ours with that slug."""
    name = segments[-1]
    ending = escape_uri_path(f"/{name}/")
    rows = set(
        Redirect.objects.filter(site=Site.objects.get_current(), old_path__endswith=ending)
        .exclude(old_path__contains="?")
        .values_list("new_path", flat=True)[:2]
    )
    if len(rows) == 1:
        return rows.pop()
    posts = Post.objects.published().filter(slug=wordpress_slug(name) or name)
    years = [int(s) for s in segments[:-1] if YEAR.match(s)]  # range-checked by the regex
    if years:
        posts = posts.filter(published_at__year=years[0])
    post = first_language_first(posts, "pk").first()
    return post and post.get_absolute_url()
