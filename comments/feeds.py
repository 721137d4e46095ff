"""RSS 2.0 and Atom feeds of approved comments: the site's latest, and each article's."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from blogsite.sitename import site_name
from comments.models import Comment
from posts.feeds import absolute_url
from posts.models import Post

FEED_SIZE = 30


def readable_posts():
    """The articles whose comments anyone may read: not those behind a password."""
    return Post.objects.readable_in(get_language()).filter(password="")


def feed_comments():
    """Approved comments (no pingbacks or trackbacks) on articles readers can see."""
    return (
        Comment.objects.visible()
        .filter(kind=Comment.Kind.COMMENT, post__in=readable_posts())
        .select_related("post")
        .order_by("-submitted_at", "-pk")
    )


class LatestCommentFeed(Feed):
    """The site's newest approved comments as RSS 2.0."""

    def title(self):
        return _("%(site)s: latest comments") % {"site": site_name()}

    def description(self):
        return _("The newest comments on the articles.")

    def link(self):
        return absolute_url(reverse("posts:index"))

    def feed_url(self):
        return absolute_url(reverse("comments:feed-rss"))

    def items(self):
        return feed_comments()[:FEED_SIZE]

    def item_title(self, item):
        return _("%(name)s on “%(title)s”") % {"name": item.shown_name, "title": item.post.title}

    def item_description(self, item):
        return item.body_html

    def item_link(self, item):
        # The permalink finds the comment's page of the thread, whatever page it is on now.
        return absolute_url(item.get_absolute_url())

    def item_guid(self, item):
        return absolute_url(item.get_absolute_url())

    def item_author_name(self, item):
        return item.shown_name

    def item_pubdate(self, item):
        return item.submitted_at

    def item_updateddate(self, item):
        return item.edited_at or item.submitted_at


class LatestCommentAtomFeed(LatestCommentFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()

    def feed_url(self):
        return absolute_url(reverse("comments:feed-atom"))


class PostCommentFeed(LatestCommentFeed):
    """The approved comments of one published article, newest first."""

    def get_object(self, request, slug):
        # Slugs are unique per language: the feed is the article of the page's language.
        return get_object_or_404(readable_posts(), slug=slug)

    def title(self, post):
        return _("Comments on “%(title)s”") % {"title": post.title}

    def description(self, post):
        return _("The newest comments on the article “%(title)s”.") % {"title": post.title}

    def link(self, post):
        return absolute_url(post.get_absolute_url())

    def feed_url(self, post):
        return absolute_url(reverse("comments:post-feed-rss", kwargs={"slug": post.slug}))

    def items(self, post):
        return feed_comments().filter(post=post)[:FEED_SIZE]

    def item_title(self, item):
        return _("Comment by %(name)s") % {"name": item.shown_name}


class PostCommentAtomFeed(PostCommentFeed):
    feed_type = Atom1Feed

    def subtitle(self, post):
        return self.description(post)

    def feed_url(self, post):
        return absolute_url(reverse("comments:post-feed-atom", kwargs={"slug": post.slug}))
