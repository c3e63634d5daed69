"""Small factories for municipality tests."""

import itertools

import pytest

from municipalities.models import Fact, Link, Municipality, Place
from municipalities.topics import MUNICIPAL_TOPICS

_numbers = itertools.count(1)
SOURCE = {
    "source_url": "https://example.org/quelle",
    "source_publisher": "Gemeinde Beispiel",
    "source_as_of": "2024-05",
}


@pytest.fixture
def make_municipality(db):
    def make(**fields):
        number = next(_numbers)
        fields.setdefault("name", f"Testdorf {number}")
        fields.setdefault("slug", f"testdorf-{number}")
        fields.setdefault("kind", Municipality.Kind.MUNICIPALITY)
        return Municipality.objects.create(**fields)

    return make


@pytest.fixture
def full_profile(make_municipality):
    """A municipality with a fact, a place and a link on every topic."""

    def make(**fields):
        municipality = make_municipality(**fields)
        for topic in MUNICIPAL_TOPICS:
            Fact.objects.create(
                municipality=municipality, topic=topic, text_de=f"Text {topic.label}", **SOURCE
            )
            Place.objects.create(
                municipality=municipality, topic=topic, name_de=f"Ort {topic}", **SOURCE
            )
            Link.objects.create(
                municipality=municipality,
                topic=topic,
                title_de=f"Link {topic}",
                url="https://example.org/",
                **SOURCE,
            )
        return municipality

    return make
