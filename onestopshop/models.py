"""The monthly One-Stop-Shop for newcomers from abroad: dates with time windows of a fixed number
of places, and the registrations for them.

A registration holds places from the moment it is made: while it waits for the confirmation by
e-mail (until `expires_at`) and once it is confirmed. Expired and cancelled registrations hold
none, so the free places are right without any cron job; `erase_expired_registrations` only
tidies up and erases personal data after the retention period.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.local_time import aware
from core.mail import StoredEmail
from core.page_cache import PageContent, PageContentQuerySet
from core.submissions import PublicSubmission, PublicSubmissionQuerySet

# From the initial content (one_stop_shop.where); staff change it per date.
DEFAULT_PLACE = "Forum „Seen und Entdecken“, Bismarck-Quartier, Moltkestraße 39, Düren"


class Station(models.TextChoices):
    """The stations of the One-Stop-Shop (initial content, one_stop_shop.what)."""

    BANK_ACCOUNT = "bank_account", _("Opening a bank account")
    HOUSING = "housing", _("Housing")
    JOB_SEARCH = "job_search", _("Job search")
    INSURANCE = "insurance", _("Insurance")
    INTEGRATION = "integration", _("Municipal integration management (KIM)")
    LEISURE = "leisure", _("Leisure")


class AdviceLanguage(models.TextChoices):
    GERMAN = "de", _("German")
    ENGLISH = "en", _("English")


def choice_labels(keys, choices):
    labels = dict(choices)
    return ", ".join(str(labels.get(key, key)) for key in keys)


def validate_keys(keys, choices, field):
    unknown = [key for key in keys or () if key not in dict(choices)]
    if unknown:
        raise ValidationError({field: _("Unknown choice: %(keys)s") % {"keys": ", ".join(unknown)}})


class ShopDateQuerySet(PageContentQuerySet):
    def upcoming(self, today=None):
        """Published dates from today on, earliest first."""
        today = today or timezone.localdate()
        return self.filter(is_published=True, date__gte=today).order_by("date")

    def with_windows(self, now=None):
        """With each date's windows and their taken places (two queries in all)."""
        return self.prefetch_related(
            models.Prefetch("windows", queryset=TimeWindow.objects.with_taken(now))
        )


class ShopDate(PageContent):
    """One One-Stop-Shop day, created by staff (the admin proposes the first Fridays)."""

    date = models.DateField(_("date"), unique=True)
    place = models.CharField(
        _("place"),
        max_length=300,
        default=DEFAULT_PLACE,
        help_text=_("Where the One-Stop-Shop takes place, as the visitors should read it."),
    )
    stations = models.JSONField(
        _("stations offered"), default=list, blank=True, help_text=_("Keys of the stations.")
    )
    languages = models.JSONField(
        _("languages offered"),
        default=list,
        blank=True,
        help_text=_("The languages in which advice is given."),
    )
    note = models.TextField(
        _("note for visitors"),
        max_length=1000,
        blank=True,
        help_text=_("Optional, for example what to bring. Shown with the date."),
    )
    is_published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Shown on the website and open for registration."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ShopDateQuerySet.as_manager()

    class Meta:
        verbose_name = _("One-Stop-Shop date")
        verbose_name_plural = _("One-Stop-Shop dates")
        ordering = ["-date"]

    def __str__(self):
        return formats.date_format(self.date, "DATE_FORMAT")

    def get_absolute_url(self):
        return reverse("onestopshop:register", kwargs={"day": self.date})

    def clean(self):
        validate_keys(self.stations, Station.choices, "stations")
        validate_keys(self.languages, AdviceLanguage.choices, "languages")

    def get_stations_display(self):
        return choice_labels(self.stations, Station.choices)

    def get_languages_display(self):
        return choice_labels(self.languages, AdviceLanguage.choices)

    def open_windows(self, now=None):
        """The (prefetched) windows that have not started yet."""
        now = now or timezone.now()
        return [window for window in self.windows.all() if window.starts > now]

    @property
    def free_places(self):
        """Free places in the windows that are still open (from prefetched, annotated windows)."""
        return sum(window.free_places for window in self.open_windows())


