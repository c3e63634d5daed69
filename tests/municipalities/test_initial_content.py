"""The initial content: sourced facts, places and links for every municipality and the whole
district, loaded without ever overwriting what staff changed."""

import json
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from core.models import LoadedRecord
from municipalities import initial_content as content_module
from municipalities.initial_content import CONTENT_DIR, load_topic_content
from municipalities.models import Fact, Link, Municipality, Place
from municipalities.topics import DISTRICT_TOPICS, MUNICIPAL_TOPICS, Topic

pytestmark = pytest.mark.django_db

# Copies, caches and proxies the research used; a reader is never sent there.
MIRROR_HOSTS = (
    "webcache.",
    "translate.goog",
    "wikiwand.",
    "dewiki.de",
    "de.zxc.wiki",
    "wiki2.",
    # Sites that scrape documents of councils and town halls.
    "politik-bei-uns.de",
    "yumpu.com",
)


def load():
    call_command("load_initial_content", stdout=StringIO())


def items():
    for path in CONTENT_DIR.glob("*.json"):
        if path.name == "geo.json":
            continue
        for content in json.loads(path.read_text(encoding="utf-8"))["topics"].values():
            for kind in ("facts", "places", "links"):
                yield from content.get(kind, [])


def test_every_municipality_has_sourced_items_in_both_languages(initial_content):
    assert Municipality.objects.count() == 15
    for municipality in Municipality.objects.all():
        own = sum(
            model.objects.filter(municipality=municipality).count() for model in (Fact, Place, Link)
        )
        assert own >= 20, municipality.slug
    assert not Fact.objects.filter(text_en="").exists()
    assert not Fact.objects.filter(source_url="").exists()
    assert not Municipality.objects.filter(teaser_en="").exists()


def test_district_facts_and_the_two_district_topics(initial_content):
    district = Fact.objects.district()
    assert district.count() >= 100
    for topic in DISTRICT_TOPICS:
        assert district.filter(topic=topic).exists()
        assert not Fact.objects.filter(topic=topic, municipality__isnull=False).exists()
    childcare = " ".join(district.filter(topic=Topic.CHILDCARE).values_list("text_de", flat=True))
    assert "Kita-Navigator" in childcare


def test_no_source_is_a_mirror_or_a_bare_address():
    for item in items():
        for url in filter(None, (item["source"]["url"], item.get("url"), item.get("website"))):
            host = urlsplit(url).hostname
            assert not any(mirror in host for mirror in MIRROR_HOSTS), url
            assert not host.replace(".", "").isdigit(), url


def test_keys_are_unique_and_topics_known():
    keys = [item["key"] for item in items()]
    assert len(keys) == len(set(keys))


def test_general_highlights_go_into_the_introduction(initial_content):
    heimbach = Municipality.objects.get(slug="heimbach")
    assert "Kleinste Stadt Nordrhein-Westfalens" in heimbach.introduction_de
    assert "Smallest town in North Rhine-Westphalia" in heimbach.introduction_en


def test_nothing_is_invented(initial_content):
    assert not Municipality.objects.exclude(town_hall_phone="").exists()
    assert not Municipality.objects.exclude(town_hall_email="").exists()
    assert not Municipality.objects.filter(last_reviewed__isnull=False).exists()


def test_an_admin_edit_survives_a_second_run(initial_content):
    fact = Fact.objects.get(key="kreuzau-metsae-2025")
    fact.text_de = "Von der Redaktion geändert."
    fact.save()
    place = Place.objects.filter(municipality__slug="juelich").first()
    place.phone = "02461 0"
    place.save()
    Municipality.objects.filter(slug="titz").update(population=1)
    load()
    assert Fact.objects.get(key="kreuzau-metsae-2025").text_de == "Von der Redaktion geändert."
    assert Place.objects.get(pk=place.pk).phone == "02461 0"
    assert Municipality.objects.get(slug="titz").population == 1


def test_what_staff_deleted_is_not_created_again(initial_content):
    Fact.objects.filter(key="kreuzau-metsae-2025").delete()
    load()
    assert not Fact.objects.filter(key="kreuzau-metsae-2025").exists()


def test_a_shipped_change_reaches_an_unedited_record(initial_content, monkeypatch, tmp_path):
    for path in CONTENT_DIR.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("slug") == "kreuzau":
            data["topics"]["work"]["facts"][1]["de"] = "Korrigiert."
            data["topics"]["work"]["facts"][0]["de"] = "Auch korrigiert."
        (tmp_path / path.name).write_text(json.dumps(data), encoding="utf-8")
    edited = Fact.objects.get(key="kreuzau-paper-employers")
    edited.text_en = "Edited by staff."
    edited.save()
    monkeypatch.setattr(content_module, "CONTENT_DIR", tmp_path)

    loaders = load_topic_content()

    assert Fact.objects.get(key="kreuzau-metsae-2025").text_de == "Korrigiert."
    assert Fact.objects.get(key="kreuzau-paper-employers").text_de != "Auch korrigiert."
    assert loaders["facts"].counts == {
        "updated": 1,
        "kept": 1,
        "unchanged": Fact.objects.count() - 2,
    }


def test_loading_twice_changes_nothing(initial_content):
    counts = [model.objects.count() for model in (Fact, Place, Link, LoadedRecord)]
    loaders = load_topic_content()
    assert [model.objects.count() for model in (Fact, Place, Link, LoadedRecord)] == counts
    assert all(set(loader.counts) == {"unchanged"} for loader in loaders.values())


def test_only_the_seven_topics_on_a_profile():
    assert len(MUNICIPAL_TOPICS) == 7
    assert Topic.MOVING not in MUNICIPAL_TOPICS


def test_an_item_no_longer_shipped_goes_unless_staff_edited_it(
    initial_content, monkeypatch, tmp_path
):
    for path in CONTENT_DIR.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("slug") == "kreuzau":
            del data["topics"]["work"]["facts"][:2]  # kreuzau-paper-employers, kreuzau-metsae-2025
        (tmp_path / path.name).write_text(json.dumps(data), encoding="utf-8")
    edited = Fact.objects.get(key="kreuzau-paper-employers")
    edited.text_de = "Von der Redaktion ergänzt."
    edited.save()
    monkeypatch.setattr(content_module, "CONTENT_DIR", tmp_path)

    loaders = load_topic_content()

    assert not Fact.objects.filter(key="kreuzau-metsae-2025").exists()
    assert Fact.objects.filter(key="kreuzau-paper-employers").exists()
    assert loaders["facts"].counts["retired"] == 1
