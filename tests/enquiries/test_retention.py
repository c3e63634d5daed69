"""Retention: personal data of closed enquiries goes away after the configured period; counts stay."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from enquiries.models import Enquiry, InternalNote, Notification
from enquiries.services import enquiry_change_status
from tests.helpers import enquiry_url as url
from tests.helpers import token

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_long_ago(client, initial_content, question_data, admin_user, settings):
    client.post(url("question"), question_data)
    enquiry = Enquiry.objects.get()
    InternalNote.objects.create(enquiry=enquiry, author=admin_user, text="Hat zwei Kinder.")
    enquiry_change_status(enquiry=enquiry, status="closed", user=admin_user)
    Enquiry.objects.filter(pk=enquiry.pk).update(
        closed_at=timezone.now() - timedelta(days=settings.ENQUIRY_RETENTION_DAYS + 1)
    )
    return enquiry


def erase():
    out = StringIO()
    call_command("erase_expired_enquiries", stdout=out)
    return out.getvalue()


def test_personal_data_is_erased_after_the_retention_period(closed_long_ago):
    assert erase().startswith("1 enquiries anonymised")
    enquiry = Enquiry.objects.get()
    for field in ("name", "email", "phone", "message", "children_ages", "preferred_language"):
        assert getattr(enquiry, field) == "", field
    assert enquiry.adults is None
    assert enquiry.anonymised_at is not None
    assert not InternalNote.objects.exists()
    assert not Notification.objects.exists()
    # What counts for statistics stays.
    assert enquiry.kind == "question"
    assert enquiry.topics == ["housing", "childcare"]
    assert enquiry.municipalities.count() == 1
    assert enquiry.reference.startswith("WC-")
    assert enquiry.status_changes.count() == 2


def test_the_command_is_idempotent(closed_long_ago):
    erase()
    anonymised_at = Enquiry.objects.get().anonymised_at
    assert erase().startswith("0 enquiries anonymised")
    assert Enquiry.objects.get().anonymised_at == anonymised_at


def test_open_and_recently_closed_enquiries_are_kept(
    client, initial_content, question_data, admin_user, settings
):
    settings.ENQUIRY_RETENTION_DAYS = 30
    client.post(url("question"), question_data)
    client.post(url("question"), {**question_data, "form_token": token()})
    still_open, recently_closed = Enquiry.objects.order_by("pk")
    Enquiry.objects.filter(pk=still_open.pk).update(created_at=timezone.now() - timedelta(days=400))
    enquiry_change_status(enquiry=recently_closed, status="closed", user=admin_user)
    Enquiry.objects.filter(pk=recently_closed.pk).update(
        closed_at=timezone.now() - timedelta(days=29)
    )
    assert erase().startswith("0 enquiries anonymised")
    assert set(Enquiry.objects.values_list("email", flat=True)) == {"erika@example.org"}


def test_reopening_stops_the_clock(closed_long_ago, admin_user):
    enquiry_change_status(enquiry=closed_long_ago, status="in_progress", user=admin_user)
    assert erase().startswith("0 enquiries anonymised")
