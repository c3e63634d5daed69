"""The whole-page cache for visitors: fast, and never stale."""

from datetime import datetime
from http import HTTPStatus

import pytest
from django.utils import timezone

from municipalities.models import Municipality

pytestmark = pytest.mark.django_db


def test_a_cached_page_costs_one_query_and_is_identical(
    client, initial_content, django_assert_max_num_queries
):
    first = client.get("/gemeinden/juelich/")
    with django_assert_max_num_queries(1):
        second = client.get("/gemeinden/juelich/")
    assert second.status_code == HTTPStatus.OK
    assert second.content == first.content
    assert "Content-Security-Policy" in second
    assert second["X-Frame-Options"] == "DENY"
    assert not second.cookies


def test_a_saved_change_shows_at_once(client, initial_content):
    assert "Forschungszentrum" in client.get("/gemeinden/juelich/").content.decode()
    juelich = Municipality.objects.get(slug="juelich")
    juelich.teaser_de = "Ein neuer Teaser für Jülich"
    juelich.save()
    assert "Ein neuer Teaser für Jülich" in client.get("/gemeinden/juelich/").content.decode()
    assert "Ein neuer Teaser für Jülich" in client.get("/gemeinden/").content.decode()


def test_the_opening_status_is_never_stale(client, initial_content, freeze_now):
    freeze_now(2026, 6, 12, 12, 59)  # a Friday
    assert "Jetzt geöffnet bis 13:00 Uhr" in client.get("/gemeinden/").content.decode()
    freeze_now(2026, 6, 12, 13, 0)
    html = client.get("/gemeinden/").content.decode()
    assert "Jetzt geöffnet" not in html
    assert "Geschlossen – öffnet Montag um 10:00 Uhr" in html


def test_languages_are_cached_apart(client, initial_content):
    client.get("/gemeinden/")
    assert '<html lang="en"' in client.get("/en/municipalities/").content.decode()
    assert '<html lang="de"' in client.get("/gemeinden/").content.decode()


def test_form_pages_are_not_cached(client, initial_content, django_assert_max_num_queries):
    client.get("/kontakt/frage/")
    response = client.get("/kontakt/frage/")
    assert "csrftoken" in response.cookies  # a fresh token for every visitor


def test_staff_always_get_a_fresh_page(admin_client, client, initial_content):
    Municipality.objects.filter(slug="titz").update(published=False)
    assert client.get("/gemeinden/titz/").status_code == HTTPStatus.NOT_FOUND
    assert admin_client.get("/gemeinden/titz/").status_code == HTTPStatus.OK


def test_query_strings_are_not_cached(client, initial_content):
    html = client.get("/suche/?q=Krankenhaus").content.decode()
    assert "Krankenhaus" in html
    assert "Rursee" in client.get("/suche/?q=Rursee").content.decode()


def test_scheduled_content_appears_on_time(client, initial_content, freeze_now):
    freeze_now(2026, 6, 10, 11, 0)
    juelich = Municipality.objects.get(slug="juelich")
    juelich.publish_from = timezone.make_aware(datetime(2026, 6, 10, 11, 30))
    juelich.save()
    assert client.get("/gemeinden/juelich/").status_code == HTTPStatus.NOT_FOUND
    assert 'href="/gemeinden/juelich/"' not in client.get("/gemeinden/").content.decode()
    freeze_now(2026, 6, 10, 11, 30)
    assert 'href="/gemeinden/juelich/"' in client.get("/gemeinden/").content.decode()
    assert client.get("/gemeinden/juelich/").status_code == HTTPStatus.OK
