"""sitemap.xml: published articles, tags in use and the home pages, each at its own language's
address, with hreflang alternates only for the translations that exist."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from posts.languages import current_language, language_codes
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


class TranslationGroup:
    """An item and its translations: one sitemap entry per language it exists in."""

    def __init__(self, versions: dict):
        order = language_codes()
        self.versions = dict(sorted(versions.items(), key=lambda pair: order.index(pair[0])))

    @property
    def current(self):
        """The version in the language Sitemap activates for each location."""
        return self.versions[current_language()]


def translation_groups(objects) -> list[TranslationGroup]:
    """Group objects (in their order) by translation_key; one without a key is alone."""
    groups: dict = {}
    for obj in objects:
        key = obj.translation_key or ("pk", obj.pk)
        groups.setdefault(key, {}).setdefault(obj.language, obj)
    return [TranslationGroup(versions) for versions in groups.values()]


class TranslatedSitemap(CanonicalSitemap):
    """Items are translation groups; Django's i18n sitemap asks each for its languages."""

    def get_languages_for_item(self, group):
        return [code for code in group.versions if code in self._languages()]

    def location(self, group):
        return group.current.get_absolute_url()


class PostSitemap(TranslatedSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        # Not the protected ones, as WordPress's sitemaps leave them out: a page of a title
        # and a password form is nothing to index.
        published = Post.objects.published().filter(password="")
        return translation_groups(published.order_by("-published_at", "-pk"))

    def lastmod(self, group):
        # Django asks without activating the entry's language: the newest change of any
        # version, which is also when the entry's list of alternates last changed.
        return max(max(post.updated_at, post.published_at) for post in group.versions.values())


class TagSitemap(TranslatedSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        tags = [
            tag
            for code in language_codes()
            for tag in Tag.objects.in_use_in(code).order_by("slug")
        ]
        return translation_groups(tags)


class StaticViewSitemap(CanonicalSitemap):
    """The home page, which exists in every language."""

    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["posts:index"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"posts": PostSitemap, "tags": TagSitemap, "static": StaticViewSitemap}
