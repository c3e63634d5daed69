"""Fixtures shared by the whole suite."""

from datetime import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone, translation

from core import cache_access
from core.local_time import BERLIN


@pytest.fixture(autouse=True)
def german_by_default():
    """Every test starts in German, the site's default language, as a visitor's first request."""
    with translation.override("de"):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """No cached page or rate limit from another test, and a cache that is tried again."""
    cache_access.reset()
    cache.clear()
    yield
    cache_access.reset()
    cache.clear()


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's admin_client, logged in with the second factor as staff must be."""
    from django.test import Client

    from tests.helpers import login_staff

    return login_staff(Client(), admin_user)


@pytest.fixture
def initial_content(db):
    """The center and the 15 municipalities as `make run` loads them."""
    call_command("load_initial_content", stdout=open("/dev/null", "w"))


@pytest.fixture
def page_cache_off(settings):
    """Render every page afresh: for tests that count the queries of the view itself."""
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if name != "core.page_cache.PublicPageCacheMiddleware"
    ]


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
