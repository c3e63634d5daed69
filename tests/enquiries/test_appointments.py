"""Appointment requests: the rules of the opening-hours engine, and confirmation by staff with an
iCalendar invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) that a calendar understands."""

from datetime import date, datetime, timedelta
from http import HTTPStatus
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone, translation
from icalendar import Calendar

from enquiries import services
from enquiries.models import Enquiry, Notification
from tests.helpers import enquiry_url as url
from tests.helpers import open_day

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def set_option(data, number, moment):
    data[f"option_{number}_date"] = moment.strftime("%Y-%m-%d")
    data[f"option_{number}_time"] = moment.strftime("%H:%M")


def errors_for(client, data, language="de"):
    response = client.post(url("appointment", language), data)
    assert response.status_code == HTTPStatus.OK
    assert not Enquiry.objects.exists()
    return response.context["form"].errors


def next_weekday(weekday, hour):
    day = timezone.localdate() + timedelta(days=14)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN)


def test_time_in_the_past_is_refused(client, appointment_data):
    set_option(appointment_data, 1, timezone.now() - timedelta(days=1))
    assert errors_for(client, appointment_data)["option_1_date"] == [
        "Bitte wählen Sie einen Zeitpunkt in der Zukunft."
    ]


def test_sunday_is_refused(client, appointment_data):
    set_option(appointment_data, 2, next_weekday(6, 11))
    (message,) = errors_for(client, appointment_data, "en")["option_2_date"]
    assert "closed on" in message


def test_outside_the_opening_hours_names_the_hours(client, appointment_data):
    set_option(appointment_data, 1, next_weekday(4, 14))  # Friday closes at 13:00
    (message,) = errors_for(client, appointment_data)["option_1_date"]
    assert "außerhalb der Öffnungszeiten" in message
    assert "13:00" in message


def test_public_holiday_is_refused_with_its_name(client, appointment_data):
    year = timezone.localdate().year + 1
    set_option(appointment_data, 3, datetime(year, 10, 3, 11, tzinfo=BERLIN))
    (message,) = errors_for(client, appointment_data, "en")["option_3_date"]
    assert "public holiday" in message


def test_closure_of_the_center_is_refused_with_its_reason(client, appointment_data):
    from welcome.models import OpeningException, WelcomeCenter

    moment = open_day(5)
    OpeningException.objects.create(
        center=WelcomeCenter.objects.get_current(),
        start_date=moment.date(),
        end_date=moment.date(),
        closed=True,
        reason="Betriebsausflug",
    )
    set_option(appointment_data, 1, moment)
    (message,) = errors_for(client, appointment_data)["option_1_date"]
    assert "Betriebsausflug" in message


def test_date_without_time_and_the_same_time_twice(client, appointment_data):
    appointment_data["option_3_date"] = appointment_data["option_1_date"]
    appointment_data["option_2_time"] = appointment_data["option_1_time"]
    appointment_data["option_2_date"] = appointment_data["option_1_date"]
    errors = errors_for(client, appointment_data)
    assert "option_3_time" in errors
    assert "option_2_date" in errors


def test_phone_appointment_needs_a_phone_number(client, appointment_data):
    appointment_data["mode"] = "phone"
    assert "option_1_date" not in errors_for(client, appointment_data)
    assert "phone" in errors_for(client, appointment_data)


def test_error_summary_links_to_the_broken_option(client, appointment_data):
    set_option(appointment_data, 2, next_weekday(6, 11))
    html = client.post(url("appointment"), appointment_data).content.decode()
    assert 'href="#id_option_2_date"' in html
    assert "Datum 2" in html


# Staff confirm and cancel -------------------------------------------------------------------


@pytest.fixture
def requested(client, appointment_data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("appointment", "en"), appointment_data)
    mail.outbox.clear()
    return Enquiry.objects.get()


def parse_invitation(message):
    (attachment,) = [
        part for part in message.attachments if part.get_content_type() == "text/calendar"
    ]
    assert attachment.get_filename() == "invitation.ics"
    method = attachment.get_param("method")
    calendar = Calendar.from_ical(attachment.get_payload(decode=True))
    (event,) = calendar.walk("VEVENT")
    return method, calendar, event


def test_confirming_an_option_sends_an_invitation(
    admin_client, requested, django_capture_on_commit_callbacks
):
    second = requested.options.get(position=2)
    confirm_url = f"/admin/enquiries/enquiry/{requested.pk}/appointment/confirm/"
    page = admin_client.get(confirm_url)
    assert page.status_code == HTTPStatus.OK
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            confirm_url, {"choice": str(second.pk), "minutes": "45", "message": "Bis bald!"}
        )
    assert response.status_code == HTTPStatus.FOUND
    requested.refresh_from_db()
    assert requested.status == Enquiry.Status.CONFIRMED
    assert requested.appointment_at == second.starts_at
    (message,) = mail.outbox
    assert message.to == ["jane@example.org"]
    assert "is confirmed" in message.subject  # in the language of the request
    assert "Bis bald!" in message.body
    method, calendar, event = parse_invitation(message)
    assert method == "REQUEST"
    assert str(calendar["METHOD"]) == "REQUEST"
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event.decoded("DTSTART") == second.starts_at
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=45)
    assert str(event["UID"]) == f"{requested.reference.lower()}@kreis-dueren.de"
    assert event["SEQUENCE"] == 0
    assert "Moltkestraße 39" in str(event["LOCATION"])
    assert str(event["ATTENDEE"]) == "mailto:jane@example.org"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"
    history = list(requested.status_changes.values_list("old_status", "new_status"))
    assert history[-1] == ("requested", "confirmed")


