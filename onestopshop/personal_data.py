"""What One-Stop-Shop registrations hold about a person (see core/personal_data.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.personal_data import Source, anonymise_all, export_emails, json_value, register
from onestopshop.models import DateAlert, DateAlertEmail, Registration, RegistrationEmail


def export(registrations):
    return [
        {
            "date": json_value(registration.window.shop_date.date),
            "time_window": str(registration.window),
            "status": registration.status,
            "name": registration.name,
            "email": registration.email,
            "people": registration.people,
            "advice_language": registration.advice_language,
            "stations": registration.stations,
            "language": registration.language,
            "registered": json_value(registration.created_at),
            "confirmed": json_value(registration.confirmed_at),
            "cancelled": json_value(registration.cancelled_at),
            "attendance": registration.attendance,
            "emails": export_emails(registration.emails.all()),
        }
        for registration in registrations.select_related("window__shop_date").prefetch_related(
            "emails"
        )
    ]


register(
    Source(
        key="registrations",
        label=_("One-Stop-Shop registrations"),
        models=(Registration, RegistrationEmail),
        find=lambda email: Registration.objects.for_email(email).order_by("-created_at"),
        export=export,
        erase=anonymise_all,
        describe=lambda registration: str(registration),
        url=lambda registration: reverse(
            "admin:onestopshop_registration_change", args=[registration.pk]
        ),
        order=20,
    )
)


def export_alerts(alerts):
    return [
        {
            "email": alert.email,
            "language": alert.language,
            "subscribed": json_value(alert.created_at),
            "confirmed": json_value(alert.confirmed_at),
            "deleted_on": json_value(alert.ends_at),
            "emails": export_emails(alert.emails.all()),
        }
        for alert in alerts.prefetch_related("emails")
    ]


def delete_alerts(alerts):
    _total, by_model = alerts.delete()
    return by_model.get(DateAlert._meta.label, 0)


register(
    Source(
        key="date_alerts",
        label=_("Alerts about new One-Stop-Shop dates"),
        models=(DateAlert, DateAlertEmail),
        find=lambda email: DateAlert.objects.for_email(email).order_by("-created_at"),
        export=export_alerts,
        erase=delete_alerts,
        describe=lambda alert: str(alert),
        url=lambda alert: reverse("admin:onestopshop_datealert_change", args=[alert.pk]),
        order=25,
    )
)
