"""The district map's initial content: loaded with its sources, never overwriting staff edits."""

import json
from decimal import Decimal
from urllib.parse import urlsplit

import pytest

from municipalities.initial_geo import GEO_FILE, load_geo_content
from municipalities.models import LineStop, Municipality, RailLine, ReferencePoint, Station

pytestmark = pytest.mark.django_db

DATA = json.loads(GEO_FILE.read_text(encoding="utf-8"))
# Hosts of copies and proxies that the research used; readers are never sent there.
CANONICAL_HOSTS = {
    "de.wikipedia.org",
    "en.wikipedia.org",
    "fr.wikipedia.org",
    "it.wikipedia.org",
    "www.24rhein.de",
    "dn-news.de",
    "avv.de",
    "aachenbahn.de",
    "bf-l2.zielbahnhof.de",
}


def all_items():
    yield from DATA["municipalities"].values()
    yield from DATA["stations"]
    yield from DATA["lines"]
    yield from DATA["references"]


def test_every_item_names_an_original_source_and_the_day_it_was_checked():
    for item in all_items():
        assert urlsplit(item["source"]).hostname in CANONICAL_HOSTS, item
        assert "oldid" not in item["source"] and "?" not in item["source"], item
        assert item["checked"] == "2026-12-01"


def test_every_line_stops_only_at_stations_of_the_file():
    keys = {station["key"] for station in DATA["stations"]}
    for line in DATA["lines"]:
        assert line["stops"] and set(line["stops"]) <= keys


def test_loads_positions_stations_lines_and_reference_points(initial_content):
    assert Municipality.objects.filter(latitude__isnull=False).count() == 15
    juelich = Municipality.objects.get(slug="juelich")
    assert (juelich.latitude, juelich.longitude) == (Decimal("50.922222"), Decimal("6.358333"))
    assert juelich.coordinate_source == "https://en.wikipedia.org/wiki/J%C3%BClich"
    assert juelich.coordinate_checked.isoformat() == "2026-12-01"
    assert Station.objects.count() == 35
    assert RailLine.objects.count() == 7
    assert ReferencePoint.objects.count() == 5
    assert ReferencePoint.objects.get(key="koeln").name_en == "Cologne"
    rb21 = RailLine.objects.get(key="rb-21-nord")
    assert rb21.source_as_of == "2022-03"
    stops = list(rb21.stops.values_list("station__key", flat=True))
    assert stops == next(line["stops"] for line in DATA["lines"] if line["key"] == "rb-21-nord")
    assert stops[0] == "dueren" and stops[-1] == "linnich-sig-combibloc"


def test_stations_at_their_village_position_are_marked(initial_content):
    basis = dict(Station.objects.values_list("key", "coordinate_basis"))
    # Only three stations have a position of their own in the sources.
    assert sorted(k for k, v in basis.items() if v == "station") == [
        "dueren",
        "juelich",
        "langerwehe",
    ]
    assert basis["tetz"] == "village"
    assert basis["heimbach"] == "municipality"
    assert basis["juelich-nord"] == "none"
    assert Station.objects.get(key="tetz").is_approximate
    assert not Station.objects.get(key="juelich").is_approximate
    assert Station.objects.get(key="juelich-nord").latitude is None


def test_a_second_run_adds_nothing_and_keeps_what_staff_edited(initial_content):
    station = Station.objects.get(key="tetz")
    station.name_de = "Linnich-Tetz"
    station.latitude, station.longitude = Decimal("50.970000"), Decimal("6.320000")
    station.coordinate_basis = Station.CoordinateBasis.STATION
    station.save()
    titz = Municipality.objects.get(slug="titz")
    titz.latitude = Decimal("51.000000")
    titz.save()
    line = RailLine.objects.get(key="rb-28")
    line.stops.filter(station__key="vettweiss").delete()
    counts = (Station.objects.count(), RailLine.objects.count(), LineStop.objects.count())

    assert load_geo_content() == 0

    assert (Station.objects.count(), RailLine.objects.count(), LineStop.objects.count()) == counts
    station.refresh_from_db()
    assert (station.name_de, station.coordinate_basis) == ("Linnich-Tetz", "station")
    assert Municipality.objects.get(slug="titz").latitude == Decimal("51.000000")
    assert not line.stops.filter(station__key="vettweiss").exists()


def test_what_staff_deleted_is_not_added_again(initial_content):
    Station.objects.filter(key="tetz").delete()  # also removes it from RB 21's stops
    ReferencePoint.objects.filter(key="bonn").delete()
    assert load_geo_content() == 0
    assert not Station.objects.filter(key="tetz").exists()
    assert not ReferencePoint.objects.filter(key="bonn").exists()


def test_a_shipped_correction_reaches_an_unedited_station(initial_content, tmp_path):
    data = json.loads(GEO_FILE.read_text(encoding="utf-8"))
    station = next(item for item in data["stations"] if item["key"] == "tetz")
    station["name"] = "Linnich-Tetz"
    corrected = tmp_path / "geo.json"
    corrected.write_text(json.dumps(data), encoding="utf-8")
    assert load_geo_content(corrected) == 1
    assert Station.objects.get(key="tetz").name == "Linnich-Tetz"
