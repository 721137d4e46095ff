"""The foundation's tables: the audit record of personal-data requests (no data in it), and
the page cache's epoch (blogsite.cacheepoch)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PersonalDataRequest(models.Model):
    """That someone's data was exported or erased: when, how, by whom, and how much.

    It keeps no e-mail address, name or datum of the person: only what was done (the
    counts each app returned), so the site can show it answered a request without keeping
    what it was asked to forget.
    """

    class Action(models.TextChoices):
        EXPORT = "export", _("Export")
        ERASE = "erase", _("Erasure")

    class Channel(models.TextChoices):
        ADMIN = "admin", _("An editor, in the admin")
        PRIVACY_PAGE = "privacy_page", _("The person, from the privacy page")
        ACCOUNT = "account", _("The person, from their account")

    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    channel = models.CharField(_("asked through"), max_length=20, choices=Channel.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The editor who handled it; empty when the person did it themselves."),
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    summary = models.JSONField(
        _("what was done"), default=dict, blank=True, help_text=_("Counts per kind of data.")
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("personal data request")
        verbose_name_plural = _("personal data requests")
        default_permissions = ("view",)
        permissions = [("handle_personal_data", _("Can export and erase a person's data"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=["export", "erase"]), name="personal_data_action_valid"
            ),
            models.CheckConstraint(
                condition=Q(channel__in=["admin", "privacy_page", "account"]),
                name="personal_data_channel_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()} · {self.created_at:%Y-%m-%d %H:%M}"


class PageCacheEpoch(models.Model):
    """One row: how many page-cache invalidations could not reach the shared cache.

    Kept in the database because it must outlive a Redis that was unreachable when a write
    tried to bump a generation there (blogsite.cacheepoch): every stored page carries the
    epoch it was rendered under, and is used only while it is still the current one.
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return str(self.value)
