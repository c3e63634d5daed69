"""The management commands: reminders the day before (once), the erasure of expired and old
registrations (idempotent, keeping anonymous counts), and delivery after a mail outage."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from onestopshop.models import Registration, RegistrationEmail, TimeWindow
from tests.factories import registration as add
from tests.factories import shop_date as make_date

pytestmark = pytest.mark.django_db


def run(command):
    out = StringIO()
    call_command(command, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_reminder_goes_out_once_the_day_before(django_capture_on_commit_callbacks):
    tomorrow = make_date(days_ahead=1).windows.first()
    later = make_date(days_ahead=8).windows.first()
    reminded = add(tomorrow)
    add(tomorrow, status=Registration.Status.CANCELLED, email="cancelled@example.org")
    add(tomorrow, status=Registration.Status.PENDING, email="pending@example.org")
    add(later, email="later@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert run("send_one_stop_shop_reminders").startswith("1 reminders sent")
    (message,) = mail.outbox
    assert message.to == ["amira@example.org"]
    assert message.subject == f"Reminder: One-Stop-Shop tomorrow, {tomorrow}"
    assert "https://welcome.example.org/en/one-stop-shop/registration/" in message.body
    reminded.refresh_from_db()
    assert reminded.reminder_sent_at is not None
    # Running it again (or twice a day from cron) sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert run("send_one_stop_shop_reminders").startswith("0 reminders sent")
    assert len(mail.outbox) == 1


def test_expired_unconfirmed_registrations_are_deleted():
    window = make_date().windows.first()
    expired = add(
        window,
        status=Registration.Status.PENDING,
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    waiting = add(window, status=Registration.Status.PENDING, email="waiting@example.org")
    output = run("erase_expired_registrations")
    assert output.startswith("1 unconfirmed registrations deleted, 0 registrations anonymised")
    assert not Registration.objects.filter(pk=expired.pk).exists()
    assert Registration.objects.filter(pk=waiting.pk).exists()


def test_personal_data_is_erased_after_the_retention_period_keeping_counts(settings):
    settings.ONE_STOP_SHOP_RETENTION_DAYS = 30
    old = make_date(days_ahead=-31).windows.first()
    recent = make_date(days_ahead=-29).windows.first()
    erased = add(old, people=3, attendance=Registration.Attendance.ATTENDED)
    RegistrationEmail.objects.create(
        registration=erased, kind="confirmed", recipient="amira@example.org", subject="s", body="b"
    )
    add(old, status=Registration.Status.CANCELLED, email="c@example.org")
    kept = add(recent, email="recent@example.org")

    output = run("erase_expired_registrations")
    assert output.startswith("0 unconfirmed registrations deleted, 2 registrations anonymised")
    erased.refresh_from_db()
    assert erased.name == erased.email == erased.site_url == ""
    assert erased.anonymised_at is not None
    assert not erased.emails.exists()
    # What counts for statistics stays.
    assert (erased.people, erased.attendance, erased.stations, erased.advice_language) == (
        3,
        "attended",
        ["housing"],
        "en",
    )
    kept.refresh_from_db()
    assert kept.email == "recent@example.org"
    # Idempotent: nothing left to erase, nothing changes.
    anonymised_at = erased.anonymised_at
    assert run("erase_expired_registrations").startswith(
        "0 unconfirmed registrations deleted, 0 registrations anonymised"
    )
    erased.refresh_from_db()
    assert erased.anonymised_at == anonymised_at


def test_a_mail_outage_loses_nothing_and_the_command_delivers_later(
    register, settings, django_capture_on_commit_callbacks, window
):
    settings.EMAIL_BACKEND = "tests.enquiries.conftest.FailingBackend"
    response = register()
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.emails.get().state == RegistrationEmail.State.FAILED
    assert TimeWindow.objects.with_taken().get(pk=window.pk).free_places == 8
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert run("send_pending_notifications").startswith("1 sent, 0 failed")
    assert registration.emails.get().state == RegistrationEmail.State.SENT
    assert len(mail.outbox) == 1
