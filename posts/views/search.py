"""Searching the published articles of the page's language."""

from django.utils.translation import gettext as _
from django.views.generic import ListView

from posts.models import Post
from posts.search import MAX_QUERY_LENGTH, normalize_query, search_posts

from .mixins import PublishedPostsMixin


class PostSearchView(PublishedPostsMixin, ListView):
    template_name = "posts/search.html"
    cache_page = False  # one page per query: not worth storing

    def get_queryset(self):
        self.query = normalize_query(self.request.GET.get("q", ""))
        self.problem = ""
        if not self.query:
            self.problem = _("Type one or more words to search the articles.")
        elif len(self.query) > MAX_QUERY_LENGTH:
            self.problem = _("That search is too long: use at most %(max)d characters.") % {
                "max": MAX_QUERY_LENGTH
            }
        if self.problem:
            return Post.objects.none()
        return search_posts(super().get_queryset(), self.query, language=self.language)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query=self.query, problem=self.problem, max_query_length=MAX_QUERY_LENGTH, **kwargs
        )
