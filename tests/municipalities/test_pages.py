"""Every municipality page in German and English."""

from http import HTTPStatus

import pytest

from municipalities.models import Municipality

pytestmark = pytest.mark.django_db


def html(response):
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


@pytest.mark.parametrize(
    "url,lang,heading",
    [
        ("/gemeinden/", "de", "Städte und Gemeinden im Kreis Düren"),
        ("/en/municipalities/", "en", "Towns and municipalities in the Kreis Düren"),
        ("/gemeinden/juelich/", "de", "Jülich"),
        ("/en/municipalities/juelich/", "en", "Jülich"),
        ("/gemeinden/themen/", "de", "Themen für Zugezogene im Kreis Düren"),
        ("/en/municipalities/topics/", "en", "Topics for newcomers in the Kreis Düren"),
        ("/gemeinden/themen/kinderbetreuung/", "de", "Kinderbetreuung im Kreis Düren"),
        ("/en/municipalities/topics/childcare/", "en", "Child care in the Kreis Düren"),
        ("/gemeinden/vergleich/", "de", "Städte und Gemeinden vergleichen"),
        ("/en/municipalities/compare/", "en", "Compare towns and municipalities"),
    ],
)
def test_page_in_both_languages(client, initial_content, url, lang, heading):
    page = html(client.get(url))
    assert f'<html lang="{lang}"' in page
    assert f'<h1 class="kern-heading-x-large">{heading}</h1>' in page
    assert '<meta name="description" content="' in page
    assert not client.get(url).cookies


def test_list_shows_all_fifteen_with_kind_population_and_teaser(client, initial_content):
    page = html(client.get("/gemeinden/"))
    assert page.count('class="kern-card"') == 15
    assert "33.359 Einwohnerinnen und Einwohner (Stand 31. Dezember 2023)" in page
    assert "Forschungs- und Hochschulstadt" in page
    english = html(client.get("/en/municipalities/"))
    assert "33,359 inhabitants (as of 31 December 2023)" in english
    assert "A town of research and study" in english


def test_list_filters_towns_without_javascript(client, initial_content):
    page = html(client.get("/gemeinden/", {"kind": "stadt"}))
    assert page.count('class="kern-card"') == 5
    cards = page.split('class="municipality-cards"')[1].split("</ul>")[0]
    assert "Aldenhoven" not in cards  # the district map below the cards still shows all 15
    assert 'value="stadt" checked' in page
    page = html(client.get("/gemeinden/", {"kind": "gemeinde"}))
    assert page.count('class="kern-card"') == 10


def test_list_explains_an_unknown_filter_and_shows_all(client, initial_content):
    page = html(client.get("/gemeinden/", {"kind": "<b>dorf</b>"}))
    assert page.count('class="kern-card"') == 15
    assert "<b>dorf</b>" not in page
    assert "Bitte wählen Sie eine der Möglichkeiten." in page


def test_profile_shows_facts_topics_and_contact(client, initial_content):
    page = html(client.get("/gemeinden/juelich/"))
    assert "<title>Jülich: Stadt im Kreis Düren – Welcome-Center Kreis Düren</title>" in page
    assert "33.359 (Stand 31. Dezember 2023)" in page
    assert "90,39 km²" in page
    assert 'href="https://www.juelich.de"' in page
    assert "Große Rurstraße 17, 52428 Jülich" in page
    for anchor in ["work", "education", "childcare", "health", "leisure", "mobility", "housing"]:
        assert f'href="#topic-{anchor}"' in page
        assert f'id="topic-{anchor}"' in page
    assert "Das Forschungszentrum Jülich ist der Standort von JUPITER" in page
    assert 'href="/kontakt/frage/?municipality=juelich"' in page or (
        'href="/contact/question/?municipality=juelich"' in page
    )


def test_profile_in_english(client, initial_content):
    page = html(client.get("/en/municipalities/heimbach/"))
    assert "4,487 (as of 31 December 2024)" in page
    assert "Smallest town in North Rhine-Westphalia" in page
    assert "The Rurtalbahn RB 21 coming from Düren terminates in Heimbach" in page
    assert "For the whole district" in page
    assert "Questions about Heimbach?" in page


def test_unknown_profile_is_a_404(client, initial_content):
    assert client.get("/gemeinden/atlantis/").status_code == HTTPStatus.NOT_FOUND


def test_unpublished_profile_is_hidden_from_readers(client, initial_content):
    Municipality.objects.filter(slug="titz").update(published=False)
    assert client.get("/gemeinden/titz/").status_code == HTTPStatus.NOT_FOUND
    assert "Titz" not in html(client.get("/gemeinden/"))


def test_staff_preview_unpublished_profiles(admin_client, initial_content):
    Municipality.objects.filter(slug="titz").update(published=False)
    page = html(admin_client.get("/gemeinden/titz/"))
    assert "Vorschau" in page and "Dieses Profil ist zurzeit nicht veröffentlicht" in page
    assert '<meta name="robots" content="noindex">' in page


def test_topic_page_shows_the_district_first_then_every_municipality(client, initial_content):
    page = html(client.get("/gemeinden/themen/kinderbetreuung/"))
    assert page.count('class="topic-summary"') == 15
    district = page.index("Für den ganzen Kreis")
    assert district < page.index('id="aldenhoven"')
    assert "Kita-Navigator" in page[district : page.index('id="aldenhoven"')]
    assert 'href="/gemeinden/kreuzau/#topic-childcare"' in page
    # Jülich has no checked fact on child care yet: the page says so and where to ask.
    juelich = page[page.index('id="juelich"') : page.index('id="kreuzau"')]
    assert "liegen uns zu diesem Thema noch keine geprüften Angaben vor" in juelich
    assert 'href="https://www.juelich.de"' in juelich


