"""The whole-page cache for visitors: fast, and never stale."""

from datetime import datetime
from http import HTTPStatus

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from core import page_cache
from core.mail import deliver
from municipalities.models import Fact, Municipality
from municipalities.topics import Topic
from tests import factories

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


def test_a_saved_change_shows_at_once(client, initial_content, django_capture_on_commit_callbacks):
    assert "Forschungszentrum" in client.get("/gemeinden/juelich/").content.decode()
    juelich = Municipality.objects.get(slug="juelich")
    juelich.teaser_de = "Ein neuer Teaser für Jülich"
    with django_capture_on_commit_callbacks(execute=True):
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


def test_the_version_changes_only_when_the_change_is_committed(
    client, initial_content, django_capture_on_commit_callbacks
):
    """A request that renders while the change is not committed must not store the old page under
    the new version: the version moves on at the commit, once for the whole transaction."""
    client.get("/gemeinden/juelich/")
    before = cache.get(page_cache.VERSION_KEY)
    with django_capture_on_commit_callbacks() as callbacks:
        for municipality in Municipality.objects.all():
            municipality.save()
        assert cache.get(page_cache.VERSION_KEY) == before
    assert len(callbacks) == 1
    callbacks[0]()
    assert cache.get(page_cache.VERSION_KEY) != before


def test_content_changed_by_update_never_stays_stale(
    client, initial_content, django_capture_on_commit_callbacks
):
    assert client.get("/gemeinden/titz/").status_code == HTTPStatus.OK
    with django_capture_on_commit_callbacks(execute=True):
        Municipality.objects.filter(slug="titz").update(published=False)
    assert client.get("/gemeinden/titz/").status_code == HTTPStatus.NOT_FOUND


def test_content_added_in_bulk_shows_at_once(
    client, initial_content, django_capture_on_commit_callbacks
):
    titz = Municipality.objects.get(slug="titz")
    client.get("/gemeinden/titz/")
    fact = Fact(
        key="titz-badesee",
        municipality=titz,
        topic=Topic.LEISURE,
        text_de="Neu: der Titzer Badesee",
        source_url="https://example.org/",
        source_publisher="Gemeinde Titz",
    )
    with django_capture_on_commit_callbacks(execute=True):
        Fact.objects.bulk_create([fact])
    assert "Neu: der Titzer Badesee" in client.get("/gemeinden/titz/").content.decode()


def test_an_edited_district_fact_shows_at_once_on_every_profile(
    client, initial_content, django_capture_on_commit_callbacks
):
    fact = Fact.objects.district().filter(topic=Topic.CHILDCARE).first()
    client.get("/gemeinden/titz/")
    with django_capture_on_commit_callbacks(execute=True):
        fact.text_de = "Geändert: der Kita-Navigator"
        fact.save()
    assert "Geändert: der Kita-Navigator" in client.get("/gemeinden/titz/").content.decode()