class TimeWindowQuerySet(PageContentQuerySet):
    def with_taken(self, now=None):
        """Annotated with `taken`: the people of confirmed and still valid pending registrations."""
        now = now or timezone.now()
        holding = Q(registrations__status=Registration.Status.CONFIRMED) | Q(
            registrations__status=Registration.Status.PENDING,
            registrations__expires_at__gt=now,
        )
        return self.annotate(taken=Coalesce(Sum("registrations__people", filter=holding), 0))


class TimeWindow(PageContent):
    """A time window of a date (by default one hour) with a fixed number of places."""

    shop_date = models.ForeignKey(
        ShopDate, on_delete=models.CASCADE, related_name="windows", verbose_name=_("date")
    )
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    places = models.PositiveSmallIntegerField(
        _("places"),
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text=_("How many people can come in this window (each person counts)."),
    )

    objects = TimeWindowQuerySet.as_manager()

    class Meta:
        verbose_name = _("time window")
        verbose_name_plural = _("time windows")
        ordering = ["shop_date__date", "starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["shop_date", "starts_at"], name="onestopshop_window_unique_start"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="onestopshop_window_ends_after_start",
                violation_error_message=_("The window must end after it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    @property
    def starts(self):
        return aware(self.shop_date.date, self.starts_at)

    @property
    def ends(self):
        return aware(self.shop_date.date, self.ends_at)

    @property
    def free_places(self):
        """Needs the `taken` annotation (`TimeWindow.objects.with_taken()`)."""
        return max(0, self.places - self.taken)

    def taken_places(self, now=None, exclude=None):
        """Places held now, counted in the database (used under the row lock)."""
        registrations = Registration.objects.filter(window=self).holding_places(now)
        if exclude is not None:
            registrations = registrations.exclude(pk=exclude.pk)
        return registrations.aggregate(total=Coalesce(Sum("people"), 0))["total"]


class RegistrationQuerySet(PublicSubmissionQuerySet):
    def holding_places(self, now=None):
        """Confirmed registrations and those still waiting for their confirmation."""
        now = now or timezone.now()
        return self.filter(
            Q(status=Registration.Status.CONFIRMED)
            | Q(status=Registration.Status.PENDING, expires_at__gt=now)
        )

    def expired(self, now=None):
        """Never confirmed in time: they hold no places and no longer serve any purpose."""
        now = now or timezone.now()
        return self.filter(status=Registration.Status.PENDING, expires_at__lte=now)

    def due_for_reminder(self, today=None):
        """Confirmed registrations for tomorrow that have not been reminded yet."""
        tomorrow = (today or timezone.localdate()) + timedelta(days=1)
        return self.filter(
            status=Registration.Status.CONFIRMED,
            window__shop_date__date=tomorrow,
            reminder_sent_at__isnull=True,
            anonymised_at__isnull=True,
        )

    def due_for_erasure(self, today=None):
        """Registrations of dates longer ago than the retention period, still with personal data."""
        today = today or timezone.localdate()
        cutoff = today - timedelta(days=settings.ONE_STOP_SHOP_RETENTION_DAYS)
        return self.filter(window__shop_date__date__lte=cutoff, anonymised_at__isnull=True)


class Registration(PublicSubmission):
    """A registration for a time window; it counts once the person has confirmed it by e-mail.

    Name, e-mail address, language and the submission token come from `PublicSubmission`.
    """

    PERSONAL_FIELDS = ("name", "email", "site_url")
    emails_related_name = "emails"

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("registration status", "Waiting for confirmation")
        CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
        CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")

    class Attendance(models.TextChoices):
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("Did not come")

    window = models.ForeignKey(
        TimeWindow,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("time window"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    key = models.UUIDField(
        _("key"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Identifies the registration in the signed links and the calendar entry."),
    )
    # Who comes
    people = models.PositiveSmallIntegerField(
        _("number of people"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    advice_language = models.CharField(
        _("language of the advice"), max_length=10, choices=AdviceLanguage.choices
    )
    stations = models.JSONField(_("stations of interest"), default=list, blank=True)
    site_url = models.CharField(
        _("website address"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("The links in e-mails point here."),
    )
    # Handling
    created_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True)
    expires_at = models.DateTimeField(
        _("confirm by"), help_text=_("Without confirmation until then, the places are freed.")
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, blank=True
    )
    calendar_sequence = models.PositiveIntegerField(
        _("calendar sequence"),
        default=0,
        editable=False,
        help_text=_("Raised with every change sent to the person's calendar."),
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["window__shop_date__date", "window__starts_at", "created_at"]
        indexes = [models.Index(fields=["status", "expires_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(people__gte=1), name="onestopshop_people_at_least_1")
        ]

    def __str__(self):
        return f"{self.name or '–'} ({self.window.shop_date}, {self.window})"

    def clean(self):
        validate_keys(self.stations, Station.choices, "stations")

    def is_expired(self, now=None):
        return self.status == self.Status.PENDING and self.expires_at <= (now or timezone.now())

    def get_stations_display(self):
        return choice_labels(self.stations, Station.choices)


class RegistrationEmail(StoredEmail):
    """An e-mail about a registration, delivered like the enquiries' e-mails (see `StoredEmail`)."""

    class Kind(models.TextChoices):
        CONFIRM = "confirm", _("Request to confirm")
        CONFIRMED = "confirmed", _("Registration confirmed")
        CANCELLED = "cancelled", _("Registration cancelled")
        REMINDER = "reminder", _("Reminder the day before")

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="emails",
        verbose_name=_("registration"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta(StoredEmail.Meta):
        indexes = [models.Index(fields=["state"], name="onestopshop_email_state")]


class DateAlertQuerySet(PublicSubmissionQuerySet):
    def active(self, now=None):
        """Confirmed and within the retention period: these get the e-mail about new dates."""
        now = now or timezone.now()
        return self.filter(confirmed_at__isnull=False, ends_at__gt=now)

    def due_for_deletion(self, now=None):
        """Never confirmed in time, or past the retention period."""
        now = now or timezone.now()
        return self.filter(Q(confirmed_at__isnull=True, confirm_by__lte=now) | Q(ends_at__lte=now))


class DateAlert(PublicSubmission):
    """An e-mail address that asked to be told when new One-Stop-Shop dates are open.

    Double opt-in: it only counts once confirmed by the link in the first e-mail. Every e-mail
    carries a link to unsubscribe, which deletes the row; without it the row is deleted
    ONE_STOP_SHOP_ALERT_DAYS after subscribing (and unconfirmed ones when the link expires).
    """

    emails_related_name = "emails"

    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    site_url = models.CharField(_("website address"), max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now)
    confirm_by = models.DateTimeField(_("confirm by"))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    ends_at = models.DateTimeField(
        _("deleted on"), help_text=_("The end of the retention period: the address is deleted.")
    )

    objects = DateAlertQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert about new dates")
        verbose_name_plural = _("alerts about new dates")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email or "–"


class DateAlertEmail(StoredEmail):
    """An e-mail to an address that asked about new dates (see `StoredEmail`)."""

    class Kind(models.TextChoices):
        CONFIRM = "confirm", _("Request to confirm")
        NEW_DATES = "new_dates", _("New dates are open")

    alert = models.ForeignKey(
        DateAlert, on_delete=models.CASCADE, related_name="emails", verbose_name=_("alert")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta(StoredEmail.Meta):
        indexes = [models.Index(fields=["state"], name="onestopshop_alertemail_state")]
