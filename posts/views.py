from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from posts.models import Post, Tag


class PublishedPostsMixin:
    """Every reader view starts from Post.objects.published()."""

    paginate_by = 10

    def get_queryset(self):
        return Post.objects.published().for_listing()


class PostIndexView(PublishedPostsMixin, ListView):
    template_name = "posts/post_list.html"


class PostDetailView(DetailView):
    template_name = "posts/post_detail.html"

    def get_queryset(self):
        return Post.objects.published().select_related("author").prefetch_related("tags")


class TagDetailView(PublishedPostsMixin, ListView):
    template_name = "posts/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().tagged(self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)
