"""The municipality pages and the search in a real browser, checked with axe-core."""

import pytest

from tests.helpers import assert_accessible


@pytest.mark.parametrize(
    "path",
    [
        "/gemeinden/",
        "/en/municipalities/?kind=stadt",
        "/gemeinden/?kind=unbekannt",
        "/gemeinden/juelich/",
        "/en/municipalities/heimbach/",
        "/gemeinden/themen/kinderbetreuung/",
        "/en/municipalities/topics/mobility/",
        "/gemeinden/vergleich/?municipality=dueren&municipality=juelich&municipality=titz&compare=1",
        "/gemeinden/vergleich/?municipality=dueren&compare=1",
        "/suche/?q=Krankenhaus",
        "/en/search/?q=zzyzx",
        "/suche/",
    ],
)
def test_page_is_accessible(page, path):
    page.goto(path)
    assert_accessible(page)


def test_filter_the_list_with_the_keyboard(page):
    page.goto("/gemeinden/")
    page.get_by_label("Nur Städte").check()
    page.get_by_role("button", name="Filter anwenden").press("Enter")
    page.wait_for_url("**/gemeinden/?kind=stadt")
    assert page.locator(".municipality-cards > li").count() == 5


def test_compare_two_municipalities(page):
    page.goto("/gemeinden/vergleich/")
    page.get_by_role("checkbox", name="Düren", exact=True).check()
    page.get_by_role("checkbox", name="Jülich", exact=True).check()
    page.get_by_role("button", name="Vergleichen").click()
    assert page.get_by_role("heading", name="Düren, Jülich im Vergleich").is_visible()
    assert page.locator("table th[scope=col]").count() == 2


def test_table_of_contents_jumps_to_the_topic(page):
    page.goto("/gemeinden/juelich/")
    page.get_by_role("link", name="Kinderbetreuung", exact=True).click()
    assert page.url.endswith("#topic-childcare")


def test_search_from_the_header(page):
    page.goto("/")
    page.get_by_label("Website durchsuchen").fill("Rurtalbahn")
    page.get_by_label("Website durchsuchen").press("Enter")
    page.wait_for_url("**/suche/?q=Rurtalbahn")
    assert page.locator("h1").inner_text() == "Suchergebnisse für „Rurtalbahn“"
    assert page.locator(".search-result").count() > 3
