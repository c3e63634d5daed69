"""The site search: grouped results, safe highlighting, synonyms, and stemming on PostgreSQL and
on SQLite alike."""

from http import HTTPStatus

import pytest
from django.conf import settings

from core import search
from municipalities.models import Fact, Municipality, Place
from municipalities.topics import Topic

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    not settings.IS_POSTGRESQL, reason="full-text search runs on PostgreSQL only"
)
sqlite_only = pytest.mark.skipif(settings.IS_POSTGRESQL, reason="the SQLite fallback")
SOURCE = {"source_url": "https://example.org/quelle", "source_publisher": "Gemeinde Titz"}


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
def kita(db):
    """A Kita in a small world of its own (the initial content has forty)."""
    titz = Municipality.objects.create(name="Titz", slug="titz", kind="gemeinde")
    Fact.objects.create(
        municipality=titz,
        topic=Topic.CHILDCARE,
        text_de="In Titz gibt es fünf Kitas.",
        text_en="Titz has five Kitas.",
        **SOURCE,
    )
    return Place.objects.create(
        municipality=titz,
        topic=Topic.CHILDCARE,
        name_de="Kita Sonnenblume",
        name_en="Kita Sonnenblume",
        kind="kita",
        description_de="Eine Kita mit Garten.",
        description_en="A day care centre with a garden.",
        **SOURCE,
    )


def test_empty_search_page_invites_a_query(client, initial_content):
    html = page(client, "/suche/")
    assert '<h1 class="kern-heading-x-large">Suchen</h1>' in html
    assert "Geben Sie ein Wort ein" in html
    assert not client.get("/suche/").cookies


def test_results_are_grouped_by_type(client, kita):
    html = page(client, "/suche/", q="Kita")
    assert 'id="results-places"' in html
    assert 'id="results-facts"' in html
    assert 'id="results-topics"' in html
    assert "Kita Sonnenblume (Titz)" in html
    assert html.index('id="results-facts"') < html.index('id="results-places"')


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
        **SOURCE,
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


def test_district_facts_are_found(initial_content):
    assert "Kreis Düren: Kinderbetreuung" in titles("Kita-Navigator")
    assert "District of Düren: Child care" in titles("Kita-Navigator", language="en")


def test_topic_pages_and_the_district_topics_are_found(client, initial_content):
    assert "Umzug und erste Schritte" in titles("Umzug")
    assert "Integration and language" in titles("integration", language="en")
    html = page(client, "/suche/", q="Aufenthaltstitel")
    assert 'href="/gemeinden/themen/umzug-und-erste-schritte/"' in html


def test_links_are_found(initial_content):
    assert any("Kita" in title for title in titles("Kita-Navigator") if "(" in title)


def test_one_sentence_in_many_profiles_is_one_result(initial_content):
    for slug in ("titz", "inden", "linnich"):
        Fact.objects.create(
            municipality=Municipality.objects.get(slug=slug),
            topic=Topic.HOUSING,
            text_de="Bauplätze vergibt die Gemeinde über eine Warteliste für Zwergbauplätze.",
            **SOURCE,
        )
    results = [
        result
        for group in search.search("Zwergbauplätze", language="de")
        for result in group["results"]
    ]
    assert len(results) == 1
    assert [other["title"] for other in results[0]["also"]] == [
        "Inden: Wohnen und Umzug",
        "Linnich: Wohnen und Umzug",
    ] or len(results[0]["also"]) == 2


def test_grouped_results_name_the_other_places(client, initial_content):
    for slug in ("titz", "inden"):
        Fact.objects.create(
            municipality=Municipality.objects.get(slug=slug),
            topic=Topic.HOUSING,
            text_de="Die Zwergbauplätze werden verlost.",
            **SOURCE,
        )
    html = page(client, "/suche/", q="Zwergbauplätze")
    assert "Auch:" in html


@pytest.mark.parametrize(
    "query,language,expected",
    [
        ("Kindergarten", "de", "Kita Sonnenblume (Titz)"),
        ("Kindertagesstätte", "de", "Kita Sonnenblume (Titz)"),
        ("nursery", "en", "Kita Sonnenblume (Titz)"),
        ("day care", "en", "Kita Sonnenblume (Titz)"),
        ("Kitas", "de", "Kita Sonnenblume (Titz)"),
    ],
)
def test_everyday_words_and_plurals_find_the_kita(kita, query, language, expected):
    assert expected in titles(query, language=language)


