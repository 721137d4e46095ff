from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import (
    DetailView,
    ListView,
    MonthArchiveView,
    YearArchiveView,
)

from posts import cache
from posts.models import Category, Page, Post, Tag
from posts.search import MAX_QUERY_LENGTH, normalize_query, search_posts

PAGE_SIZE = 10
RELATED_COUNT = 3


class PublishedPostsMixin:
    """Every reader list starts from Post.objects.published(), with what a card shows."""

    paginate_by = PAGE_SIZE
    paginate_orphans = 2

    def get_queryset(self):
        return Post.objects.published().for_listing()

    cache_page = True  # stored by the page cache for anonymous readers

    def get_context_data(self, **kwargs):
        if self.cache_page:
            cache.cache_list_page(self.request)
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            context["page_range"] = page.paginator.get_elided_page_range(page.number)
        return context


class PostIndexView(PublishedPostsMixin, ListView):
    template_name = "posts/post_list.html"


class PostDetailView(DetailView):
    template_name = "posts/post_detail.html"
    is_preview = False

    def get_queryset(self):
        return Post.objects.published().select_related("author", "cover").prefetch_related("tags")

    def get_context_data(self, **kwargs):
        post = self.object
        published = Post.objects.published()
        if self.is_preview:
            # A preview shows no neighbours: a draft has no place in the sequence yet.
            previous_post = next_post = None
        else:
            cache.cache_article_page(self.request, post)
            previous_post = published.before(post).only("title", "slug").first()
            next_post = published.after(post).only("title", "slug").first()
        return super().get_context_data(
            previous_post=previous_post,
            next_post=next_post,
            related_posts=list(
                published.related_to(post).only("title", "slug", "published_at")[:RELATED_COUNT]
            ),
            is_preview=self.is_preview,
            **kwargs,
        )


def render_post(request, post, *, status=200, **extra_context):
    """Answer with the article page of `post`, given extra context (a form with errors).

    For other apps that need the article page itself as their answer, e.g. the comment
    form's view showing a refused comment where the reader wrote it.
    """
    view = PostDetailView()
    view.setup(request, slug=post.slug)
    view.object = post
    context = view.get_context_data(object=post, **extra_context)
    return view.response_class(
        request=request, template=view.get_template_names(), context=context, status=status
    )


@method_decorator(never_cache, name="dispatch")
class PostPreviewView(PostDetailView):
    """An article as readers will see it, for its author, editors and superusers only.

    Anyone else gets the same 404 as for a missing article, so drafts cannot be probed.
    """

    is_preview = True
    pk_url_kwarg = "pk"

    def get_queryset(self):
        return (
            Post.objects.previewable_by(self.request.user)
            .select_related("author", "cover")
            .prefetch_related("tags")
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class TagDetailView(PublishedPostsMixin, ListView):
    template_name = "posts/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().tagged(self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class CategoryDetailView(PublishedPostsMixin, ListView):
    template_name = "posts/category_detail.html"

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return super().get_queryset().in_category(self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class PageDetailView(DetailView):
    """A static page at its path (/chi-siamo/, /servizi/consulenza/), in the page's language."""

    template_name = "posts/page_detail.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Page.objects.published().select_related("parent"),
            path=self.kwargs["path"].strip("/"),
            language=get_language(),
        )


class AuthorDetailView(PublishedPostsMixin, ListView):
    """The articles of one author; readers' accounts have no archive (404)."""

    template_name = "posts/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(
            get_user_model().objects.filter(posts__in=Post.objects.published()).distinct(),
            username=self.kwargs["username"],
        )
        return super().get_queryset().by_author(self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class PostArchiveMixin(PublishedPostsMixin):
    """Shared configuration of the date archives, as djangoproject.com's blog does."""

    date_field = "published_at"
    allow_empty = False
    allow_future = False
    make_object_list = True
    month_format = "%m"


class PostYearArchiveView(PostArchiveMixin, YearArchiveView):
    template_name = "posts/post_archive_year.html"


class PostMonthArchiveView(PostArchiveMixin, MonthArchiveView):
    template_name = "posts/post_archive_month.html"


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
        return search_posts(super().get_queryset(), self.query)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query=self.query, problem=self.problem, max_query_length=MAX_QUERY_LENGTH, **kwargs
        )
