"""E-mails about One-Stop-Shop registrations, stored as `RegistrationEmail` rows and delivered by
core/mail.py, so that a mail outage loses nothing and `send_pending_notifications` sends them
later.

Each e-mail is written in the language of the form; its links carry signed tokens only.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core.ical import calendar_domain, calendar_entry, calendar_file
from core.mail import write_email
from onestopshop import links
from onestopshop.models import DateAlertEmail, RegistrationEmail
from welcome.models import WelcomeCenter

TEMPLATES = {
    RegistrationEmail.Kind.CONFIRM: ("confirm", ""),
    RegistrationEmail.Kind.CONFIRMED: ("confirmed", "REQUEST"),
    RegistrationEmail.Kind.CANCELLED: ("cancelled", "CANCEL"),
    RegistrationEmail.Kind.REMINDER: ("reminder", ""),
}


def absolute(registration, view_name, token=None):
    """A link in the person's language to one of the pages (the signed ones with a token)."""
    kwargs = {"token": token} if token else {}
    with translation.override(registration.language):
        path = reverse(f"onestopshop:{view_name}", kwargs=kwargs)
    return registration.site_url.rstrip("/") + path


def calendar_uid(registration):
    """Stable for the life of the registration, so that a cancellation finds the entry."""
    return f"one-stop-shop-{registration.key.hex}@{calendar_domain()}"


def registration_calendar(registration, method):
    """The iCalendar entry for a registration: REQUEST (invitation), CANCEL or PUBLISH (download)."""
    window = registration.window
    with translation.override(registration.language):
        summary = translation.gettext("One-Stop-Shop of the Welcome-Center Kreis Düren")
        description = translation.gettext(
            "Your registration: %(people)s person(s). Cancel or view it: %(url)s"
        ) % {
            "people": registration.people,
            "url": absolute(registration, "manage", links.manage_token(registration)),
        }
    entry = calendar_entry(
        uid=calendar_uid(registration),
        sequence=registration.calendar_sequence,
        start=window.starts,
        end=window.ends,
        summary=summary,
        description=description,
        location=window.shop_date.place,
        status="CANCELLED" if method == "CANCEL" else "CONFIRMED",
        organizer=WelcomeCenter.objects.organizer(),
        attendee=(registration.email, registration.name),
    )
    return calendar_file([entry], method=method).decode()


def email_for(registration, kind):
    """Store (not yet send) the e-mail of the given kind for a registration."""
    template, method = TEMPLATES[kind]
    context = {
        "registration": registration,
        "window": registration.window,
        "shop_date": registration.window.shop_date,
        "center": WelcomeCenter.objects.get_current(),
        "confirm_url": absolute(registration, "confirm", links.confirm_token(registration)),
        "manage_url": absolute(registration, "manage", links.manage_token(registration)),
        "list_url": absolute(registration, "list"),
        "confirmation_hours": settings.ONE_STOP_SHOP_CONFIRMATION_HOURS,
    }
    email = write_email(
        RegistrationEmail,
        template=f"onestopshop/email/{template}",
        context=context,
        language=registration.language,
        registration=registration,
        kind=kind,
        recipient=registration.email,
        calendar=registration_calendar(registration, method) if method else "",
        calendar_method=method,
    )
    email.save()
    return email


def alert_absolute(alert, view_name, token=None):
    kwargs = {"token": token} if token else {}
    with translation.override(alert.language):
        path = reverse(f"onestopshop:{view_name}", kwargs=kwargs)
    return alert.site_url.rstrip("/") + path


def email_for_alert(alert, kind, shop_dates=()):
    """Store (not yet send) an e-mail to an address that asked about new dates."""
    template = {
        DateAlertEmail.Kind.CONFIRM: "alert_confirm",
        DateAlertEmail.Kind.NEW_DATES: "alert_new_dates",
    }[kind]
    context = {
        "alert": alert,
        "shop_dates": shop_dates,
        "center": WelcomeCenter.objects.get_current(),
        "confirm_url": alert_absolute(alert, "alert_confirm", links.alert_confirm_token(alert)),
        "unsubscribe_url": alert_absolute(
            alert, "alert_unsubscribe", links.alert_unsubscribe_token(alert)
        ),
        "list_url": alert_absolute(alert, "list"),
        "confirmation_hours": settings.ONE_STOP_SHOP_CONFIRMATION_HOURS,
        "alert_days": settings.ONE_STOP_SHOP_ALERT_DAYS,
    }
    email = write_email(
        DateAlertEmail,
        template=f"onestopshop/email/{template}",
        context=context,
        language=alert.language,
        alert=alert,
        kind=kind,
        recipient=alert.email,
    )
    email.save()
    return email
