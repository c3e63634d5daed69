import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from municipalities.models import Fact, Municipality
from municipalities.topics import MUNICIPAL_TOPICS, Topic
from tests.factories import image
from tests.municipalities.conftest import SOURCE

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


def test_topics_come_in_their_fixed_order_even_without_facts(make_municipality):
    municipality = make_municipality()
    Fact.objects.create(municipality=municipality, topic=Topic.HOUSING, text_de="Wohnen", **SOURCE)
    topics = Municipality.objects.with_topics().get(pk=municipality.pk).topics()
    assert [content.topic for content in topics] == MUNICIPAL_TOPICS
    assert [fact.text for fact in topics[-1].facts] == ["Wohnen"]
    assert topics[0].is_empty
    assert topics[0].anchor == "topic-work"


def test_the_same_source_gets_one_number(make_municipality):
    municipality = make_municipality()
    for n in range(3):
        Fact.objects.create(
            municipality=municipality,
            topic=Topic.WORK,
            text_de=f"F{n}",
            key=f"f{n}",
            **{**SOURCE, "source_url": f"https://example.org/{n % 2}"},
        )
    content = Municipality.objects.with_topics().get(pk=municipality.pk).topic(Topic.WORK)
    assert [number for _fact, number in content.numbered_facts()] == [1, 2, 1]
    assert [source.url for source in content.sources()] == [
        "https://example.org/0",
        "https://example.org/1",
    ]


@pytest.mark.parametrize(
    "as_of,language,shown,review",
    [
        ("2024-05", "de", "Mai 2024", False),
        ("2024-05", "en", "May 2024", False),
        ("2024-05-14", "en", "14 May 2024", False),
        ("2024-05-14", "de", "14. Mai 2024", False),
        ("2018", "de", "2018", True),
        ("2019-12", "en", "December 2019", True),
        ("", "de", "", True),
    ],
)
def test_the_stand_as_readers_read_it(as_of, language, shown, review):
    fact = Fact(source_as_of=as_of)
    with translation.override(language):
        assert fact.as_of_display == shown
    assert fact.needs_review is review


def test_needs_review_finds_undated_and_old_facts(make_municipality):
    municipality = make_municipality()
    for key, as_of in (("old", "2019-12"), ("undated", ""), ("new", "2020"), ("newer", "2024-05")):
        Fact.objects.create(
            municipality=municipality,
            topic=Topic.WORK,
            key=key,
            **{**SOURCE, "source_as_of": as_of},
        )
    assert set(Fact.objects.needs_review().values_list("key", flat=True)) == {"old", "undated"}


def test_english_falls_back_to_german(make_municipality):
    from django.utils import translation

    municipality = make_municipality(teaser_de="Nur auf Deutsch")
    with translation.override("en"):
        assert Municipality.objects.get(pk=municipality.pk).teaser == "Nur auf Deutsch"


def test_a_fact_links_to_its_topic_on_the_profile_or_to_the_district_page(make_municipality):
    municipality = make_municipality(slug="beispiel")
    fact = Fact.objects.create(municipality=municipality, topic=Topic.CHILDCARE, **SOURCE)
    assert fact.get_absolute_url() == "/gemeinden/beispiel/#topic-childcare"
    district = Fact.objects.create(topic=Topic.MOVING, key="umzug", **SOURCE)
    assert district.get_absolute_url() == "/gemeinden/themen/umzug-und-erste-schritte/"
