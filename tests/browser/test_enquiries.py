"""The enquiry forms in a real browser: filled and sent with the keyboard alone, and accessible
(axe-core) with and without errors."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from enquiries.models import Enquiry
from tests.helpers import DESKTOP, assert_accessible, open_day, tab_to, type_into

PATHS = {
    "question": "/kontakt/frage/",
    "company": "/kontakt/unternehmen/",
    "appointment": "/kontakt/termin/",
    "barrier": "/kontakt/barriere-melden/",
}


@pytest.fixture
def quick(settings):
    """No minimum fill time: the browser is faster than a person."""
    settings.ENQUIRY_MIN_FILL_SECONDS = 0


@pytest.fixture
def german_page(browser, live_server, initial_content_committed, quick):
    """A browser set to German, as a visitor from Düren: date fields read DD.MM.YYYY."""
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def type_date_and_time(page, number, moment):
    """Type into the browser's own date and time fields, segment by segment, in the order that
    the browser shows them (month first in an English browser, day first in a German one)."""
    date_id, time_id = f"id_option_{number}_date", f"id_option_{number}_time"
    tab_to(page, date_id)
    page.keyboard.type(moment.strftime("%m%d%Y"))
    if page.input_value(f"#{date_id}") != moment.strftime("%Y-%m-%d"):
        # A day-first browser: go back to the first segment and type again.
        for _ in range(3):
            page.keyboard.press("Shift+Tab")
        tab_to(page, date_id)
        page.keyboard.type(moment.strftime("%d%m%Y"))
    assert page.input_value(f"#{date_id}") == moment.strftime("%Y-%m-%d")
    tab_to(page, time_id)
    page.keyboard.type(moment.strftime("%H%M"))
    if not page.input_value(f"#{time_id}"):
        page.keyboard.type("AM" if moment.hour < 12 else "PM")
    assert page.input_value(f"#{time_id}") == moment.strftime("%H:%M")


def send_by_keyboard(page):
    tab_to(page, "enquiry-submit")
    page.keyboard.press("Enter")
    expect(page.locator(".enquiry-reference")).to_have_text(re.compile(r"WC-\d{4}-\d{5}"))


@pytest.mark.parametrize("kind", PATHS)
def test_form_page_is_accessible_with_and_without_errors(page, quick, kind):
    page.goto(PATHS[kind])
    assert_accessible(page)
    page.locator("#enquiry-submit").click()
    expect(page.locator(".kern-error-summary")).to_be_visible()
    assert_accessible(page)


def test_english_form_with_errors_is_accessible(page, quick):
    page.goto("/en/contact/appointment/")
    page.locator("#enquiry-submit").click()
    expect(page.locator(".kern-error-summary")).to_contain_text("Please correct")
    assert_accessible(page)


def test_question_by_keyboard(german_page):
    page = german_page
    page.goto(PATHS["question"])
    tab_to(page, "id_topics_0")
    page.keyboard.press("Space")
    type_into(page, "id_message", "Wie finde ich eine Wohnung in Düren?")
    type_into(page, "id_name", "Kim Muster")
    type_into(page, "id_email", "kim@example.org")
    tab_to(page, "id_contact_preference_0")
    page.keyboard.press("Space")
    send_by_keyboard(page)
    enquiry = Enquiry.objects.get()
    assert enquiry.topics == ["work"]
    assert enquiry.contact_preference == "email"


def test_company_by_keyboard(german_page):
    page = german_page
    page.goto(PATHS["company"])
    type_into(page, "id_company_name", "Beispiel GmbH")
    type_into(page, "id_sector", "Logistik")
    type_into(page, "id_name", "Max Muster")
    type_into(page, "id_email", "hr@example.com")
    type_into(page, "id_phone", "02421 000000")
    tab_to(page, "id_needs_0")
    page.keyboard.press("Space")
    send_by_keyboard(page)
    assert Enquiry.objects.get().needs == ["housing"]


def test_appointment_by_keyboard_after_correcting_a_closed_day(german_page):
    page = german_page
    page.goto(PATHS["appointment"])
    tab_to(page, "id_topic")
    page.keyboard.press("ArrowDown")
    tab_to(page, "id_mode_0")
    page.keyboard.press("Space")
    moment = open_day(3)
    sunday = moment.date() + timedelta(days=6 - moment.weekday())
    type_date_and_time(
        page, 1, moment.replace(day=sunday.day, month=sunday.month, year=sunday.year)
    )
    type_into(page, "id_name", "Jane Doe")
    type_into(page, "id_email", "jane@example.org")
    tab_to(page, "enquiry-submit")
    page.keyboard.press("Enter")
    # The summary has the focus and names the rule; its link leads to the date.
    summary = page.locator(".kern-error-summary")
    expect(summary).to_contain_text("geschlossen")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#id_option_1_date")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    type_date_and_time(page, 1, moment)
    send_by_keyboard(page)
    enquiry = Enquiry.objects.get()
    assert enquiry.options.get().starts_at == moment


def test_barrier_report_by_keyboard(german_page):
    page = german_page
    page.goto(PATHS["barrier"] + "?page=/gemeinden/")
    expect(page.locator("#id_page_url")).to_have_value(re.compile(r"/gemeinden/$"))
    type_into(page, "id_message", "Der Kontrast der Links ist zu schwach.")
    send_by_keyboard(page)
    assert Enquiry.objects.get().kind == "barrier"
