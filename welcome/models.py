"""The Welcome-Center's own data: address, contact, opening hours and their exceptions, sourced
facts about it; its events and the staff-edited pages."""

from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core import ical
from core.local_time import aware
from core.page_cache import PageContent, PageContentQuerySet
from core.publishing import Publishable
from core.sourced import Sourced, SourcedQuerySet, SourceURLField, as_of_validator
from core.text import tel_uri
from core.translation_status import TranslationTracked
from core.versioned_cache import per_content_version
from municipalities.models import (
    MunicipalityScopedQuerySet,
    WebsiteField,
    latitude_field,
    longitude_field,
)
from municipalities.topics import Topic
from welcome import opening_hours


class WelcomeCenterManager(models.Manager.from_queryset(PageContentQuerySet)):
    def get_current(self):
        """The center whose data the site shows, with its opening hours; None before set-up."""
        return self.prefetch_related("opening_hours").first()

    def organizer(self):
        """(e-mail, name) of the organizer of invitations: the center, or its inbox."""
        center = self.get_current()
        if center is None:
            return settings.WELCOME_CENTER_INBOX, "Welcome-Center Kreis Düren"
        return center.email, center.name

    def for_request(self, request):
        """The current center with today's schedule in every language, loaded once per content
        version (core/versioned_cache.py) and kept on the request: the footer's opening status
        and the page cache's lifetime read the same object without a query."""
        if not hasattr(request, "_welcome_center"):
            today = timezone.localdate()
            request._welcome_center = per_content_version(
                f"welcome-center:{today.isoformat()}", lambda: self.with_schedules(today)
            )
        return request._welcome_center

    def with_schedules(self, today):
        center = self.get_current()
        if center is not None:
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    center.schedule(today)
        return center


