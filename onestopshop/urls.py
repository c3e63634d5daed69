"""The One-Stop-Shop's public pages: dates, registration, and the signed links from the e-mails."""

from datetime import date

from django.urls import path, register_converter
from django.utils.translation import gettext_lazy as _

from onestopshop import views


class DateConverter:
    """A date as YYYY-MM-DD; an impossible date simply matches no URL (404)."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        return date.fromisoformat(value)

    def to_url(self, value):
        return value.isoformat() if isinstance(value, date) else str(value)


register_converter(DateConverter, "isodate")

app_name = "onestopshop"

urlpatterns = [
    path("", views.ShopDateListView.as_view(), name="list"),
    path(_("<isodate:day>/register/"), views.RegistrationView.as_view(), name="register"),
    path(_("registered/<str:token>/"), views.RegistrationSentView.as_view(), name="sent"),
    path(_("confirm/<str:token>/"), views.RegistrationConfirmView.as_view(), name="confirm"),
    path(_("registration/<str:token>/"), views.RegistrationManageView.as_view(), name="manage"),
    path(_("registration/<str:token>/calendar.ics"), views.registration_ics, name="ics"),
    path(_("new-dates/"), views.DateAlertView.as_view(), name="alert"),
    path(_("new-dates/sent/"), views.DateAlertSentView.as_view(), name="alert_sent"),
    path(
        _("new-dates/confirm/<str:token>/"),
        views.DateAlertLinkView.as_view(step="confirm"),
        name="alert_confirm",
    ),
    path(
        _("new-dates/unsubscribe/<str:token>/"),
        views.DateAlertLinkView.as_view(step="unsubscribe"),
        name="alert_unsubscribe",
    ),
]
