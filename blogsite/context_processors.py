from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info


def site(request):
    """Expose the canonical site URL and this page's address in every language.

    Templates use them for <link rel="canonical">, hreflang alternates, the language switch
    and the share row.
    """
    full_path = request.get_full_path()
    languages = []
    for code, _name in settings.LANGUAGES:
        path = translate_url(full_path, code)
        languages.append(
            {
                "code": code,
                "name_local": get_language_info(code)["name_local"],
                "path": path,
                "url": f"{settings.SITE_URL}{path}",
            }
        )
    canonical = request.path
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        # Later pages of a list are pages of their own, not copies of the first one.
        canonical += f"?page={int(page)}"
    return {
        "SITE_URL": settings.SITE_URL,
        "canonical_url": f"{settings.SITE_URL}{canonical}",
        "page_languages": languages,
    }
