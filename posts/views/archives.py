"""The lists by term, author and date, and the index pages of terms, authors and dates."""

from django.shortcuts import get_object_or_404
from django.views.generic import ListView, MonthArchiveView, TemplateView, YearArchiveView

from posts import indexes, languages
from posts.models import Category, Post, Tag, display_name

from .mixins import IndexPaginationMixin, PublishedPostsMixin, SitePageCacheMixin


class TagDetailView(PublishedPostsMixin, ListView):
    template_name = "posts/tag_detail.html"

    def get_queryset(self):
        self.tag = languages.get_in_language(
            Tag.objects.all(), self.language, slug=self.kwargs["slug"]
        )
        return super().get_queryset().tagged(self.tag)

    def get_language_targets(self):
        versions = languages.versions(self.tag, Tag.objects.all())
        return {code: tag.get_absolute_url() for code, tag in versions.items()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class CategoryDetailView(PublishedPostsMixin, ListView):
    template_name = "posts/category_detail.html"

    def get_queryset(self):
        self.category = languages.get_in_language(
            Category.objects.all(), self.language, slug=self.kwargs["slug"]
        )
        return super().get_queryset().in_category(self.category)

    def get_language_targets(self):
        versions = languages.versions(self.category, Category.objects.all())
        return {code: category.get_absolute_url() for code, category in versions.items()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class AuthorDetailView(PublishedPostsMixin, ListView):
    """The articles of one author; readers' accounts have no archive (404)."""

    template_name = "posts/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(
            Post.objects.readable_in(self.language).authors(), username=self.kwargs["username"]
        )
        return super().get_queryset().by_author(self.author)

    def get_language_targets(self):
        return self.targets_with_posts(Post.objects.by_author(self.author))

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class PostArchiveMixin(PublishedPostsMixin):
    """Shared configuration of the date archives, as djangoproject.com's blog does."""

    date_field = "published_at"
    allow_empty = False
    allow_future = False
    make_object_list = True
    month_format = "%m"

    def get_language_targets(self):
        # A year or month with no articles in a language has no page there (allow_empty).
        year = int(self.get_year())
        posts = Post.objects.filter(published_at__year=year)
        if "month" in self.kwargs:
            posts = posts.filter(published_at__month=int(self.get_month()))
        return self.targets_with_posts(posts)


class PostYearArchiveView(PostArchiveMixin, YearArchiveView):
    template_name = "posts/post_archive_year.html"


class PostMonthArchiveView(PostArchiveMixin, MonthArchiveView):
    template_name = "posts/post_archive_month.html"


class TagIndexView(IndexPaginationMixin, ListView):
    """Every tag with articles, alphabetical, with its number of articles."""

    template_name = "posts/tag_index.html"
    context_object_name = "tags"

    def get_queryset(self):
        return indexes.tag_index()


class AuthorIndexView(IndexPaginationMixin, ListView):
    """Everyone who has published, by the name readers see."""

    template_name = "posts/author_index.html"
    context_object_name = "authors"

    def get_queryset(self):
        return indexes.author_index()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for person in context["authors"]:
            person.shown_name = display_name(person)
        return context


class CategoryIndexView(SitePageCacheMixin, TemplateView):
    """The categories as a tree; a blog has tens of them, so one page holds them all."""

    template_name = "posts/category_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(categories=indexes.category_tree(), **kwargs)


class ArchiveIndexView(SitePageCacheMixin, TemplateView):
    """Every year and month with articles, with their counts (12 lines a year at most)."""

    template_name = "posts/archive_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(years=indexes.archive_years(), **kwargs)
