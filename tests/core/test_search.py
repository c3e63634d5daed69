"""The site search: grouped results, safe highlighting, stemming on PostgreSQL, SQLite fallback."""

from http import HTTPStatus

import pytest
from django.conf import settings
from django.utils import translation

from core import search
from municipalities.models import Municipality, Place
from municipalities.topics import Topic

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    not settings.IS_POSTGRESQL, reason="full-text search runs on PostgreSQL only"
)
sqlite_only = pytest.mark.skipif(settings.IS_POSTGRESQL, reason="the SQLite fallback")


def page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def titles(query, language="de"):
    return [
        result["title"]
        for group in search.search(query, language=language)
        for result in group["results"]
    ]


@pytest.fixture
def kita(initial_content):
    return Place.objects.create(
        municipality=Municipality.objects.get(slug="titz"),
        topic=Topic.CHILDCARE,
        name_de="Kita Sonnenblume",
        name_en="Kita Sonnenblume",
        kind_de="Kita",
        kind_en="day care centre",
        description_de="Eine Kita mit Garten.",
        description_en="A day care centre with a garden.",
    )


def test_empty_search_page_invites_a_query(client, initial_content):
    html = page(client, "/suche/")
    assert '<h1 class="kern-heading-x-large">Suchen</h1>' in html
    assert "Geben Sie ein Wort ein" in html
    assert not client.get("/suche/").cookies


def test_results_are_grouped_by_type(client, kita):
    html = page(client, "/suche/", q="Kita")
    assert 'id="results-places"' in html
    assert 'id="results-sections"' in html
    assert "Kita Sonnenblume (Titz)" in html
    assert html.index('id="results-sections"') < html.index('id="results-places"')


def test_no_results_state(client, initial_content):
    html = page(client, "/suche/", q="Zzyzx")
    assert "Nichts gefunden für „Zzyzx“" in html
    assert 'href="/gemeinden/themen/"' in html


def test_english_results_page(client, initial_content):
    html = page(client, "/en/search/", q="Rurtalbahn")
    assert '<html lang="en"' in html
    assert "Search results for “Rurtalbahn”" in html
    assert "/en/municipalities/" in html


def test_the_query_is_never_reflected_unescaped(client, initial_content):
    attack = '"><script>alert(1)</script>'
    html = page(client, "/suche/", q=attack)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_highlighting_escapes_the_content(initial_content):
    place = Place.objects.create(
        municipality=Municipality.objects.get(slug="titz"),
        topic=Topic.LEISURE,
        name_de="Burg <b>Bösewicht</b>",
        description_de="Die <script>alert(1)</script> Burg",
    )
    results = [
        result
        for group in search.search("Burg", language="de")
        for result in group["results"]
        if result["title"].startswith("Burg <b>")
    ]
    assert results, place
    snippet = str(results[0]["snippet"])
    assert "<script>" not in snippet  # escaped (SQLite) or dropped by ts_headline (PostgreSQL)
    assert "<mark>Burg</mark>" in snippet


def test_a_too_long_query_gets_a_message(client, initial_content):
    html = page(client, "/suche/", q="a" * 201)
    assert "Bitte verwenden Sie höchstens 200 Zeichen." in html


def test_punctuation_only_is_an_empty_search(client, initial_content):
    html = page(client, "/suche/", q="&&& ::: '")
    assert "Geben Sie ein Wort ein" in html


def test_unpublished_profiles_are_not_found(initial_content):
    Municipality.objects.filter(slug="titz").update(published=False)
    assert not [title for title in titles("Titz") if "Titz" in title]


def test_a_new_source_plugs_in_with_a_few_lines(initial_content):
    source = search.SearchSource(
        key="towns-only",
        label="Towns",
        queryset=lambda: Municipality.objects.filter(kind="stadt"),
        fields=("name",),
        snippet_field="teaser",
        order=99,
    )
    search.register(source)
    try:
        groups = search.search("Jülich", language="de")
        assert "towns-only" in [group["source"].key for group in groups]
    finally:
        search._sources.pop("towns-only")


def test_the_header_search_box_sends_to_the_results_page(client, initial_content):
    html = page(client, "/")
    assert 'action="/suche/"' in html
    assert 'action="/en/search/"' in page(client, "/en/")


@sqlite_only
def test_sqlite_fallback_finds_substrings(initial_content):
    assert "Jülich: Arbeit und Wirtschaft" in titles("Forschungszentrum")
    assert "Düren: Gesundheit" in titles("krankenhaus")


@sqlite_only
def test_sqlite_fallback_marks_the_hit(client, initial_content):
    html = page(client, "/suche/", q="Annakirmes")
    assert "<mark>Annakirmes</mark>" in html


@postgresql_only
def test_plural_kitas_finds_kita(kita):
    assert "Kita Sonnenblume (Titz)" in titles("Kitas")


@postgresql_only
def test_krankenhaus_finds_krankenhaeuser(initial_content):
    Place.objects.create(
        municipality=Municipality.objects.get(slug="dueren"),
        topic=Topic.HEALTH,
        name_de="Gesundheitsnetz",
        description_de="Zwei Krankenhäuser arbeiten zusammen.",
    )
    assert "Gesundheitsnetz (Düren)" in titles("Krankenhaus")


@postgresql_only
def test_german_stemming_finds_inflected_words(initial_content):
    # "Museen" and "Museum" share no stem, but "Studierenden" → "Studierende" does.
    assert "Jülich: Bildung und Schule" in titles("Studierenden")


@postgresql_only
def test_english_stemming(initial_content):
    translation.activate("en")
    assert "Jülich: Work and economy" in titles("employee", language="en")
    assert "Düren: Health" in titles("hospital", language="en")


@postgresql_only
def test_results_are_ranked_and_highlighted(client, initial_content):
    html = page(client, "/suche/", q="Forschungszentrum")
    assert "<mark>Forschungszentrum</mark>" in html
    first = html.index('id="results-sections"')
    assert html.index("Jülich: Arbeit und Wirtschaft", first) < html.index(
        "Jülich: Mobilität", first
    )


@postgresql_only
def test_english_falls_back_to_german_content(initial_content):
    Place.objects.create(
        municipality=Municipality.objects.get(slug="dueren"),
        topic=Topic.LEISURE,
        name_de="Stadtbücherei",
        description_de="Bücher und Medien",
    )
    assert "Stadtbücherei (Düren)" in titles("Stadtbücherei", language="en")


def test_the_topic_name_finds_the_topic_sections(initial_content):
    found = titles("Kinderbetreuung")
    assert "Titz: Kinderbetreuung" in found
    assert len([title for title in found if title.endswith(": Kinderbetreuung")]) == 15
