"""The first-steps plan and the frequent questions in a real browser: axe at both widths,
keyboard only, no JavaScript needed, no cookie."""

import pytest

from tests.helpers import assert_accessible, tab_to

JUELICH = "origin=other&municipality=juelich&children=3_to_6&work=employed&job_offer=on&moving_date=2027-03-01"


@pytest.mark.parametrize(
    "path",
    [
        "/erste-schritte/",
        f"/erste-schritte/?{JUELICH}",
        f"/en/first-steps/?{JUELICH}",
        "/erste-schritte/?origin=eu&children=under_3",
        "/erste-schritte/?origin=mars&moving_date=2027-02-30",
        f"/erste-schritte/drucken/?{JUELICH}",
        f"/en/first-steps/print/?{JUELICH}",
        "/fragen/",
        "/en/questions/",
    ],
)
def test_page_is_accessible(page, path):
    page.goto(path)
    assert_accessible(page)


def test_plan_by_keyboard_only_without_javascript(browser, live_server, initial_content_committed):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/erste-schritte/")
    tab_to(page, "id_origin_0")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # "From another country": arrows choose within the group
    tab_to(page, "id_municipality")
    page.select_option("#id_municipality", "juelich")
    tab_to(page, "id_children_1")
    page.keyboard.press("Space")
    page.get_by_role("button", name="Meinen Plan zeigen").press("Enter")
    page.wait_for_url("**/erste-schritte/?*origin=other*")
    assert page.get_by_role("heading", name="Ihr Plan").is_visible()
    assert page.get_by_text("Bürgerbüro Jülich (Neues Rathaus)").first.is_visible()
    assert context.cookies() == []
    context.close()
