from django.conf import settings
from django.utils.functional import SimpleLazyObject

from blogsite.sitename import site_name_lazy
from posts import languages as content_languages


def site(request):
    """Expose the canonical site URL and this page's address in every language.

    Templates use them for <link rel="canonical">, hreflang alternates, the language switch
    and the share row. This default suits pages that exist in every language (privacy,
    account pages); the reader views of content put their own `page_languages` in the
    context (posts.views.mixins.ContentLanguageMixin), naming only the translations that exist.
    """
    # Lazy: the content views replace it with their own (resolving and reversing the
    # address in every language would be work thrown away on every article page).
    languages = SimpleLazyObject(
        lambda: content_languages.language_links(
            content_languages.path_in_every_language(request.get_full_path())
        )
    )
    canonical = request.path
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        # Later pages of a list are pages of their own, not copies of the first one.
        canonical += f"?page={int(page)}"
    return {
        "SITE_URL": settings.SITE_URL,
        "site_name": site_name_lazy(),
        "canonical_url": f"{settings.SITE_URL}{canonical}",
        "page_languages": languages,
    }
