"""The initial content puts every sourced highlight under its topic, in German and English."""

from io import StringIO

import pytest
from django.core.management import call_command

from municipalities.models import Municipality, Section
from municipalities.topics import Topic

pytestmark = pytest.mark.django_db


def section(slug, topic):
    return Section.objects.get(municipality__slug=slug, topic=topic)


def test_every_municipality_has_all_seven_topics_in_both_languages(initial_content):
    assert Municipality.objects.count() == 15
    assert Section.objects.count() == 15 * 7
    assert not Section.objects.filter(text_de="").exists()
    assert not Section.objects.filter(text_en="").exists()
    assert not Municipality.objects.filter(teaser_en="").exists()
    assert not Municipality.objects.filter(introduction_en="").exists()


@pytest.mark.parametrize(
    "slug,topic,fact",
    [
        ("juelich", Topic.WORK, "Forschungszentrum Jülich (Helmholtz-Gemeinschaft"),
        ("juelich", Topic.EDUCATION, "FH Aachen – Campus Jülich"),
        ("dueren", Topic.HEALTH, "St. Marien-Hospital Birkesdorf"),
        ("dueren", Topic.MOBILITY, "Rurtalbahn RB 21"),
        ("dueren", Topic.LEISURE, "Annakirmes"),
        ("heimbach", Topic.LEISURE, "Rursee"),
        ("huertgenwald", Topic.LEISURE, "Nationalpark Eifel"),
        ("kreuzau", Topic.WORK, "Papierindustrie"),
        ("aldenhoven", Topic.WORK, "Aldenhoven Testing Center"),
        ("linnich", Topic.HEALTH, "nächstes Krankenhaus in Jülich"),
    ],
)
def test_highlights_sit_under_their_topic(initial_content, slug, topic, fact):
    assert fact in section(slug, topic).text_de


def test_highlights_are_translated(initial_content):
    assert "around 7,250 employees in 2023" in section("juelich", Topic.WORK).text_en
    assert "Eifel National Park" in section("heimbach", Topic.LEISURE).text_en


def test_a_topic_without_facts_points_to_the_website_and_the_center(initial_content):
    text = section("titz", Topic.CHILDCARE).text_de
    assert "Website von Titz" in text
    assert "Welcome-Center" in text
    english = section("titz", Topic.CHILDCARE).text_en
    assert "Titz’s website" in english


def test_general_highlights_go_into_the_introduction(initial_content):
    heimbach = Municipality.objects.get(slug="heimbach")
    assert "Kleinste Stadt Nordrhein-Westfalens" in heimbach.introduction_de
    assert "Smallest town in North Rhine-Westphalia" in heimbach.introduction_en


def test_nothing_is_invented(initial_content):
    assert not Municipality.objects.exclude(town_hall_phone="").exists()
    assert not Municipality.objects.exclude(town_hall_email="").exists()
    assert not Municipality.objects.filter(last_reviewed__isnull=False).exists()


def test_sources_are_kept_for_the_team(initial_content):
    assert "juelich.de/datasandfacts" in Municipality.objects.get(slug="juelich").sources


def test_loading_twice_keeps_one_section_per_topic(initial_content):
    Section.objects.filter(municipality__slug="inden", topic=Topic.WORK).update(text_de="x")
    call_command("load_initial_content", stdout=StringIO())
    assert Section.objects.count() == 15 * 7
    assert section("inden", Topic.WORK).text_de != "x"
