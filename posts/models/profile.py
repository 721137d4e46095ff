from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from posts.languages import NOT_A_SITE_LANGUAGE, language_choices, language_codes

from .base import WordPressModel


class Profile(WordPressModel):
    """What readers see of a person: the name they go by, and for authors a bio and a photo.

    Bylines, comment names and author archives show `display_name` (see display_name()).
    `wordpress_id` is the author's user id on an imported WordPress site.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="profile",
    )
    display_name = models.CharField(
        _("display name"), max_length=80, help_text=_("The name shown to readers.")
    )
    # The author's login on an imported WordPress site, as it was (it may hold characters
    # our usernames do not: a space, a ">"), so a re-import finds the author again.
    wordpress_login = models.CharField(
        _("WordPress login"), max_length=200, blank=True, db_index=True, editable=False
    )
    bio = models.TextField(_("short bio"), blank=True, max_length=1000)
    avatar = models.ImageField(_("photo"), upload_to="avatars/%Y/", blank=True)
    # Read by mail_language(): the e-mails about comments to moderators and authors, and
    # allauth's account e-mails (posts.accounts). Not the language of what a person reads.
    language = models.CharField(
        _("e-mail language"),
        max_length=7,
        choices=language_choices,
        error_messages={"invalid_choice": NOT_A_SITE_LANGUAGE},
        blank=True,
        help_text=_("Language of the e-mails we send you. Empty: the site's first language."),
    )

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return self.display_name


def display_name(user) -> str:
    """The name readers see for an account: the one chosen on its profile, else its full
    name, else its username (an account always has a name; "Anonymous" is only for a
    comment left without one). The one rule: bylines, JSON-LD, feeds, revisions, comments
    and moderators' replies, the header and the admin all call it."""
    if user is None:
        return ""
    try:
        chosen = user.profile.display_name
    except Profile.DoesNotExist:
        chosen = ""
    return name_from(
        chosen=chosen,
        full_name=user.get_full_name(),
        username=user.get_username(),
    )


def name_from(*, chosen: str, full_name: str, username: str) -> str:
    """display_name's rule on the values it reads (for a query that fetched them)."""
    return (chosen or "").strip() or (full_name or "").strip() or username


def mail_language(chosen: str | None) -> str:
    """The language of the e-mails to a person whose profile says `chosen`: that language
    while the site serves it, else (nothing chosen, no profile) the site's first language."""
    return chosen if chosen in language_codes() else settings.LANGUAGE_CODE


def with_chosen_language(users):
    """users (a QuerySet of accounts) with `chosen_language`, their profile's e-mail
    language ("" or None when none was chosen): for mail_language(), in the same query."""
    return users.annotate(chosen_language=models.F("profile__language"))


def language_chosen_by(user) -> str:
    """The e-mail language user chose on their profile ("" when none)."""
    return Profile.objects.filter(user=user).values_list("language", flat=True).first() or ""
