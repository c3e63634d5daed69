"""Load the district map's data (municipality positions, stations, rail lines, reference points)
from municipalities/initial_content/geo.json.

Runs on every `make run`, so it only adds what is missing, found by a stable key (the slug or
`key`); a record that exists is left exactly as staff left it in the admin. A municipality's
position is filled in only while it is still empty.
"""

import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from municipalities.models import LineStop, Municipality, RailLine, ReferencePoint, Station

GEO_FILE = Path(__file__).resolve().parent / "initial_content" / "geo.json"


def degrees(value):
    """JSON's float as the exact decimal written in the file (6.083333, not 6.0833330000…)."""
    return None if value is None else Decimal(str(value))


def sourced(item):
    return {
        "source": item["source"],
        "source_as_of": item["as_of"] or "",
        "source_checked": item["checked"],
        "notes": item.get("notes", ""),
    }


def translated(item, field):
    values = {f"{field}_de": item[field]}
    if item.get(f"{field}_en"):
        values[f"{field}_en"] = item[f"{field}_en"]
    return values


@transaction.atomic
def load_geo_content(path=GEO_FILE):
    """Create the map's missing records; returns how many were created or filled in."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    created = 0
    by_slug = Municipality.objects.in_bulk(field_name="slug")
    for slug, item in data["municipalities"].items():
        municipality = by_slug.get(slug)
        if municipality is None or municipality.latitude is not None:
            continue
        municipality.latitude = degrees(item["lat"])
        municipality.longitude = degrees(item["lon"])
        municipality.coordinate_source = item["source"]
        municipality.coordinate_checked = item["checked"]
        municipality.save(
            update_fields=["latitude", "longitude", "coordinate_source", "coordinate_checked"]
        )
        created += 1

    references = ReferencePoint.objects.in_bulk(field_name="key")
    for item in data["references"]:
        if item["key"] in references:
            continue
        reference = ReferencePoint(
            key=item["key"],
            latitude=degrees(item["lat"]),
            longitude=degrees(item["lon"]),
            show_distance=item["show_distance"],
            position=item["position"],
            **translated(item, "name"),
            **sourced(item),
        )
        reference.full_clean()
        reference.save()
        references[reference.key] = reference
        created += 1

    stations = Station.objects.in_bulk(field_name="key")
    for item in data["stations"]:
        if item["key"] in stations or item["municipality"] not in by_slug:
            continue
        station = Station(
            key=item["key"],
            municipality=by_slug[item["municipality"]],
            latitude=degrees(item["lat"]),
            longitude=degrees(item["lon"]),
            coordinate_basis=item["coordinate_basis"],
            **translated(item, "name"),
            **sourced(item),
        )
        station.full_clean()
        station.save()
        stations[station.key] = station
        created += 1

    existing_lines = set(RailLine.objects.values_list("key", flat=True))
    for item in data["lines"]:
        if item["key"] in existing_lines or any(key not in stations for key in item["stops"]):
            continue
        line = RailLine(
            key=item["key"],
            code=item["code"],
            position=item["position"],
            continues_from=references.get(item["continues_from"]),
            continues_to=references.get(item["continues_to"]),
            **translated(item, "name"),
            **translated(item, "route"),
            **sourced(item),
        )
        line.full_clean()
        line.save()
        LineStop.objects.bulk_create(
            LineStop(line=line, station=stations[key], position=position)
            for position, key in enumerate(item["stops"], start=1)
        )
        created += 1
    return created
