"""The mail worker: no request waits for the mail server, every e-mail is claimed before it is
sent, an accepted e-mail is marked sent even across a database outage, and each has a stable
Message-ID (core/mail.py)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core import mail as outbox
from enquiries.models import Notification
from tests.helpers import enquiry_url as url

pytestmark = pytest.mark.django_db

QUIET = {"stdout": open("/dev/null", "w"), "stderr": open("/dev/null", "w")}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def stored(
    client,
    initial_content,
    question_data,
    mail_outage,
    django_capture_on_commit_callbacks,
    settings,
):
    """The two e-mails of a question, stored and failed once (the mail server was down)."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("question"), question_data)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return list(Notification.objects.order_by("pk"))


# The worker opens and closes connections as in production: outside a test transaction.
@pytest.mark.django_db(transaction=True)
def test_a_submission_queues_its_emails_for_the_worker_instead_of_sending(
    client, initial_content, question_data, database_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("question"), question_data)
    assert response.status_code == 302
    assert mail.outbox == []  # the request did not talk to the mail server
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", batch=True, startup_delay=False, **QUIET)
    assert sorted(m.to[0] for m in mail.outbox) == ["amt60@kreis-dueren.de", "erika@example.org"]
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}


def test_an_accepted_email_is_marked_sent_once_the_database_is_back(stored, monkeypatch):
    real_update = QuerySet.update
    failures = {"left": 3}

    def update(queryset, **fields):
        if fields.get("state") == "sent" and failures["left"]:
            failures["left"] -= 1
            raise OperationalError("server closed the connection unexpectedly")
        return real_update(queryset, **fields)

    monkeypatch.setattr(QuerySet, "update", update)
    monkeypatch.setattr(outbox.time, "sleep", lambda seconds: None)
    assert outbox.deliver() == (2, 0)
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}
    assert outbox.deliver() == (0, 0)
    assert len(mail.outbox) == 2


def test_a_claimed_email_is_left_to_its_sender(stored):
    first = stored[0]
    assert outbox.claim(Notification, first.pk)
    assert not outbox.claim(Notification, first.pk)  # a second worker, another node, cron
    assert outbox.deliver() == (1, 0)
    assert [m.to for m in mail.outbox] == [[stored[1].recipient]]


def test_an_email_whose_sender_stopped_is_sent_again_with_the_same_message_id(stored):
    first = stored[0]
    assert outbox.claim(Notification, first.pk)
    Notification.objects.filter(pk=first.pk).update(
        claimed_at=timezone.now() - outbox.CLAIM_TIMEOUT - timedelta(seconds=1)
    )
    outbox.deliver()
    message = next(m for m in mail.outbox if m.to == [first.recipient])
    assert message.extra_headers["Message-ID"] == outbox.message_id(first)
    assert message.message()["Message-ID"] == outbox.message_id(first)
    assert outbox.message_id(first) == outbox.message_id(Notification.objects.get(pk=first.pk))
    assert Notification.objects.get(pk=first.pk).attempts == 3


@pytest.mark.django_db(transaction=True)
def test_the_admin_hands_pending_emails_to_the_worker(stored, admin_client, database_queue):
    enquiry = stored[0].enquiry
    response = admin_client.post(
        "/admin/enquiries/enquiry/",
        {"action": "send_pending_emails", "_selected_action": [enquiry.pk]},
        follow=True,
    )
    assert "dem Mail-Worker übergeben" in response.content.decode()
    assert mail.outbox == []
    call_command("db_worker", batch=True, startup_delay=False, **QUIET)
    assert len(mail.outbox) == 2
