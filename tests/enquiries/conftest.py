"""Fixtures for the enquiry tests: valid form data per kind, a mail server that is down."""

import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone, translation

from enquiries.forms import make_form_token

BERLIN = ZoneInfo("Europe/Berlin")


class FailingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


@pytest.fixture
def mail_outage(settings):
    settings.EMAIL_BACKEND = "tests.enquiries.conftest.FailingBackend"


def token(seconds_ago=60):
    """A form token handed out `seconds_ago`, so that the minimum fill time has passed."""
    return make_form_token(started=time.time() - seconds_ago)


def open_day(weeks_ahead=2, hour=11):
    """A date and time in a regular opening interval: a Tuesday or Wednesday that is no holiday."""
    from welcome.models import WelcomeCenter
    from welcome.opening_hours import check_appointment_time

    schedule = WelcomeCenter.objects.get_current().schedule()
    day = timezone.localdate() + timedelta(weeks=weeks_ahead)
    while True:
        moment = datetime(day.year, day.month, day.day, hour, 0, tzinfo=BERLIN)
        if (
            day.weekday() in (1, 2)
            and check_appointment_time(schedule, moment, timezone.now()) is None
        ):
            return moment
        day += timedelta(days=1)


def url(name, language="de"):
    with translation.override(language):
        return reverse(f"enquiries:{name}")


@pytest.fixture
def question_data():
    return {
        "form_token": token(),
        "topics": ["housing", "childcare"],
        "municipality": "nideggen",
        "message": "Wir ziehen im Sommer aus Köln her. Wie finden wir einen Kita-Platz?",
        "moving_situation": "germany",
        "adults": "2",
        "children_ages": "3, 7",
        "name": "Erika Mustermann",
        "email": "erika@example.org",
        "phone": "0221 123456",
        "preferred_language": "Deutsch",
        "contact_preference": "email",
        "homepage": "",
    }


@pytest.fixture
def company_data():
    return {
        "form_token": token(),
        "company_name": "Beispiel GmbH",
        "sector": "Maschinenbau",
        "company_address": "Musterweg 1, 52349 Düren",
        "name": "Max Muster",
        "email": "hr@example.com",
        "phone": "+49 2421 000000",
        "employees": "25",
        "time_frame": "ab Frühjahr 2027",
        "target_municipalities": ["nideggen", "kreuzau"],
        "needs": ["housing", "childcare_school"],
        "message": "Wir bringen Fachkräfte aus dem Ausland.",
        "homepage": "",
    }


@pytest.fixture
def appointment_data(initial_content):
    first = open_day(2)
    second = open_day(3, hour=14)
    return {
        "form_token": token(),
        "topic": "work",
        "mode": "center",
        "people": "2",
        "preferred_language": "English",
        "accessibility_needs": "Step-free access, please.",
        "name": "Jane Doe",
        "email": "jane@example.org",
        "phone": "",
        "option_1_date": first.strftime("%Y-%m-%d"),
        "option_1_time": first.strftime("%H:%M"),
        "option_2_date": second.strftime("%d.%m.%Y"),
        "option_2_time": second.strftime("%H:%M"),
        "option_3_date": "",
        "option_3_time": "",
        "homepage": "",
    }


@pytest.fixture
def barrier_data():
    return {
        "form_token": token(),
        "page_url": "https://www.example.org/gemeinden/",
        "message": "Die Karte lässt sich nicht mit der Tastatur bedienen.",
        "name": "",
        "email": "",
        "homepage": "",
    }


@pytest.fixture
def data_for(question_data, company_data, appointment_data, barrier_data):
    return {
        "question": question_data,
        "company": company_data,
        "appointment": appointment_data,
        "barrier": barrier_data,
    }
