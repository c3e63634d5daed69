"""What enquiries hold about a person (see core/personal_data.py)."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from core.personal_data import Source, anonymise_all, export_emails, json_value, register
from enquiries.models import Enquiry, InternalNote, Notification

NOT_EXPORTED = ("id", "submission_token", "assignee", "calendar_sequence")


def export(enquiries):
    result = []
    for enquiry in enquiries.prefetch_related(
        "municipalities", "options", "notes__author", "status_changes", "notifications"
    ):
        data = {
            field.name: json_value(getattr(enquiry, field.attname))
            for field in enquiry._meta.concrete_fields
            if field.name not in NOT_EXPORTED
        }
        data["municipalities"] = [m.name for m in enquiry.municipalities.all()]
        data["preferred_times"] = [json_value(o.starts_at) for o in enquiry.options.all()]
        data["internal_notes"] = [
            {"written": json_value(note.created_at), "text": note.text}
            for note in enquiry.notes.all()
        ]
        data["status_history"] = [
            {"from": c.old_status, "to": c.new_status, "at": json_value(c.changed_at)}
            for c in enquiry.status_changes.all()
        ]
        data["emails"] = export_emails(enquiry.notifications.all())
        result.append(data)
    return result


def describe(enquiry):
    received = formats.date_format(timezone.localtime(enquiry.created_at), "SHORT_DATETIME_FORMAT")
    return f"{enquiry}, {received}, {enquiry.get_status_display()}"


register(
    Source(
        key="enquiries",
        label=_("Enquiries"),
        models=(Enquiry, InternalNote, Notification),
        find=lambda email: Enquiry.objects.for_email(email).order_by("-created_at"),
        export=export,
        erase=anonymise_all,
        describe=describe,
        url=lambda enquiry: reverse("admin:enquiries_enquiry_change", args=[enquiry.pk]),
        order=10,
    )
)
