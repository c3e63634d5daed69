"""The district map in a real browser: accessible at both widths, no sideways scrolling on a
phone, legible labels that do not overlap, reachable by keyboard, readable without colours."""

import pytest

from tests.helpers import PHONE, assert_accessible

MAP_PAGES = [
    "/",
    "/en/",
    "/gemeinden/",
    "/gemeinden/juelich/",
    "/en/municipalities/titz/",
    "/gemeinden/dueren/",
    "/gemeinden/themen/mobilitaet/",
    "/en/municipalities/topics/mobility/",
]

LABELS = """() => {
    const svg = document.querySelector('.district-map__svg');
    const scale = svg.getScreenCTM().a;
    return [...svg.querySelectorAll('text')].map(text => {
        const box = text.getBoundingClientRect();
        return {
            text: text.textContent,
            place: text.classList.contains('district-map__text--place'),
            px: parseFloat(getComputedStyle(text).fontSize) * scale,
            box: [box.left, box.top, box.right, box.bottom],
        };
    });
}"""


def overlapping(a, b):
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


@pytest.mark.parametrize("path", MAP_PAGES)
def test_map_pages_are_accessible(page, path):
    page.goto(path)
    assert page.locator(".district-map__svg").is_visible()
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/", "/gemeinden/juelich/", "/gemeinden/themen/mobilitaet/"])
def test_on_a_phone_the_map_fits_and_its_labels_stay_legible(page, path):
    page.set_viewport_size(PHONE)
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    box = page.locator(".district-map__svg").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    labels = page.evaluate(LABELS)
    assert len([label for label in labels if label["place"]]) == 15
    for label in labels:
        assert label["px"] >= 11, label
    places = [label for label in labels if label["place"]]
    for n, a in enumerate(places):
        for b in places[n + 1 :]:
            assert not overlapping(a["box"], b["box"]), (a["text"], b["text"])


def test_a_place_on_the_map_is_a_link_to_reach_and_follow_with_the_keyboard(page):
    page.goto("/gemeinden/")
    link = page.locator('.district-map__svg a[data-municipality="juelich"]')
    assert link.evaluate("a => a.tabIndex") == 0
    assert link.get_attribute("href") == "/gemeinden/juelich/"
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus arrives by keyboard, so :focus-visible applies
    ring = page.locator('a[data-municipality="juelich"] .district-map__focus')
    assert ring.evaluate("c => getComputedStyle(c).stroke") != "none"
    page.keyboard.press("Enter")
    page.wait_for_url("**/gemeinden/juelich/")
    current = page.locator('.district-map__svg a[aria-current="page"]')
    assert current.get_attribute("data-municipality") == "juelich"


@pytest.mark.parametrize("media", [{"forced_colors": "active"}, {"media": "print"}])
def test_without_colours_the_lines_differ_by_dash_pattern(page, media):
    page.goto("/gemeinden/themen/mobilitaet/")
    page.emulate_media(**media)
    dashes = page.evaluate(
        """() => [...new Set([...document.querySelectorAll('.district-map__svg polyline')]
            .map(line => getComputedStyle(line).strokeDasharray))]"""
    )
    codes = page.locator(".district-map__svg .district-map__badge text").evaluate_all(
        "texts => texts.map(text => text.textContent)"
    )
    assert len(dashes) == len(set(codes))  # one pattern per line number (RB 21 has two branches)
