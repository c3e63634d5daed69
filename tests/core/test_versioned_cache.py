"""Values computed once per content version: never stale, and no query once computed."""

import pytest

from core import page_cache
from core.versioned_cache import per_content_version
from welcome.models import OpeningException, WelcomeCenter

pytestmark = pytest.mark.django_db


def test_a_value_is_computed_once_per_content_version():
    calls = []

    def build():
        calls.append(1)
        return len(calls)

    assert per_content_version("demo", build) == 1
    assert per_content_version("demo", build) == 1
    page_cache.bump_version()
    assert per_content_version("demo", build) == 2


def test_a_value_that_time_has_overtaken_is_computed_anew():
    per_content_version("demo", lambda: "old")
    assert per_content_version("demo", lambda: "new", is_current=lambda value: False) == "new"


def test_a_page_reads_the_center_from_the_cache_once_computed(
    client, initial_content, page_cache_off, django_assert_num_queries
):
    client.get("/gemeinden/themen/")
    with django_assert_num_queries(0):
        html = client.get("/gemeinden/themen/").content.decode()
    assert "Moltkestraße 39" in html  # the footer: address and opening status


def test_a_new_closure_shows_in_the_footer_once_committed(
    client, initial_content, page_cache_off, freeze_now, django_capture_on_commit_callbacks
):
    freeze_now(2026, 6, 12, 11, 0)  # a Friday, open
    assert "Jetzt geöffnet" in client.get("/gemeinden/themen/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        OpeningException.objects.create(
            center=WelcomeCenter.objects.get(),
            start_date=freeze_now(2026, 6, 12, 11, 0).date(),
            reason_de="Betriebsausflug",
        )
    html = client.get("/gemeinden/themen/").content.decode()
    assert "Jetzt geöffnet" not in html
    assert "Betriebsausflug" in html
