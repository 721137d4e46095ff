"""What every kind of content shares: a language, a link to its translations, and the id
it had on the WordPress site it was imported from."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from posts.languages import NOT_A_SITE_LANGUAGE, language_choices


def default_language() -> str:
    return settings.LANGUAGE_CODE


class TranslatableModel(models.Model):
    """Content written in one language, linked to its translations.

    Translations share a `translation_key`; each language appears at most once per key (a
    unique constraint on each concrete model). Content without translations has no key.
    """

    language = models.CharField(
        _("language"),
        max_length=7,
        # The site's languages (settings.SITE_LANGUAGES), read when asked: a site that serves
        # other languages needs no migration.
        choices=language_choices,
        error_messages={"invalid_choice": NOT_A_SITE_LANGUAGE},
        default=default_language,
        db_index=True,
    )
    translation_key = models.UUIDField(
        _("translation group"),
        null=True,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Shared by an item and its translations."),
    )

    class Meta:
        abstract = True

    def translations(self):
        """The other languages' versions of this item (an empty QuerySet when none)."""
        if self.translation_key is None:
            return type(self)._default_manager.none()
        return (
            type(self)
            ._default_manager.filter(translation_key=self.translation_key)
            .exclude(pk=self.pk)
        )

    def ensure_translation_key(self) -> uuid.UUID:
        if self.translation_key is None:
            self.translation_key = uuid.uuid4()
        return self.translation_key


class WordPressModel(models.Model):
    """A row that may come from a WordPress import, keyed by its id there (re-imports update
    it instead of adding a copy)."""

    wordpress_id = models.PositiveBigIntegerField(
        _("WordPress id"), null=True, blank=True, unique=True, editable=False
    )

    class Meta:
        abstract = True


class RemembersAddress(models.Model):
    """A row loaded from the database keeps the values its address was made of when read
    (`address_loaded`), so that a save that moves a row readers saw can leave a redirect
    behind (posts/moves.py). Set in from_db(): no query, and no signal sent per row read.
    """

    # The fields of the address and of whether readers see the row; a row loaded without one
    # of them (.only(), .defer()) remembers nothing.
    ADDRESS_FIELDS: tuple[str, ...] = ()
    # The statuses whose rows readers see once their publication date has come.
    RELEASED_STATUSES: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @classmethod
    def seen_by_readers(cls, status, published_at, *, now=None) -> bool:
        """published_q() in Python, over values rather than a loaded row: moves judge the
        values an address had before a save, which no row holds any more."""
        return (
            status in cls.RELEASED_STATUSES
            and published_at is not None
            and published_at <= (now or timezone.now())
        )

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        loaded = instance.__dict__
        try:  # noqa: SIM105 (every row read passes here: no context manager)
            loaded["address_loaded"] = {name: loaded[name] for name in cls.ADDRESS_FIELDS}
        except KeyError:
            pass
        return instance


class PasswordProtected(models.Model):
    """Content whose title everyone sees and whose text only readers given its password
    read: WordPress's "password protected" visibility (posts/protection.py).

    The password is a word shared with a group of readers, not an account's secret: kept
    as written, as WordPress keeps it, so that editors can read it back and pass it on.
    """

    password = models.CharField(
        _("password"),
        max_length=255,  # WordPress's post_password
        blank=True,
        help_text=_(
            "Readers need it to read the text and the comments; everyone sees the title. "
            "Empty: everyone may read it."
        ),
    )

    class Meta:
        abstract = True

    @property
    def is_protected(self) -> bool:
        return bool(self.password)
