from django.db import models
from django.utils.translation import gettext_lazy as _


class ClassifierState(models.Model):
    """The learned classifier, one row per name, stored as compressed JSON weights.

    `version` goes up on every change so each process knows when its in-memory copy is stale.
    """

    name = models.CharField(_("name"), max_length=50, unique=True, default="default")
    version = models.PositiveIntegerField(_("version"), default=1)
    weights = models.BinaryField(_("weights"))
    examples = models.PositiveIntegerField(_("examples learned"), default=0)
    spam_learned = models.PositiveIntegerField(_("spam decisions learned"), default=0)
    ham_learned = models.PositiveIntegerField(_("ham decisions learned"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("classifier state")
        verbose_name_plural = _("classifier states")

    def __str__(self):
        return f"{self.name} v{self.version}"
