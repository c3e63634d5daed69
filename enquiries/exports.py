"""The columns of the enquiries' CSV for staff (written by core/csv_export.py): the handling
fields, then every field that `Enquiry.KIND_FIELDS` declares for any kind, in that order. Internal
notes are never exported."""

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.local_time import local_text
from enquiries.models import Enquiry

HANDLING_FIELDS = ("reference", "kind", "status", "created_at", "closed_at", "language")
LAST_FIELDS = ("appointment_at", "assignee")


def exported_fields():
    names = list(HANDLING_FIELDS)
    for fields in Enquiry.KIND_FIELDS.values():
        names += [name for name in fields if name not in names]
    return [Enquiry._meta.get_field(name) for name in (*names, *LAST_FIELDS)]


def _value(field):
    name = field.name
    if name == "municipalities":
        return lambda e: ", ".join(m.name for m in e.municipalities.all())
    if name == "assignee":
        return lambda e: e.assignee.get_username() if e.assignee else ""
    if field.choices or hasattr(Enquiry, f"get_{name}_display"):
        return lambda e: getattr(e, f"get_{name}_display")()
    if isinstance(field, models.DateTimeField):
        return lambda e: local_text(getattr(e, name))
    return lambda e: "" if getattr(e, name) is None else getattr(e, name)


def csv_columns():
    columns = [(capfirst(field.verbose_name), _value(field)) for field in exported_fields()]
    return [*columns, (_("E-mail delivery"), lambda e: e.delivery_state)]


def export_rows(queryset):
    return queryset.select_related("assignee").prefetch_related("municipalities", "notifications")
