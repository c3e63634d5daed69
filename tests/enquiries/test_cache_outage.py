"""The cache is an accelerator: with the cache server down, pages render, forms accept and the
admin's changes keep their history (core/cache_access.py)."""

from http import HTTPStatus

import pytest
from django.contrib.admin.models import LogEntry
from django.core import mail

from enquiries.models import Enquiry
from municipalities.models import Municipality
from tests.helpers import admin_url, token
from tests.helpers import enquiry_url as url

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_down(settings):
    settings.CACHES = {"default": {"BACKEND": "tests.helpers.FailingCache"}}


def test_pages_render_without_the_cache(client, initial_content, cache_down, caplog):
    for path in ("/", "/gemeinden/", "/gemeinden/juelich/", "/en/"):
        assert client.get(path).status_code == HTTPStatus.OK, path
    assert "Cache unavailable" in caplog.text


def test_a_form_is_accepted_without_the_cache(
    client, initial_content, cache_down, question_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("question"), question_data)
    assert response.status_code == HTTPStatus.FOUND
    assert Enquiry.objects.count() == 1
    assert client.get(response["Location"]).status_code == HTTPStatus.OK
    assert len(mail.outbox) == 2


def test_admin_changes_keep_their_history_without_the_cache(
    admin_client, initial_content, cache_down, django_capture_on_commit_callbacks
):
    juelich = Municipality.objects.get(slug="juelich")
    changelist = admin_url("municipalities.municipality", "changelist")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            changelist,
            {"action": "mark_reviewed", "_selected_action": [juelich.pk]},
        )
    assert response.status_code == HTTPStatus.FOUND
    assert LogEntry.objects.filter(object_id=str(juelich.pk)).count() == 1
    assert (
        admin_client.get(admin_url("municipalities.municipality", "change", juelich.pk)).status_code
        == HTTPStatus.OK
    )


def test_many_submissions_from_one_address_are_still_limited_when_the_cache_is_back(
    client, initial_content, question_data, settings
):
    settings.ENQUIRY_RATE_LIMIT = 1
    assert client.post(url("question"), question_data).status_code == HTTPStatus.FOUND
    question_data["form_token"] = token()
    assert client.post(url("question"), question_data).status_code == HTTPStatus.TOO_MANY_REQUESTS
