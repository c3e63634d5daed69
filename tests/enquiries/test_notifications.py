"""E-mails after a submission: in the sender's language, to the inbox, and never lost in an outage."""

import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection

from enquiries.models import Enquiry, Notification
from tests.helpers import enquiry_url as url
from tests.helpers import token

pytestmark = pytest.mark.django_db


def submit(client, data, language="de"):
    return client.post(url("question", language), data)


def test_confirmation_in_the_senders_language_and_notification_to_the_inbox(
    client, initial_content, question_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, question_data, "en")
    enquiry = Enquiry.objects.get()
    by_recipient = {message.to[0]: message for message in mail.outbox}
    confirmation = by_recipient["erika@example.org"]
    assert confirmation.subject == (
        f"Your enquiry {enquiry.reference} to the Welcome-Center Kreis Düren"
    )
    assert enquiry.reference in confirmation.body
    assert "thank you for your message" in confirmation.body
    # The confirmation never repeats what was typed (no relay for spam to a stranger's address).
    assert "Kita-Platz" not in confirmation.body
    inbox = by_recipient["amt60@kreis-dueren.de"]
    assert inbox.subject == f"Neue Anfrage {enquiry.reference}: Frage"
    assert inbox.reply_to == ["erika@example.org"]
    assert "Wie finden wir einen Kita-Platz?" in inbox.body
    assert "Nideggen" in inbox.body
    assert f"/admin/enquiries/enquiry/{enquiry.pk}/change/" in inbox.body
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}


def test_german_confirmation(
    client, initial_content, question_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, question_data, "de")
    confirmation = next(m for m in mail.outbox if m.to == ["erika@example.org"])
    assert confirmation.subject.startswith("Ihre Anfrage WC-")
    assert "vielen Dank für Ihre Nachricht" in confirmation.body


def test_barrier_report_without_address_only_notifies_the_inbox(
    client, initial_content, barrier_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("barrier"), barrier_data)
    assert [message.to for message in mail.outbox] == [["amt60@kreis-dueren.de"]]


def test_mail_outage_keeps_the_enquiry_and_the_command_delivers_later(
    client,
    initial_content,
    question_data,
    mail_outage,
    settings,
    django_capture_on_commit_callbacks,
    admin_client,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, question_data)
    # The person still gets the confirmation page with the reference.
    page = client.get(response["Location"])
    enquiry = Enquiry.objects.get()
    assert enquiry.reference in page.content.decode()
    assert mail.outbox == []
    failed = Notification.objects.filter(state=Notification.State.FAILED)
    assert failed.count() == 2
    assert all("mail server down" in n.last_error for n in failed)
    # The admin shows the delivery state.
    listing = admin_client.get("/admin/enquiries/enquiry/").content.decode()
    assert "Fehlgeschlagen, wird wiederholt" in listing

    call_command(
        "send_pending_notifications", stdout=open("/dev/null", "w"), stderr=open("/dev/null", "w")
    )
    assert Notification.objects.filter(state=Notification.State.FAILED).count() == 2
    assert set(Notification.objects.values_list("attempts", flat=True)) == {2}

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_notifications", stdout=open("/dev/null", "w"))
    assert sorted(m.to[0] for m in mail.outbox) == ["amt60@kreis-dueren.de", "erika@example.org"]
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}
    # Running it again sends nothing twice.
    call_command("send_pending_notifications", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 2
    listing = admin_client.get("/admin/enquiries/enquiry/").content.decode()
    assert "Gesendet" in listing


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_each_email_once(
    initial_content, question_data, client, mail_outage, settings
):
    if connection.vendor != "postgresql":
        pytest.skip("row locks with SKIP LOCKED need PostgreSQL")
    for number in range(5):
        question_data["form_token"] = token()
        question_data["email"] = f"person{number}@example.org"
        submit(client, question_data)
    assert Notification.objects.filter(state="failed").count() == 10
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    barrier = threading.Barrier(2)

    def run():
        barrier.wait()
        call_command("send_pending_notifications", stdout=open("/dev/null", "w"))
        connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(mail.outbox) == 10
    assert Notification.objects.filter(state="sent").count() == 10