def test_schools_are_grouped_by_type_on_the_education_page(client, initial_content):
    page = html(client.get("/en/municipalities/topics/education/"))
    dueren = page[page.index('id="dueren"') : page.index('id="heimbach"')]
    assert "<dt>Primary schools (Grundschule)</dt>" in dueren
    assert "<dt>Gymnasium</dt>" in dueren


def test_every_fact_shows_its_numbered_source_with_the_stand(client, initial_content):
    page = html(client.get("/gemeinden/kreuzau/"))
    section = page[page.index('id="topic-work"') : page.index('id="topic-education"')]
    assert '<a class="kern-link source-ref" href="#topic-work-source-1">(Quelle 1)</a>' in section
    assert 'id="topic-work-source-1"' in section
    assert ">Gemeinde Kreuzau</a> (ohne Datum)" in section
    assert ">paper-world.com</a> (Stand 2025)" in section
    english = html(client.get("/en/municipalities/kreuzau/"))
    assert ">Aachener Zeitung</a> (as of January 2018)" in english


def test_a_topic_without_local_facts_says_so_and_shows_the_district(client, initial_content):
    page = html(client.get("/gemeinden/inden/"))
    health = page[page.index('id="topic-health"') : page.index('id="topic-leisure"')]
    assert "Für Inden liegen uns zu diesem Thema noch keine geprüften Angaben vor." in health
    assert "Für den ganzen Kreis" in health
    assert 'href="/kontakt/"' in health


@pytest.mark.parametrize(
    "url,heading,text",
    [
        ("/gemeinden/themen/umzug-und-erste-schritte/", "Umzug und erste Schritte", "Anmeld"),
        ("/en/municipalities/topics/moving-and-first-steps/", "Moving and first steps", "regist"),
        (
            "/gemeinden/themen/integration-und-sprache/",
            "Integration und Sprache",
            "Integrationskurs",
        ),
        (
            "/en/municipalities/topics/integration-and-language/",
            "Integration and language",
            "integration course",
        ),
    ],
)
def test_district_topic_pages_in_both_languages(client, initial_content, url, heading, text):
    page = html(client.get(url))
    assert f'<h1 class="kern-heading-x-large">{heading}</h1>' in page
    assert text in page
    assert 'class="source-list"' in page


def test_district_topics_are_linked_from_the_home_page_and_the_navigation(client, initial_content):
    page = html(client.get("/"))
    assert page.count('href="/gemeinden/themen/umzug-und-erste-schritte/"') >= 2
    assert page.count('href="/gemeinden/themen/integration-und-sprache/"') >= 2
    moving = html(client.get("/gemeinden/themen/umzug-und-erste-schritte/"))
    assert 'href="/gemeinden/themen/umzug-und-erste-schritte/" aria-current="page"' in moving


def test_no_mirror_or_proxy_host_on_the_public_pages(client, initial_content):
    for url in ["/gemeinden/dueren/", "/gemeinden/juelich/", "/gemeinden/themen/gesundheit/"]:
        page = html(client.get(url))
        for host in ("webcache.", "translate.goog", "wikiwand.", "dewiki.de", "zxc.wiki"):
            assert host not in page


def test_topic_slug_of_the_other_language_resolves(client, initial_content):
    assert client.get("/gemeinden/themen/childcare/").status_code == HTTPStatus.OK
    assert client.get("/gemeinden/themen/unbekannt/").status_code == HTTPStatus.NOT_FOUND


def test_places_and_links_are_shown(client, full_profile):
    municipality = full_profile(slug="musterdorf", name="Musterdorf")
    municipality.places.filter(topic="childcare").update(
        kind="kita", phone="02421 123", website="https://kita.example/"
    )
    page = html(client.get("/gemeinden/musterdorf/"))
    assert "Ort childcare" in page
    assert "<strong>Kitas (Kindertageseinrichtungen)</strong>" in page
    assert 'href="tel:+492421123"' in page
    assert 'href="https://example.org/">Link childcare</a>' in page


def test_text_from_editors_is_escaped(client, make_municipality):
    make_municipality(slug="xss", teaser_de="<script>alert(1)</script>")
    page = html(client.get("/gemeinden/xss/"))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_profile_image_with_description(client, make_municipality):
    from tests.factories import image

    make_municipality(slug="bild", image=image(), image_alt_de="Der Marktplatz im Sommer")
    page = html(client.get("/gemeinden/bild/"))
    assert 'alt="Der Marktplatz im Sommer"' in page


def test_decorative_profile_image_has_empty_alt(client, make_municipality):
    from tests.factories import image

    make_municipality(slug="deko", image=image(), image_decorative=True)
    assert 'alt="">' in html(client.get("/gemeinden/deko/"))


def test_last_reviewed_is_shown_as_stand(client, make_municipality):
    import datetime

    make_municipality(slug="geprueft", last_reviewed=datetime.date(2026, 3, 1))
    page = html(client.get("/gemeinden/geprueft/"))
    assert "Stand des Profils" in page
    assert "1. März 2026" in page
