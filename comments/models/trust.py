from django.db import models
from django.utils.translation import gettext_lazy as _


class ConfirmedEmailQuerySet(models.QuerySet):
    def for_address(self, email):
        return self.filter(email__iexact=(email or "").strip())


class ConfirmedEmail(models.Model):
    """An e-mail address whose owner clicked the signed confirmation link we sent to it.

    It grants trust only together with the signed cookie the confirmation left in the browser
    that clicked it (see comments.moderation.TrustEvidence), so typing someone's address is
    not enough. Deleting the row revokes the trust.
    """

    email = models.EmailField(_("e-mail"), max_length=254, unique=True)
    confirmed_at = models.DateTimeField(_("confirmed"), auto_now_add=True)

    objects = ConfirmedEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-confirmed_at"]
        verbose_name = _("confirmed e-mail address")
        verbose_name_plural = _("confirmed e-mail addresses")

    def __str__(self):
        return self.email