class WelcomeCenter(PageContent, TranslationTracked):
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
    public_transport = models.TextField(
        _("by train and bus"),
        blank=True,
        help_text=_("How to get here by public transport. One paragraph per line."),
    )
    parking = models.TextField(
        _("parking"), blank=True, help_text=_("Shown on the contact page only when filled in.")
    )
    accessibility = models.TextField(
        _("accessibility of the building"),
        blank=True,
        help_text=_(
            "Step-free access, lift, accessible toilet … Shown on the contact page only when "
            "filled in."
        ),
    )
    # No source gives the center's coordinates: staff enter them once confirmed; until then the
    # district map marks Düren and names the address.
    latitude = latitude_field(
        null=True,
        blank=True,
        help_text=_(
            "Position on the district map, WGS84 in decimal degrees. Leave empty until confirmed "
            "(for example on the city's official map); until then the map marks Düren."
        ),
    )
    longitude = longitude_field(null=True, blank=True)

    # What the legal pages must state and no source gave us (welcome/legal.py lists them): each
    # stays empty until the Kreis confirms it, and the pages leave its line out until then.
    class AccessibilityCompliance(models.TextChoices):
        FULL = "full", pgettext_lazy("compliant with BITV NRW", "fully")
        PARTIAL = "partial", pgettext_lazy("compliant with BITV NRW", "partially")

    data_protection_officer = models.TextField(
        _("data protection officer"),
        blank=True,
        help_text=_(
            "Postal address and e-mail address of the Kreis Düren's data protection officer "
            "(Art. 37(7) GDPR; a name is not required). Shown in the privacy policy."
        ),
    )
    vat_id = models.CharField(
        _("VAT identification number"),
        max_length=20,
        blank=True,
        help_text=_("The Kreis Düren's VAT ID, if it has one (§ 5 DDG). Shown in the imprint."),
    )
    has_no_vat_id = models.BooleanField(
        _("the Kreis has no VAT ID"),
        default=False,
        help_text=_(
            "Tick once the Kreis has confirmed that it has none: the imprint then needs none."
        ),
    )
    content_responsible = models.TextField(
        _("responsible for the content"),
        blank=True,
        help_text=_(
            "Name and address of the person responsible for the content (§ 18(2) MStV). Shown "
            "in the imprint."
        ),
    )
    server_log_days = models.PositiveSmallIntegerField(
        _("server logs kept for (days)"),
        null=True,
        blank=True,
        help_text=_(
            "How long the web server's operator keeps its logs. Shown in the privacy policy."
        ),
    )
    accessibility_compliance = models.CharField(
        _("compliance with BITV NRW"),
        max_length=10,
        choices=AccessibilityCompliance.choices,
        blank=True,
        help_text=_("The result of an accessibility audit. Shown in the accessibility statement."),
    )
    accessibility_statement_date = models.DateField(
        _("accessibility statement prepared or last reviewed on"),
        null=True,
        blank=True,
        help_text=_("Review it at least once a year (§ 4 BITV NRW)."),
    )

    objects = WelcomeCenterManager()

    class Meta:
        verbose_name = _("Welcome-Center")
        verbose_name_plural = _("Welcome-Center")

    def __str__(self):
        return self.name

    @property
    def phone_uri(self):
        return tel_uri(self.phone)

    @property
    def address_line(self):
        place = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.street, place) if part)

    @property
    def map_url(self):
        """A link to the address on OpenStreetMap (a link only: no map is embedded)."""
        query = ", ".join(part for part in (self.street, self.postcode, self.city) if part)
        return "https://www.openstreetmap.org/search?" + urlencode({"query": query})

    def schedule(self, today=None):
        """The opening hours as an engine `Schedule`: the regular week and the exceptions from
        a week before `today` on, with reasons in the active language.

        Two queries (exceptions and their intervals) on top of the prefetched regular week, once
        per day; the result is kept on the instance, per day and language.
        """
        today = today or timezone.localdate()
        key = (today, get_language())
        schedules = self.__dict__.setdefault("_schedules", {})
        if key in schedules:
            return schedules[key]
        exceptions = self.__dict__.setdefault("_exceptions", {})
        if today not in exceptions:
            exceptions[today] = list(
                self.opening_exceptions.filter(
                    end_date__gte=today - timedelta(days=7)
                ).prefetch_related(Prefetch("intervals", to_attr="interval_list"))
            )
        specials = []
        # Longer ranges first, so that a single day inside a range overrides the range.
        for exception in sorted(
            exceptions[today], key=lambda e: (-(e.end_date - e.start_date).days, e.pk)
        ):
            specials.extend(exception.special_days())
        schedule = opening_hours.Schedule(
            regular=tuple((h.weekday, h.opens, h.closes) for h in self.opening_hours.all()),
            exceptions=tuple(specials),
            by_appointment=self.by_appointment,
        )
        schedules[key] = schedule
        return schedule


