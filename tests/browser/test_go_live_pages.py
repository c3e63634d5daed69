"""The pages this release changed, in a real browser: accessible at 1280 and 375 px (axe-core)."""

import pytest
from playwright.sync_api import expect

from tests.helpers import assert_accessible, tab_to, type_into


@pytest.fixture
def quick(settings):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0


@pytest.mark.parametrize(
    "path",
    [
        "/one-stop-shop/",
        "/en/one-stop-shop/",
        "/one-stop-shop/neue-termine/",
        "/en/one-stop-shop/new-dates/sent/",
        "/impressum/",
        "/en/accessibility/",
        "/kontakt/",
        "/en/contact/",
    ],
)
def test_changed_page_is_accessible(page, path):
    page.goto(path)
    assert_accessible(page)


def test_new_dates_sign_up_by_keyboard_with_a_plain_error_first(page, quick):
    page.goto("/one-stop-shop/neue-termine/")
    tab_to(page, "submit-id-submit")
    page.keyboard.press("Enter")
    expect(page.locator(".kern-error-summary")).to_contain_text("Geben Sie Ihre E-Mail-Adresse an")
    assert_accessible(page)
    type_into(page, "id_email", "amira@example.org")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Bitte bestätigen Sie Ihre E-Mail-Adresse")
    assert_accessible(page)


def test_the_page_after_sending_shows_the_copy_and_is_accessible(page, quick):
    page.goto("/kontakt/barriere-melden/?page=/gemeinden/")
    expect(page.locator("#id_page_url")).to_have_value(
        page.url.split("/kontakt/")[0] + "/gemeinden/"
    )
    type_into(page, "id_message", "Die Karte lässt sich nicht mit der Tastatur bedienen.")
    tab_to(page, "enquiry-submit")
    page.keyboard.press("Enter")
    expect(page.locator(".sent-copy")).to_contain_text("Die Karte lässt sich nicht")
    assert_accessible(page)
