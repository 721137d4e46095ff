"""What subscribers receive: the article or the week's digest, in the subscription's
language, with a plain-text part, an HTML part and the one-click unsubscribe headers.

A letter is rendered once per mailing with a placeholder where each recipient's signed
token goes; sending one is a string replacement, not a template render per subscriber.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import pgettext_lazy

from blogsite.mail import absolute_url, html_message, list_message
from blogsite.sitename import site_name, site_name_in
from posts.subscriptions import tokens
from posts.subscriptions.conf import subscription_settings

# Stands for a recipient's token in a rendered letter (safe in a URL and in HTML as is).
PLACEHOLDER = "subscription-token-placeholder"

# A language's name inside a sentence ("the new articles in Italian"): Italian writes it in
# lower case there, unlike the name on the language switch.
LANGUAGE_IN_SENTENCE = {
    "it": pgettext_lazy("in a sentence", "Italian"),
    "en": pgettext_lazy("in a sentence", "English"),
}


def language_in_sentence(code: str) -> str:
    return str(LANGUAGE_IN_SENTENCE.get(code, code))


@dataclass(frozen=True)
class Letter:
    language: str
    subject: str
    text: str
    html: str
    unsubscribe_url: str
    list_id: str

    def to(self, *, email: str, token: str, connection=None):
        """The message for one recipient, whose signed token replaces the placeholder."""
        return list_message(
            subject=self.subject,
            text=self.text.replace(PLACEHOLDER, token),
            html=self.html.replace(PLACEHOLDER, token),
            to=email,
            language=self.language,
            unsubscribe_url=self.unsubscribe_url.replace(PLACEHOLDER, token),
            list_id=self.list_id,
            connection=connection,
        )


def _render(name: str, context: dict) -> tuple[str, str, str]:
    subject = render_to_string(f"subscriptions/email/{name}_subject.txt", context)
    text = render_to_string(f"subscriptions/email/{name}_body.txt", context)
    html = render_to_string(f"subscriptions/email/{name}_body.html", context)
    return subject, text, html


def _list_id(language: str) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"<articles-{language}.{host}>"


def _letter(name: str, language: str, context: dict) -> Letter:
    with translation.override(language):
        context = {
            **context,
            "site_name": site_name(),
            "site_url": absolute_url("/"),
            "manage_url": tokens.link("manage", PLACEHOLDER, language),
            "unsubscribe_url": tokens.link("unsubscribe", PLACEHOLDER, language),
        }
        subject, text, html = _render(name, context)
    return Letter(
        language=language,
        subject=subject,
        text=text,
        html=html,
        unsubscribe_url=context["unsubscribe_url"],
        list_id=_list_id(language),
    )


def article_letter(post) -> Letter:
    """A new article: its title, lead and link."""
    return _letter(
        "article",
        post.language,
        {"post": post, "lead": post.excerpt, "post_url": absolute_url(post.get_absolute_url())},
    )


def digest_letter(posts, *, language: str, period_start, period_end) -> Letter:
    """The articles of a week, newest first, each with its lead and link."""
    entries = [
        {"post": post, "lead": post.excerpt, "url": absolute_url(post.get_absolute_url())}
        for post in posts
    ]
    return _letter(
        "digest",
        language,
        {"entries": entries, "period_start": period_start, "period_end": period_end},
    )


# --- One-off messages: the answer to a subscription request --------------------------------


def request_reply(subscription):
    """The e-mail answering a request from the public form: a confirmation link for a new
    (or lapsed) subscription, a note with the manage link for an address already
    subscribed (the form says the same in both cases, so it tells nobody who subscribed).
    The note goes to a subscriber, so it carries the one-click unsubscribe headers too."""
    language = subscription.language
    context = {
        "subscription": subscription,
        "site_name": site_name_in(language),
        "days": subscription_settings.CONFIRM_DAYS,
        "language_name": language_in_sentence(language),
    }
    with translation.override(language):
        context["frequency"] = str(subscription.get_frequency_display())
        if not subscription.is_active:
            context["confirm_url"] = tokens.link(
                "confirm", tokens.confirm_token(subscription.pk), language
            )
            subject, text, html = _render("confirm", context)
            return html_message(
                subject=subject,
                text=text,
                html=html,
                to=subscription.email,
                language=language,
                headers={"Auto-Submitted": "auto-replied"},
            )
        token = tokens.manage_token(subscription.pk)
        context["manage_url"] = tokens.link("manage", token, language)
        subject, text, html = _render("already_subscribed", context)
    return list_message(
        subject=subject,
        text=text,
        html=html,
        to=subscription.email,
        language=language,
        unsubscribe_url=tokens.link("unsubscribe", token, language),
        list_id=_list_id(language),
    )