class CenterFact(Sourced, TranslationTracked):
    """A sourced statement about the Welcome-Center or its One-Stop-Shop, shown on the contact
    page with its source and date (like the municipalities' facts)."""

    text = models.TextField(_("text"), help_text=_("One or two plain sentences."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("fact about the center")
        verbose_name_plural = _("facts about the center")
        ordering = ["position", "pk"]

    def __str__(self):
        return Truncator(self.text).chars(80)


class OpeningHours(PageContent):
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


class OpeningException(PageContent, TranslationTracked):
    """A closure (Rosenmontag, 24 December) or special hours, for a day or a range of days.

    Exceptions override the regular week and the public holidays; the reason is shown to visitors.
    """

    center = models.ForeignKey(
        WelcomeCenter,
        on_delete=models.CASCADE,
        related_name="opening_exceptions",
        verbose_name=_("Welcome-Center"),
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(
        _("until"), blank=True, help_text=_("Leave empty for a single day.")
    )
    closed = models.BooleanField(
        _("closed all day"),
        default=True,
        help_text=_("Untick and enter the special opening hours below if the centre is open."),
    )
    reason = models.CharField(
        _("reason"),
        max_length=200,
        blank=True,
        help_text=_("Shown to visitors, e.g. “Rosenmontag” or “staff training”."),
    )

    class Meta:
        verbose_name = _("opening exception")
        verbose_name_plural = _("opening exceptions")
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__lte=models.F("end_date")),
                name="opening_exception_start_before_end",
                violation_error_message=_("The last day must not be before the first day."),
            )
        ]

    def __str__(self):
        if self.end_date and self.end_date != self.start_date:
            dates = f"{self.start_date:%d.%m.%Y}–{self.end_date:%d.%m.%Y}"
        else:
            dates = f"{self.start_date:%d.%m.%Y}"
        return f"{dates} {self.reason}".strip()

    def save(self, *args, **kwargs):
        if self.end_date is None:
            self.end_date = self.start_date
        super().save(*args, **kwargs)

    def clean(self):
        if self.end_date is None:
            self.end_date = self.start_date
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day must not be before the first day.")})

    def special_days(self):
        """One engine `SpecialDay` per date of the range."""
        intervals = getattr(self, "interval_list", None)
        if intervals is None:
            intervals = list(self.intervals.all())
        pairs = tuple((interval.opens, interval.closes) for interval in intervals)
        days = (self.end_date - self.start_date).days + 1
        return [
            opening_hours.SpecialDay(
                date=self.start_date + timedelta(days=offset),
                closed=self.closed,
                intervals=() if self.closed else pairs,
                reason=self.reason,
            )
            for offset in range(days)
        ]


class OpeningExceptionInterval(PageContent):
    """Special opening hours on the days of an exception that is not a closure."""

    exception = models.ForeignKey(
        OpeningException,
        on_delete=models.CASCADE,
        related_name="intervals",
        verbose_name=_("opening exception"),
    )
    opens = models.TimeField(_("opens at"))
    closes = models.TimeField(_("closes at"))

    class Meta:
        verbose_name = _("special opening hours")
        verbose_name_plural = _("special opening hours")
        ordering = ["opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens__lt=models.F("closes")),
                name="opening_exception_interval_opens_before_closes",
                violation_error_message=_("The closing time must be after the opening time."),
            )
        ]

    def __str__(self):
        return f"{self.opens:%H:%M}–{self.closes:%H:%M}"


class EventQuerySet(MunicipalityScopedQuerySet):
    """Events of a municipality are its editors' to change (and preview); those of the center
    are the center's staff's."""

    municipality_path = "municipality"

    def due_for_review(self, today=None):
        """Past events need no review."""
        today = today or timezone.localdate()
        return super().due_for_review(today).filter(end_date__gte=today)

    def upcoming(self, today=None):
        """Published events that have not ended before today, the soonest first."""
        today = today or timezone.localdate()
        return (
            self.published()
            .filter(end_date__gte=today)
            .select_related("municipality")
            .order_by("start_date", "start_time", "pk")
        )

    def past(self, today=None):
        """Published events that ended before today, the latest first."""
        today = today or timezone.localdate()
        return (
            self.published()
            .filter(end_date__lt=today)
            .select_related("municipality")
            .order_by("-start_date", "-start_time", "-pk")
        )

    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)


