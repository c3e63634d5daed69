"""E-mails about enquiries, stored as `Notification` rows and delivered by core/mail.py: the
confirmation to the sender (with the link to the status page), the note to the center's inbox,
the answers to appointment requests with their calendar invitation or cancellation, and the
answer that staff write in the admin."""

from datetime import timedelta

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.ical import calendar_domain, calendar_entry, calendar_file
from core.local_time import BERLIN
from core.mail import write_email
from enquiries import links
from enquiries.models import Enquiry, Notification
from welcome.models import WelcomeCenter


def _notification(enquiry, kind, recipient, language, context, template, **extra):
    context = {"enquiry": enquiry, "center": WelcomeCenter.objects.get_current(), **context}
    return write_email(
        Notification,
        template=f"enquiries/email/{template}",
        context=context,
        language=language,
        enquiry=enquiry,
        kind=kind,
        recipient=recipient,
        **extra,
    )


def notifications_for_submission(enquiry, *, site_url=""):
    """The confirmation to the sender (if they gave an address) and the note to the inbox."""
    notifications = []
    if enquiry.email:
        notifications.append(
            _notification(
                enquiry,
                Notification.Kind.CONFIRMATION,
                enquiry.email,
                enquiry.language,
                {"status_url": links.status_url(enquiry, site_url)},
                "confirmation",
            )
        )
    admin_url = site_url.rstrip("/") + enquiry.get_absolute_url() if site_url else ""
    notifications.append(
        _notification(
            enquiry,
            Notification.Kind.INBOX,
            settings.WELCOME_CENTER_INBOX,
            settings.LANGUAGE_CODE,
            {"admin_url": admin_url},
            "inbox",
            reply_to=enquiry.email,
        )
    )
    return Notification.objects.bulk_create(notifications)


def notification_for_appointment(enquiry, kind, *, message=""):
    """The e-mail that tells the person their appointment was confirmed, declined or cancelled."""
    templates = {
        Notification.Kind.APPOINTMENT_CONFIRMED: ("appointment_confirmed", "REQUEST"),
        Notification.Kind.APPOINTMENT_DECLINED: ("appointment_declined", ""),
        Notification.Kind.APPOINTMENT_CANCELLED: ("appointment_cancelled", "CANCEL"),
    }
    template, method = templates[kind]
    calendar = appointment_calendar(enquiry, method) if method else ""
    local_start = (
        timezone.localtime(enquiry.appointment_at, BERLIN) if enquiry.appointment_at else None
    )
    notification = _notification(
        enquiry,
        kind,
        enquiry.email,
        enquiry.language,
        {"message": message, "starts_at": local_start},
        template,
        calendar=calendar,
        calendar_method=method,
    )
    notification.save()
    return notification


def answer_start_text(enquiry):
    """The text staff start from when they answer, in the sender's language and for the kind."""
    center = WelcomeCenter.objects.get_current()
    with translation.override(enquiry.language):
        text = render_to_string(
            "enquiries/answer_start.txt", {"enquiry": enquiry, "center": center}
        )
    return text.strip() + "\n"


def notification_for_answer(enquiry, text):
    """The answer to the sender, written by staff; replies go to the center's address."""
    center = WelcomeCenter.objects.get_current()
    notification = _notification(
        enquiry,
        Notification.Kind.ANSWER,
        enquiry.email,
        enquiry.language,
        {"text": text},
        "answer",
        reply_to=center.email if center else settings.WELCOME_CENTER_INBOX,
    )
    notification.save()
    return notification


def calendar_uid(enquiry):
    """Stable for the life of the appointment, so that updates and cancellations find it."""
    return f"{enquiry.reference.lower()}@{calendar_domain()}"


def appointment_calendar(enquiry, method):
    """An iCalendar (RFC 5546) invitation or cancellation for a confirmed appointment."""
    center = WelcomeCenter.objects.get_current()
    with translation.override(enquiry.language):
        summary = translation.gettext(
            "Appointment at the Welcome-Center Kreis Düren (%(reference)s)"
        ) % {"reference": enquiry.reference}
        if enquiry.mode == Enquiry.Mode.AT_CENTER and center:
            location = f"{center.name}, {center.address_line}"
        else:
            location = str(enquiry.get_mode_display())
    start = enquiry.appointment_at
    entry = calendar_entry(
        uid=calendar_uid(enquiry),
        sequence=enquiry.calendar_sequence,
        start=start,
        end=start + timedelta(minutes=enquiry.appointment_minutes),
        summary=summary,
        location=location,
        status="CANCELLED" if method == "CANCEL" else "CONFIRMED",
        organizer=WelcomeCenter.objects.organizer(),
        attendee=(enquiry.email, enquiry.name),
    )
    return calendar_file([entry], method=method).decode()
