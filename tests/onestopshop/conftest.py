"""Fixtures for the One-Stop-Shop tests: a coming date with three windows, valid form data, and
helpers that follow the links in the e-mails as a person would."""

import pytest

from tests import factories
from tests.helpers import link_in, shop_url, token


@pytest.fixture
def shop_date(db):
    """A date two weeks ahead, 09:00–12:00 in three windows of ten places."""
    return factories.shop_date()


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


@pytest.fixture
def register(client, shop_date, registration_data, django_capture_on_commit_callbacks):
    """Register through the form; returns the response (the e-mail is sent on commit)."""

    def post(language="de", **changes):
        data = {**registration_data, "form_token": token(), **changes}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(shop_url("register", language, day=shop_date.date), data)

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
