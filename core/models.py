"""The core app's one table: what the initial content loaded (see core/initial_content.py)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class LoadedRecord(models.Model):
    """One record the initial content created or updated, and a fingerprint of the values it
    loaded into it.

    When the values in the database still match the fingerprint, nobody has edited the record
    since, and a later release may update it; when they do not, staff changed it, and it is left
    alone. The row outlives the record: what staff deleted is not created again.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("content type")
    )
    key = models.CharField(_("key in the initial content"), max_length=150)
    object_id = models.PositiveBigIntegerField(_("object id"))
    fingerprint = models.CharField(_("fingerprint of the loaded values"), max_length=64)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        verbose_name = _("loaded record")
        verbose_name_plural = _("loaded records")
        ordering = ["content_type", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "key"], name="loaded_record_key_unique_per_type"
            )
        ]

    def __str__(self):
        return f"{self.content_type.model}: {self.key}"
