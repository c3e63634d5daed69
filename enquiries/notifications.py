"""E-mails about enquiries: written into `Notification` rows first, delivered afterwards.

Writing and sending are separate so that an enquiry is never lost when the mail server is down:
the rows stay pending or failed and `manage.py send_pending_notifications` delivers them later.
Delivery locks each row (SKIP LOCKED on PostgreSQL), so two runs at once never send an e-mail twice.
`deliver` and the iCalendar builder serve every `StoredEmail` model (the One-Stop-Shop's too).
"""

import logging
from datetime import timedelta
from email.mime.text import MIMEText
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from enquiries.models import Enquiry, Notification, StoredEmail

logger = logging.getLogger(__name__)

BERLIN = ZoneInfo("Europe/Berlin")


def single_line(text):
    """Subjects and names never carry line breaks (no header injection, even by accident)."""
    return " ".join(str(text).split())


def _render(template, context, language):
    with translation.override(language):
        return render_to_string(f"enquiries/email/{template}", context).strip()


def _notification(enquiry, kind, recipient, language, context, template, **extra):
    context = {"enquiry": enquiry, "center": _center(), **context}
    subject = single_line(_render(f"{template}_subject.txt", context, language))
    return Notification(
        enquiry=enquiry,
        kind=kind,
        recipient=recipient,
        subject=subject[:250],
        body=_render(f"{template}_body.txt", context, language),
        **extra,
    )


def _center():
    from welcome.models import WelcomeCenter

    return WelcomeCenter.objects.get_current()


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
                {},
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
    with translation.override(enquiry.language):
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


def calendar_domain():
    """The domain part of calendar UIDs: the sender's domain."""
    return settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "welcome-center"


def calendar_uid(enquiry):
    """Stable for the life of the appointment, so that updates and cancellations find it."""
    return f"{enquiry.reference.lower()}@{calendar_domain()}"


def appointment_calendar(enquiry, method):
    """An iCalendar (RFC 5546) invitation or cancellation for a confirmed appointment."""
    center = _center()
    with translation.override(enquiry.language):
        summary = translation.gettext(
            "Appointment at the Welcome-Center Kreis Düren (%(reference)s)"
        ) % {"reference": enquiry.reference}
        if enquiry.mode == Enquiry.Mode.AT_CENTER and center:
            location = f"{center.name}, {center.address_line}"
        else:
            location = str(enquiry.get_mode_display())
    start = enquiry.appointment_at.astimezone(BERLIN)
    return invitation_calendar(
        method=method,
        uid=calendar_uid(enquiry),
        sequence=enquiry.calendar_sequence,
        start=start,
        end=start + timedelta(minutes=enquiry.appointment_minutes),
        summary=summary,
        location=location,
        attendee_email=enquiry.email,
        attendee_name=enquiry.name,
        product="Enquiries",
    )


def invitation_calendar(
    *,
    method,
    uid,
    sequence,
    start,
    end,
    summary,
    location,
    attendee_email,
    attendee_name,
    product,
    description="",
):
    """An iCalendar (RFC 5546) REQUEST, CANCEL or PUBLISH with one event in Europe/Berlin.

    The same `uid` with a higher `sequence` updates or cancels the event in the person's calendar.
    """
    from icalendar import Calendar, Event, vCalAddress, vText

    center = _center()
    calendar = Calendar()
    calendar.add("prodid", f"-//Welcome-Center Kreis Düren//{product}//DE")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", timezone.now().astimezone(ZoneInfo("UTC")))
    event.add("dtstart", start.astimezone(BERLIN))
    event.add("dtend", end.astimezone(BERLIN))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    event.add("location", location)
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    organizer_email = center.email if center else settings.WELCOME_CENTER_INBOX
    organizer = vCalAddress(f"mailto:{organizer_email}")
    organizer.params["cn"] = vText(center.name if center else "Welcome-Center Kreis Düren")
    event.add("organizer", organizer)
    if attendee_email:
        attendee = vCalAddress(f"mailto:{attendee_email}")
        attendee.params["cn"] = vText(single_line(attendee_name))
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        event.add("attendee", attendee)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()


def _message(notification):
    message = EmailMessage(
        subject=single_line(notification.subject),
        body=notification.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.recipient],
        reply_to=[notification.reply_to] if notification.reply_to else None,
    )
    if notification.calendar:
        part = MIMEText(notification.calendar, "calendar", "utf-8")
        part.set_param("method", notification.calendar_method)
        part.add_header("Content-Disposition", "attachment", filename="invitation.ics")
        message.attach(part)
    return message


def stored_email_models():
    """Every concrete model that holds e-mails to deliver (enquiries, One-Stop-Shop, …)."""
    return [model for model in apps.get_models() if issubclass(model, StoredEmail)]


def deliver(pks=None, *, model=None):
    """Send the pending and failed e-mails (all, or those with the given ids); return (sent, failed).

    `model` is the `StoredEmail` model of the ids (by default `Notification`); without ids, the
    e-mails of every such model are sent. Each row is locked while it is sent and skipped if
    another run holds it, so running this twice at once (cron, or right after a submission) sends
    every e-mail once.
    """
    if pks is None and model is None:
        totals = [deliver(model=each) for each in stored_email_models()]
        return sum(sent for sent, _failed in totals), sum(failed for _sent, failed in totals)
    model = model or Notification
    candidates = model.objects.exclude(state=StoredEmail.State.SENT)
    if pks is not None:
        candidates = candidates.filter(pk__in=pks)
    sent = failed = 0
    for pk in list(candidates.order_by("pk").values_list("pk", flat=True)):
        with transaction.atomic():
            notification = (
                model.objects.select_for_update(skip_locked=True)
                .exclude(state=StoredEmail.State.SENT)
                .filter(pk=pk)
                .first()
            )
            if notification is None:
                continue
            notification.attempts += 1
            try:
                _message(notification).send()
            except Exception as error:
                logger.warning("E-mail %s %s failed: %s", model._meta.label, pk, error)
                notification.state = StoredEmail.State.FAILED
                notification.last_error = f"{type(error).__name__}: {error}"[:2000]
                failed += 1
            else:
                notification.state = StoredEmail.State.SENT
                notification.sent_at = timezone.now()
                notification.last_error = ""
                sent += 1
            notification.save(update_fields=["state", "attempts", "last_error", "sent_at"])
    return sent, failed


def deliver_after_commit(notifications):
    """Send the stored e-mails right after the transaction commits (cron retries failures)."""
    pks = [notification.pk for notification in notifications]
    if pks:
        model = type(notifications[0])
        transaction.on_commit(lambda: deliver(pks, model=model), robust=True)
