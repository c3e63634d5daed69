"""Writes to enquiries: submitting from the public forms (on the shared submission pipeline,
core/submissions.py), handling by staff, the appointment workflow, erasure under the GDPR.

Every function saves inside one transaction and schedules e-mails with `transaction.on_commit`, so
that nothing is sent for data that was not stored. The rules of the appointment workflow live
here, not in the admin: an appointment can be confirmed while it is requested or confirmed (a new
time), declined while it is requested, cancelled while it is confirmed, and never once its
personal data is erased or without an address to inform; a broken rule raises
`AppointmentNotPossible` with a message for staff.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from core.errors import DomainError
from core.mail import deliver_after_commit
from core.submissions import submit_once
from enquiries import notifications
from enquiries.models import AppointmentOption, Enquiry, Notification, StatusChange
from enquiries.references import next_reference


class AnswerNotPossible(DomainError):
    def __init__(self):
        super().__init__(
            gettext(
                "This enquiry cannot be answered here: it is an appointment request, it is "
                "closed, or there is no e-mail address."
            )
        )


class AppointmentNotPossible(DomainError):
    def __init__(self):
        super().__init__(gettext("This is not possible in the enquiry's current state."))


# The statuses from which each appointment step may start.
APPOINTMENT_STEPS = {
    "confirm": (Enquiry.Status.REQUESTED, Enquiry.Status.CONFIRMED),
    "decline": (Enquiry.Status.REQUESTED,),
    "cancel": (Enquiry.Status.CONFIRMED,),
}


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

    def store(token):
        enquiry.submission_token = token
        enquiry.status = Enquiry.STATUSES_BY_KIND[enquiry.kind][0]
        enquiry.reference = next_reference()
        # Uniqueness of the reference and the token is the database's job (submit_once).
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
        deliver_after_commit(created)
        return enquiry

    return submit_once(model=Enquiry, submission_token=submission_token, store=store)


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


def enquiry_answer(*, enquiry: Enquiry, text: str, user=None) -> Notification:
    """Send the answer that staff wrote to the sender (replies go to the center's address), keep
    it with the enquiry's e-mails and set the status to answered."""
    with transaction.atomic():
        enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
        if not enquiry.can_be_answered:
            raise AnswerNotPossible
        notification = notifications.notification_for_answer(enquiry, text)
        enquiry_change_status(enquiry=enquiry, status=Enquiry.Status.ANSWERED, user=user)
        deliver_after_commit([notification])
    return notification


def appointment_step_possible(enquiry: Enquiry, step: str) -> bool:
    """Whether the appointment step ("confirm", "decline", "cancel") may be taken now."""
    return (
        enquiry.is_appointment
        and enquiry.status in APPOINTMENT_STEPS.get(step, ())
        and not enquiry.is_anonymised
        and bool(enquiry.email)
    )


def _locked_appointment(enquiry, step):
    """The enquiry's row, locked, after checking the rule of the step."""
    locked = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    if not appointment_step_possible(locked, step):
        raise AppointmentNotPossible
    return locked


def _inform(enquiry, kind, message):
    notification = notifications.notification_for_appointment(enquiry, kind, message=message)
    deliver_after_commit([notification])
    return notification


def appointment_confirm(
    *, enquiry: Enquiry, starts_at, minutes: int = 60, user=None, message: str = ""
) -> Notification:
    """Confirm an appointment at the chosen time and send the invitation (METHOD:REQUEST)."""
    with transaction.atomic():
        enquiry = _locked_appointment(enquiry, "confirm")
        if enquiry.appointment_at is not None:
            # A changed time is an update of the same calendar event.
            enquiry.calendar_sequence += 1
        enquiry.appointment_at = starts_at
        enquiry.appointment_minutes = minutes
        enquiry_change_status(enquiry=enquiry, status=Enquiry.Status.CONFIRMED, user=user)
        return _inform(enquiry, Notification.Kind.APPOINTMENT_CONFIRMED, message)


def appointment_decline(*, enquiry: Enquiry, user=None, message: str = "") -> Notification:
    """Tell the person that none of the times is possible (no calendar entry was ever sent)."""
    with transaction.atomic():
        enquiry = _locked_appointment(enquiry, "decline")
        enquiry_change_status(enquiry=enquiry, status=Enquiry.Status.DECLINED, user=user)
        return _inform(enquiry, Notification.Kind.APPOINTMENT_DECLINED, message)


def appointment_cancel(*, enquiry: Enquiry, user=None, message: str = "") -> Notification:
    """Cancel a confirmed appointment: METHOD:CANCEL, same UID, higher SEQUENCE."""
    with transaction.atomic():
        enquiry = _locked_appointment(enquiry, "cancel")
        enquiry.calendar_sequence += 1
        enquiry_change_status(enquiry=enquiry, status=Enquiry.Status.CANCELLED, user=user)
        return _inform(enquiry, Notification.Kind.APPOINTMENT_CANCELLED, message)


def enquiries_erase_expired(*, now=None) -> int:
    """Anonymise the closed enquiries whose retention period has ended; return how many."""
    count = 0
    for enquiry in Enquiry.objects.due_for_erasure(now).order_by("pk").iterator():
        enquiry.anonymise(now)
        count += 1
    return count
