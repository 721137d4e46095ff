"""RSS 2.0 and Atom feeds of the newest published articles, site-wide, per tag, per category
and per author, one set per language (/feed/rss/ Italian, /en/feed/rss/ English)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from blogsite.sitename import site_name
from posts import languages
from posts.models import Category, Post, Tag, display_name

FEED_SIZE = 20


def absolute_url(path: str) -> str:
    """Return path on the canonical site (SITE_URL), whatever host the request came to."""
    return f"{settings.SITE_URL}{path}"


class PostFeed(Feed):
    """The newest published articles as RSS 2.0."""

    # Links are absolute on SITE_URL: the sites framework's domain is not kept in sync.
    def title(self):
        return site_name()

    def description(self):
        return _("The newest articles about customer experience.")

    def link(self):
        return absolute_url(reverse("posts:index"))

    def feed_url(self):
        return absolute_url(reverse("posts:feed-rss"))

    def items(self):
        return _newest(Post.objects.readable_in(languages.current_language()))

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.excerpt

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_guid(self, item):
        return absolute_url(item.get_absolute_url())

    def item_author_name(self, item):
        return display_name(item.author)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class PostAtomFeed(PostFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()

    def feed_url(self):
        return absolute_url(reverse("posts:feed-atom"))


class TagPostFeed(PostFeed):
    """The newest published articles with one tag."""

    def get_object(self, request, slug):
        # A feed reader is not redirected to another language's feed: the tag must be ours.
        return get_object_or_404(Tag, slug=slug, language=languages.current_language())

    def title(self, tag):
        return f"{site_name()}: {tag.name}"

    def description(self, tag):
        return _("The newest articles tagged %(tag)s.") % {"tag": tag.name}

    def link(self, tag):
        return absolute_url(tag.get_absolute_url())

    def feed_url(self, tag):
        return absolute_url(reverse("posts:tag-feed-rss", kwargs={"slug": tag.slug}))

    def items(self, tag):
        return _newest(Post.objects.readable_in(tag.language).tagged(tag))


class TagPostAtomFeed(TagPostFeed):
    feed_type = Atom1Feed

    def subtitle(self, tag):
        return self.description(tag)

    def feed_url(self, tag):
        return absolute_url(reverse("posts:tag-feed-atom", kwargs={"slug": tag.slug}))


class CategoryPostFeed(PostFeed):
    """The newest published articles in one category (old WordPress /category/x/feed/)."""

    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug, language=languages.current_language())

    def title(self, category):
        return f"{site_name()}: {category.name}"

    def description(self, category):
        return _("The newest articles in %(category)s.") % {"category": category.name}

    def link(self, category):
        return absolute_url(category.get_absolute_url())

    def feed_url(self, category):
        return absolute_url(reverse("posts:category-feed-rss", kwargs={"slug": category.slug}))

    def items(self, category):
        return _newest(Post.objects.readable_in(category.language).in_category(category))


class AuthorPostFeed(PostFeed):
    """The newest published articles of one author (old WordPress /author/login/feed/)."""

    def get_object(self, request, username):
        # As the author's page: an account with no article in this language has no feed
        # here (a reader's, or a writer of the other language only).
        authors = Post.objects.readable_in(languages.current_language()).authors()
        return get_object_or_404(authors.select_related("profile"), username=username)

    def title(self, author):
        return f"{site_name()}: {display_name(author)}"

    def description(self, author):
        return _("The newest articles by %(author)s.") % {"author": display_name(author)}

    def link(self, author):
        return absolute_url(reverse("posts:author-detail", kwargs={"username": author.username}))

    def feed_url(self, author):
        return absolute_url(reverse("posts:author-feed-rss", kwargs={"username": author.username}))

    def items(self, author):
        language = languages.current_language()
        return _newest(Post.objects.readable_in(language).by_author(author))


class AuthorPostAtomFeed(AuthorPostFeed):
    feed_type = Atom1Feed

    def subtitle(self, author):
        return self.description(author)

    def feed_url(self, author):
        return absolute_url(
            reverse("posts:author-feed-atom", kwargs={"username": author.username})
        )


def _newest(queryset):
    return (
        queryset.select_related("author__profile")
        .prefetch_related("tags")
        .order_by("-published_at", "-pk")[:FEED_SIZE]
    )
