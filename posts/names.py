"""When an account's public name changes, everything showing it follows.

The name is display_name()'s rule over the profile's chosen name, the account's full name
and its username, so a change can come from the account page, the admin's profile or user
forms, or an import. Every save of a profile or an account that may change it is compared
with the name before; when the name moved, the page cache forgets every page if the
account writes (posts.cache.account_writes: bylines are on every list and article; a
reader's name is on no page but their comments'), and `display_name_changed` announces it
on commit, for the comments app to rename the account's comments and moderators' replies
(posts never imports comments), which forgets those articles' pages.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import Signal

from posts import cache
from posts.models.profile import Profile, name_from

# An account's display name changed. Arguments: user_id, name. Sent on commit.
display_name_changed = Signal()

# The fields of an account display_name() reads: saves touching none of them (the
# last_login update at every sign-in) are not compared.
NAME_FIELDS = frozenset({"username", "first_name", "last_name"})
_BEFORE = "_display_name_before"


def current_display_name(user_id) -> str | None:
    """The account's display name as stored now, in one query (None: no such account)."""
    User = get_user_model()
    row = (
        User.objects.filter(pk=user_id)
        .values_list(User.USERNAME_FIELD, "first_name", "last_name", "profile__display_name")
        .first()
    )
    if row is None:
        return None
    username, first_name, last_name, chosen = row
    return name_from(chosen=chosen or "", full_name=f"{first_name} {last_name}", username=username)


def _user_id(sender, instance):
    return instance.pk if sender is get_user_model() else instance.user_id


def _may_rename(sender, instance, update_fields) -> bool:
    if sender is get_user_model():
        if instance._state.adding:
            return False  # a new account: nothing shows its name yet
        fields = NAME_FIELDS
    else:
        fields = {"display_name", "user"}  # a first profile renames its account too
    return update_fields is None or bool(fields & set(update_fields))


def remember_name(sender, instance, update_fields=None, raw=False, **kwargs):
    """pre_save: note the name before a save that may change it."""
    if raw or not _may_rename(sender, instance, update_fields):
        return
    setattr(instance, _BEFORE, current_display_name(_user_id(sender, instance)))


def remember_name_before_delete(sender, instance, **kwargs):
    """pre_delete of a profile: the account falls back to its full name or username."""
    setattr(instance, _BEFORE, current_display_name(instance.user_id))


def compare_name(sender, instance, **kwargs):
    before = instance.__dict__.pop(_BEFORE, None)
    if before is None:
        return
    user_id = _user_id(sender, instance)
    after = current_display_name(user_id)
    if after is None or after == before:
        return
    if sender is not Profile and cache.account_writes(user_id):
        cache.site_changed()  # bylines (a profile's own save is cache.profile_changed's)
    transaction.on_commit(
        lambda: display_name_changed.send(sender=Profile, user_id=user_id, name=after)
    )


def connect_receivers() -> None:
    for model in (get_user_model(), Profile):
        uid = f"posts.names.{model._meta.label_lower}"
        pre_save.connect(remember_name, sender=model, dispatch_uid=uid)
        post_save.connect(compare_name, sender=model, dispatch_uid=uid)
    uid = "posts.names.profile-delete"
    pre_delete.connect(remember_name_before_delete, sender=Profile, dispatch_uid=uid)
    post_delete.connect(compare_name, sender=Profile, dispatch_uid=uid)
