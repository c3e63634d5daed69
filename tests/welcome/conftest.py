"""Fixtures for the Welcome-Center app: a fixed "now" and small event factories."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def freeze_now(monkeypatch):
    """Set the site's clock: freeze_now(2026, 6, 4, 11) makes timezone.now() that Berlin time."""

    def freeze(*args, **kwargs):
        moment = datetime(*args, tzinfo=BERLIN, **kwargs)
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return freeze


@pytest.fixture
def make_event(db):
    from welcome.models import Event

    counter = iter(range(1, 10_000))

    def make(**fields):
        number = next(counter)
        fields.setdefault("title", f"Veranstaltung {number}")
        fields.setdefault("slug", f"veranstaltung-{number}")
        fields.setdefault("kind", Event.Kind.PRESENTATION)
        event = Event(**fields)
        event.full_clean()
        event.save()
        return event

    return make
