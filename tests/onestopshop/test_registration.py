"""Registering, confirming by the link in the e-mail, the calendar entry, cancelling, and what
happens to links that were altered or have expired."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core import mail, signing
from django.utils import timezone

from onestopshop import links, services
from onestopshop.models import Registration, RegistrationEmail, TimeWindow
from tests.helpers import calendar_of, link_in
from tests.helpers import shop_url as url

pytestmark = pytest.mark.django_db


def test_registering_reserves_places_and_asks_for_confirmation(register, window):
    response = register()
    assert response.status_code == HTTPStatus.FOUND
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.PENDING
    assert registration.window == window
    assert registration.people == 2
    assert registration.stations == ["bank_account", "housing"]
    assert registration.language == "de"
    # The places are held while the person has time to confirm.
    assert TimeWindow.objects.with_taken().get(pk=window.pk).free_places == 8
    (message,) = mail.outbox
    assert message.to == ["amira@example.org"]
    assert "Bitte bestätigen Sie" in message.subject
    assert "/one-stop-shop/bestaetigen/" in message.body
    assert message.attachments == []
    page = response.client.get(response["Location"])
    assert "Bitte bestätigen Sie Ihre Anmeldung" in page.content.decode()


def test_a_registration_counts_once_confirmed_and_gets_a_calendar_invitation(
    register, confirm, window
):
    register(language="en")
    (request_mail,) = mail.outbox
    assert "/en/one-stop-shop/confirm/" in request_mail.body
    response = confirm(request_mail)
    assert response.status_code == HTTPStatus.FOUND
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.confirmed_at is not None

    confirmed_mail = mail.outbox[-1]
    assert confirmed_mail.subject.startswith("Your registration for the One-Stop-Shop")
    method, calendar, event = calendar_of(confirmed_mail)
    assert method == "REQUEST"
    assert calendar["METHOD"] == "REQUEST"
    assert event["UID"] == f"one-stop-shop-{registration.key.hex}@kreis-dueren.de"
    assert event["SEQUENCE"] == 0
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event.decoded("DTSTART") == window.starts
    assert event.decoded("DTEND") == window.ends
    assert "Moltkestraße 39" in str(event["LOCATION"])
    assert str(event["ATTENDEE"]) == "mailto:amira@example.org"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"

    page = response.client.get(response["Location"])
    html = page.content.decode()
    assert "Your registration is confirmed" in html
    assert "Cancel registration" in html


def test_confirming_twice_sends_one_invitation(
    register, confirm, client, django_capture_on_commit_callbacks
):
    register()
    request_mail = mail.outbox[0]
    confirm(request_mail)
    # Opening the link again leads to the registration; pressing the button again does nothing.
    assert client.get(link_in(request_mail)).status_code == HTTPStatus.FOUND
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link_in(request_mail))
    assert response.status_code == HTTPStatus.FOUND
    assert RegistrationEmail.objects.filter(kind="confirmed").count() == 1


def test_opening_the_confirmation_link_alone_confirms_nothing(register, client):
    register()
    response = client.get(link_in(mail.outbox[0]))
    assert response.status_code == HTTPStatus.OK
    assert "Anmeldung bestätigen" in response.content.decode()
    assert Registration.objects.get().status == Registration.Status.PENDING


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_tampered_confirmation_link_is_refused_with_a_message(register, client, language):
    register(language=language)
    path = link_in(mail.outbox[0])
    tampered = path[:-3] + ("x" if path[-3] != "x" else "y") + path[-2:]
    response = client.get(tampered)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.content.decode()
    message = {
        "de": "Dieser Link ist nicht gültig",
        "en": "This link is not valid",
    }[language]
    assert message in html
    assert client.post(tampered).status_code == HTTPStatus.BAD_REQUEST
    assert Registration.objects.get().status == Registration.Status.PENDING


def test_a_link_of_another_kind_is_refused(register, confirm, client):
    """The link to the registration page can never be used to confirm, and the other way."""
    register()
    registration = Registration.objects.get()
    manage = links.manage_token(registration)
    response = client.get(url("confirm", token=manage))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    confirm_token = links.confirm_token(registration)
    assert client.post(url("manage", token=confirm_token)).status_code == HTTPStatus.BAD_REQUEST


class OldSigner(signing.TimestampSigner):
    """Signs as if it were a day and an hour ago."""

    def timestamp(self):
        return signing.b62_encode(int(timezone.now().timestamp()) - 25 * 3600)


def test_an_expired_confirmation_link_is_refused(register, client, settings):
    settings.ONE_STOP_SHOP_CONFIRMATION_HOURS = 24
    register()
    registration = Registration.objects.get()
    old = OldSigner(salt=links.CONFIRM_SALT).sign(registration.key.hex)
    response = client.post(url("confirm", token=old))
    assert response.status_code == HTTPStatus.GONE
    assert "abgelaufen" in response.content.decode()
    assert Registration.objects.get().status == Registration.Status.PENDING


def test_unconfirmed_registrations_expire_and_free_their_places(register, window, client):
    register(people="10")
    registration = Registration.objects.get()
    full = client.get(url("list")).content.decode()
    assert "Ausgebucht" in full
    # The confirmation period passes.
    Registration.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert TimeWindow.objects.with_taken().get(pk=window.pk).free_places == 10
    assert "10 von 10 Plätzen frei" in client.get(url("list")).content.decode()
    # The link still within its signature's lifetime cannot confirm an expired registration.
    response = client.post(url("confirm", token=links.confirm_token(registration)))
    assert response.status_code == HTTPStatus.CONFLICT
    assert "nicht rechtzeitig bestätigt" in response.content.decode()
    assert Registration.objects.get().status == Registration.Status.PENDING
    # Someone else can take the places.
    assert register(people="10", email="other@example.org").status_code == HTTPStatus.FOUND


def test_a_full_window_is_refused_with_the_free_places(register, window):
    assert register(people="9").status_code == HTTPStatus.FOUND
    response = register(people="2", email="late@example.org")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "nur noch 1 Platz frei" in html
    assert 'href="#id_window_0"' in html  # the error summary links to the field
    assert register(people="1", email="last@example.org").status_code == HTTPStatus.FOUND
    response = register(people="1", email="toolate@example.org")
    assert "ausgebucht" in response.content.decode()
    assert Registration.objects.count() == 2


def test_the_service_counts_again_under_the_lock(shop_date, window):
    """A form that was valid a moment ago still cannot overfill the window."""
    for number in range(10):
        services.registration_submit(
            registration=Registration(
                name=f"P{number}",
                email=f"p{number}@example.org",
                people=1,
                advice_language="de",
                language="de",
            ),
            window_id=window.pk,
            submission_token=f"token-{number}",
            site_url="http://testserver/",
        )
    with pytest.raises(services.WindowFull):
        services.registration_submit(
            registration=Registration(
                name="Late",
                email="late@example.org",
                people=1,
                advice_language="de",
                language="de",
            ),
            window_id=window.pk,
            submission_token="token-late",
            site_url="http://testserver/",
        )


def test_the_same_form_sent_twice_is_stored_once(client, shop_date, registration_data):
    for _ in range(2):
        response = client.post(url("register", day=shop_date.date), registration_data)
        assert response.status_code == HTTPStatus.FOUND
    assert Registration.objects.count() == 1
    assert len(mail.outbox) <= 1


def test_the_honeypot_and_fill_time_protect_the_form_too(client, shop_date, registration_data):
    response = client.post(
        url("register", day=shop_date.date), {**registration_data, "homepage": "spam"}
    )
    assert response.status_code == HTTPStatus.OK
    assert not Registration.objects.exists()


def test_cancelling_frees_the_places_and_removes_the_calendar_entry(
    register, confirm, client, window, django_capture_on_commit_callbacks
):
    register(language="en")
    confirm(mail.outbox[0])
    registration = Registration.objects.get()
    _method, _calendar, invitation = calendar_of(mail.outbox[-1])
    manage_path = link_in(mail.outbox[-1])
    assert manage_path.startswith("/en/one-stop-shop/registration/")

    page = client.get(manage_path)
    assert page.status_code == HTTPStatus.OK
    assert "Cancel registration" in page.content.decode()
    assert Registration.objects.get().status == Registration.Status.CONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(manage_path)
    assert response.status_code == HTTPStatus.FOUND
    assert "Your registration is cancelled" in client.get(response["Location"]).content.decode()

    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert TimeWindow.objects.with_taken().get(pk=window.pk).free_places == 10
    method, calendar, cancellation = calendar_of(mail.outbox[-1])
    assert method == "CANCEL"
    assert calendar["METHOD"] == "CANCEL"
    assert cancellation["UID"] == invitation["UID"]
    assert cancellation["SEQUENCE"] > invitation["SEQUENCE"]
    assert cancellation["STATUS"] == "CANCELLED"
    # Cancelling again changes nothing and sends nothing.
    count = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(manage_path)
    assert len(mail.outbox) == count


def test_a_tampered_cancel_link_is_refused(register, confirm, client):
    register()
    confirm(mail.outbox[0])
    path = link_in(mail.outbox[-1])
    response = client.post(path.rstrip("/") + "A/")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Dieser Link ist nicht gültig" in response.content.decode()
    assert Registration.objects.get().status == Registration.Status.CONFIRMED


def test_a_date_that_has_passed_cannot_be_cancelled(register, confirm, client, shop_date):
    register()
    confirm(mail.outbox[0])
    path = link_in(mail.outbox[-1])
    type(shop_date).objects.filter(pk=shop_date.pk).update(
        date=timezone.localdate() - timedelta(days=1)
    )
    registration = Registration.objects.get()
    with pytest.raises(services.DatePassed):
        services.registration_cancel(registration=registration)
    page = client.get(path)
    assert page.status_code == HTTPStatus.OK
    assert 'id="cancel-submit"' not in page.content.decode()
    response = client.post(path)
    assert response.status_code == HTTPStatus.CONFLICT
    assert "bereits stattgefunden" in response.content.decode()
    assert Registration.objects.get().status == Registration.Status.CONFIRMED


def test_the_calendar_file_can_be_downloaded(register, confirm, client):
    register()
    confirm(mail.outbox[0])
    registration = Registration.objects.get()
    response = client.get(url("ics", token=links.manage_token(registration)))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/calendar")
    _method, _calendar, invitation = calendar_of(mail.outbox[-1])
    from icalendar import Calendar

    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert event["UID"] == invitation["UID"]


def test_the_pages_behind_the_links_set_no_cookie_except_the_form_token(register, confirm, client):
    register()
    response = client.get(link_in(mail.outbox[0]))
    assert set(response.cookies) <= {"csrftoken"}
    assert "sessionid" not in response.cookies
