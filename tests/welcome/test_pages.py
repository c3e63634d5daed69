from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db

MUNICIPALITY_NAMES = [
    "Aldenhoven",
    "Düren",
    "Heimbach",
    "Hürtgenwald",
    "Inden",
    "Jülich",
    "Kreuzau",
    "Langerwehe",
    "Linnich",
    "Merzenich",
    "Nideggen",
    "Niederzier",
    "Nörvenich",
    "Titz",
    "Vettweiß",
]


def test_german_home_page_shows_the_center_and_the_municipalities(client, initial_content):
    response = client.get("/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Welcome-Center Kreis Düren" in html
    assert "Moltkestraße 39" in html
    assert 'href="tel:+4924211060114"' in html
    assert 'href="mailto:amt60@kreis-dueren.de"' in html
    assert "Mo–Do 10:00–16:00 Uhr, Fr 10:00–13:00 Uhr und nach Vereinbarung" in html
    for name in MUNICIPALITY_NAMES:
        assert name in html


def test_english_home_page_is_at_en(client, initial_content):
    response = client.get("/en/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Mon–Thu 10:00–16:00, Fri 10:00–13:00 and by appointment" in html
    assert "Skip to main content" in html


def test_language_is_chosen_by_the_url_not_the_browser(client, initial_content):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="de"' in response.content.decode()


def test_language_switcher_keeps_the_current_page(client, initial_content):
    html = client.get("/gemeinden/").content.decode()
    assert 'href="/en/municipalities/" hreflang="en"' in html
    html = client.get("/en/municipalities/").content.decode()
    assert 'href="/gemeinden/" hreflang="de"' in html


def test_every_page_has_canonical_and_hreflang_alternates(client, initial_content):
    html = client.get("/en/municipalities/").content.decode()
    assert '<link rel="canonical" href="http://testserver/en/municipalities/">' in html
    assert '<link rel="alternate" hreflang="de" href="http://testserver/gemeinden/">' in html
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/municipalities/">' in html
    )
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/gemeinden/">' in html


def test_readers_get_no_cookie(client, initial_content):
    for url in ["/", "/en/", "/gemeinden/", "/does-not-exist/"]:
        response = client.get(url)
        assert not response.cookies, url


def test_security_headers(client, initial_content):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "img-src 'self' data:" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_robots_txt_keeps_the_admin_out(client):
    response = client.get("/robots.txt")
    assert response.status_code == HTTPStatus.OK
    assert "Disallow: /admin/" in response.content.decode()
