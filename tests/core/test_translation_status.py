"""Translation status in the admin: missing, outdated after a German edit, up to date after the
English was saved."""

from http import HTTPStatus

import pytest

from core.translation_status import TranslationStatus, translation_status
from municipalities.models import Fact, Municipality

pytestmark = pytest.mark.django_db
SOURCE = {
    "source_url": "https://example.org/quelle",
    "source_publisher": "Gemeinde Titz",
    "source_as_of": "2024",
}

URL = "/admin/municipalities/fact/"


@pytest.fixture
def section(db):
    municipality = Municipality.objects.create(name="Titz", slug="titz", kind="gemeinde")
    return Fact.objects.create(
        municipality=municipality, topic="health", text_de="Ärzte", key="titz-aerzte", **SOURCE
    )


def save(admin_client, section, **texts):
    data = {"municipality": section.municipality_id, "topic": section.topic, "position": 0}
    data |= {**SOURCE, "key": section.key}
    data |= {"text_de": section.text_de, "text_en": section.text_en or ""} | texts
    response = admin_client.post(f"{URL}{section.pk}/change/", data)
    assert response.status_code == HTTPStatus.FOUND
    section.refresh_from_db()


def listed(admin_client, status):
    return admin_client.get(URL, {"translation": status}).content.decode()


def test_missing_then_current_then_outdated_then_current(admin_client, section):
    link = f'href="{URL}{section.pk}/change/?_changelist_filters'
    assert translation_status(section) == TranslationStatus.MISSING
    assert link in listed(admin_client, "missing")
    assert "Übersetzung fehlt" in admin_client.get(URL).content.decode()

    save(admin_client, section, text_en="Doctors")
    assert translation_status(section) == TranslationStatus.CURRENT
    assert link in listed(admin_client, "current")
    assert link not in listed(admin_client, "missing")

    save(admin_client, section, text_de="Ärztinnen und Ärzte")
    assert translation_status(section) == TranslationStatus.OUTDATED
    assert link in listed(admin_client, "outdated")
    assert "Übersetzung veraltet" in admin_client.get(URL).content.decode()

    save(admin_client, section, text_en="Doctors and GPs")
    assert translation_status(section) == TranslationStatus.CURRENT
    assert link not in listed(admin_client, "outdated")


def test_changing_german_and_english_together_is_up_to_date(admin_client, section):
    save(admin_client, section, text_de="Apotheken", text_en="Pharmacies")
    assert translation_status(section) == TranslationStatus.CURRENT


def test_inline_translations_are_tracked_on_the_municipality_page(admin_client, section):
    from tests.helpers import inline_management

    municipality = section.municipality
    data = {
        "name": "Titz",
        "slug": "titz",
        "kind": "gemeinde",
        "published": "on",
        **inline_management("places"),
        **inline_management("links"),
        "facts-TOTAL_FORMS": "1",
        "facts-INITIAL_FORMS": "1",
        "facts-MIN_NUM_FORMS": "0",
        "facts-MAX_NUM_FORMS": "1000",
        "facts-0-id": section.pk,
        "facts-0-municipality": municipality.pk,
        "facts-0-topic": "health",
        "facts-0-position": "0",
        "facts-0-key": section.key,
        "facts-0-text_de": "Ärzte",
        "facts-0-text_en": "Doctors",
        **{f"facts-0-{name}": value for name, value in SOURCE.items()},
    }
    url = f"/admin/municipalities/municipality/{municipality.pk}/change/"
    assert admin_client.post(url, data).status_code == HTTPStatus.FOUND
    section.refresh_from_db()
    assert translation_status(section) == TranslationStatus.CURRENT


def test_initial_content_counts_as_translated(initial_content):
    titz = Municipality.objects.get(slug="titz")
    assert translation_status(titz) == TranslationStatus.CURRENT
    assert translation_status(titz.facts.first()) == TranslationStatus.CURRENT
