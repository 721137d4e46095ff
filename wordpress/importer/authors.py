"""Authors: users with their display names, no usable password, in the Authors group."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _

from blogsite.roles import AUTHORS
from posts.models import Profile
from wordpress import wxr
from wordpress.importer.context import ImportContext
from wordpress.redirects import reverse_in


def import_author(context: ImportContext, author: wxr.Author):
    user_model = get_user_model()
    if author.id:
        found = Profile.objects.filter(wordpress_id=author.id)
    else:
        # WXR 1.0 has no author ids: the login is the key (of an author imported before).
        found = Profile.objects.filter(user__username=author.login, wordpress_id__isnull=True)
    profile = found.select_related("user").first()
    name = author.display_name or " ".join(filter(None, [author.first_name, author.last_name]))
    name = (name or author.login)[:80]
    if profile is not None:
        user = profile.user
        if profile.display_name != name:
            profile.display_name = name
            profile.full_clean()
            profile.save()
            context.report.count("authors", "updated")
        else:
            context.report.count("authors", "unchanged")
    else:
        username = author.login[:150] or f"wordpress-{author.id}"
        if user_model.objects.filter(username=username).exists():
            username = f"{username[:130]}-wp{author.id or ''}".rstrip("-")
            context.report.note(
                "authors",
                author.login,
                _("the login is taken here; imported as %(name)s") % {"name": username},
            )
        user = user_model(
            username=username,
            email=author.email if "@" in author.email else "",
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
        Profile.objects.create(user=user, display_name=name, wordpress_id=author.id)
        context.report.count("authors", "created")
    context.users_by_login[author.login] = user.pk
    if author.id:
        context.users_by_wordpress_id[author.id] = user.pk
    context.redirects.add_path(
        f"/author/{author.login}/",
        reverse_in(context.language, "posts:author-detail", username=user.username),
    )
    return user


def author_for(context: ImportContext, login: str):
    user = context.user(login=login)
    if user is None:
        with transaction.atomic():
            user = import_author(context, wxr.Author(id=None, login=login or "wordpress"))
    return user
