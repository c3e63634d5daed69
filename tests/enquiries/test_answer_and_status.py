"""Staff answer an enquiry from the admin, and the sender follows it on the status page behind
the signed link in the confirmation e-mail."""

import re
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core import mail
from django.utils import timezone

from enquiries import links
from enquiries.models import Enquiry, Notification, StatusChange
from tests.helpers import enquiry_url as url

pytestmark = pytest.mark.django_db

LIST = "/admin/enquiries/enquiry/"
STATUS_LINK = re.compile(r"https?://\S+/(?:kontakt/status|en/contact/status)/\S+/")


def status_path(message):
    (link,) = STATUS_LINK.findall(message.body)
    return "/" + link.split("/", 3)[3]


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """Send a form as a visitor; (the stored enquiry, its confirmation e-mail)."""

    def send(kind, data, language="de"):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url(kind, language), data)
        return stored(data)

    return send


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what is scheduled on commit (the e-mails) when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def stored(data):
    enquiry = Enquiry.objects.get(email=data["email"])
    confirmation = next(m for m in mail.outbox if m.to == [data["email"]])
    return enquiry, confirmation


def test_confirmation_links_to_a_status_page_with_status_and_dates_only(
    client, send, initial_content, question_data
):
    enquiry, confirmation = send("question", question_data)
    response = client.get(status_path(confirmation))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Eingegangen" in html
    assert enquiry.reference in html
    # Nothing of what was sent: no name, address, phone or message.
    for private in ("Erika", "erika@example.org", "0221 123456", "Kita-Platz"):
        assert private not in html
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


def test_english_sender_gets_an_english_status_page(client, send, initial_content, question_data):
    question_data["email"] = "jane@example.org"
    _enquiry, confirmation = send("question", question_data, "en")
    path = status_path(confirmation)
    assert path.startswith("/en/contact/status/")
    assert "Received" in client.get(path).content.decode()


def test_staff_answer_from_the_admin_in_the_senders_language(
    admin_client, client, send, committed, initial_content, question_data
):
    question_data["email"] = "jane@example.org"
    enquiry, confirmation = send("question", question_data, "en")
    change = f"{LIST}{enquiry.pk}/change/"
    answer = f"{LIST}{enquiry.pk}/answer/"
    assert answer in admin_client.get(change).content.decode()

    form = admin_client.get(answer)
    assert form.status_code == HTTPStatus.OK
    start = form.context["form"]["text"].value()
    assert start.startswith("Hello Erika Mustermann,")
    assert "Here is our answer" in start

    mail.outbox.clear()
    text = start + "Kita places in Nideggen are allocated through the Kita-Navigator."
    with committed():
        response = admin_client.post(answer, {"text": text})
    assert response.status_code == HTTPStatus.FOUND

    (sent,) = mail.outbox
    assert sent.to == ["jane@example.org"]
    assert sent.reply_to == ["amt60@kreis-dueren.de"]
    assert "Kita-Navigator" in sent.body
    assert enquiry.reference in sent.subject
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.ANSWERED
    stored = enquiry.notifications.get(kind=Notification.Kind.ANSWER)
    assert stored.state == Notification.State.SENT and "Kita-Navigator" in stored.body
    change_html = admin_client.get(change).content.decode()
    assert "Antwort an die Absenderin oder den Absender" in change_html
    assert StatusChange.objects.filter(enquiry=enquiry, new_status="answered").exists()

    html = client.get(status_path(confirmation)).content.decode()
    assert "Answered" in html
    assert "Kita-Navigator" not in html


def test_an_empty_answer_is_refused_with_a_message(
    admin_client, send, initial_content, question_data
):
    enquiry, _confirmation = send("question", question_data)
    response = admin_client.post(f"{LIST}{enquiry.pk}/answer/", {"text": ""})
    assert response.status_code == HTTPStatus.OK
    assert "Schreiben Sie die Antwort." in response.content.decode()
    assert not enquiry.notifications.filter(kind=Notification.Kind.ANSWER).exists()


def test_barrier_answer_starts_with_the_ombudsstelle(
    admin_client, send, initial_content, barrier_data
):
    barrier_data.update(name="Kim Beispiel", email="kim@example.org")
    enquiry, _confirmation = send("barrier", barrier_data)
    start = admin_client.get(f"{LIST}{enquiry.pk}/answer/").context["form"]["text"].value()
    assert start.startswith("Hallo Kim Beispiel,")
    assert "Ombudsstelle" in start


def test_appointments_and_closed_enquiries_are_not_answered_here(
    admin_client, send, initial_content, appointment_data, question_data
):
    appointment, _confirmation = send("appointment", appointment_data)
    response = admin_client.post(f"{LIST}{appointment.pk}/answer/", {"text": "Hallo"})
    assert response.status_code == HTTPStatus.FOUND
    assert not appointment.notifications.filter(kind=Notification.Kind.ANSWER).exists()

    question, _confirmation = send("question", question_data)
    question.status = Enquiry.Status.CLOSED
    question.save()
    change_html = admin_client.get(f"{LIST}{question.pk}/change/").content.decode()
    assert f"{question.pk}/answer/" not in change_html


def test_status_page_shows_a_confirmed_appointment(admin_client, client, send, appointment_data):
    enquiry, confirmation = send("appointment", appointment_data)
    option = enquiry.options.first()
    admin_client.post(
        f"{LIST}{enquiry.pk}/appointment/confirm/",
        {"choice": str(option.pk), "minutes": "60", "message": ""},
    )
    html = client.get(status_path(confirmation)).content.decode()
    assert "Termin bestätigt" in html
    assert "Ihr Termin" in html


def test_tampered_expired_and_erased_links_say_so(
    client, send, initial_content, question_data, settings, monkeypatch
):
    enquiry, confirmation = send("question", question_data)
    path = status_path(confirmation)
    response = client.get(path[:-3] + "xx/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "nicht gültig" in response.content.decode()

    later = timezone.now() + timedelta(days=settings.ENQUIRY_RETENTION_DAYS + 1)
    monkeypatch.setattr("time.time", lambda: later.timestamp())
    response = client.get(path)
    assert response.status_code == HTTPStatus.GONE
    assert "abgelaufen" in response.content.decode()
    monkeypatch.undo()

    enquiry.anonymise()
    assert client.get(path).status_code == HTTPStatus.NOT_FOUND


def test_status_token_names_only_the_reference(send, initial_content, question_data):
    enquiry, _confirmation = send("question", question_data)
    token = links.status_token(enquiry)
    assert token.startswith(enquiry.reference + ":")
    assert "erika" not in token.lower()


def test_status_page_queries_are_bounded(
    client, send, initial_content, question_data, django_assert_max_num_queries
):
    enquiry, confirmation = send("question", question_data)
    for status in ["in_progress", "new"] * 10:
        StatusChange.objects.create(enquiry=enquiry, old_status="new", new_status=status)
    with django_assert_max_num_queries(7):
        response = client.get(status_path(confirmation))
    assert response.content.decode().count("<li><time") == 21
