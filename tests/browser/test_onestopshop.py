"""The One-Stop-Shop in a real browser: every page accessible (axe-core, also with errors and
for links that cannot be used), and a registration made, confirmed and cancelled with the
keyboard alone."""

import re
from datetime import time, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from onestopshop import services
from onestopshop.models import Registration
from tests.helpers import active_id, assert_accessible, link_in, tab_to, type_into


@pytest.fixture
def shop_date(initial_content_committed, settings):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0  # the browser is faster than a person
    return services.shop_date_create(
        day=timezone.localdate() + timedelta(days=10),
        first_start=time(9, 0),
        last_end=time(12, 0),
        places=10,
    )


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_dates_and_form_are_accessible_with_and_without_errors(page, shop_date, prefix):
    page.goto(f"{prefix}/one-stop-shop/")
    expect(page.locator("h1")).to_contain_text("One-Stop-Shop")
    assert_accessible(page)
    page.locator(".shop-date .kern-btn--primary").first.click()
    expect(page.locator("#registration-submit")).to_be_visible()
    assert_accessible(page)
    page.locator("#registration-submit").click()
    expect(page.locator(".kern-error-summary")).to_be_visible()
    assert_accessible(page)


def test_a_link_that_cannot_be_used_is_explained_accessibly(page, shop_date):
    page.goto("/one-stop-shop/bestaetigen/nonsense/")
    expect(page.locator("h1")).to_contain_text("Dieser Link kann nicht verwendet werden")
    assert_accessible(page)
    page.goto("/en/one-stop-shop/registration/nonsense/")
    expect(page.locator("h1")).to_contain_text("This link cannot be used")


def test_register_confirm_and_cancel_with_the_keyboard_alone(page, shop_date):
    page.goto("/en/one-stop-shop/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if "/register/" in page.evaluate("document.activeElement.getAttribute('href') || ''"):
            break
    page.keyboard.press("Enter")
    expect(page.locator("#registration-submit")).to_be_visible()

    tab_to(page, "id_window_0")
    page.keyboard.press("ArrowDown")  # the second window
    assert active_id(page) == "id_window_1"
    tab_to(page, "id_people")
    page.keyboard.press("Control+a")
    page.keyboard.type("2")
    tab_to(page, "id_advice_language_0")
    page.keyboard.press("Space")
    tab_to(page, "id_stations_0")
    page.keyboard.press("Space")
    type_into(page, "id_name", "Kim Muster")
    type_into(page, "id_email", "kim@example.org")
    tab_to(page, "registration-submit")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("Please confirm your registration")
    assert_accessible(page)

    registration = Registration.objects.get()
    assert (registration.people, registration.stations, registration.advice_language) == (
        2,
        ["bank_account"],
        "de",
    )
    assert str(registration.window) == "10:00–11:00"

    page.goto(link_in(mail.outbox[0]))
    expect(page.locator("#confirm-submit")).to_be_visible()
    assert_accessible(page)
    tab_to(page, "confirm-submit")
    page.keyboard.press("Enter")
    expect(page.locator(".kern-alert--success")).to_contain_text("Your registration is confirmed")
    assert_accessible(page)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED

    tab_to(page, "cancel-submit")
    page.keyboard.press("Enter")
    expect(page.locator(".kern-alert--success")).to_contain_text("Your registration is cancelled")
    assert_accessible(page)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert re.search(
        r"METHOD:CANCEL", mail.outbox[-1].attachments[0].get_payload(decode=True).decode()
    )
