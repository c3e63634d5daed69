import pytest

from tests.helpers import assert_accessible


@pytest.mark.parametrize("path,lang", [("/", "de"), ("/en/", "en")])
def test_home_page_is_accessible(page, path, lang):
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == "Welcome-Center Kreis Düren"
    assert_accessible(page)


def test_skip_link_moves_focus_to_the_main_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switch_by_keyboard_keeps_the_page(page):
    page.goto("/gemeinden/")
    page.get_by_role("link", name="English").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/municipalities/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_pages_make_no_request_to_another_host(page, live_server):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ["/", "/en/", "/gemeinden/"]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    foreign = [
        url
        for url in requests
        if not url.startswith(live_server.url) and not url.startswith("data:")
    ]
    assert foreign == []
    assert page.context.cookies() == []
