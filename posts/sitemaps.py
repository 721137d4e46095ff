"""sitemap.xml: published articles, tags in use and the static pages, in both languages."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from posts.models import Post, Tag


class CanonicalSitemap(Sitemap):
    """Locations on SITE_URL, with an hreflang alternate for every language."""

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class PostSitemap(CanonicalSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Post.objects.published().order_by("-published_at", "-pk")

    def lastmod(self, post):
        return max(post.updated_at, post.published_at)


class TagSitemap(CanonicalSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Tag.objects.in_use().order_by("slug")


class StaticViewSitemap(CanonicalSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["posts:index"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"posts": PostSitemap, "tags": TagSitemap, "static": StaticViewSitemap}
