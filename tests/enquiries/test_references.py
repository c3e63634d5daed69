"""References like WC-2026-00042: readable, per year, and unique under concurrent submissions."""

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection, transaction

from enquiries.models import Enquiry
from enquiries.references import format_reference, next_reference
from tests.helpers import enquiry_url as url
from tests.helpers import token

BERLIN = ZoneInfo("Europe/Berlin")


def test_format():
    assert format_reference(2026, 42) == "WC-2026-00042"


@pytest.mark.django_db
def test_numbers_count_up_per_year_in_berlin_time():
    with transaction.atomic():
        assert next_reference(datetime(2026, 5, 1, tzinfo=BERLIN)) == "WC-2026-00001"
        assert next_reference(datetime(2026, 5, 2, tzinfo=BERLIN)) == "WC-2026-00002"
        # 31 December 23:30 UTC is already New Year in Düren.
        new_year = datetime(2026, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC"))
        assert next_reference(new_year) == "WC-2027-00001"


@pytest.mark.django_db
def test_a_rolled_back_submission_gives_its_number_back():
    try:
        with transaction.atomic():
            next_reference()
            raise RuntimeError
    except RuntimeError:
        pass
    with transaction.atomic():
        assert next_reference().endswith("-00001")


@pytest.mark.django_db(transaction=True)
def test_references_stay_unique_when_many_submit_at_once(initial_content, question_data):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL; SQLite serialises every write anyway")
    from django.test import Client

    count = 12
    barrier = threading.Barrier(count)
    errors = []

    def submit(number):
        try:
            data = {**question_data, "form_token": token(), "email": f"p{number}@example.org"}
            client = Client(REMOTE_ADDR=f"192.0.2.{number + 1}")
            barrier.wait()
            response = client.post(url("question"), data)
            assert response.status_code == 302, response.status_code
        except Exception as error:  # collected and asserted in the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    references = sorted(Enquiry.objects.values_list("reference", flat=True))
    assert len(set(references)) == count
    assert [int(r[-5:]) for r in references] == list(range(1, count + 1))


@pytest.mark.django_db(transaction=True)
def test_the_same_form_sent_twice_at_the_same_moment_is_stored_once(initial_content, question_data):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL")
    from django.test import Client

    barrier = threading.Barrier(4)
    locations, errors = [], []

    def submit():
        try:
            client = Client()
            barrier.wait()
            locations.append(client.post(url("question"), question_data)["Location"])
        except Exception as error:  # collected and asserted in the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Enquiry.objects.count() == 1
    assert len(set(locations)) == 1
