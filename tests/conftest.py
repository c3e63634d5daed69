"""Fixtures shared by the whole suite."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(autouse=True)
def german_by_default():
    """Every test starts in German, the site's default language, as a visitor's first request."""
    with translation.override("de"):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """No cached page or rate limit from another test."""
    cache.clear()
    yield
    cache.clear()


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
