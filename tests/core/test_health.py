"""/health/: up or down for anyone, the failing check for staff only."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.utils import timezone

from core.health import worker_alive
from enquiries.models import Enquiry, Notification

pytestmark = pytest.mark.django_db


def test_up_when_database_cache_and_mail_worker_work(client):
    worker_alive()
    response = client.get("/health/")
    assert response.status_code == HTTPStatus.OK
    assert response.content == b"up\n"
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]


def test_anonymous_callers_learn_only_that_it_is_down(client):
    response = client.get("/health/")  # no mail worker has said it is alive
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.content == b"down\n"


def test_staff_see_which_check_failed(admin_client):
    worker_alive()
    enquiry = Enquiry.objects.create(reference="WC-2030-00001", kind="question", language="de")
    Notification.objects.create(
        enquiry=enquiry,
        kind=Notification._meta.get_field("kind").choices[0][0],
        recipient="amt60@kreis-dueren.de",
        subject="Neue Anfrage",
        body="…",
        created_at=timezone.now() - timedelta(hours=1),
    )
    response = admin_client.get("/health/")
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    text = response.content.decode()
    assert "MailBacklog" in text and "1 e-mails waiting" in text
    assert "Database" in text and "OK" in text


def test_down_when_the_cache_is_down(client, settings):
    worker_alive()
    settings.CACHES = {"default": {"BACKEND": "tests.helpers.FailingCache"}}
    assert client.get("/health/").status_code == HTTPStatus.SERVICE_UNAVAILABLE
