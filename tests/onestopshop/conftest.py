"""Fixtures for the One-Stop-Shop tests: a coming date with three windows, valid form data, and
helpers that follow the links in the e-mails as a person would."""

import re
from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from onestopshop import services
from tests.enquiries.conftest import token

LINK = re.compile(r"https?://\S+")


def url(name, language="de", **kwargs):
    with translation.override(language):
        return reverse(f"onestopshop:{name}", kwargs=kwargs)


def make_date(days_ahead=14, places=10, **kwargs):
    return services.shop_date_create(
        day=timezone.localdate() + timedelta(days=days_ahead),
        first_start=time(9, 0),
        last_end=time(12, 0),
        places=places,
        **kwargs,
    )


@pytest.fixture
def shop_date(db):
    """A date two weeks ahead, 09:00–12:00 in three windows of ten places."""
    return make_date()


@pytest.fixture
def window(shop_date):
    return shop_date.windows.order_by("starts_at").first()


@pytest.fixture
def registration_data(window):
    return {
        "form_token": token(),
        "window": str(window.pk),
        "people": "2",
        "advice_language": "en",
        "stations": ["bank_account", "housing"],
        "name": "Amira Haddad",
        "email": "amira@example.org",
        "homepage": "",
    }


def link_in(message):
    """The (only) link in an e-mail, as a path for the test client."""
    (link,) = LINK.findall(message.body)
    return "/" + link.split("/", 3)[3]


def calendar_of(message):
    """(METHOD of the MIME part, the parsed calendar, its single VEVENT)."""
    (attachment,) = [
        part for part in message.attachments if part.get_content_type() == "text/calendar"
    ]
    calendar = Calendar.from_ical(attachment.get_payload(decode=True))
    (event,) = calendar.walk("VEVENT")
    return attachment.get_param("method"), calendar, event


@pytest.fixture
def register(client, shop_date, registration_data, django_capture_on_commit_callbacks):
    """Register through the form; returns the response (the e-mail is sent on commit)."""

    def post(language="de", **changes):
        data = {**registration_data, "form_token": token(), **changes}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url("register", language, day=shop_date.date), data)

    return post


@pytest.fixture
def confirm(client, django_capture_on_commit_callbacks):
    """Open the confirmation link of an e-mail and press the button; returns the response."""

    def follow(message):
        path = link_in(message)
        assert client.get(path).status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(path)

    return follow
