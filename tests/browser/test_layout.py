"""The site layout in a real browser: accessible at desktop and phone width, usable by keyboard."""

import pytest

from tests.helpers import DESKTOP, PHONE, assert_accessible

PAGES = ["/", "/en/", "/gemeinden/", "/en/municipalities/", "/gemeinden/dueren/"]
NOT_FOUND = ["/gibt-es-nicht/", "/en/does-not-exist/"]


@pytest.mark.parametrize("path", PAGES + NOT_FOUND)
def test_page_is_accessible_at_desktop_and_phone_width(page, path):
    page.goto(path)
    assert_accessible(page)


@pytest.mark.parametrize("path", PAGES + NOT_FOUND)
def test_nothing_overflows_sideways_on_a_phone(page, path):
    page.set_viewport_size(PHONE)
    page.goto(path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_page_not_found_is_in_the_design_with_a_way_home(page):
    response = page.goto("/gibt-es-nicht/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Seite nicht gefunden"
    assert page.get_by_role("link", name="Zur Startseite").is_visible()
    assert page.locator(".site-footer").get_by_text("Moltkestraße 39").is_visible()


def test_no_console_errors_from_the_content_security_policy(page):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    for path in ["/", "/gemeinden/", "/gibt-es-nicht/"]:
        page.goto(path)
    assert [error for error in errors if "Content Security Policy" in error] == []


def test_main_navigation_is_visible_on_the_desktop(page):
    page.goto("/")
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    assert nav.get_by_role("link", name="Kommunen").is_visible()
    assert not nav.locator("summary").is_visible()


def test_phone_menu_opens_and_works_by_keyboard(page):
    page.set_viewport_size(PHONE)
    page.goto("/")
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    link = nav.get_by_role("link", name="Kommunen")
    toggle = nav.locator("summary")
    assert toggle.is_visible()
    assert not link.is_visible()
    for _ in range(20):
        page.keyboard.press("Tab")
        if toggle.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the menu button cannot be reached with the Tab key")
    assert toggle.evaluate("el => getComputedStyle(el).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert link.is_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert link.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_url("**/gemeinden/")
    assert page.locator("h1").inner_text() == "Städte und Gemeinden im Kreis Düren"


def test_phone_menu_is_announced_with_its_state(page):
    page.set_viewport_size(PHONE)
    page.goto("/en/")
    toggle = page.get_by_role("navigation", name="Main navigation").locator("summary")
    assert toggle.inner_text().strip() == "Menu"
    toggle.click()
    assert page.locator("details.site-nav__menu").get_attribute("open") is not None


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE])
def test_skip_link_shows_a_visible_focus(page, viewport):
    page.set_viewport_size(viewport)
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    style = skip.evaluate(
        "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert style[0] != "none" and style[1] != "0px"


def test_language_switcher_marks_the_current_language(page):
    page.goto("/en/municipalities/")
    switcher = page.get_by_role("navigation", name="Language")
    assert switcher.locator("[aria-current]").inner_text() == "English"
    assert switcher.get_by_role("link", name="Deutsch").get_attribute("href") == "/gemeinden/"


@pytest.mark.parametrize("path", ["/", "/kontakt/", "/gemeinden/dueren/", "/en/one-stop-shop/"])
def test_on_a_phone_the_heading_comes_within_the_first_40_percent(page, path):
    page.set_viewport_size(PHONE)
    page.goto(path)
    # The page's heading, with a preline that belongs to it.
    top = page.locator("main").locator(".kern-hgroup, h1").first.bounding_box()["y"]
    assert top < 0.4 * PHONE["height"], top


def test_phone_search_opens_from_a_button_and_works_by_keyboard(page):
    page.set_viewport_size(PHONE)
    page.goto("/")
    search = page.get_by_role("searchbox", name="Die Website durchsuchen")
    assert not search.is_visible()
    toggle = page.locator("summary.site-search-menu__toggle")
    toggle.focus()
    page.keyboard.press("Enter")
    assert search.is_visible()
    page.keyboard.press("Tab")
    assert search.evaluate("el => el === document.activeElement")
    page.keyboard.type("Kita")
    page.keyboard.press("Enter")
    page.wait_for_url("**/suche/?q=Kita")


def test_desktop_search_is_shown_without_a_button(page):
    page.goto("/")
    assert page.get_by_role("searchbox", name="Die Website durchsuchen").is_visible()
    assert not page.locator("summary.site-search-menu__toggle").is_visible()


def test_topic_pages_mark_only_topics_as_current(page):
    page.goto("/gemeinden/")
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    assert nav.locator("[aria-current]").all_inner_texts() == ["Kommunen"]
    for path in ("/gemeinden/themen/", "/gemeinden/themen/wohnen/"):
        page.goto(path)
        assert nav.locator("[aria-current]").all_inner_texts() == ["Themen"]