def test_a_registration_and_its_email_leave_the_cached_pages_alone(
    client, initial_content, django_capture_on_commit_callbacks
):
    window = factories.shop_date().windows.first()
    client.get("/gemeinden/")
    before = cache.get(page_cache.VERSION_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        registration = factories.registration(window)
        registration.emails.create(kind="confirm", recipient="a@example.org", subject="S", body="B")
        deliver()
    assert len(mail.outbox) == 1
    assert cache.get(page_cache.VERSION_KEY) == before


def test_a_migration_makes_the_pages_stale(
    client, initial_content, django_capture_on_commit_callbacks
):
    client.get("/gemeinden/")
    before = cache.get(page_cache.VERSION_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("migrate", verbosity=0)
    assert cache.get(page_cache.VERSION_KEY) != before


def test_a_deploy_makes_the_pages_stale(client, initial_content, monkeypatch):
    client.get("/gemeinden/juelich/")
    with connection.cursor() as cursor:  # a change that no signal reports
        cursor.execute(
            "UPDATE municipalities_municipality SET teaser_de = %s WHERE slug = %s",
            ["Nach dem Deploy", "juelich"],
        )
    assert "Nach dem Deploy" not in client.get("/gemeinden/juelich/").content.decode()
    monkeypatch.setattr(page_cache, "code_release", lambda: "the-next-release")
    assert "Nach dem Deploy" in client.get("/gemeinden/juelich/").content.decode()


def test_the_code_release_fingerprints_the_project_files():
    release = page_cache.code_release()
    assert len(release) == 16
    assert release == page_cache.code_release()


def test_every_publishable_model_bounds_the_lifetime(freeze_now, make_event):
    now = freeze_now(2026, 6, 10, 11, 0)
    make_event(
        start_date=datetime(2026, 7, 1).date(), publish_until=now + timezone.timedelta(minutes=5)
    )
    assert page_cache.next_window_change(None, now) == now + timezone.timedelta(minutes=5)


def test_a_cache_that_cannot_be_written_never_undoes_a_change(
    settings, initial_content, django_capture_on_commit_callbacks, caplog
):
    settings.CACHES = {"default": {"BACKEND": "tests.helpers.FailingCache"}}
    juelich = Municipality.objects.get(slug="juelich")
    juelich.teaser_de = "Trotz Cache-Ausfall gespeichert"
    with django_capture_on_commit_callbacks(execute=True):
        juelich.save()
        call_command("migrate", verbosity=0)  # a fresh database has no cache table yet
    assert Municipality.objects.get(slug="juelich").teaser_de == "Trotz Cache-Ausfall gespeichert"
    assert "Could not mark the cached pages stale" in caplog.text


def cached_page_keys():
    """The pages stored (each with its gzipped copy), not the values kept per content version."""
    prefix = f":page-cache:{page_cache.code_release()}:"
    return sorted({key.removesuffix(":gzip") for key in cache._cache if prefix in key})


def test_the_port_in_the_host_header_makes_no_new_entry(client, initial_content, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    for port in range(8000, 8020):
        assert client.get("/", HTTP_HOST=f"localhost:{port}").status_code == HTTPStatus.OK
    assert len(cached_page_keys()) == 1


def test_a_page_larger_than_the_cap_is_served_but_not_stored(client, initial_content, monkeypatch):
    monkeypatch.setattr(page_cache, "MAX_ENTRY_BYTES", 1000)
    assert client.get("/").status_code == HTTPStatus.OK
    assert cached_page_keys() == []


def test_a_submission_about_a_municipality_leaves_the_cached_pages_alone(
    client, initial_content, company_data_for_cache, django_capture_on_commit_callbacks
):
    client.get("/gemeinden/juelich/")
    version = cache.get(page_cache.VERSION_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/kontakt/unternehmen/", company_data_for_cache)
    assert response.status_code == HTTPStatus.FOUND
    assert cache.get(page_cache.VERSION_KEY) == version


@pytest.fixture
def company_data_for_cache():
    from tests.helpers import token

    return {
        "form_token": token(),
        "company_name": "Beispiel GmbH",
        "sector": "Maschinenbau",
        "company_address": "Musterweg 1, 52349 Düren",
        "name": "Max Muster",
        "email": "hr@example.com",
        "phone": "+49 2421 000000",
        "employees": "25",
        "time_frame": "ab Frühjahr 2027",
        "target_municipalities": ["nideggen", "kreuzau"],
        "needs": ["housing", "childcare_school"],
        "message": "Wir bringen Fachkräfte aus dem Ausland.",
        "homepage": "",
    }


def test_a_change_during_a_cache_outage_makes_old_pages_stale_once_the_cache_answers(
    client, initial_content, settings, django_capture_on_commit_callbacks, monkeypatch
):
    client.get("/gemeinden/juelich/")  # cached before the outage
    juelich = Municipality.objects.get(slug="juelich")
    juelich.teaser_de = "Während des Ausfalls geändert"
    monkeypatch.setattr(
        cache, "set", lambda *args, **kwargs: (_ for _ in ()).throw(ConnectionError("down"))
    )
    with django_capture_on_commit_callbacks(execute=True):
        juelich.save()
    monkeypatch.undo()  # the cache is back, with its old pages
    assert "Während des Ausfalls geändert" in client.get("/gemeinden/juelich/").content.decode()
