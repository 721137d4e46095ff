"""A file of the media library on a page of its own: what an old blog's attachment page
becomes when the attachment belongs to no article. An image shows with its srcset, a sound
or a video with the browser's player, every file with a link to download it."""

from django.views.generic import DetailView

from posts.models import Media

from .mixins import ContentLanguageMixin, SitePageCacheMixin


class MediaDetailView(SitePageCacheMixin, ContentLanguageMixin, DetailView):
    model = Media
    template_name = "posts/media_detail.html"
    context_object_name = "media"
    queryset = Media.objects.only(
        "file", "kind", "size", "title", "alt_text", "caption", "width", "height", "renditions"
    )
