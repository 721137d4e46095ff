"""What every reader page shares: the content language, the page cache, the published
list with its pagination."""

from django.shortcuts import redirect

from posts import cache, languages
from posts.models import Post

PAGE_SIZE = 10


class ContentLanguageMixin:
    """Reader pages show the content of the interface's language (the address's prefix).

    `self.language` is that language. An address naming content of another language (an
    Italian slug under /en/) redirects to that content's own address; see
    languages.get_in_language. get_language_targets() says where this page's versions in
    the other languages are: they feed the language switcher and the hreflang alternates.
    """

    def dispatch(self, request, *args, **kwargs):
        self.language = languages.current_language()
        try:
            return super().dispatch(request, *args, **kwargs)
        except languages.ContentElsewhere as moved:
            # Temporary: the same slug may later be given to an article in this language.
            return redirect(moved.url)

    def get_language_targets(self) -> dict[str, str | None]:
        """The page in every language (a list exists in each, if empty): override when not."""
        return languages.path_in_every_language(self.path_without_page())

    def path_without_page(self) -> str:
        # Alternates name the list, not its n-th page, which the other language may lack.
        params = self.request.GET.copy()
        params.pop("page", None)
        query = params.urlencode()
        return self.request.path + (f"?{query}" if query else "")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_languages"] = languages.language_links(self.get_language_targets())
        return context


class SitePageCacheMixin:
    """Pages that show no comment and no vote, stored for every anonymous reader until an
    article, a page, a term or an author changes."""

    def get_context_data(self, **kwargs):
        cache.cache_site_page(self.request)
        return super().get_context_data(**kwargs)


class PublishedPostsMixin(ContentLanguageMixin):
    """Every reader list starts from Post.objects.readable_in(its language), with what a
    card shows."""

    paginate_by = PAGE_SIZE
    paginate_orphans = 2

    def get_queryset(self):
        return Post.objects.readable_in(self.language).for_listing()

    cache_page = True  # stored by the page cache for anonymous readers

    def get_context_data(self, **kwargs):
        if self.cache_page:
            cache.cache_list_page(self.request)
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            context["page_range"] = page.paginator.get_elided_page_range(page.number)
        return context

    def targets_with_posts(self, posts) -> dict[str, str]:
        """This page in the languages where `posts` (a filter over all languages) has some."""
        found = set(posts.published().values_list("language", flat=True).distinct())
        return {
            code: path
            for code, path in languages.path_in_every_language(self.path_without_page()).items()
            if code in found
        }


class IndexPaginationMixin(SitePageCacheMixin):
    """Long index lists (tags, authors) come in pages, with an elided page range."""

    paginate_by = 60
    paginate_orphans = 5

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            context["page_range"] = page.paginator.get_elided_page_range(page.number)
        return context
