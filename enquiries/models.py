"""Enquiries and appointment requests: what people send through the site and how staff handle it.

One `Enquiry` model holds all four kinds (question, company relocation, appointment, barrier
report), because staff handle them in one list with one set of statuses, notes and history; the
fields that belong to one kind stay empty for the others. Which fields a kind has is declared once,
in `Enquiry.KIND_FIELDS`: the public forms, the admin and the exports follow it. E-mails are stored
as `Notification` rows before they are sent, so that a mail outage loses nothing.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.mail import StoredEmail
from core.submissions import PublicSubmission, PublicSubmissionQuerySet
from municipalities.topics import Topic


class EnquiryQuerySet(PublicSubmissionQuerySet):
    def due_for_erasure(self, now=None):
        """Closed enquiries whose retention period has ended and that still hold personal data."""
        now = now or timezone.now()
        cutoff = now - timezone.timedelta(days=settings.ENQUIRY_RETENTION_DAYS)
        return self.filter(closed_at__lte=cutoff, anonymised_at__isnull=True)


class Enquiry(PublicSubmission):
    """A question, company enquiry, appointment request or barrier report from the public site.

    Name, e-mail address, language and the submission token come from `PublicSubmission`.
    """

    class Kind(models.TextChoices):
        QUESTION = "question", _("Question")
        COMPANY = "company", _("Company relocation")
        APPOINTMENT = "appointment", _("Appointment request")
        BARRIER = "barrier", _("Barrier report")

    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("enquiry status", "New")
        IN_PROGRESS = "in_progress", pgettext_lazy("enquiry status", "In progress")
        ANSWERED = "answered", pgettext_lazy("enquiry status", "Answered")
        REQUESTED = "requested", pgettext_lazy("enquiry status", "Requested")
        CONFIRMED = "confirmed", pgettext_lazy("enquiry status", "Confirmed")
        DECLINED = "declined", pgettext_lazy("enquiry status", "Declined")
        CANCELLED = "cancelled", pgettext_lazy("enquiry status", "Cancelled")
        CLOSED = "closed", pgettext_lazy("enquiry status", "Closed")

    class ContactPreference(models.TextChoices):
        EMAIL = "email", _("By e-mail")
        PHONE = "phone", _("By phone")

    class MovingSituation(models.TextChoices):
        FROM_ABROAD = "abroad", _("Moving from abroad")
        FROM_GERMANY = "germany", _("Moving from elsewhere in Germany")
        WITHIN_DISTRICT = "district", _("Moving within the Kreis Düren")

    class Mode(models.TextChoices):
        AT_CENTER = "center", _("At the Welcome-Center")
        PHONE = "phone", _("By phone")
        VIDEO = "video", _("By video call")

    class Need(models.TextChoices):
        HOUSING = "housing", _("Housing")
        CHILDCARE_SCHOOL = "childcare_school", _("Kita and school places")
        PARTNER_JOBS = "partner_jobs", _("Jobs for partners")
        LANGUAGE_COURSES = "language_courses", _("Language courses")
        AUTHORITIES = "authorities", _("Contacts to authorities")

    # Statuses per kind, in the order of the workflow.
    STATUSES_BY_KIND = {
        Kind.QUESTION: (Status.NEW, Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED),
        Kind.COMPANY: (Status.NEW, Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED),
        Kind.BARRIER: (Status.NEW, Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED),
        Kind.APPOINTMENT: (
            Status.REQUESTED,
            Status.CONFIRMED,
            Status.DECLINED,
            Status.CANCELLED,
            Status.CLOSED,
        ),
    }
    # The languages in which the center answers and advises.
    LANGUAGE_CHOICES = [("de", _("German")), ("en", _("English"))]

    # How the status page names each status to the sender.
    PUBLIC_STATUS_LABELS = {
        Status.NEW: _("Received"),
        Status.REQUESTED: _("Received"),
        Status.IN_PROGRESS: _("In progress"),
        Status.ANSWERED: _("Answered"),
        Status.CONFIRMED: _("Appointment confirmed"),
        Status.DECLINED: _("Appointment request declined"),
        Status.CANCELLED: _("Appointment cancelled"),
        Status.CLOSED: _("Closed"),
    }
    # Statuses after which the retention period starts.
    FINAL_STATUSES = (Status.CLOSED, Status.DECLINED, Status.CANCELLED)

    # What a person tells us for each kind, in the order the form asks and staff read it. The
    # public form of the kind asks for these fields (forms.py), the admin shows them (admin.py).
    CONTACT_FIELDS = ("name", "email", "phone", "preferred_language", "contact_preference")
    KIND_FIELDS = {
        Kind.QUESTION: (
            "topics",
            "municipalities",
            "message",
            "moving_situation",
            "adults",
            "children_ages",
            "name",
            "email",
            "phone",
            "preferred_language",
            "contact_preference",
        ),
        Kind.COMPANY: (
            "company_name",
            "sector",
            "company_address",
            "name",
            "email",
            "phone",
            "employees",
            "time_frame",
            "municipalities",
            "needs",
            "message",
        ),
        Kind.APPOINTMENT: (
            "topics",
            "mode",
            "people",
            "preferred_language",
            "accessibility_needs",
            "name",
            "email",
            "phone",
        ),
        Kind.BARRIER: ("page_url", "message", "name", "email"),
    }
    # The fields that identify a person or may contain what they wrote: emptied on erasure. Kind,
    # status, dates, topics, municipalities, sector, numbers and the history stay for statistics.
    PERSONAL_FIELDS = (
        "message",
        "name",
        "email",
        "phone",
        "preferred_language",
        "children_ages",
        "company_name",
        "company_address",
        "time_frame",
        "accessibility_needs",
        "page_url",
        "adults",
    )
    emails_related_name = "notifications"

    # Handling
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_enquiries",
        verbose_name=_("assigned to"),
        limit_choices_to={"is_staff": True},
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    closed_at = models.DateTimeField(
        _("closed"),
        null=True,
        blank=True,
        help_text=_("Set when the enquiry reaches a final status; the retention period starts."),
    )

    # What it is about
    topics = models.JSONField(
        _("topics"), default=list, blank=True, help_text=_("Keys of the newcomer topics.")
    )
    municipalities = models.ManyToManyField(
        "municipalities.Municipality",
        blank=True,
        related_name="enquiries",
        verbose_name=_("municipalities"),
    )
    message = models.TextField(_("message"), max_length=5000, blank=True)

    # Who sent it (besides name and e-mail)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=60, choices=LANGUAGE_CHOICES, blank=True
    )
    contact_preference = models.CharField(
        _("preferred way of contact"), max_length=10, choices=ContactPreference.choices, blank=True
    )

    # Private person
    moving_situation = models.CharField(
        _("moving situation"), max_length=10, choices=MovingSituation.choices, blank=True
    )
    adults = models.PositiveSmallIntegerField(_("adults in the household"), null=True, blank=True)
    children_ages = models.CharField(_("ages of the children"), max_length=100, blank=True)

    # Company
    company_name = models.CharField(_("company"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=200, blank=True)
    company_address = models.CharField(_("company address"), max_length=300, blank=True)
    employees = models.PositiveIntegerField(_("employees to relocate"), null=True, blank=True)
    time_frame = models.CharField(_("time frame"), max_length=200, blank=True)
    needs = models.JSONField(_("needs"), default=list, blank=True)

    # Appointment
    mode = models.CharField(_("how"), max_length=10, choices=Mode.choices, blank=True)
    people = models.PositiveSmallIntegerField(_("number of people"), null=True, blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    appointment_at = models.DateTimeField(_("confirmed appointment"), null=True, blank=True)
    appointment_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=60)
    calendar_sequence = models.PositiveIntegerField(
        _("calendar sequence"),
        default=0,
        editable=False,
        help_text=_("Raised with every change sent to the person's calendar."),
    )

    # Barrier report
    page_url = models.CharField(_("page concerned"), max_length=500, blank=True)

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self):
        return f"{self.reference} ({self.get_kind_display()})"

    def get_absolute_url(self):
        return reverse("admin:enquiries_enquiry_change", args=[self.pk])

    @property
    def is_appointment(self):
        return self.kind == self.Kind.APPOINTMENT

    @property
    def can_be_answered(self):
        """Staff answer questions, company enquiries and barrier reports by e-mail from the
        admin (appointments have their own steps), while there is an address to write to."""
        return (
            not self.is_appointment
            and bool(self.email)
            and not self.is_anonymised
            and self.status not in self.FINAL_STATUSES
        )

    @classmethod
    def request_fields(cls, kind):
        """The fields of a kind that are about the request, not about who sent it."""
        return tuple(name for name in cls.KIND_FIELDS[kind] if name not in cls.CONTACT_FIELDS)

    def anonymise_related(self):
        self.notes.all().delete()

    def get_topics_display(self):
        labels = dict(Topic.choices)
        return ", ".join(str(labels.get(key, key)) for key in self.topics)

    def get_municipalities_display(self):
        return ", ".join(municipality.name for municipality in self.municipalities.all())

    def get_needs_display(self):
        labels = dict(self.Need.choices)
        return ", ".join(str(labels.get(key, key)) for key in self.needs)

    def sent_copy(self):
        """(label, value) of what the person filled in, in the order the form asks: the copy on
        the page after sending (the confirmation e-mail does not repeat it)."""
        shown_as = {
            "topics": self.get_topics_display,
            "municipalities": self.get_municipalities_display,
            "needs": self.get_needs_display,
        }
        rows = []
        for name in self.KIND_FIELDS[self.kind]:
            field = self._meta.get_field(name)
            if name in shown_as:
                value = shown_as[name]()
            elif field.choices:
                value = getattr(self, f"get_{name}_display")()
            else:
                value = getattr(self, name)
            if value not in ("", None):
                rows.append((field.verbose_name, value))
        times = ", ".join(str(option) for option in self.options.all())
        if times:
            rows.append((AppointmentOption._meta.verbose_name_plural, times))
        return rows

    def get_public_status_display(self):
        return self.PUBLIC_STATUS_LABELS[self.status]

    def public_history(self):
        """(moment, label) of every status the enquiry went through, for its sender."""
        return [
            (change.changed_at, self.PUBLIC_STATUS_LABELS[change.new_status])
            for change in self.status_changes.all()
        ]

    def status_choices(self):
        return [(status.value, status.label) for status in self.STATUSES_BY_KIND[self.kind]]


class AppointmentOption(models.Model):
    """One of the one to three dates and times that a person proposes for an appointment."""

    enquiry = models.ForeignKey(
        Enquiry, on_delete=models.CASCADE, related_name="options", verbose_name=_("enquiry")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    starts_at = models.DateTimeField(_("starts at"))

    class Meta:
        verbose_name = _("preferred time")
        verbose_name_plural = _("preferred times")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["enquiry", "position"], name="appointment_option_unique_position"
            )
        ]

    def __str__(self):
        return f"{timezone.localtime(self.starts_at):%d.%m.%Y %H:%M}"


class InternalNote(models.Model):
    """A note by staff on an enquiry; never shown to the sender and never exported as CSV."""

    enquiry = models.ForeignKey(
        Enquiry, on_delete=models.CASCADE, related_name="notes", verbose_name=_("enquiry")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiry_notes",
        verbose_name=_("author"),
        editable=False,
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now, editable=False)
    text = models.TextField(_("note"), max_length=5000)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.author or '–'}, {timezone.localtime(self.created_at):%d.%m.%Y %H:%M}"


class StatusChange(models.Model):
    """One step in an enquiry's history: who changed the status from what to what, and when."""

    enquiry = models.ForeignKey(
        Enquiry, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("enquiry")
    )
    old_status = models.CharField(
        _("old status"), max_length=20, choices=Enquiry.Status.choices, blank=True
    )
    new_status = models.CharField(_("new status"), max_length=20, choices=Enquiry.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiry_status_changes",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.get_old_status_display() or '–'} → {self.get_new_status_display()}"


class Notification(StoredEmail):
    """An e-mail about an enquiry (see `StoredEmail`)."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Confirmation to the sender")
        INBOX = "inbox", _("Notification to the inbox")
        APPOINTMENT_CONFIRMED = "appointment_confirmed", _("Appointment confirmed")
        APPOINTMENT_DECLINED = "appointment_declined", _("Appointment declined")
        APPOINTMENT_CANCELLED = "appointment_cancelled", _("Appointment cancelled")
        ANSWER = "answer", _("Answer to the sender")

    enquiry = models.ForeignKey(
        Enquiry, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("enquiry")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)

    class Meta(StoredEmail.Meta):
        indexes = [models.Index(fields=["state"])]


class ReferenceCounter(models.Model):
    """The last reference number given out in a year; its row is locked while a number is taken."""

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("reference counter")
        verbose_name_plural = _("reference counters")
        ordering = ["year"]

    def __str__(self):
        return f"{self.year}: {self.last_number}"
