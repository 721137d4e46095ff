"""The language of the content a page shows, and the addresses of its other-language versions.

The interface language comes from the address (i18n_patterns: Italian at the root, English
under /en/); reader pages list and show only the content written in that language. These
helpers are the one place that turns "this page, in that language" into links, so the
hreflang alternates, the language switcher and the sitemap cannot disagree.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# Open Graph wants a territory; the site writes Italian for Italy and British English.
OG_LOCALES = {
    "it": "it_IT",
    "en": "en_GB",
    "fr": "fr_FR",
    "de": "de_DE",
    "es": "es_ES",
    "pt": "pt_PT",
    "nl": "nl_NL",
    "sv": "sv_SE",
    "da": "da_DK",
    "el": "el_GR",
    "pl": "pl_PL",
}


class ContentElsewhere(Exception):
    """The address names content that exists, but in another language: go to its own page."""

    def __init__(self, url: str):
        super().__init__(url)
        self.url = url


def language_codes() -> list[str]:
    """The site's content languages (settings.SITE_LANGUAGES), the one at / first."""
    return [code for code, _name in settings.LANGUAGES]


def language_choices() -> list[tuple[str, str]]:
    """The choices of every language field: read when a form is built, so the model's
    migrations do not change when a site serves other languages."""
    return list(settings.LANGUAGES)


NOT_A_SITE_LANGUAGE = _(
    "“%(value)s” is not one of this site's languages (the SITE_LANGUAGES setting)."
)


def validate_site_language(value):
    """For a language field without choices: the same refusal as the choices give."""
    if value not in language_codes():
        raise ValidationError(
            NOT_A_SITE_LANGUAGE, params={"value": value}, code="not_site_language"
        )


def current_language() -> str:
    """The active language as one of settings.LANGUAGES' codes (the default when unknown)."""
    code = (translation.get_language() or settings.LANGUAGE_CODE).lower()
    codes = language_codes()
    if code in codes:
        return code
    base = code.split("-")[0]
    return base if base in codes else settings.LANGUAGE_CODE


def og_locale(language: str) -> str:
    return OG_LOCALES.get(language, language)


def home_path(language: str) -> str:
    with translation.override(language):
        return reverse("posts:index")


def get_in_language(queryset, language: str, **lookup):
    """Return the object of queryset matching lookup in language.

    When only another language has it, raise ContentElsewhere with the address of its
    translation into language, or without one its own (a link from before content had
    languages, an edited prefix); when none has it, Http404.
    """
    found = queryset.filter(**lookup)
    obj = found.filter(language=language).first()
    if obj is not None:
        return obj
    elsewhere = found.order_by("language").first()
    if elsewhere is not None:
        # Its own version in this language when it has one: the reader asked for this one.
        own = versions(elsewhere, queryset).get(language, elsewhere)
        raise ContentElsewhere(own.get_absolute_url())
    raise Http404("No such content in this language.")


def versions(obj, queryset) -> dict[str, object]:
    """Map language to obj and each of its translations found in queryset (e.g. published)."""
    found = {obj.language: obj}
    if obj.translation_key is not None:
        for other in queryset.filter(translation_key=obj.translation_key).exclude(pk=obj.pk):
            found.setdefault(other.language, other)
    return found


def path_in_every_language(path: str) -> dict[str, str]:
    """The same view in each language (lists that exist in both: home, search...)."""
    return {code: translate_url(path, code) for code in language_codes()}


def language_links(targets: dict[str, str | None]) -> list[dict]:
    """One entry per site language for the switcher and the hreflang alternates.

    targets maps a language to the address of this page's version in it; a language missing
    from targets has no version: the entry says so (`exists` is False, no hreflang is
    announced) and the switcher sends the reader to that language's home instead.
    """
    links = []
    for code in language_codes():
        path = targets.get(code)
        exists = path is not None
        if not exists:
            path = home_path(code)
        links.append(
            {
                "code": code,
                "name_local": translation.get_language_info(code)["name_local"],
                "path": path,
                "url": f"{settings.SITE_URL}{path}",
                "exists": exists,
            }
        )
    return links
