"""The 15 towns and municipalities of the Kreis Düren and the facts the site shows about them."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class MunicipalityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Municipality(models.Model):
    """A town (Stadt) or municipality (Gemeinde); facts always carry their reference date."""

    class Kind(models.TextChoices):
        TOWN = "stadt", _("Town")
        MUNICIPALITY = "gemeinde", _("Municipality")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_date = models.DateField(
        _("population as of"), null=True, blank=True, help_text=_("Reference date of the figure.")
    )
    area_km2 = models.DecimalField(
        _("area in km²"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    website = models.URLField(_("official website"), blank=True)
    town_hall_address = models.CharField(_("town hall address"), max_length=200, blank=True)
    published = models.BooleanField(_("published"), default=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("municipalities:detail", kwargs={"slug": self.slug})
