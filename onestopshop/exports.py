"""The columns of the registrations' CSV for staff (written by core/csv_export.py)."""

from django.utils.translation import gettext as _

from core.local_time import local_text


def csv_columns():
    return [
        (_("Date"), lambda r: r.window.shop_date.date.isoformat()),
        (_("Time window"), lambda r: str(r.window)),
        (_("Status"), lambda r: r.get_status_display()),
        (_("Name"), lambda r: r.name),
        (_("E-mail"), lambda r: r.email),
        (_("Number of people"), lambda r: r.people),
        (_("Language of the advice"), lambda r: r.get_advice_language_display()),
        (_("Stations"), lambda r: r.get_stations_display()),
        (_("Registered"), lambda r: local_text(r.created_at)),
        (_("Confirmed"), lambda r: local_text(r.confirmed_at)),
        (_("Cancelled"), lambda r: local_text(r.cancelled_at)),
        (_("Attendance"), lambda r: r.get_attendance_display()),
    ]


def export_rows(queryset):
    return queryset.select_related("window__shop_date").order_by(
        "window__shop_date__date", "window__starts_at", "name", "pk"
    )
