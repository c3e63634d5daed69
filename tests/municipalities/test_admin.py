"""Admin smoke tests for every municipality model admin, and the alt-text rule in the admin."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from municipalities.models import Fact, Municipality, Place
from municipalities.topics import Topic
from tests.helpers import inline_management

pytestmark = pytest.mark.django_db

MODELS = ["municipality", "fact", "place", "link"]


@pytest.fixture
def objects(full_profile):
    municipality = full_profile(name="Musterdorf", slug="musterdorf")
    return {
        "municipality": municipality,
        "fact": municipality.facts.first(),
        "place": municipality.places.first(),
        "link": municipality.links.first(),
    }


@pytest.mark.parametrize("model", MODELS)
def test_changelist(admin_client, objects, model):
    response = admin_client.get(reverse(f"admin:municipalities_{model}_changelist"))
    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("model", MODELS)
def test_search(admin_client, objects, model):
    url = reverse(f"admin:municipalities_{model}_changelist")
    response = admin_client.get(url, {"q": "Musterdorf"})
    assert response.status_code == HTTPStatus.OK
    assert "Musterdorf" in response.content.decode()


@pytest.mark.parametrize("model", MODELS)
def test_add(admin_client, model):
    response = admin_client.get(reverse(f"admin:municipalities_{model}_add"))
    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("model", MODELS)
def test_change(admin_client, objects, model):
    url = reverse(f"admin:municipalities_{model}_change", args=[objects[model].pk])
    response = admin_client.get(url)
    assert response.status_code == HTTPStatus.OK


def test_change_page_has_translation_tabs_inlines_and_view_on_site(admin_client, objects):
    municipality = objects["municipality"]
    url = reverse("admin:municipalities_municipality_change", args=[municipality.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="teaser_de"' in page and 'name="teaser_en"' in page
    assert '<textarea name="teaser_de"' in page
    assert 'name="facts-0-text_de"' in page and 'name="facts-0-text_en"' in page
    # German and English of a fact on one line (no translation tabs), its source beside them.
    assert "field-text_de" in page and "field-text_en" in page
    assert 'href="https://example.org/quelle"' in page
    assert 'name="places-0-name_de"' in page
    assert 'name="links-0-title_de"' in page
    assert "/admin/r/" in page  # "view on site"


def test_admin_refuses_an_image_without_description(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import TINY_PNG

    data = {
        "name": "Bilddorf",
        "slug": "bilddorf",
        "kind": "gemeinde",
        "published": "on",
        "image": SimpleUploadedFile("bild.png", TINY_PNG, content_type="image/png"),
        **inline_management("facts"),
        **inline_management("places"),
        **inline_management("links"),
    }
    response = admin_client.post(reverse("admin:municipalities_municipality_add"), data)
    assert response.status_code == HTTPStatus.OK
    assert "Beschreiben Sie das Bild" in response.content.decode()
    assert not Municipality.objects.filter(slug="bilddorf").exists()


def test_admin_adds_a_place(admin_client, objects):
    data = {
        "municipality": objects["municipality"].pk,
        "topic": Topic.CHILDCARE,
        "name_de": "Kita Regenbogen",
        "kind": "kita",
        "position": "0",
        "source_url": "https://example.org/kitas",
        "source_publisher": "Gemeinde Musterdorf",
        "source_as_of": "2025-03",
    }
    response = admin_client.post(reverse("admin:municipalities_place_add"), data)
    assert response.status_code == HTTPStatus.FOUND
    assert Place.objects.filter(name_de="Kita Regenbogen").exists()
    assert Place.objects.get(name_de="Kita Regenbogen").key  # made up when left empty


def test_inlines_follow_the_public_topic_order(admin_client, objects):
    municipality = objects["municipality"]
    url = reverse("admin:municipalities_municipality_change", args=[municipality.pk])
    page = admin_client.get(url).content.decode()
    assert page.index("Text Arbeit und Wirtschaft") < page.index("Text Wohnen und Umzug")


def test_a_district_fact_needs_no_municipality(admin_client):
    data = {
        "topic": "moving",
        "text_de": "Melden Sie Ihre Wohnung innerhalb von zwei Wochen an.",
        "text_en": "Register your address within two weeks.",
        "position": "0",
        "source_url": "https://example.org/anmeldung",
        "source_publisher": "Kreis Düren",
        "source_as_of": "",
    }
    response = admin_client.post(reverse("admin:municipalities_fact_add"), data)
    assert response.status_code == HTTPStatus.FOUND
    assert Fact.objects.get(topic="moving").municipality is None


def test_a_district_topic_belongs_to_no_municipality(admin_client, objects):
    data = {
        "municipality": objects["municipality"].pk,
        "topic": "integration",
        "text_de": "Integrationskurse",
        "position": "0",
        "source_url": "https://example.org/kurse",
        "source_publisher": "BAMF",
    }
    response = admin_client.post(reverse("admin:municipalities_fact_add"), data)
    assert response.status_code == HTTPStatus.OK
    assert not Fact.objects.filter(topic="integration").exists()
