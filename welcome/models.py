"""The Welcome-Center's own data: address, contact and regular opening hours."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WelcomeCenterManager(models.Manager):
    def get_current(self):
        """The center whose data the site shows, with its opening hours; None before set-up."""
        return self.prefetch_related("opening_hours").first()


class WelcomeCenter(models.Model):
    """There is one Welcome-Center; a model (not settings) so that staff can keep it current."""

    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(
        _("postcode"), max_length=10, blank=True, help_text=_("Leave empty until confirmed.")
    )
    city = models.CharField(_("city"), max_length=100)
    quarter = models.CharField(
        _("quarter"), max_length=100, blank=True, help_text=_("For example: Bismarck-Quartier.")
    )
    phone = models.CharField(_("phone"), max_length=50)
    email = models.EmailField(_("e-mail"))
    by_appointment = models.BooleanField(
        _("also by appointment"),
        default=True,
        help_text=_("Shows the note “and by appointment” next to the opening hours."),
    )

    objects = WelcomeCenterManager()

    class Meta:
        verbose_name = _("Welcome-Center")
        verbose_name_plural = _("Welcome-Center")

    def __str__(self):
        return self.name

    @property
    def phone_uri(self):
        """The phone number as a tel: URI in international format (+49 …)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        if digits.startswith("0"):
            digits = "+49" + digits[1:]
        return f"tel:{digits}"

    @property
    def address_line(self):
        place = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.street, place) if part)


class OpeningHours(models.Model):
    """One interval of the regular week; a day may have several (e.g. a lunch break)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    center = models.ForeignKey(
        WelcomeCenter,
        on_delete=models.CASCADE,
        related_name="opening_hours",
        verbose_name=_("Welcome-Center"),
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens at"))
    closes = models.TimeField(_("closes at"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens__lt=models.F("closes")),
                name="opening_hours_opens_before_closes",
                violation_error_message=_("The closing time must be after the opening time."),
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"