class Event(Publishable, TranslationTracked):
    """A presentation or exhibition of a municipality, or an information event of the center.

    Either a time span on one day (start and end times) or a range of whole days (exhibitions:
    no times). The place defaults to the center itself.
    """

    class Kind(models.TextChoices):
        PRESENTATION = "presentation", _("Presentation")
        EXHIBITION = "exhibition", _("Exhibition")
        INFORMATION = "information", _("Information event")
        ONE_STOP_SHOP = "one-stop-shop", _("One-Stop-Shop")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("municipality"),
        help_text=_("The town or municipality that presents itself, if any."),
    )
    summary = models.CharField(
        _("summary"), max_length=300, blank=True, help_text=_("One or two sentences for lists.")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown: paragraphs, lists, links.")
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(
        _("last day"), blank=True, help_text=_("Leave empty for an event on a single day.")
    )
    start_time = models.TimeField(
        _("starts at"), null=True, blank=True, help_text=_("Leave empty for whole days.")
    )
    end_time = models.TimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty if the event takes place at the Welcome-Center."),
    )
    image = models.ImageField(_("image"), upload_to="events/", blank=True)
    image_alt = models.CharField(
        _("alternative text of the image"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start_date", "-start_time"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__lte=models.F("end_date")),
                name="event_start_before_end",
                violation_error_message=_("The last day must not be before the first day."),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.end_date is None:
            self.end_date = self.start_date
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("event_detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.end_date is None:
            self.end_date = self.start_date
        errors = {}
        if self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day must not be before the first day.")
        if self.end_time and not self.start_time:
            errors["start_time"] = _("Enter the start time too, or leave both times empty.")
        if (
            self.start_time
            and self.end_time
            and self.start_date == self.end_date
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = _("The event must end after it starts.")
        if self.image and not self.image_alt:
            errors["image_alt"] = _("Describe the image for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_all_day(self):
        return self.start_time is None

    @property
    def is_multi_day(self):
        return self.end_date != self.start_date

    @property
    def starts_at(self):
        """Start as an aware Berlin datetime (None for whole-day events)."""
        if self.start_time is None:
            return None
        return aware(self.start_date, self.start_time)

    @property
    def ends_at(self):
        if self.start_time is None:
            return None
        if self.end_time is None:
            return None
        return aware(self.end_date, self.end_time)

    def calendar_entry(self, url, default_place):
        """The event as an iCalendar entry: whole days, or its times in Europe/Berlin."""
        description = "\n\n".join(part for part in (self.summary, self.description, url) if part)
        return ical.calendar_entry(
            uid=f"event-{self.pk}@welcome-center.kreis-dueren.de",
            start=self.start_date if self.is_all_day else self.starts_at,
            end=self.end_date if self.is_all_day else self.ends_at,
            summary=self.title,
            description=description,
            location=self.place or default_place,
            url=url,
            stamp=self.updated_at,
        )


class Page(Publishable, TranslationTracked):
    """A page that staff edit: the legal pages and the pages in Leichte Sprache and DGS.

    The body is Markdown. It is rendered and then sanitised with nh3, so that nothing a staff
    member types (or pastes) can put a script on the site. Placeholders such as
    `[[retention_days]]` are filled from the settings and the center's data when shown.
    """

    class Key(models.TextChoices):
        IMPRINT = "imprint", _("Legal notice")
        PRIVACY = "privacy", _("Privacy policy")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        EASY_LANGUAGE = "easy-language", _("Easy language")
        SIGN_LANGUAGE = "sign-language", _("German Sign Language")

    key = models.CharField(_("page"), max_length=20, choices=Key.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Markdown: ## headings, paragraphs, lists, [links](https://…). HTML and scripts are "
            "removed. Placeholders: [[retention_days]], [[center_email]], [[center_phone]], "
            "[[barrier_form_url]] and the legal details of the Welcome-Center (for example "
            "[[data_protection_officer]]); a line whose detail is not filled in is left out."
        ),
    )
    video = models.FileField(
        _("video"),
        upload_to="pages/",
        blank=True,
        validators=[FileExtensionValidator(["mp4", "webm"])],
        help_text=_("A self-hosted video (MP4 or WebM), e.g. in German Sign Language."),
    )
    video_captions = models.FileField(
        _("video captions"),
        upload_to="pages/",
        blank=True,
        validators=[FileExtensionValidator(["vtt"])],
        help_text=_("Optional subtitles in WebVTT format."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["key"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(f"page_{self.key.replace('-', '_')}")


# ---------------------------------------------------------------------------------------------
# The first-steps plan: steps with their conditions and sourced rules, and the responsible
# offices per municipality. The plan itself is computed per request (welcome/first_steps.py).
# ---------------------------------------------------------------------------------------------


class Office(Sourced, TranslationTracked):
    """An office or service that is responsible for a step: a Bürgerbüro, the district's
    foreigners' authority, the Kita-Navigator, the Familienbüro …

    Only confirmed details: an address, website or phone that no source gives stays empty, and
    the plan then points to the office's website or to the Welcome-Center.
    """

    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=200, blank=True)
    website = WebsiteField(_("website"), blank=True)
    phone = models.CharField(
        _("phone"), max_length=50, blank=True, help_text=_("Only a confirmed number.")
    )

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def phone_uri(self):
        return tel_uri(self.phone)


class PlanStepQuerySet(SourcedQuerySet):
    def for_answers(self, answers):
        """The published steps that apply to the answers of the plan form, in order, with their
        responsible offices: two queries."""
        condition = models.Q(published=True) & models.Q(**{f"for_{answers.origin}": True})
        no_child_condition = models.Q(**{field: False for field in PlanStep.CHILD_FIELDS.values()})
        children = no_child_condition
        for group in answers.children:
            children |= models.Q(**{PlanStep.CHILD_FIELDS[group]: True})
        no_work_condition = models.Q(**{field: False for field in PlanStep.WORK_FIELDS.values()})
        work = no_work_condition
        if answers.work:
            work |= models.Q(**{PlanStep.WORK_FIELDS[answers.work]: True})
        job_offer = models.Q(job_offer__isnull=True) | models.Q(job_offer=answers.job_offer)
        car = models.Q(car__isnull=True) | models.Q(car=answers.car)
        responsibilities = Responsibility.objects.select_related("office", "municipality").order_by(
            models.F("municipality").asc(nulls_first=True), "pk"
        )
        return (
            self.filter(condition & children & work & job_offer & car)
            .prefetch_related(Prefetch("responsibilities", queryset=responsibilities))
            .order_by("position", "pk")
        )


class PlanStep(Sourced, TranslationTracked):
    """One step of the first-steps plan ("Register your address"), with the rule it follows and
    the source of that rule, and the answers it applies to.

    The conditions are plain fields, so that staff read and change them in the admin: a step is
    shown for the ticked origins; if any child age group is ticked, only to people with a child
    of such an age (none ticked: to everyone); the same for the work situations; job offer and
    car either do not matter or must match.
    """

    class DeadlineUnit(models.TextChoices):
        DAYS = "days", _("days")
        WEEKS = "weeks", _("weeks")
        MONTHS = "months", _("months")

    CHILD_FIELDS = {
        "under_3": "for_children_under_3",
        "3_to_6": "for_children_3_to_6",
        "school": "for_school_children",
    }
    WORK_FIELDS = {
        "employed": "for_employed",
        "self_employed": "for_self_employed",
        "student": "for_students",
        "job_seeking": "for_job_seekers",
    }

    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(
        _("text"),
        help_text=_("What to do and why, in a few plain sentences. One paragraph a line."),
    )
    what_to_bring = models.TextField(
        _("what to bring"), blank=True, help_text=_("One document or item per line.")
    )
    deadline_amount = models.PositiveSmallIntegerField(
        _("deadline"),
        null=True,
        blank=True,
        help_text=_("Only a deadline the source states: the number of days, weeks or months."),
    )
    deadline_unit = models.CharField(
        _("deadline unit"), max_length=10, choices=DeadlineUnit.choices, blank=True
    )
    municipal = models.BooleanField(
        _("done at the town hall"),
        default=False,
        help_text=_(
            "Where no office is entered for a municipality, the plan names its town hall; "
            "otherwise it points to the Welcome-Center."
        ),
    )
    depends_on_details = models.BooleanField(
        _("depends on details"),
        default=False,
        help_text=_(
            "The rule depends on details the site cannot know (residence title, recognition): "
            "the plan says to ask and links the appointment request."
        ),
    )
    for_germany = models.BooleanField(_("coming from Germany"), default=True)
    for_eu = models.BooleanField(_("coming from the EU, EEA or Switzerland"), default=True)
    for_other = models.BooleanField(_("coming from another country"), default=True)
    for_children_under_3 = models.BooleanField(_("with a child under 3"), default=False)
    for_children_3_to_6 = models.BooleanField(_("with a child aged 3 to 6"), default=False)
    for_school_children = models.BooleanField(_("with a child of school age"), default=False)
    for_employed = models.BooleanField(_("employed"), default=False)
    for_self_employed = models.BooleanField(_("self-employed"), default=False)
    for_students = models.BooleanField(_("studying"), default=False)
    for_job_seekers = models.BooleanField(_("looking for work"), default=False)
    job_offer = models.BooleanField(
        _("job offer"),
        null=True,
        blank=True,
        choices=[(None, _("does not matter")), (True, _("only with")), (False, _("only without"))],
    )
    car = models.BooleanField(
        _("car"),
        null=True,
        blank=True,
        choices=[(None, _("does not matter")), (True, _("only with")), (False, _("only without"))],
    )
    topic = models.CharField(
        _("topic"),
        max_length=20,
        choices=Topic.choices,
        blank=True,
        help_text=_("The plan links the step to this topic's page, where readers learn more."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    published = models.BooleanField(_("shown in the plan"), default=True)

    objects = PlanStepQuerySet.as_manager()

    class Meta:
        verbose_name = _("first step")
        verbose_name_plural = _("first steps")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(deadline_amount__isnull=True, deadline_unit="")
                    | (models.Q(deadline_amount__gt=0) & ~models.Q(deadline_unit=""))
                ),
                name="plan_step_deadline_complete",
                violation_error_message=_("Enter both the deadline and its unit, or neither."),
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not (self.for_germany or self.for_eu or self.for_other):
            raise ValidationError(_("Tick at least one origin, or the step is never shown."))

    @property
    def has_deadline(self):
        return self.deadline_amount is not None

    @property
    def topic_page(self):
        """(label, address) of the step's topic page, or None."""
        if not self.topic:
            return None
        topic = Topic(self.topic)
        return topic.label, reverse("municipalities:topic", kwargs={"topic": topic.value})


class Responsibility(PageContent, TranslationTracked):
    """Which office is responsible for a step in one municipality, or in every municipality
    without an entry of its own (municipality empty); with a note on how it works there."""

    step = models.ForeignKey(
        PlanStep,
        on_delete=models.CASCADE,
        related_name="responsibilities",
        verbose_name=_("step"),
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="plan_responsibilities",
        verbose_name=_("municipality"),
        help_text=_("Empty: every municipality that has no entry of its own."),
    )
    office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        related_name="responsibilities",
        verbose_name=_("office"),
    )
    note = models.TextField(
        _("note"), blank=True, help_text=_("How it works there, for example: by appointment.")
    )
    note_source_url = SourceURLField(
        _("source of the note"), max_length=500, blank=True, help_text=_("Required with a note.")
    )
    note_source_publisher = models.CharField(
        _("publisher of the note's source"), max_length=200, blank=True
    )
    note_source_as_of = models.CharField(
        _("as of (Stand)"), max_length=10, blank=True, validators=[as_of_validator]
    )

    class Meta:
        verbose_name = _("responsible office")
        verbose_name_plural = _("responsible offices")
        ordering = ["step", "municipality", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["step", "municipality"],
                name="responsibility_one_per_municipality",
                violation_error_message=_("This step already has an office for this municipality."),
            ),
            models.UniqueConstraint(
                fields=["step"],
                condition=models.Q(municipality__isnull=True),
                name="responsibility_one_default",
                violation_error_message=_(
                    "This step already has an office for all municipalities."
                ),
            ),
        ]

    def __str__(self):
        where = self.municipality.name if self.municipality_id else _("all municipalities")
        return f"{self.step}: {self.office} ({where})"

    def clean(self):
        super().clean()
        if self.note and not (self.note_source_url and self.note_source_publisher):
            raise ValidationError(
                {"note_source_url": _("A note needs its source: the page and its publisher.")}
            )
