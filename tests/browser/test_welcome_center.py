"""The Welcome-Center's own pages in a real browser: axe-core on each, and the keyboard."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from tests.helpers import assert_accessible

PAGES = [
    "/kontakt/",
    "/en/contact/",
    "/veranstaltungen/",
    "/en/events/",
    "/veranstaltungen/archiv/",
    "/veranstaltungen/juelich-stellt-sich-vor/",
    "/en/events/juelich-stellt-sich-vor/",
    "/impressum/",
    "/datenschutz/",
    "/barrierefreiheit/",
    "/leichte-sprache/",
    "/gebaerdensprache/",
    "/en/legal-notice/",
    "/en/privacy/",
    "/en/accessibility/",
    "/en/easy-language/",
    "/en/sign-language/",
]


@pytest.fixture
def events(initial_content_committed):
    from municipalities.models import Municipality
    from welcome.models import Event, OpeningException, WelcomeCenter

    today = timezone.localdate()
    Event.objects.create(
        title_de="Jülich stellt sich vor",
        title_en="Jülich presents itself",
        slug="juelich-stellt-sich-vor",
        kind=Event.Kind.PRESENTATION,
        municipality=Municipality.objects.get(slug="juelich"),
        summary_de="Die Stadt Jülich stellt sich vor.",
        description_de="Mit dem **Forschungszentrum** und der [Zitadelle](https://www.juelich.de).",
        start_date=today + timedelta(days=3),
        start_time=time(10),
        end_time=time(12),
    )
    Event.objects.create(
        title="Ausstellung",
        slug="ausstellung",
        kind=Event.Kind.EXHIBITION,
        start_date=today - timedelta(days=40),
        end_date=today - timedelta(days=10),
    )
    OpeningException.objects.create(
        center=WelcomeCenter.objects.get(),
        start_date=today + timedelta(days=2),
        reason="Fortbildung",
    )


@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible(page, events, path):
    response = page.goto(path)
    assert response.status == 200
    assert_accessible(page)


def test_home_page_with_events_is_accessible(page, events):
    page.goto("/")
    assert page.get_by_role("link", name="Jülich stellt sich vor").is_visible()
    assert_accessible(page)


def test_leichte_sprache_reachable_by_keyboard_from_the_header(page):
    page.goto("/")
    link = page.locator("header").get_by_role("link", name="Leichte Sprache")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/leichte-sprache/")
    assert page.locator("h1").inner_text() == "Leichte Sprache"


def test_contact_page_loads_nothing_from_another_host(page, live_server, events):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("/kontakt/")
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if not url.startswith(live_server.url)] == []
    assert page.context.cookies() == []
    assert page.locator("iframe").count() == 0
