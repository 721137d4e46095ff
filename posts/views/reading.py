"""Reading: the home list, an article (and its preview), a static page."""

from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView

from posts import cache, languages, protection
from posts.models import Page, Post

from .mixins import ContentLanguageMixin, PublishedPostsMixin, SitePageCacheMixin

RELATED_COUNT = 3


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
            **_protection_context(self.request, post, locked=not self.is_preview),
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


def _protection_context(request, item, *, locked=True) -> dict:
    """Whether this reader gets the item's password form instead of its text."""
    return {
        "locked": locked and protection.is_locked(request, item),
        "item_key": protection.item_key(item),
    }


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

    def get_context_data(self, **kwargs):
        return super().get_context_data(**_protection_context(self.request, self.object), **kwargs)