@pytest.mark.parametrize(
    "query,language",
    [
        ("Arzt", "de"),
        ("Ärzte", "de"),
        ("doctor", "en"),
        ("Krankenhäuser", "de"),
        ("hospitals", "en"),
    ],
)
def test_doctor_finds_hospitals_and_practices(initial_content, query, language):
    Place.objects.create(
        municipality=Municipality.objects.get(slug="linnich"),
        topic=Topic.HEALTH,
        name_de="Praxis am Markt",
        kind="other",
        description_de="Hausarztpraxis mit Krankenhaus-Anbindung.",
        description_en="Family practice linked to a hospital.",
        **SOURCE,
    )
    assert "Praxis am Markt (Linnich)" in titles(query, language=language)


@pytest.mark.parametrize(
    "query,language", [("Visum", "de"), ("visa", "en"), ("residence permit", "en")]
)
def test_visa_finds_the_immigration_office(initial_content, query, language):
    Fact.objects.create(
        topic=Topic.MOVING,
        text_de="Den Aufenthaltstitel beantragen Sie bei der Ausländerbehörde des Kreises.",
        text_en="You apply for your residence title at the district's Ausländerbehörde.",
        **SOURCE,
    )
    found = titles(query, language=language)
    assert "Kreis Düren: Umzug und erste Schritte" in found or (
        "District of Düren: Moving and first steps" in found
    )


@pytest.mark.parametrize("query,language", [("Ummeldung", "de"), ("register my address", "en")])
def test_ummeldung_finds_the_anmeldung(initial_content, query, language):
    Fact.objects.create(
        topic=Topic.MOVING,
        text_de="Die Anmeldung erledigen Sie im Bürgerbüro Ihrer Gemeinde.",
        text_en="You complete the Anmeldung at your municipality's Bürgerbüro.",
        **SOURCE,
    )
    found = titles(query, language=language)
    assert "Kreis Düren: Umzug und erste Schritte" in found or (
        "District of Düren: Moving and first steps" in found
    )


def test_the_synonyms_are_data():
    rules = search.parse_synonyms("kindergarten, day care => kita\n# comment\nbus, buses\n")
    assert rules == [
        ([("kindergarten",), ("day", "care")], [("kita",)]),
        ([("bus",), ("buses",)], [("bus",), ("buses",)]),
    ]


@sqlite_only
def test_sqlite_finds_parts_of_compounds(initial_content):
    assert "Kreis Düren: Kinderbetreuung" in titles("Navigator")


@sqlite_only
def test_sqlite_marks_the_hit(client, initial_content):
    html = page(client, "/suche/", q="Annakirmes")
    assert "<mark>Annakirmes</mark>" in html


@postgresql_only
def test_krankenhaus_finds_krankenhaeuser(initial_content):
    Place.objects.create(
        municipality=Municipality.objects.get(slug="dueren"),
        topic=Topic.HEALTH,
        name_de="Gesundheitsnetz",
        description_de="Zwei Krankenhäuser arbeiten zusammen.",
        **SOURCE,
    )
    assert "Gesundheitsnetz (Düren)" in titles("Krankenhaus")


def test_krankenhaus_finds_krankenhaeuser_on_every_database(initial_content):
    Place.objects.create(
        municipality=Municipality.objects.get(slug="dueren"),
        topic=Topic.HEALTH,
        name_de="Gesundheitsnetz",
        description_de="Zwei Krankenhäuser arbeiten zusammen.",
        **SOURCE,
    )
    assert "Gesundheitsnetz (Düren)" in titles("Krankenhaus")


@postgresql_only
def test_results_are_ranked_and_highlighted(client, initial_content):
    html = page(client, "/suche/", q="Forschungszentrum")
    assert "<mark>Forschungszentrum</mark>" in html


def test_english_falls_back_to_german_content(initial_content):
    Place.objects.create(
        municipality=Municipality.objects.get(slug="dueren"),
        topic=Topic.LEISURE,
        name_de="Stadtbücherei",
        description_de="Bücher und Medien",
        **SOURCE,
    )
    assert "Stadtbücherei (Düren)" in titles("Stadtbücherei", language="en")


def test_the_topic_name_finds_the_topic(initial_content):
    found = titles("Kinderbetreuung")
    assert "Kinderbetreuung" in found
    assert "Kreis Düren: Kinderbetreuung" in found
