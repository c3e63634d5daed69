"""Multiply the content of a benchmark database: every municipality, its sections, places and links,
the events, the coming opening exceptions and the district map's stations and lines become
`factor` times as many.

Copies are named "<name> (N)": this is for measuring, never for a database that serves
readers. Run it standalone on a database with the initial content loaded:

    DATABASE_URL=postgres://welcome@127.0.0.1/bench DJANGO_SECRET_KEY=bench \
        .venv/bin/python benchmarks/multiply_content.py 10

`benchmarks/run.py` calls `multiply_content()` itself.
"""

import os
import sys
from datetime import time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def copy_rows(model, rows, **changes):
    copies = []
    for row in rows:
        row.pk = row.id = None
        row._state.adding = True
        for field, value in changes.items():
            setattr(row, field, value)
        copies.append(row)
    return model.objects.bulk_create(copies)


def multiply_content(factor=10):
    from django.db import transaction
    from django.utils import timezone

    from municipalities.models import (
        LineStop,
        Link,
        Municipality,
        Place,
        RailLine,
        Section,
        Station,
    )
    from welcome.models import Event, OpeningException, OpeningExceptionInterval, WelcomeCenter

    today = timezone.localdate()
    with transaction.atomic():
        originals = list(Municipality.objects.all())
        for number in range(1, factor):
            for original in originals:
                copy = Municipality.objects.get(pk=original.pk)
                sections = list(original.sections.all())
                places = list(original.places.all())
                links = list(original.links.all())
                copy.pk = copy.id = None
                copy._state.adding = True
                copy.slug = f"{original.slug}-copy-{number}"
                copy.name = f"{original.name} ({number})"
                copy.save()
                copy_rows(Section, sections, municipality=copy)
                copy_rows(Place, places, municipality=copy)
                copy_rows(Link, links, municipality=copy)

        events = list(Event.objects.all())
        for number in range(1, factor):
            for event in Event.objects.filter(pk__in=[e.pk for e in events]):
                event.pk = event.id = None
                event._state.adding = True
                event.slug = f"{event.slug}-copy-{number}"
                event.save()

        center = WelcomeCenter.objects.first()
        if center is not None:
            for day in range(factor):
                exception = OpeningException.objects.create(
                    center=center,
                    start_date=today + timedelta(days=30 + day),
                    end_date=today + timedelta(days=30 + day),
                    closed=False,
                    reason_de="Sonderöffnung",
                    reason_en="Special opening",
                )
                OpeningExceptionInterval.objects.create(
                    exception=exception, opens=time(9), closes=time(12)
                )

        stations = list(Station.objects.all())
        lines = list(RailLine.objects.prefetch_related("stops"))
        for number in range(1, factor):
            station_copies = []
            for original in stations:
                copy = Station.objects.get(pk=original.pk)
                copy.key = f"{original.key}-copy-{number}"
                station_copies.append(copy)
            station_copies = copy_rows(Station, station_copies)
            by_original = {o.pk: c for o, c in zip(stations, station_copies, strict=True)}
            for line in lines:
                copy = RailLine.objects.get(pk=line.pk)
                copy.pk = copy.id = None
                copy._state.adding = True
                copy.key = f"{line.key}-copy-{number}"
                copy.code = f"{line.code}.{number}"
                copy.continues_from = copy.continues_to = None
                copy.save()
                LineStop.objects.bulk_create(
                    LineStop(
                        line=copy, station=by_original[stop.station_id], position=stop.position
                    )
                    for stop in line.stops.all()
                )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welcome.settings")
    import django

    django.setup()
    multiply_content(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
