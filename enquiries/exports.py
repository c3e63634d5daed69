"""Exports for staff: the enquiry list as CSV and everything stored for one e-mail address.

The CSV never contains internal notes and is safe to open in a spreadsheet: a cell that starts
with = + - @ (or a tab or carriage return) is prefixed with a quote, so it is never run as a formula.
"""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def csv_columns():
    return [
        (_("Reference"), lambda e: e.reference),
        (_("Kind"), lambda e: e.get_kind_display()),
        (_("Status"), lambda e: e.get_status_display()),
        (_("Received"), lambda e: _local(e.created_at)),
        (_("Closed"), lambda e: _local(e.closed_at)),
        (_("Language"), lambda e: e.language),
        (_("Topics"), lambda e: e.get_topics_display()),
        (_("Municipalities"), lambda e: ", ".join(m.name for m in e.municipalities.all())),
        (_("Name"), lambda e: e.name),
        (_("E-mail"), lambda e: e.email),
        (_("Phone"), lambda e: e.phone),
        (_("Company"), lambda e: e.company_name),
        (_("Sector"), lambda e: e.sector),
        (_("Employees to relocate"), lambda e: e.employees or ""),
        (_("Needs"), lambda e: e.get_needs_display()),
        (_("How"), lambda e: e.get_mode_display()),
        (_("Confirmed appointment"), lambda e: _local(e.appointment_at)),
        (_("Page concerned"), lambda e: e.page_url),
        (_("Message"), lambda e: e.message),
        (_("Assigned to"), lambda e: e.assignee.get_username() if e.assignee else ""),
        (_("E-mail delivery"), lambda e: e.delivery_state),
    ]


def safe_csv(columns, rows):
    """CSV text for spreadsheets: UTF-8 with BOM (so that the encoding is detected), semicolons,
    and every cell made safe by `spreadsheet_safe`. `columns` are (title, value(row)) pairs."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([title for title, _value in columns])
    for row in rows:
        writer.writerow([spreadsheet_safe(value(row)) for _title, value in columns])
    return buffer.getvalue()


def enquiries_csv(queryset):
    """The enquiries as CSV text."""
    queryset = queryset.select_related("assignee").prefetch_related(
        "municipalities", "notifications"
    )
    return safe_csv(csv_columns(), queryset)


def personal_data_for_email(enquiries):
    """Everything stored about one person (Art. 15 GDPR) as a JSON-ready dict."""
    result = []
    for enquiry in enquiries.prefetch_related(
        "municipalities", "options", "notes__author", "status_changes", "notifications"
    ):
        data = {
            field.name: _json_value(getattr(enquiry, field.attname))
            for field in enquiry._meta.concrete_fields
            if field.name not in ("id", "submission_token", "assignee", "calendar_sequence")
        }
        data["municipalities"] = [m.name for m in enquiry.municipalities.all()]
        data["preferred_times"] = [_json_value(o.starts_at) for o in enquiry.options.all()]
        data["internal_notes"] = [
            {"written": _json_value(note.created_at), "text": note.text}
            for note in enquiry.notes.all()
        ]
        data["status_history"] = [
            {"from": c.old_status, "to": c.new_status, "at": _json_value(c.changed_at)}
            for c in enquiry.status_changes.all()
        ]
        data["emails"] = [
            {
                "to": n.recipient,
                "subject": n.subject,
                "text": n.body,
                "state": n.state,
                "sent": _json_value(n.sent_at),
            }
            for n in enquiry.notifications.all()
        ]
        result.append(data)
    return {"exported_at": _json_value(timezone.now()), "enquiries": result}


def _json_value(value):
    if hasattr(value, "isoformat"):
        return (
            timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
        )
    return value
