from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import (
    DetailView,
    ListView,
    MonthArchiveView,
    TemplateView,
    YearArchiveView,
)

from posts import cache, indexes, languages
from posts.forms import ProfileForm
from posts.models import Category, Page, Post, Profile, Tag, display_name
from posts.search import MAX_QUERY_LENGTH, normalize_query, search_posts
from posts.services import save_profile

PAGE_SIZE = 10
RELATED_COUNT = 3


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


class PostIndexView(PublishedPostsMixin, ListView):
    template_name = "posts/post_list.html"


class PostDetailView(ContentLanguageMixin, DetailView):
    template_name = "posts/post_detail.html"
    is_preview = False

    def get_queryset(self):
        return (
            Post.objects.published()
            .select_related("author__profile", "cover")
            .prefetch_related("tags")
        )

    def get_object(self, queryset=None):
        return languages.get_in_language(
            self.get_queryset(), self.language, slug=self.kwargs["slug"]
        )

    def get_language_targets(self):
        if self.is_preview:
            return {}
        found = getattr(self, "translations", None)
        if found is None:
            versions = languages.versions(self.object, Post.objects.published())
        else:  # read with the neighbours (get_context_data), in the same query
            versions = {self.object.language: self.object}
            for other in found:
                versions.setdefault(other.language, other)
        return {code: post.get_absolute_url() for code, post in versions.items()}

    def get_context_data(self, **kwargs):
        post = self.object
        if self.is_preview:
            # A preview shows no neighbours: a draft has no place in the sequence yet.
            previous_post = next_post = None
        else:
            cache.cache_article_page(self.request, post)
            # The neighbours, translations and related articles change only when an article
            # or a term does (or a scheduled one comes due): kept with the site's generation,
            # like the footer, they cost no query on most renders.
            previous_post, next_post, self.translations = cache.site_value(
                f"around:{post.pk}", lambda: Post.objects.published().around(post, "title", "slug")
            )
        return super().get_context_data(
            previous_post=previous_post,
            next_post=next_post,
            related_posts=self.get_related_posts(),
            is_preview=self.is_preview,
            **kwargs,
        )

    def get_related_posts(self):
        post = self.object
        tag_ids = [tag.pk for tag in post.tags.all()]  # prefetched with the article
        if not tag_ids:
            return []

        def related():
            found = Post.objects.readable_in(post.language).related_to(post, tag_ids=tag_ids)
            return list(found.only("title", "slug", "language", "published_at")[:RELATED_COUNT])

        if self.is_preview:  # a draft's tags are not the site's yet
            return related()
        return cache.site_value(f"related:{post.pk}", related)


def render_post(request, post, *, status=200, **extra_context):
    """Answer with the article page of `post`, given extra context (a form with errors).

    For other apps that need the article page itself as their answer, e.g. the comment
    form's view showing a refused comment where the reader wrote it.
    """
    view = PostDetailView()
    view.setup(request, slug=post.slug)
    view.language = post.language
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

    def get_object(self, queryset=None):
        # A draft is previewed by id, in its own language.
        return DetailView.get_object(self, queryset)

    def get_queryset(self):
        return (
            Post.objects.previewable_by(self.request.user)
            .select_related("author__profile", "cover")
            .prefetch_related("tags")
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


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


class PageDetailView(SitePageCacheMixin, ContentLanguageMixin, DetailView):
    """A static page at its path (/chi-siamo/, /servizi/consulenza/), in the page's language."""

    template_name = "posts/page_detail.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        return languages.get_in_language(
            Page.objects.published().select_related("parent"),
            self.language,
            path=self.kwargs["path"].strip("/"),
        )

    def get_language_targets(self):
        versions = languages.versions(self.object, Page.objects.published())
        return {code: page.get_absolute_url() for code, page in versions.items()}


class AuthorDetailView(PublishedPostsMixin, ListView):
    """The articles of one author; readers' accounts have no archive (404)."""

    template_name = "posts/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(
            get_user_model()
            .objects.filter(posts__in=Post.objects.readable_in(self.language))
            .distinct(),
            username=self.kwargs["username"],
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


@login_required
def account_profile(request):
    """The reader's account page: the name shown with comments (and an author's bio)."""
    profile = Profile.objects.filter(user=request.user).first()
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            save_profile(
                user=request.user,
                display_name=form.cleaned_data["display_name"],
                bio=form.cleaned_data["bio"],
            )
            messages.success(request, _("Your name has been saved."))
            return redirect("account_profile")
    else:
        form = ProfileForm(
            initial={"display_name": display_name(request.user), "bio": profile and profile.bio}
        )
    return render(request, "account/profile.html", {"form": form})
