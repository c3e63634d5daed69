"""The municipality pages and the search in a real browser, checked with axe-core."""

import pytest

from tests.helpers import PHONE, assert_accessible

COMPARE_FOUR = (
    "/gemeinden/vergleich/?municipality=dueren&municipality=juelich&municipality=titz"
    "&municipality=kreuzau&compare=1"
)


@pytest.mark.parametrize(
    "path",
    [
        "/gemeinden/",
        "/en/municipalities/?kind=stadt",
        "/gemeinden/?kind=unbekannt",
        "/gemeinden/juelich/",
        "/en/municipalities/heimbach/",
        "/gemeinden/kreuzau/",
        "/gemeinden/themen/kinderbetreuung/",
        "/en/municipalities/topics/education/",
        "/en/municipalities/topics/mobility/",
        "/gemeinden/themen/umzug-und-erste-schritte/",
        "/en/municipalities/topics/moving-and-first-steps/",
        "/gemeinden/themen/integration-und-sprache/",
        "/en/municipalities/topics/integration-and-language/",
        COMPARE_FOUR,
        "/gemeinden/vergleich/?municipality=dueren&municipality=juelich&municipality=titz&compare=1",
        "/gemeinden/vergleich/?municipality=dueren&compare=1",
        "/suche/?q=Krankenhaus",
        "/suche/?q=Kindergarten",
        "/en/search/?q=register+my+address",
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
    assert page.locator(".comparison__card").count() == 2


@pytest.mark.parametrize(
    "path",
    [
        COMPARE_FOUR,
        "/gemeinden/kreuzau/",
        "/gemeinden/themen/bildung/",
        "/en/municipalities/topics/moving-and-first-steps/",
        "/suche/?q=Kita",
    ],
)
def test_readable_on_a_phone_without_sideways_scrolling(page, path):
    page.set_viewport_size(PHONE)
    page.goto(path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_compared_municipalities_stack_on_a_phone(page):
    page.set_viewport_size(PHONE)
    page.goto(COMPARE_FOUR)
    cards = page.locator(".comparison__card")
    assert cards.count() == 4
    boxes = [cards.nth(n).bounding_box() for n in range(4)]
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] for box in boxes)
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"] < boxes[3]["y"]


def test_a_source_number_leads_to_its_source(page):
    page.goto("/gemeinden/kreuzau/")
    page.locator("#topic-work").get_by_role("link", name="(Quelle 1)").first.click()
    assert page.url.endswith("#topic-work-source-1")


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
