"""The enquiries' panels on the admin start page (see core/dashboard.py): new enquiries, this
week's appointments, and enquiries still without an answer after
ENQUIRY_ANSWER_DUE_WORKING_DAYS working days (weekends and NRW public holidays not counted)."""

from datetime import time, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dashboard import LIMIT, Panel, admin_url, changelist_url, moment_text, register
from core.local_time import aware
from enquiries.models import Enquiry
from welcome.opening_hours import working_days_before


def answer_due_cutoff(now=None):
    """Enquiries received before this moment have waited the configured working days."""
    today = timezone.localdate(now)
    day = working_days_before(today, settings.ENQUIRY_ANSWER_DUE_WORKING_DAYS)
    return aware(day, time(0))


def enquiry_panels(request, now=None):
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
            (str(e), admin_url(e), moment_text(e.created_at))
            for e in new.order_by("-created_at")[:LIMIT]
        ],
        more_url=changelist_url(Enquiry, "status__in=" + ",".join(waiting)),
        empty=_("No new enquiries."),
    )

    today = timezone.localdate(now)
    monday = today - timedelta(days=today.weekday())
    week = (aware(monday, time(0)), aware(monday + timedelta(days=7), time(0)))
    appointments = Enquiry.objects.filter(
        status=status.CONFIRMED, appointment_at__gte=week[0], appointment_at__lt=week[1]
    ).order_by("appointment_at")
    appointment_panel = Panel(
        title=_("Appointments this week"),
        count=appointments.count(),
        rows=[
            (str(e), admin_url(e), moment_text(e.appointment_at)) for e in appointments[: LIMIT * 3]
        ],
        more_url=changelist_url(Enquiry, "status__exact=confirmed"),
        empty=_("No confirmed appointments this week."),
    )

    overdue = Enquiry.objects.filter(status__in=unanswered, created_at__lt=answer_due_cutoff(now))
    overdue_panel = Panel(
        title=_("Without an answer after %(days)d working days")
        % {"days": settings.ENQUIRY_ANSWER_DUE_WORKING_DAYS},
        count=overdue.count(),
        rows=[
            (str(e), admin_url(e), moment_text(e.created_at))
            for e in overdue.order_by("created_at")[:LIMIT]
        ],
        empty=_("Every enquiry has been answered in time."),
    )
    return [new_panel, appointment_panel, overdue_panel]


register(enquiry_panels, order=10)
