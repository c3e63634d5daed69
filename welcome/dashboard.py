"""The admin start page for the daily work: new enquiries, this week's appointments, enquiries
still without an answer after ENQUIRY_ANSWER_DUE_WORKING_DAYS working days, and content due for
review.

Each panel appears only for users who may open what it lists, and lists what the model admin
would show them (the Kommune editor's review list holds only their municipalities' content).
Every panel runs at most two queries (a count and a short list).
"""

from dataclasses import dataclass, field
from datetime import time, timedelta

from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from welcome import opening_hours

LIMIT = 10


@dataclass
class Panel:
    title: str
    count: int
    rows: list = field(default_factory=list)  # (label, admin URL, date or time as text)
    more_url: str = ""
    empty: str = ""


def _moment(value):
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def _day(value):
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else gettext("never")


def _admin_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def _changelist(model, query=""):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{query}" if query else url


def answer_due_cutoff(now=None):
    """Enquiries received before this moment have waited the configured working days."""
    today = timezone.localdate(now)
    day = opening_hours.working_days_before(today, settings.ENQUIRY_ANSWER_DUE_WORKING_DAYS)
    return opening_hours.aware(day, time(0))


def enquiry_panels(request, now=None):
    from enquiries.models import Enquiry

    if not request.user.has_perm("enquiries.view_enquiry"):
        return []
    now = now or timezone.now()
    status = Enquiry.Status
    waiting = (status.NEW, status.REQUESTED)
    unanswered = (status.NEW, status.IN_PROGRESS, status.REQUESTED)

    new = Enquiry.objects.filter(status__in=waiting)
    new_panel = Panel(
        title=_("New enquiries"),
        count=new.count(),
        rows=[
            (str(e), _admin_url(e), _moment(e.created_at))
            for e in new.order_by("-created_at")[:LIMIT]
        ],
        more_url=_changelist(Enquiry, "status__in=" + ",".join(waiting)),
        empty=_("No new enquiries."),
    )

    today = timezone.localdate(now)
    monday = today - timedelta(days=today.weekday())
    week = (
        opening_hours.aware(monday, time(0)),
        opening_hours.aware(monday + timedelta(days=7), time(0)),
    )
    appointments = Enquiry.objects.filter(
        status=status.CONFIRMED, appointment_at__gte=week[0], appointment_at__lt=week[1]
    ).order_by("appointment_at")
    appointment_panel = Panel(
        title=_("Appointments this week"),
        count=appointments.count(),
        rows=[
            (str(e), _admin_url(e), _moment(e.appointment_at)) for e in appointments[: LIMIT * 3]
        ],
        more_url=_changelist(Enquiry, "status__exact=confirmed"),
        empty=_("No confirmed appointments this week."),
    )

    overdue = Enquiry.objects.filter(status__in=unanswered, created_at__lt=answer_due_cutoff(now))
    overdue_panel = Panel(
        title=_("Without an answer after %(days)d working days")
        % {"days": settings.ENQUIRY_ANSWER_DUE_WORKING_DAYS},
        count=overdue.count(),
        rows=[
            (str(e), _admin_url(e), _moment(e.created_at))
            for e in overdue.order_by("created_at")[:LIMIT]
        ],
        empty=_("Every enquiry has been answered in time."),
    )
    return [new_panel, appointment_panel, overdue_panel]


def review_panel(request):
    """Municipalities, coming events and pages not reviewed for 12 months, for those who may
    change them, as their admin lists show them (a Kommune editor: their own content only)."""
    from municipalities.models import Municipality
    from welcome.models import Event, Page

    rows, count, shown = [], 0, False
    for model in (Municipality, Event, Page):
        model_admin = admin.site._registry.get(model)
        if model_admin is None or not model_admin.has_change_permission(request):
            continue
        shown = True
        queryset = model_admin.get_queryset(request).due_for_review()
        if model is Event:
            queryset = queryset.filter(end_date__gte=timezone.localdate())
        count += queryset.count()
        for obj in queryset.order_by("last_reviewed", "pk")[:LIMIT]:
            rows.append(
                (f"{obj} ({model._meta.verbose_name})", _admin_url(obj), _day(obj.last_reviewed))
            )
    if not shown:
        return []
    return [
        Panel(
            title=_("Not reviewed for 12 months"),
            count=count,
            rows=rows,
            empty=_("Everything has been reviewed in the last 12 months."),
        )
    ]


def panels(request, now=None):
    return enquiry_panels(request, now) + review_panel(request)
