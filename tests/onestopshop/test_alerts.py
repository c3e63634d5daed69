"""The One-Stop-Shop page is never just empty (the rhythm and the offer from the sources), and
"tell me when new dates are open": double opt-in, an e-mail when staff publish dates, an
unsubscribe link, deletion after the retention period; in the admin, drafts to confirm."""

from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from onestopshop.models import DateAlert, ShopDate
from tests import factories
from tests.helpers import LINK, shop_url, token

pytestmark = pytest.mark.django_db

DATES = "/admin/onestopshop/shopdate/"


def links_in(message):
    return ["/" + link.split("/", 3)[3] for link in LINK.findall(message.body)]


@pytest.fixture
def subscribe(client, django_capture_on_commit_callbacks):
    """Sign up through the form; returns the confirmation e-mail."""

    def subscribe(email="amira@example.org", language="en"):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                shop_url("alert", language), {"form_token": token(), "email": email, "homepage": ""}
            )
        assert response.status_code == HTTPStatus.FOUND
        (message,) = mail.outbox
        return message

    return subscribe


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        (
            "de",
            ["ersten Freitag im Monat", "vormittags", "Deutsch und Englisch", "Ausländerbehörde"],
        ),
        ("en", ["first Friday of the month", "in the morning", "German and English", "foreigners"]),
    ],
)
def test_without_dates_the_page_shows_the_rhythm_and_the_sign_up(client, language, texts):
    html = client.get(shop_url("list", language)).content.decode()
    for text in texts:
        assert text in html
    assert shop_url("alert", language) in html
    assert "kreis-dueren.de/presse/2023/one-stop-shop" in html  # the source is named


def test_sign_up_needs_a_confirmation_and_sends_nothing_else_before(
    client, subscribe, django_capture_on_commit_callbacks
):
    message = subscribe()
    assert message.to == ["amira@example.org"]
    confirm, unsubscribe = links_in(message)
    alert = DateAlert.objects.get()
    assert alert.confirmed_at is None
    assert (alert.ends_at - alert.created_at).days == 365

    # A date published now reaches no unconfirmed address.
    draft = factories.shop_date(is_published=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        from onestopshop import services

        services.shop_dates_publish(shop_dates=[draft])
    assert mail.outbox == []

    assert client.get(confirm).status_code == HTTPStatus.OK  # opening the link changes nothing
    assert DateAlert.objects.get().confirmed_at is None
    assert "We will tell you about new dates" in client.post(confirm).content.decode()
    assert DateAlert.objects.get().confirmed_at is not None


def test_publishing_drafts_in_the_admin_tells_the_confirmed_addresses(
    admin_client, client, subscribe, django_capture_on_commit_callbacks
):
    confirm, _unsubscribe = links_in(subscribe())
    client.post(confirm)
    drafts = [factories.shop_date(days_ahead=days, is_published=False) for days in (20, 50)]
    assert "No dates are published" in client.get(shop_url("list", "en")).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            DATES,
            {"action": "publish", "_selected_action": [str(d.pk) for d in drafts]},
        )
    assert response.status_code == HTTPStatus.FOUND
    assert ShopDate.objects.filter(is_published=True).count() == 2
    (message,) = mail.outbox
    assert message.to == ["amira@example.org"]
    assert "New One-Stop-Shop dates" in message.subject
    for draft in drafts:
        assert draft.date.strftime("%-d %B %Y") in message.body
    unsubscribe = links_in(message)[-1]
    assert "unsubscribe" in unsubscribe

    # Publishing again tells no one again.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(DATES, {"action": "publish", "_selected_action": [str(drafts[0].pk)]})
    assert mail.outbox == []


def test_unsubscribe_deletes_the_address_and_the_link_stays_harmless(client, subscribe):
    _confirm, unsubscribe = links_in(subscribe(language="de"))
    assert "abmelden" in unsubscribe
    assert client.get(unsubscribe).status_code == HTTPStatus.OK
    assert DateAlert.objects.exists()
    client.post(unsubscribe)
    assert not DateAlert.objects.exists()
    response = client.get(unsubscribe)
    assert response.status_code == HTTPStatus.OK
    assert "abgemeldet" in response.content.decode()


def test_an_invalid_address_gets_a_plain_message(client):
    response = client.post(
        shop_url("alert"), {"form_token": token(), "email": "kein-at", "homepage": ""}
    )
    assert response.status_code == HTTPStatus.OK
    assert "Geben Sie eine E-Mail-Adresse im richtigen Format an" in response.content.decode()
    response = client.post(shop_url("alert"), {"form_token": token(), "email": "", "homepage": ""})
    assert "Geben Sie Ihre E-Mail-Adresse an" in response.content.decode()
    assert not DateAlert.objects.exists()


def test_unconfirmed_and_old_alerts_are_deleted(client, subscribe, settings):
    subscribe("first@example.org")
    confirm, _unsubscribe = links_in(subscribe("second@example.org"))
    client.post(confirm)
    later = timezone.now() + timedelta(days=2)
    from onestopshop import services

    assert services.alerts_delete_expired(now=later) == 1
    assert list(DateAlert.objects.values_list("email", flat=True)) == ["second@example.org"]
    call_command("erase_expired_registrations", stdout=open("/dev/null", "w"))
    assert DateAlert.objects.count() == 1
    assert services.alerts_delete_expired(now=later + timedelta(days=365)) == 1
    assert not DateAlert.objects.exists()


def test_a_series_of_first_fridays_is_created_as_drafts(admin_client, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2026, 12, 10))
    response = admin_client.post(
        f"{DATES}propose/",
        {
            "months": "3",
            "dates": ["2027-02-05", "2027-03-05"],
            "first_start": "09:00",
            "last_end": "12:00",
            "places_per_window": "10",
            "create": "1",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert list(ShopDate.objects.values_list("is_published", flat=True)) == [False, False]
