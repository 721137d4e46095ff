"""sitemap.xml: published articles and pages, the tags, categories and authors with published
articles, and the home pages, each at its own language's address, with hreflang alternates
only for the translations that exist."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import translation

from posts.languages import current_language, language_codes
from posts.models import Category, Page, Post, Tag


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


class WrittenSitemap(TranslatedSitemap):
    """Articles or pages: each entry changed when the newest of its versions did."""

    def lastmod(self, group):
        # Django asks without activating the entry's language: the newest change of any
        # version, which is also when the entry's list of alternates last changed.
        return max(max(item.updated_at, item.published_at) for item in group.versions.values())


class PostSitemap(WrittenSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        # Not the protected ones, as WordPress's sitemaps leave them out: a page of a title
        # and a password form is nothing to index.
        published = Post.objects.published().filter(password="")
        return translation_groups(published.order_by("-published_at", "-pk"))


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


class PageSitemap(WrittenSitemap):
    """Published pages, imported ones among them, at their paths."""

    changefreq = "monthly"
    priority = 0.5

    def items(self):
        # Not the protected ones, as for articles.
        published = Page.objects.published().filter(password="")
        return translation_groups(published.order_by("path", "pk"))


class CategorySitemap(TranslatedSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        # The filter on the language's published articles in in_use_in also bounds the
        # annotation: a draft's edit is no change of the category page.
        categories = [
            category
            for code in language_codes()
            for category in Category.objects.in_use_in(code)
            .annotate(
                newest_update=Max("posts__updated_at"),
                newest_article=Max("posts__published_at"),
            )
            .order_by("slug")
        ]
        return translation_groups(categories)

    def lastmod(self, group):
        # The page lists its newest articles: it changed when the newest of them did.
        return max(
            max(category.newest_update, category.newest_article)
            for category in group.versions.values()
        )


class AuthorArchive:
    """An author's page in one language, which lists their articles of that language."""

    def __init__(self, username: str, language: str, last_changed):
        # One entry per author, with an alternate for each language's page.
        self.translation_key = ("author", username)
        self.username = username
        self.language = language
        self.last_changed = last_changed

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse("posts:author-detail", kwargs={"username": self.username})


class AuthorSitemap(TranslatedSitemap):
    """Every author's page in each language they have published articles in."""

    changefreq = "weekly"
    priority = 0.4

    def items(self):
        rows = (
            Post.objects.published()
            .filter(language__in=language_codes())
            .values("author__username", "language")
            .annotate(newest_update=Max("updated_at"), newest_article=Max("published_at"))
            .order_by("author__username", "language")
        )
        archives = [
            AuthorArchive(
                row["author__username"],
                row["language"],
                max(row["newest_update"], row["newest_article"]),
            )
            for row in rows
        ]
        return translation_groups(archives)

    def lastmod(self, group):
        return max(archive.last_changed for archive in group.versions.values())


class StaticViewSitemap(CanonicalSitemap):
    """The home page, which exists in every language."""

    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["posts:index"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "posts": PostSitemap,
    "pages": PageSitemap,
    "tags": TagSitemap,
    "categories": CategorySitemap,
    "authors": AuthorSitemap,
    "static": StaticViewSitemap,
}
