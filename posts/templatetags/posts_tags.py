"""Template helpers for the reader pages: dates, pagination links, share row, JSON-LD."""

import json
from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from posts import languages

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
            "name": author.get_full_name() or author.get_username(),
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