def test_another_time_then_cancellation_keeps_the_uid_and_raises_the_sequence(
    admin_client, requested, django_capture_on_commit_callbacks
):
    other = open_day(6, hour=10)
    base = f"/admin/enquiries/enquiry/{requested.pk}/appointment/"
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            base + "confirm/",
            {
                "choice": "other",
                "other_date": other.strftime("%d.%m.%Y"),
                "other_time": "10:00",
                "minutes": "60",
            },
        )
        admin_client.post(base + "cancel/", {"message": "Leider krank."})
    confirmation, cancellation = mail.outbox
    _method, _calendar, invited = parse_invitation(confirmation)
    method, calendar, cancelled = parse_invitation(cancellation)
    assert invited.decoded("DTSTART") == other
    assert method == "CANCEL"
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled["UID"] == invited["UID"]
    assert cancelled["SEQUENCE"] > invited["SEQUENCE"]
    requested.refresh_from_db()
    assert requested.status == Enquiry.Status.CANCELLED
    assert requested.closed_at is not None
    assert list(requested.notifications.values_list("kind", flat=True)) == [
        "confirmation",
        "inbox",
        "appointment_confirmed",
        "appointment_cancelled",
    ]


def test_declining_tells_the_person_without_a_calendar_entry(
    admin_client, requested, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/enquiries/enquiry/{requested.pk}/appointment/decline/", {})
    (message,) = mail.outbox
    assert message.attachments == []
    requested.refresh_from_db()
    assert requested.status == Enquiry.Status.DECLINED


def test_confirming_in_the_past_is_refused(admin_client, requested):
    response = admin_client.post(
        f"/admin/enquiries/enquiry/{requested.pk}/appointment/confirm/",
        {"choice": "other", "other_date": "01.01.2020", "other_time": "10:00", "minutes": "60"},
    )
    assert response.status_code == HTTPStatus.OK
    requested.refresh_from_db()
    assert requested.status == Enquiry.Status.REQUESTED
    assert not Notification.objects.filter(kind="appointment_confirmed").exists()


def test_cancelling_an_unconfirmed_request_is_not_offered(admin_client, requested):
    response = admin_client.post(f"/admin/enquiries/enquiry/{requested.pk}/appointment/cancel/")
    assert response.status_code == HTTPStatus.FOUND
    requested.refresh_from_db()
    assert requested.status == Enquiry.Status.REQUESTED


def test_admin_shows_the_appointment_buttons(admin_client, requested):
    html = admin_client.get(f"/admin/enquiries/enquiry/{requested.pk}/change/").content.decode()
    assert "Termin bestätigen" in html
    assert "Anfrage ablehnen" in html
    assert date.today().year - 1 < requested.options.first().starts_at.year


# The rules of the workflow are the services', whoever calls them ----------------------------


def test_a_declined_request_cannot_be_confirmed(requested):
    services.appointment_decline(enquiry=requested)
    with pytest.raises(services.AppointmentNotPossible):
        services.appointment_confirm(enquiry=requested, starts_at=open_day(3))
    requested.refresh_from_db()
    assert requested.status == Enquiry.Status.DECLINED
    assert requested.appointment_at is None


def test_an_erased_request_cannot_be_confirmed_or_declined(requested):
    requested.anonymise()
    with pytest.raises(services.AppointmentNotPossible):
        services.appointment_confirm(enquiry=requested, starts_at=open_day(3))
    with translation.override("de"), pytest.raises(services.AppointmentNotPossible) as refused:
        services.appointment_decline(enquiry=requested)
    assert refused.value.message == "Das ist im aktuellen Status der Anfrage nicht möglich."
    assert not Notification.objects.filter(enquiry=requested).exists()


def test_only_a_confirmed_appointment_can_be_cancelled(requested):
    with pytest.raises(services.AppointmentNotPossible):
        services.appointment_cancel(enquiry=requested)
    services.appointment_confirm(enquiry=requested, starts_at=open_day(3))
    services.appointment_cancel(enquiry=requested)
    requested.refresh_from_db()
    assert requested.status == Enquiry.Status.CANCELLED


def test_the_admin_offers_no_step_for_a_declined_request(admin_client, requested):
    services.appointment_decline(enquiry=requested)
    page = admin_client.get(f"/admin/enquiries/enquiry/{requested.pk}/change/").content.decode()
    assert "/appointment/" not in page
    response = admin_client.get(f"/admin/enquiries/enquiry/{requested.pk}/appointment/confirm/")
    assert response.status_code == HTTPStatus.FOUND
