"""The registrations as CSV for staff, made safe for spreadsheets by the enquiries' CSV writer."""

from django.utils import timezone
from django.utils.translation import gettext as _

from enquiries.exports import safe_csv


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


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
        (_("Registered"), lambda r: _local(r.created_at)),
        (_("Confirmed"), lambda r: _local(r.confirmed_at)),
        (_("Cancelled"), lambda r: _local(r.cancelled_at)),
        (_("Attendance"), lambda r: r.get_attendance_display()),
    ]


def registrations_csv(queryset):
    queryset = queryset.select_related("window__shop_date").order_by(
        "window__shop_date__date", "window__starts_at", "name", "pk"
    )
    return safe_csv(csv_columns(), queryset)
