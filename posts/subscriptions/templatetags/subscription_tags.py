"""The subscribe form every article and the home page show (an inclusion tag)."""

from django import template

from blogsite.reader import reader_of
from posts.languages import current_language
from posts.subscriptions import tokens
from posts.subscriptions.forms import SubscribeForm
from posts.subscriptions.models import Subscription
from posts.subscriptions.views import form_context

register = template.Library()


@register.inclusion_tag("subscriptions/includes/_subscribe_form.html", takes_context=True)
def subscribe_form(context, language=None):
    """The form for anonymous readers (nothing personal: the page may be stored for every
    reader); for a signed-in reader, one click with their account's address, or their
    subscription's state in `language` with its manage link (one query)."""
    request = context.get("request")
    language = language or current_language()
    user = reader_of(request).user if request is not None else None
    shown = {"csrf_token": context.get("csrf_token", ""), "language": language}
    if user is None:
        return {**shown, **form_context(form=SubscribeForm())}
    # Subscribed with the account (one click, or the click that linked an address the
    # reader had subscribed from the public form).
    subscription = Subscription.objects.filter(
        user=user, language=language, status=Subscription.Status.ACTIVE
    ).first()
    manage_url = ""
    if subscription is not None:
        manage_url = tokens.link("manage", tokens.manage_token(subscription.pk), language)
    return {
        **shown,
        **form_context(request=request),
        "subscription": subscription,
        "manage_url": manage_url,
    }
