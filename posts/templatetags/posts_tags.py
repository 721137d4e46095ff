"""Template helpers for the reader pages: dates, pagination links, share row, JSON-LD."""

import html
import json
import re
from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from posts import languages
from posts.models import display_name

register = template.Library()

# As json_script escapes: the payload can never close the script element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def og_locale(language):
    """The Open Graph locale of a content language: "it" -> "it_IT"."""
    return languages.og_locale(language)


@register.filter(expects_localtime=True)
def long_date(value):
    """Format a date as "7 febbraio 2021" in Italian, "7 February 2021" in English."""
    if not value:
        return ""
    text = date_filter(value, "j F Y")
    # Django's Italian month names are capitalised, but Italian writes them in lower case.
    if (get_language() or "").startswith("it"):
        text = text.lower()
    return text


@register.filter(expects_localtime=True)
def machine_datetime(value):
    """Format a datetime for <time datetime>: ISO 8601 in whole seconds, as HTML requires."""
    if not value:
        return ""
    return value.replace(microsecond=0).isoformat()


@register.filter(expects_localtime=True)
def month_year(value):
    """Format a date as "febbraio 2021" / "February 2021"."""
    if not value:
        return ""
    text = date_filter(value, "F Y")
    if (get_language() or "").startswith("it"):
        text = text.lower()
    return text


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """Return "?…&page=number" keeping the other query parameters (a search, for one)."""
    params = context["request"].GET.copy()
    if int(number) == 1:
        params.pop("page", None)
    else:
        params["page"] = number
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.inclusion_tag("posts/includes/_share.html")
def share_row(post):
    """Prepare plain share links (no third-party script) for post."""
    url = f"{settings.SITE_URL}{post.get_absolute_url()}"
    title = post.title
    targets = [
        ("email", _("E-mail"), "mailto:", {"subject": title, "body": url}),
        ("x", "X", "https://x.com/intent/post", {"url": url, "text": title}),
        ("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php", {"u": url}),
        ("linkedin", "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/", {"url": url}),
        ("whatsapp", "WhatsApp", "https://wa.me/", {"text": f"{title} {url}"}),
    ]
    # quote (%20), not quote_plus (+): mail clients show a "+" literally.
    links = [
        (key, label, f"{base}?{urlencode(params, quote_via=quote)}")
        for key, label, base, params in targets
    ]
    return {"post": post, "share_url": url, "links": links}


def _absolute(path):
    return f"{settings.SITE_URL}{path}"


@register.simple_tag
def post_json_ld(post):
    """Return a <script type="application/ld+json"> block describing post as a BlogPosting."""
    author = post.author
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "description": post.excerpt,
        "url": _absolute(post.get_absolute_url()),
        "mainEntityOfPage": _absolute(post.get_absolute_url()),
        "inLanguage": post.language,
        "datePublished": post.published_at.isoformat() if post.published_at else None,
        "dateModified": (post.updated_at or post.published_at).isoformat()
        if post.published_at
        else None,
        "author": {
            "@type": "Person",
            "name": display_name(author),
            "url": _absolute(
                reverse("posts:author-detail", kwargs={"username": author.get_username()})
            ),
        },
        "keywords": [tag.name for tag in post.tags.all()],
    }
    if post.cover:
        data["image"] = _absolute(post.cover.url)
    data = {key: value for key, value in data.items() if value is not None}
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.filter
def person_name(user):
    """The name readers see for an account (posts.models.display_name), never its login."""
    return display_name(user)


# --- writing (issue 9): responsive images from the media library ---
ARTICLE_SIZES = "(min-width: 50rem) 46rem, 100vw"
CARD_SIZES = "(min-width: 50rem) 12rem, 40vw"


def _srcset(media, fmt):
    from django.core.files.storage import default_storage

    storage = getattr(media.file, "storage", default_storage)
    entries = [
        (r["width"], storage.url(r["name"])) for r in media.renditions if r["format"] == fmt
    ]
    return ", ".join(f"{url} {width}w" for width, url in sorted(entries))


def image_markup(media, *, sizes=ARTICLE_SIZES, css_class="", eager=False):
    """<picture> with a WebP source and an <img srcset sizes width height alt loading>."""
    from django.utils.html import format_html

    fallback = next((r["format"] for r in media.renditions if r["format"] != "webp"), None)
    img_srcset = _srcset(media, fallback) if fallback else ""
    if img_srcset:
        img_srcset += f", {media.url} {media.width}w"
    webp = _srcset(media, "webp")
    source = (
        format_html('<source type="image/webp" srcset="{}" sizes="{}">', webp, sizes)
        if webp
        else ""
    )
    img = format_html(
        '<img src="{}"{}{} alt="{}" loading="{}" decoding="async"{}>',
        media.url,
        format_html(' srcset="{}" sizes="{}"', img_srcset, sizes) if img_srcset else "",
        format_html(' width="{}" height="{}"', media.width, media.height)
        if media.width and media.height
        else "",
        media.alt_text,
        "eager" if eager else "lazy",
        format_html(' class="{}"', css_class) if css_class else "",
    )
    return format_html("<picture>{}{}</picture>", source, img)


@register.simple_tag
def responsive_image(media, sizes=ARTICLE_SIZES, css_class="", eager=False):
    """Render a Media as a responsive image; nothing when there is none."""
    if not media:
        return ""
    return image_markup(media, sizes=sizes, css_class=css_class, eager=eager)


@register.simple_tag
def card_image(media):
    """A list card's cover thumbnail (decorative there: the card's title is the link)."""
    if not media:
        return ""
    return image_markup(media, sizes=CARD_SIZES, css_class="post-card__image")


_BODY_IMG = re.compile(r"<img ([^>]*)>")
_SRC = re.compile(r'(?:^| )src="([^"]*)"')
_ALT = re.compile(r'(?:^| )alt="([^"]*)"')


def _attr(pattern, attrs):
    match = pattern.search(attrs)
    return html.unescape(match.group(1)) if match else ""


@register.filter
def responsive_body(body_html):
    """Give the body's images from the media library their srcset, width and height.

    body_html is the sanitizer's output; only images whose address is a library file are
    replaced, by markup built from the library's row (constant attributes, escaped values).
    One query per article.
    """
    from django.conf import settings as django_settings

    from posts.models import Media

    prefix = django_settings.MEDIA_URL
    sources = [_attr(_SRC, attrs) for attrs in _BODY_IMG.findall(body_html or "")]
    names = {src[len(prefix) :] for src in sources if src.startswith(prefix)}
    if not names:
        return mark_safe(body_html)
    library = {m.url: m for m in Media.objects.filter(file__in=names)}

    def replace(match):
        media = library.get(_attr(_SRC, match.group(1)))
        if media is None:
            return match.group(0)
        alt = _attr(_ALT, match.group(1))
        if alt:
            media.alt_text = alt  # the author's words in this body
        return str(image_markup(media))

    return mark_safe(_BODY_IMG.sub(replace, body_html))


# --- end writing ---
