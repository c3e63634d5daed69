"""Load the district map's data (municipality positions, stations, rail lines, reference points)
from municipalities/initial_content/geo.json.

Runs on every `make run` through the loader that never overwrites staff edits
(core/initial_content.py): records are found by a stable key (the slug or `key`); a record staff
changed is left exactly as they left it. A municipality's position is filled in while it is still
empty, and a line's stops are added with the line.
"""

import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from core.initial_content import CREATED, UPDATED, Loader
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
    """Load the map's records (see core/initial_content.py for what is created, updated or
    kept); returns how many were created, filled in or updated."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    by_slug = Municipality.objects.in_bulk(field_name="slug")
    loaders = []

    positions = Loader(Municipality)
    loaders.append(positions)
    for slug, item in data["municipalities"].items():
        if slug in by_slug:
            values = {
                "latitude": degrees(item["lat"]),
                "longitude": degrees(item["lon"]),
                "coordinate_source": item["source"],
                "coordinate_checked": item["checked"],
            }
            positions.load(f"position:{slug}", values, existing=by_slug[slug])

    reference_loader = Loader(ReferencePoint)
    loaders.append(reference_loader)
    references = ReferencePoint.objects.in_bulk(field_name="key")
    for item in data["references"]:
        values = {
            "key": item["key"],
            "latitude": degrees(item["lat"]),
            "longitude": degrees(item["lon"]),
            "show_distance": item["show_distance"],
            "position": item["position"],
            **translated(item, "name"),
            **sourced(item),
        }
        reference, _outcome = reference_loader.load(
            item["key"], values, existing=references.get(item["key"])
        )
        if reference is not None:
            references[item["key"]] = reference

    station_loader = Loader(Station)
    loaders.append(station_loader)
    stations = Station.objects.in_bulk(field_name="key")
    for item in data["stations"]:
        if item["municipality"] not in by_slug:
            continue
        values = {
            "key": item["key"],
            "municipality_id": by_slug[item["municipality"]].pk,
            "latitude": degrees(item["lat"]),
            "longitude": degrees(item["lon"]),
            "coordinate_basis": item["coordinate_basis"],
            **translated(item, "name"),
            **sourced(item),
        }
        station, _outcome = station_loader.load(
            item["key"], values, existing=stations.get(item["key"])
        )
        if station is not None:
            stations[item["key"]] = station

    line_loader = Loader(RailLine)
    loaders.append(line_loader)
    lines = RailLine.objects.in_bulk(field_name="key")
    for item in data["lines"]:
        if any(key not in stations for key in item["stops"]):
            continue
        values = {
            "key": item["key"],
            "code": item["code"],
            "position": item["position"],
            "continues_from_id": pk_of(references.get(item["continues_from"])),
            "continues_to_id": pk_of(references.get(item["continues_to"])),
            **translated(item, "name"),
            **translated(item, "route"),
            **sourced(item),
        }

        def add_stops(line, stops=item["stops"]):
            LineStop.objects.bulk_create(
                LineStop(line=line, station=stations[key], position=position)
                for position, key in enumerate(stops, start=1)
            )

        line_loader.load(
            item["key"], values, existing=lines.get(item["key"]), after_create=add_stops
        )
    return sum(
        loader.counts.get(outcome, 0) for loader in loaders for outcome in (CREATED, UPDATED)
    )


def pk_of(obj):
    return obj.pk if obj is not None else None
