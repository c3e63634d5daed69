"""Writes to the One-Stop-Shop: registering (on the shared submission pipeline, core/submissions.py),
confirming, cancelling, reminders, attendance, creating and publishing dates, the alerts about
new dates (double opt-in, unsubscribe), and erasure under the GDPR.

Places are guarded by a row lock on the time window (SELECT … FOR UPDATE inside a transaction):
whoever registers or confirms for a window waits until the previous writer has committed and
then counts again, so a window never holds more people than it has places, however many people
press the button at the same moment. E-mails are stored in the same transaction and sent after
the commit.
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from core.errors import DomainError
from core.mail import deliver_after_commit
from core.submissions import submit_once
from onestopshop import notifications
from onestopshop.models import (
    AdviceLanguage,
    DateAlert,
    DateAlertEmail,
    Registration,
    RegistrationEmail,
    ShopDate,
    Station,
    TimeWindow,
)


class RegistrationError(DomainError):
    """A registration that cannot be made or changed; the message is shown to the person."""


class WindowFull(RegistrationError):
    def __init__(self, free=0):
        if free > 0:
            message = ngettext(
                "This time window has only %(free)d free place left. Please choose fewer "
                "people or another time window.",
                "This time window has only %(free)d free places left. Please choose fewer "
                "people or another time window.",
                free,
            ) % {"free": free}
        else:
            message = gettext(
                "This time window is fully booked. Please choose another time window."
            )
        super().__init__(message)
        self.free = free


class WindowClosed(RegistrationError):
    def __init__(self):
        super().__init__(gettext("Registration for this time window has closed."))


class RegistrationExpired(RegistrationError):
    def __init__(self):
        super().__init__(
            gettext(
                "This registration was not confirmed in time and its places have been freed. "
                "Please register again."
            )
        )


class RegistrationCancelled(RegistrationError):
    def __init__(self):
        super().__init__(gettext("This registration has been cancelled."))


class DatePassed(RegistrationError):
    def __init__(self):
        super().__init__(gettext("This date has already taken place."))


def _locked_window(window_id):
    return TimeWindow.objects.select_for_update().select_related("shop_date").get(pk=window_id)


def _locked(registration):
    """The registration's row and its window's, locked (window first, as registering does)."""
    window = _locked_window(registration.window_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.window = window
    return registration, window


def registration_submit(
    *, registration: Registration, window_id: int, submission_token: str, site_url: str
) -> tuple[Registration, bool]:
    """Reserve the places and ask the person to confirm by e-mail; return (registration, created).

    Raises WindowFull or WindowClosed. A form sent twice (same submission token) is stored once.
    """

    def store(token):
        now = timezone.now()
        window = _locked_window(window_id)
        if window.starts <= now or not window.shop_date.is_published:
            raise WindowClosed
        free = window.places - window.taken_places(now)
        if registration.people > free:
            raise WindowFull(max(free, 0))
        registration.window = window
        registration.status = Registration.Status.PENDING
        registration.created_at = now
        registration.expires_at = now + timedelta(hours=settings.ONE_STOP_SHOP_CONFIRMATION_HOURS)
        registration.submission_token = token
        registration.site_url = site_url[:200]
        registration.full_clean(validate_unique=False)
        registration.save()
        email = notifications.email_for(registration, RegistrationEmail.Kind.CONFIRM)
        deliver_after_commit([email])
        return registration

    return submit_once(model=Registration, submission_token=submission_token, store=store)


def registration_confirm(*, registration: Registration) -> Registration:
    """Confirm a registration (its places were reserved) and send the calendar invitation.

    Confirming twice changes nothing. Raises RegistrationExpired, RegistrationCancelled,
    DatePassed.
    """
    now = timezone.now()
    with transaction.atomic():
        registration, window = _locked(registration)
        if registration.status == Registration.Status.CONFIRMED:
            return registration
        if registration.status == Registration.Status.CANCELLED:
            raise RegistrationCancelled
        if window.ends <= now:
            raise DatePassed
        if registration.is_expired(now):
            raise RegistrationExpired
        # The reservation holds the places; the count under the lock is a second safeguard.
        if window.taken_places(now, exclude=registration) + registration.people > window.places:
            raise WindowFull
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        email = notifications.email_for(registration, RegistrationEmail.Kind.CONFIRMED)
        deliver_after_commit([email])
    return registration


def registration_cancel(*, registration: Registration) -> Registration:
    """Cancel a registration, free its places and remove it from the person's calendar
    (METHOD:CANCEL, same UID, higher SEQUENCE). Cancelling twice changes nothing."""
    now = timezone.now()
    with transaction.atomic():
        registration, window = _locked(registration)
        if registration.status == Registration.Status.CANCELLED:
            return registration
        if window.starts <= now:
            raise DatePassed
        was_confirmed = registration.status == Registration.Status.CONFIRMED
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = now
        registration.calendar_sequence += 1
        registration.save(update_fields=["status", "cancelled_at", "calendar_sequence"])
        if was_confirmed and registration.email:
            email = notifications.email_for(registration, RegistrationEmail.Kind.CANCELLED)
            deliver_after_commit([email])
    return registration


def reminders_send(*, today: date | None = None) -> int:
    """Store and send the reminder for tomorrow's confirmed registrations; return how many.

    Each registration is locked while its reminder is written and marked, so the command may run
    often and twice at once: every person gets one reminder.
    """
    count = 0
    due = Registration.objects.due_for_reminder(today)
    for pk in list(due.order_by("pk").values_list("pk", flat=True)):
        with transaction.atomic():
            registration = (
                due.select_for_update(skip_locked=True)
                .select_related("window__shop_date")
                .filter(pk=pk)
                .first()
            )
            if registration is None:
                continue
            registration.reminder_sent_at = timezone.now()
            registration.save(update_fields=["reminder_sent_at"])
            email = notifications.email_for(registration, RegistrationEmail.Kind.REMINDER)
            deliver_after_commit([email])
            count += 1
    return count


def registrations_set_attendance(*, registrations, attendance: str) -> int:
    """Mark registrations as attended or not come ("" clears the mark); return how many."""
    if attendance not in ("", *Registration.Attendance.values):
        raise ValueError(attendance)
    return registrations.update(attendance=attendance)


def attendance_record(*, shop_date: ShopDate, marks: dict) -> int:
    """Record the check-in list of a date: `marks` maps registration ids to "attended",
    "no_show" or "" (anything else clears the mark). Only confirmed registrations of the date
    change, each only if its mark differs; return how many changed. One update per mark."""
    registrations = Registration.objects.filter(
        window__shop_date=shop_date, status=Registration.Status.CONFIRMED
    )
    by_mark = {}
    for pk, value in marks.items():
        value = value if value in Registration.Attendance.values else ""
        by_mark.setdefault(value, []).append(pk)
    changed = 0
    with transaction.atomic():
        for value, pks in by_mark.items():
            changed += (
                registrations.filter(pk__in=pks).exclude(attendance=value).update(attendance=value)
            )
    return changed


def shop_date_create(
    *,
    day: date,
    first_start: time,
    last_end: time,
    places: int,
    stations=None,
    languages=None,
    place: str = "",
    is_published: bool = True,
    minutes: int = 60,
) -> ShopDate:
    """A date with windows of `minutes` from `first_start` to `last_end` (09:00–12:00 → three)."""
    with transaction.atomic():
        shop_date = ShopDate(
            date=day,
            stations=list(Station.values if stations is None else stations),
            languages=list(AdviceLanguage.values if languages is None else languages),
            is_published=is_published,
        )
        if place:
            shop_date.place = place
        shop_date.full_clean()
        shop_date.save()
        windows_create(
            shop_date=shop_date,
            first_start=first_start,
            last_end=last_end,
            places=places,
            minutes=minutes,
        )
    return shop_date


def windows_create(*, shop_date, first_start: time, last_end: time, places: int, minutes=60):
    """Time windows of `minutes` each; a shorter last one if the span does not divide evenly."""
    start = datetime.combine(shop_date.date, first_start)
    end = datetime.combine(shop_date.date, last_end)
    windows = []
    while start < end:
        stop = min(start + timedelta(minutes=minutes), end)
        window = TimeWindow(
            shop_date=shop_date, starts_at=start.time(), ends_at=stop.time(), places=places
        )
        window.full_clean(exclude=["shop_date"])
        windows.append(window)
        start = stop
    return TimeWindow.objects.bulk_create(windows)


def registrations_erase_expired(*, now=None) -> tuple[int, int]:
    """Delete the registrations never confirmed in time and erase the personal data of those
    whose date lies longer ago than the retention period; return (deleted, anonymised)."""
    now = now or timezone.now()
    _total, by_model = Registration.objects.expired(now).delete()
    expired_count = by_model.get(Registration._meta.label, 0)
    anonymised = 0
    due = Registration.objects.due_for_erasure(timezone.localdate(now))
    for registration in due.order_by("pk").iterator():
        registration.anonymise(now)
        anonymised += 1
    return expired_count, anonymised


def alert_subscribe(*, alert: DateAlert, submission_token: str, site_url: str):
    """Store an address that asks about new dates and send the link to confirm it (double
    opt-in); return (alert, created). A form sent twice is stored once."""

    def store(token):
        now = timezone.now()
        alert.submission_token = token
        alert.site_url = site_url[:200]
        alert.created_at = now
        alert.confirm_by = now + timedelta(hours=settings.ONE_STOP_SHOP_CONFIRMATION_HOURS)
        alert.ends_at = now + timedelta(days=settings.ONE_STOP_SHOP_ALERT_DAYS)
        alert.full_clean(validate_unique=False)
        alert.save()
        email = notifications.email_for_alert(alert, DateAlertEmail.Kind.CONFIRM)
        deliver_after_commit([email])
        return alert

    return submit_once(model=DateAlert, submission_token=submission_token, store=store)


def alert_confirm(*, alert: DateAlert) -> DateAlert:
    """Confirm the address (confirming twice changes nothing)."""
    if alert.confirmed_at is None:
        alert.confirmed_at = timezone.now()
        alert.save(update_fields=["confirmed_at"])
    return alert


def alert_unsubscribe(*, alert: DateAlert) -> None:
    """Delete the address and its e-mails at once."""
    alert.delete()


def shop_dates_publish(*, shop_dates) -> int:
    """Publish dates and tell every confirmed address about those newly open; return how many
    dates became public."""
    with transaction.atomic():
        newly = [shop_date for shop_date in shop_dates if not shop_date.is_published]
        for shop_date in newly:
            shop_date.is_published = True
            shop_date.save(update_fields=["is_published", "updated_at"])
        alerts_send(shop_dates=newly)
    return len(newly)


def alerts_send(*, shop_dates) -> int:
    """E-mail every confirmed address about dates that were just published; return how many."""
    coming = sorted(
        (d for d in shop_dates if d.is_published and d.date >= timezone.localdate()),
        key=lambda shop_date: shop_date.date,
    )
    if not coming:
        return 0
    emails = [
        notifications.email_for_alert(alert, DateAlertEmail.Kind.NEW_DATES, coming)
        for alert in DateAlert.objects.active().order_by("pk")
    ]
    deliver_after_commit(emails)
    return len(emails)


def alerts_delete_expired(*, now=None) -> int:
    """Delete the alerts never confirmed in time and those past the retention period."""
    _total, by_model = DateAlert.objects.due_for_deletion(now).delete()
    return by_model.get(DateAlert._meta.label, 0)
