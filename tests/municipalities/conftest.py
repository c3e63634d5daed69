"""Small factories for municipality tests."""

import itertools

import pytest

from municipalities.models import Link, Municipality, Place, Section
from municipalities.topics import Topic

_numbers = itertools.count(1)


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
    """A municipality with a section, a place and a link on every topic."""

    def make(**fields):
        municipality = make_municipality(**fields)
        for topic in Topic:
            Section.objects.create(
                municipality=municipality, topic=topic, text_de=f"Text {topic.label}"
            )
            Place.objects.create(municipality=municipality, topic=topic, name_de=f"Ort {topic}")
            Link.objects.create(
                municipality=municipality,
                topic=topic,
                title_de=f"Link {topic}",
                url="https://example.org/",
            )
        return municipality

    return make
