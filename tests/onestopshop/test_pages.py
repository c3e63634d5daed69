"""The public One-Stop-Shop pages in both languages: the coming dates with free places, the
registration form with its errors, and the privacy policy's retention period."""

from http import HTTPStatus

import pytest
from django.utils import timezone

from tests.factories import shop_date as make_date
from tests.helpers import shop_url as url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("de", ["One-Stop-Shop für Neuankommende", "10 von 10 Plätzen frei", "Kontoeröffnung"]),
        ("en", ["One-Stop-Shop for newcomers", "10 of 10 places free", "Opening a bank account"]),
    ],
)
def test_the_coming_dates_with_free_places_in_both_languages(client, shop_date, language, texts):
    response = client.get(url("list", language))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    for text in texts:
        assert text in html
    assert "09:00–10:00" in html
    assert (
        shop_date.get_absolute_url().replace("/anmelden/", "/") in html
        or url("register", language, day=shop_date.date) in html
    )
    assert not response.cookies  # a reading page sets no cookie


def test_the_list_needs_few_queries_however_many_dates(client, django_assert_max_num_queries):
    for days in range(7, 7 + 7 * 12, 7):
        make_date(days_ahead=days)
    with django_assert_max_num_queries(6):
        response = client.get(url("list"))
    assert response.content.decode().count("09:00–10:00") == 12


def test_past_and_unpublished_dates_are_not_shown(client):
    past = make_date(days_ahead=-7)
    hidden = make_date(days_ahead=21, is_published=False)
    html = client.get(url("list")).content.decode()
    assert "Zurzeit sind keine Termine veröffentlicht" in html
    assert client.get(url("register", day=past.date)).status_code == HTTPStatus.NOT_FOUND
    assert client.get(url("register", day=hidden.date)).status_code == HTTPStatus.NOT_FOUND
    assert client.get("/one-stop-shop/2026-02-31/anmelden/").status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_registration_form(client, shop_date, language, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get(url("register", language, day=shop_date.date))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'name="window"' in html
    assert 'name="homepage"' in html
    assert 'name="form_token"' in html
    assert {"de": "Datenschutzerklärung", "en": "Privacy policy"}[language] in html
    assert {"de": "30 Tage nach dem Termin", "en": "30 days after the date"}[language] in html
    assert set(response.cookies) <= {"csrftoken"}


def test_a_form_with_errors_keeps_what_was_typed_and_lists_the_errors(
    client, shop_date, registration_data
):
    data = {**registration_data, "email": "not-an-address", "stations": []}
    response = client.post(url("register", "en", day=shop_date.date), data)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<title>Error:" in html
    assert 'href="#id_email"' in html
    assert 'href="#id_stations_0"' in html
    assert 'value="Amira Haddad"' in html
    assert 'value="not-an-address"' in html


def test_only_offered_languages_and_stations_are_choices(client):
    shop_date = make_date(stations=["housing"], languages=["en"])
    html = client.get(url("register", "en", day=shop_date.date)).content.decode()
    assert 'value="housing"' in html
    assert 'value="bank_account"' not in html
    assert 'value="de"' not in html.split('name="advice_language"', 1)[1][:200]


def test_windows_that_have_begun_are_closed(client, registration_data):
    from datetime import time

    from onestopshop import services

    today = services.shop_date_create(
        day=timezone.localdate(), first_start=time(0, 0), last_end=time(0, 1), places=10
    )
    response = client.get(url("register", day=today.date))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Die Anmeldung für diesen Termin ist geschlossen" in html
    assert 'name="window"' not in html
    window = today.windows.get()
    data = {**registration_data, "window": str(window.pk)}
    response = client.post(url("register", day=today.date), data)
    assert "Die Anmeldung für diesen Termin ist geschlossen" in response.content.decode()
    assert (
        "Die Anmeldung für diesen Termin ist geschlossen"
        in client.get(url("list")).content.decode()
    )


def test_the_main_navigation_leads_to_the_one_stop_shop(client, initial_content):
    html = client.get("/").content.decode()
    assert f'href="{url("list")}"' in html


def test_the_privacy_policy_shows_the_retention_period(client, initial_content, settings):
    settings.ONE_STOP_SHOP_RETENTION_DAYS = 45
    html = client.get("/datenschutz/").content.decode()
    assert "One-Stop-Shop löschen wir 45 Tage nach dem Termin" in html
    assert "[[one_stop_shop_retention_days]]" not in html
    html = client.get("/en/privacy/").content.decode()
    assert "One-Stop-Shop 45 days after the date" in html


def test_the_sitemap_lists_the_dates_page_in_both_languages(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/one-stop-shop/</loc>" in xml
    assert "<loc>http://testserver/en/one-stop-shop/</loc>" in xml
