"""A published article or page whose address changes keeps answering at the old one.

WordPress remembers an article's old slugs (`_wp_old_slug`) and sends readers on; here the
old address gets a django.contrib.redirects row, the same rows the WordPress move-in writes
and moderators edit in the admin. After the move the old address is a 404, so the fallback
middleware answers it with a 301 to the new one. A slug, a language or a page's parent
changed in the admin, the services or an import: all are saves, all are seen here.

Each row loaded from the database remembers the fields its address comes from (post_init:
no query); after a save that moved a row which readers saw before and still see, the move
is written down. Older rows that led to the old address lead to the new one (no chains),
and a row that would send the new address away (a move back) is removed.
"""

from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db.models.signals import post_init, post_save
from django.urls import reverse
from django.utils import timezone, translation

from posts.models import Page, Post

# model: (its URL name, the field that goes in the address, the keyword it goes in)
ADDRESSES = {Post: ("posts:detail", "slug", "slug"), Page: ("posts:page", "path", "path")}
FIELDS = ("language", "status", "published_at")
LOADED = "_address_loaded"


def _snapshot(instance) -> dict | None:
    _name, field, _keyword = ADDRESSES[type(instance)]
    values = instance.__dict__
    if instance.pk is None or any(name not in values for name in (field, *FIELDS)):
        return None  # new, or loaded with .only(): nothing to compare with
    return {name: values[name] for name in (field, *FIELDS)}


def _address(model, snapshot: dict) -> str:
    name, field, keyword = ADDRESSES[model]
    with translation.override(snapshot["language"]):
        return reverse(name, kwargs={keyword: snapshot[field]})


def _seen_by_readers(model, snapshot: dict) -> bool:
    released = Post.RELEASED_STATUSES if model is Post else (Page.Status.PUBLISHED,)
    when = snapshot["published_at"]
    return snapshot["status"] in released and when is not None and when <= timezone.now()


def remember_move(old: str, new: str) -> None:
    """Send readers of `old` to `new` from now on."""
    if old == new:
        return
    site = Site.objects.get_current()
    Redirect.objects.filter(site=site, new_path=old).update(new_path=new)
    Redirect.objects.filter(site=site, old_path=new).delete()
    Redirect.objects.update_or_create(site=site, old_path=old, defaults={"new_path": new})


def loaded(sender, instance, **kwargs) -> None:
    instance.__dict__[LOADED] = _snapshot(instance)


def saved(sender, instance, created, raw=False, **kwargs) -> None:
    before = instance.__dict__.get(LOADED)
    now = _snapshot(instance)
    instance.__dict__[LOADED] = now
    if raw or created or before is None or now is None:
        return
    if _seen_by_readers(sender, before) and _seen_by_readers(sender, now):
        remember_move(_address(sender, before), _address(sender, now))


def connect_receivers() -> None:
    for model in ADDRESSES:
        post_init.connect(loaded, sender=model, dispatch_uid=f"moves.loaded.{model.__name__}")
        post_save.connect(saved, sender=model, dispatch_uid=f"moves.saved.{model.__name__}")
