"""Writes to enquiries: submitting from the public forms, handling by staff, erasure under the GDPR.

Every function saves inside one transaction and schedules e-mails with `transaction.on_commit`, so
that nothing is sent for data that was not stored.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from enquiries import notifications
from enquiries.models import AppointmentOption, Enquiry, Notification, StatusChange
from enquiries.references import next_reference


def enquiry_submit(
    *,
    enquiry: Enquiry,
    submission_token: str,
    municipalities=(),
    options=(),
    site_url: str = "",
) -> tuple[Enquiry, bool]:
    """Store a new enquiry with its reference and e-mails; return (enquiry, created).

    A form sent twice (double click, reload) carries the same submission token: the second time
    the stored enquiry is returned and nothing is stored or sent again.
    """
    existing = Enquiry.objects.filter(submission_token=submission_token).first()
    if existing:
        return existing, False
    enquiry.submission_token = submission_token
    enquiry.status = Enquiry.STATUSES_BY_KIND[enquiry.kind][0]
    try:
        with transaction.atomic():
            enquiry.reference = next_reference()
            # Uniqueness of the reference and the token is the database's job (see below).
            enquiry.full_clean(exclude=["municipalities"], validate_unique=False)
            enquiry.save()
            if municipalities:
                enquiry.municipalities.set(municipalities)
            AppointmentOption.objects.bulk_create(
                AppointmentOption(enquiry=enquiry, position=position, starts_at=starts_at)
                for position, starts_at in enumerate(options, start=1)
            )
            StatusChange.objects.create(enquiry=enquiry, new_status=enquiry.status)
            created = notifications.notifications_for_submission(enquiry, site_url=site_url)
            notifications.deliver_after_commit(created)
    except IntegrityError:
        # The same form arrived twice at the same moment and the other request stored it.
        existing = Enquiry.objects.filter(submission_token=submission_token).first()
        if existing is None:
            raise
        return existing, False
    return enquiry, True


def enquiry_change_status(*, enquiry: Enquiry, status: str, user=None) -> Enquiry:
    """Move an enquiry to a new status, record who did it, and start or stop the retention clock."""
    with transaction.atomic():
        old_status = (
            Enquiry.objects.filter(pk=enquiry.pk).values_list("status", flat=True).first() or ""
        )
        enquiry.status = status
        if status in Enquiry.FINAL_STATUSES:
            enquiry.closed_at = enquiry.closed_at or timezone.now()
        else:
            enquiry.closed_at = None
        enquiry.save()
        if old_status != status:
            StatusChange.objects.create(
                enquiry=enquiry, old_status=old_status, new_status=status, changed_by=user
            )
    return enquiry


def appointment_confirm(
    *, enquiry: Enquiry, starts_at, minutes: int = 60, user=None, message: str = ""
) -> Notification:
    """Confirm an appointment at the chosen time and send the invitation (METHOD:REQUEST)."""
    with transaction.atomic():
        if enquiry.appointment_at is not None:
            # A changed time is an update of the same calendar event.
            enquiry.calendar_sequence += 1
        enquiry.appointment_at = starts_at
        enquiry.appointment_minutes = minutes
        enquiry_change_status(enquiry=enquiry, status=Enquiry.Status.CONFIRMED, user=user)
        notification = notifications.notification_for_appointment(
            enquiry, Notification.Kind.APPOINTMENT_CONFIRMED, message=message
        )
        notifications.deliver_after_commit([notification])
    return notification


def appointment_decline(*, enquiry: Enquiry, user=None, message: str = "") -> Notification:
    """Tell the person that none of the times is possible (no calendar entry was ever sent)."""
    with transaction.atomic():
        enquiry_change_status(enquiry=enquiry, status=Enquiry.Status.DECLINED, user=user)
        notification = notifications.notification_for_appointment(
            enquiry, Notification.Kind.APPOINTMENT_DECLINED, message=message
        )
        notifications.deliver_after_commit([notification])
    return notification


def appointment_cancel(*, enquiry: Enquiry, user=None, message: str = "") -> Notification:
    """Cancel a confirmed appointment: METHOD:CANCEL, same UID, higher SEQUENCE."""
    with transaction.atomic():
        enquiry.calendar_sequence += 1
        enquiry_change_status(enquiry=enquiry, status=Enquiry.Status.CANCELLED, user=user)
        notification = notifications.notification_for_appointment(
            enquiry, Notification.Kind.APPOINTMENT_CANCELLED, message=message
        )
        notifications.deliver_after_commit([notification])
    return notification


# Fields that identify a person or may contain what they wrote; cleared on erasure.
PERSONAL_TEXT_FIELDS = (
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
)


def enquiry_anonymise(*, enquiry: Enquiry, now=None) -> Enquiry:
    """Erase the personal data of one enquiry, keeping what counts for statistics.

    Kind, status, dates, topics, municipalities, sector, numbers and the history stay, so that the
    center can still say how many enquiries of which kind it had; names, addresses, texts, notes
    and e-mails go. Running it again changes nothing.
    """
    with transaction.atomic():
        for field in PERSONAL_TEXT_FIELDS:
            setattr(enquiry, field, "")
        enquiry.adults = None
        enquiry.anonymised_at = enquiry.anonymised_at or now or timezone.now()
        enquiry.save()
        enquiry.notes.all().delete()
        enquiry.notifications.all().delete()
    return enquiry


def enquiries_erase_expired(*, now=None) -> int:
    """Anonymise the closed enquiries whose retention period has ended; return how many."""
    count = 0
    for enquiry in Enquiry.objects.due_for_erasure(now).order_by("pk").iterator():
        enquiry_anonymise(enquiry=enquiry, now=now)
        count += 1
    return count


def enquiries_erase_for_email(*, email: str) -> int:
    """Erase everything stored for one e-mail address (Art. 17 GDPR); return how many enquiries."""
    count = 0
    for enquiry in Enquiry.objects.for_email(email).filter(anonymised_at__isnull=True):
        enquiry_anonymise(enquiry=enquiry)
        count += 1
    return count
