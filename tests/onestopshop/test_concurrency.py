"""Many people press "Register" at the same moment: a window never holds more people than it
has places (the row lock on the window serialises the count). Needs PostgreSQL's row locks."""

import threading
from http import HTTPStatus

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from onestopshop.models import Registration, TimeWindow
from tests.factories import shop_date as make_date
from tests.helpers import link_in, token
from tests.helpers import shop_url as url


@pytest.mark.django_db(transaction=True)
def test_forty_people_at_once_for_ten_places(settings):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL; SQLite serialises every write anyway")
    settings.ENQUIRY_RATE_LIMIT = 1000
    shop_date = make_date(places=10)
    window = shop_date.windows.order_by("starts_at").first()
    count = 40
    barrier = threading.Barrier(count)
    statuses, errors = [], []

    def register(number):
        try:
            client = Client(REMOTE_ADDR=f"192.0.2.{number + 1}")
            data = {
                "form_token": token(),
                "window": str(window.pk),
                "people": "1",
                "advice_language": "de",
                "stations": ["housing"],
                "name": f"Person {number}",
                "email": f"p{number}@example.org",
                "homepage": "",
            }
            barrier.wait()
            response = client.post(url("register", day=shop_date.date), data)
            statuses.append(response.status_code)
            if response.status_code != HTTPStatus.FOUND:
                assert "ausgebucht" in response.content.decode()
        except Exception as error:  # collected and asserted in the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert statuses.count(HTTPStatus.FOUND) == 10
    assert len(statuses) == count
    assert Registration.objects.count() == 10
    assert TimeWindow.objects.with_taken().get(pk=window.pk).free_places == 0

    # Everyone who got a place confirms at the same moment: all ten are confirmed.
    confirm_paths = [link_in(message) for message in mail.outbox]
    assert len(confirm_paths) == 10
    barrier = threading.Barrier(10)

    def confirm(path):
        try:
            barrier.wait()
            assert Client().post(path).status_code == HTTPStatus.FOUND
        except Exception as error:  # collected and asserted in the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(path,)) for path in confirm_paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    confirmed = Registration.objects.filter(status=Registration.Status.CONFIRMED)
    assert confirmed.count() == 10
    assert sum(r.people for r in confirmed) <= window.places
