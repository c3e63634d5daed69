"""Admin smoke tests: every Welcome-Center admin page opens, and staff can add an exception."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from welcome.models import Event, OpeningException, Page, WelcomeCenter

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(initial_content, make_event):
    center = WelcomeCenter.objects.get()
    exception = OpeningException.objects.create(
        center=center, start_date=date(2026, 12, 24), reason="Heiligabend"
    )
    event = make_event(start_date=date(2026, 12, 1))
    return {
        "welcomecenter": center,
        "openingexception": exception,
        "event": event,
        "page": Page.objects.get(key="imprint"),
    }


@pytest.mark.parametrize("model", ["welcomecenter", "openingexception", "event", "page"])
def test_admin_pages_open(admin_client, objects, model):
    obj = objects[model]
    for url in [
        reverse(f"admin:welcome_{model}_changelist"),
        reverse(f"admin:welcome_{model}_changelist") + "?q=a",
        reverse(f"admin:welcome_{model}_add"),
        reverse(f"admin:welcome_{model}_change", args=[obj.pk]),
    ]:
        assert admin_client.get(url).status_code == HTTPStatus.OK, url


def exception_form(center, **fields):
    data = {
        "center": center.pk,
        "start_date": "2027-02-08",
        "end_date": "",
        "closed": "on",
        "reason_de": "Rosenmontag",
        "reason_en": "Carnival Monday",
        "intervals-TOTAL_FORMS": "1",
        "intervals-INITIAL_FORMS": "0",
        "intervals-MIN_NUM_FORMS": "0",
        "intervals-MAX_NUM_FORMS": "1000",
        "intervals-0-opens": "",
        "intervals-0-closes": "",
    }
    data.update(fields)
    return data


def test_staff_add_a_closure(admin_client, initial_content):
    center = WelcomeCenter.objects.get()
    response = admin_client.post(
        reverse("admin:welcome_openingexception_add"), exception_form(center)
    )
    assert response.status_code == HTTPStatus.FOUND
    exception = OpeningException.objects.get()
    assert exception.end_date == date(2027, 2, 8)
    assert not center.schedule(date(2027, 2, 1)).day(date(2027, 2, 8)).is_open


def test_open_exception_needs_special_hours(admin_client, initial_content):
    center = WelcomeCenter.objects.get()
    data = exception_form(center)
    del data["closed"]
    response = admin_client.post(reverse("admin:welcome_openingexception_add"), data)
    assert response.status_code == HTTPStatus.OK
    assert "besonderen Öffnungszeiten" in response.content.decode()
    assert not OpeningException.objects.exists()


def test_staff_add_an_event(admin_client, initial_content):
    response = admin_client.post(
        reverse("admin:welcome_event_add"),
        {
            "title_de": "One-Stop-Shop",
            "title_en": "One-Stop-Shop",
            "slug": "one-stop-shop-2027-01",
            "kind": "one-stop-shop",
            "start_date": "2027-01-08",
            "start_time": "09:00",
            "end_time": "12:00",
            "published": "on",
        },
    )
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    assert Event.objects.get().place == ""
