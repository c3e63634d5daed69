import pytest
from django.core.exceptions import ValidationError

from municipalities.models import Municipality, Section
from municipalities.topics import Topic
from tests.factories import image

pytestmark = pytest.mark.django_db


def test_an_image_needs_a_description(make_municipality):
    municipality = make_municipality(image=image())
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert "image_alt_de" in error.value.message_dict


def test_a_decorative_image_needs_no_description(make_municipality):
    make_municipality(image=image(), image_decorative=True).full_clean()


def test_a_described_image_is_fine(make_municipality):
    make_municipality(image=image(), image_alt_de="Das Rathaus am Markt").full_clean()


def test_published_hides_unpublished_profiles(make_municipality):
    shown = make_municipality()
    make_municipality(published=False)
    assert list(Municipality.objects.published()) == [shown]


def test_editorial_staff_see_unpublished_profiles(make_municipality, django_user_model):
    from django.contrib.auth.models import Group

    from core.roles import EDITORIAL

    make_municipality()
    make_municipality(published=False)
    staff = django_user_model.objects.create_user("redaktion", is_staff=True)
    staff.groups.add(Group.objects.get(name=EDITORIAL))
    reader = django_user_model.objects.create_user("leser")
    assert Municipality.objects.visible_to(staff).count() == 2
    assert Municipality.objects.visible_to(reader).count() == 1


def test_of_kind_filters_towns(make_municipality):
    town = make_municipality(kind=Municipality.Kind.TOWN)
    make_municipality(kind=Municipality.Kind.MUNICIPALITY)
    assert list(Municipality.objects.of_kind("stadt")) == [town]
    assert Municipality.objects.of_kind("").count() == 2


def test_topics_come_in_their_fixed_order_even_without_sections(make_municipality):
    municipality = make_municipality()
    Section.objects.create(municipality=municipality, topic=Topic.HOUSING, text_de="Wohnen")
    topics = Municipality.objects.with_topics().get(pk=municipality.pk).topics()
    assert [content.topic for content in topics] == list(Topic)
    assert topics[-1].section.text == "Wohnen"
    assert topics[0].section is None
    assert topics[0].anchor == "topic-work"


def test_one_section_per_municipality_and_topic(make_municipality):
    municipality = make_municipality()
    Section.objects.create(municipality=municipality, topic=Topic.WORK)
    with pytest.raises(ValidationError):
        Section(municipality=municipality, topic=Topic.WORK).full_clean()


def test_english_falls_back_to_german(make_municipality):
    from django.utils import translation

    municipality = make_municipality(teaser_de="Nur auf Deutsch")
    with translation.override("en"):
        assert Municipality.objects.get(pk=municipality.pk).teaser == "Nur auf Deutsch"


def test_section_url_points_at_the_topic_on_the_profile(make_municipality):
    municipality = make_municipality(slug="beispiel")
    section = Section.objects.create(municipality=municipality, topic=Topic.CHILDCARE)
    assert section.get_absolute_url() == "/gemeinden/beispiel/#topic-childcare"
