"""Template tags of the reactions row and of the counts on article cards."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from blogsite.messages import section_messages
from blogsite.reader import reader_of
from posts.reactions import conf, display
from posts.reactions.models import counts_for_post
from posts.reactions.views import MESSAGE_TAG

register = template.Library()


@register.inclusion_tag("reactions/includes/_row.html", takes_context=True)
def render_reactions(context, post):
    """Prepare the row under an article: a button per kind, the reader's choice pressed."""
    request = context.get("request")
    reader = reader_of(request) if request is not None else None
    voter_key = reader.voter_key if reader is not None else None
    kinds = display.active_kinds()
    counts = counts_for_post(post)
    current_id = display.current_kind_id(post=post, voter_key=voter_key)
    notices = []
    if request is not None:
        notices = section_messages(request, MESSAGE_TAG)
    return {
        "post": post,
        "items": display.row_items(kinds=kinds, counts=counts, current_id=current_id),
        "total_label": display.total_label(display.total_of(kinds=kinds, counts=counts)),
        "action_url": reverse("reactions:react", kwargs={"pk": post.pk}),
        # A preview (a draft, in the admin) has no state to ask for: its row is inert, and
        # without the address reactions.js leaves it alone.
        "state_url": ""
        if context.get("is_preview")
        else reverse("reactions:state", kwargs={"pk": post.pk}),
        "ranking_url": reverse("reactions:most-appreciated"),
        "login_url": reverse("account_login")
        + "?"
        + urlencode({"next": post.get_absolute_url() + "#reactions"}),
        "login_needed": conf.reaction_settings.REQUIRE_LOGIN
        and (reader is None or reader.user is None),
        "notices": notices,
    }


@register.simple_tag(takes_context=True)
def reaction_summary(context, post):
    """The compact counts of a card; the first card of a page fetches them for all."""
    if not hasattr(post, "reaction_summary"):
        display.card_summaries(_listed_posts(context, post))
    return post.reaction_summary


@register.inclusion_tag("reactions/includes/_summary.html", takes_context=True)
def render_reaction_summary(context, post):
    """The counts per kind under an article card."""
    return {"summary": reaction_summary(context, post)}


def _listed_posts(context, post):
    """The already loaded posts of the page `post` belongs to, or just `post`."""
    for name in ("page_obj", "object_list", "post_list"):
        listed = context.get(name)
        listed = getattr(listed, "object_list", listed)
        # Only lists already in memory: iterating a fresh QuerySet would query again and
        # build other instances than the ones the template loops over.
        if hasattr(listed, "_result_cache"):
            listed = listed._result_cache
        if isinstance(listed, list) and any(item is post for item in listed):
            return listed
    return [post]
