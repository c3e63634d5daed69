"""Fixtures for the enquiry tests: valid form data per kind, a mail server that is down."""

import pytest

from tests.helpers import open_day, token


@pytest.fixture
def mail_outage(settings):
    settings.EMAIL_BACKEND = "tests.helpers.FailingBackend"


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
        "preferred_language": "de",
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
        "preferred_language": "en",
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
