"""Authors: users with their display names, no usable password, in the Authors group."""

import re
import unicodedata
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _

from blogsite.roles import AUTHORS
from posts.models import Profile
from wordpress import wxr
from wordpress.importer.context import ImportContext
from wordpress.importer.fields import valid_email
from wordpress.redirects import reverse_in

# What Django's username validator refuses (it takes letters, digits and @ . + - _).
USERNAME_REFUSED = re.compile(r"[^\w.@+-]+")


def safe_username(login: str, wordpress_id: int | None) -> str:
    """A username Django accepts for a WordPress login: invisible characters dropped, every
    other character our usernames refuse (a space, ">", "/") made a "-"."""
    visible = "".join(c for c in login if unicodedata.category(c) not in ("Cf", "Cc"))
    username = USERNAME_REFUSED.sub("-", visible.strip()).strip("-")[:150]
    return username or f"wordpress-{wordpress_id or 'author'}"


def _profile(author: wxr.Author):
    profiles = Profile.objects.select_related("user")
    if author.id:
        found = profiles.filter(wordpress_id=author.id).first()
        if found is not None:
            return found
    # WXR 1.0 has no author ids: the login is the key (of an author imported before, and
    # before logins were kept, the username).
    return (
        profiles.filter(wordpress_login=author.login, wordpress_id__isnull=True).first()
        or profiles.filter(
            user__username=author.login, wordpress_id__isnull=True, wordpress_login=""
        ).first()
    )


def import_author(context: ImportContext, author: wxr.Author):
    user_model = get_user_model()
    profile = _profile(author)
    name = author.display_name or " ".join(filter(None, [author.first_name, author.last_name]))
    name = (name or author.login)[:80]
    if profile is not None:
        user = profile.user
        if profile.display_name != name or profile.wordpress_login != author.login[:200]:
            profile.display_name = name
            profile.wordpress_login = author.login[:200]
            profile.full_clean()
            profile.save()
            context.report.count("authors", "updated")
        else:
            context.report.count("authors", "unchanged")
    else:
        username = safe_username(author.login, author.id)
        if username != author.login:
            context.report.changed(
                "authors",
                name,
                _("the login “%(login)s” is not a valid username here: imported as %(name)s")
                % {"login": author.login, "name": username},
                wordpress_id=author.id,
                field="username",
            )
        if user_model.objects.filter(username=username).exists():
            taken, n = username, 1
            while user_model.objects.filter(username=username).exists():
                n += 1
                username = f"{taken[:140]}-wp{author.id or n}" if n == 2 else f"{taken[:140]}-{n}"
            context.report.note(
                "authors",
                name,
                _("the login is taken here; imported as %(name)s") % {"name": username},
                wordpress_id=author.id,
                field="username",
            )
        email = valid_email(author.email)
        if author.email and not email:
            context.report.changed(
                "authors",
                name,
                _("“%(value)s” is not an e-mail address: cleared") % {"value": author.email},
                wordpress_id=author.id,
                field="email",
            )
        user = user_model(
            username=username,
            email=email,
            first_name=author.first_name[:150],
            last_name=author.last_name[:150],
        )
        user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
        group, _created = Group.objects.get_or_create(name=AUTHORS)
        user.groups.add(group)
        # Posts written in the admin need staff access; an imported author may sign in
        # only after setting a password (the imported one is unusable).
        user_model.objects.filter(pk=user.pk).update(is_staff=True)
        Profile.objects.create(
            user=user,
            display_name=name,
            wordpress_id=author.id,
            wordpress_login=author.login[:200],
        )
        context.report.count("authors", "created")
    context.users_by_login[author.login] = user.pk
    if author.id:
        context.users_by_wordpress_id[author.id] = user.pk
    context.redirects.add_path(
        f"/author/{quote(author.login)}/",
        reverse_in(context.language, "posts:author-detail", username=user.username),
    )
    return user


def author_for(context: ImportContext, login: str):
    user = context.user(login=login)
    if user is None:
        with transaction.atomic():
            user = import_author(context, wxr.Author(id=None, login=login or "wordpress"))
    return user
