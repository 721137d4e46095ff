"""A published article or page whose address changes keeps answering at the old one.

WordPress remembers an article's old slugs (`_wp_old_slug`) and sends readers on; here the
old address gets a django.contrib.redirects row, the same rows the WordPress move-in writes
and moderators edit in the admin. After the move the old address is a 404, so the fallback
middleware answers it with a 301 to the new one. A slug, a language or a page's parent
changed in the admin, the services or an import: all are saves, all are seen here.

Each row read from the database remembers what its address was made of
(models.base.RemembersAddress: no query); after a save that moved a row which readers saw
before and still see, the move is written down. Older rows that led to the old address lead
to the new one (no chains), and a row that would send the new address away (a move back) is
removed.
"""

import logging

from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db.models.signals import post_save
from django.urls import reverse
from django.utils import translation

from posts.models import Page, Post

logger = logging.getLogger(__name__)
# Django's redirects store paths of at most this many characters.
LONGEST = Redirect._meta.get_field("old_path").max_length

# model: (its URL name, the keyword its address field goes in)
ADDRESSES = {Post: ("posts:detail", "slug"), Page: ("posts:page", "path")}


def _address(model, values: dict) -> str:
    name, keyword = ADDRESSES[model]
    with translation.override(values["language"]):
        return reverse(name, kwargs={keyword: values[keyword]})


def _seen_by_readers(model, values: dict) -> bool:
    return model.seen_by_readers(values["status"], values["published_at"])


def remember_move(old: str, new: str) -> None:
    """Send readers of `old` to `new` from now on (not when either is too long to store:
    the move itself must not fail for it, so it is logged)."""
    if old == new:
        return
    if len(old) > LONGEST or len(new) > LONGEST:
        logger.warning("Not redirected, the address is too long to store: %s -> %s", old, new)
        return
    site = Site.objects.get_current()
    Redirect.objects.filter(site=site, new_path=old).update(new_path=new)
    Redirect.objects.filter(site=site, old_path=new).delete()
    Redirect.objects.update_or_create(site=site, old_path=old, defaults={"new_path": new})


def saved(sender, instance, created, raw=False, **kwargs) -> None:
    before = instance.__dict__.get("address_loaded")
    if raw or (before is None and not created):
        return  # a row read in part (.only()): reading the rest would cost queries
    now = {name: getattr(instance, name) for name in sender.ADDRESS_FIELDS}
    instance.__dict__["address_loaded"] = now  # the next save of this instance starts here
    if not created and _seen_by_readers(sender, before) and _seen_by_readers(sender, now):
        remember_move(_address(sender, before), _address(sender, now))


def connect_receivers() -> None:
    for model in ADDRESSES:
        post_save.connect(saved, sender=model, dispatch_uid=f"moves.saved.{model.__name__}")
