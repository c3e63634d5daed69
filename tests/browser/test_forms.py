"""The KERN form pattern in a real browser: accessible when valid and invalid, usable by keyboard.

The test-only demo form (tests/forms_demo.py) is served by the live server: the `demo_urls`
fixture makes tests.forms_demo the ROOT_URLCONF. pytest-django's `settings` fixture changes the
settings object that the live server's thread reads on every request, and clear_url_caches()
drops resolvers cached for the previous URLconf, before and after the test.
"""

import pytest
from django.urls import clear_url_caches

from tests.helpers import PHONE, active_id, assert_accessible, tab_to


@pytest.fixture
def demo_urls(settings):
    clear_url_caches()
    settings.ROOT_URLCONF = "tests.forms_demo"
    yield
    clear_url_caches()


@pytest.fixture
def demo(page, demo_urls):
    return page


def submit_empty(page):
    page.goto("/forms-demo/")
    page.locator("#demo-form button[type=submit]").click()
    page.wait_for_selector(".kern-error-summary")


@pytest.mark.parametrize("path", ["/forms-demo/", "/en/forms-demo/"])
def test_the_demo_form_is_accessible(demo, path):
    demo.goto(path)
    assert demo.locator("#demo-form").is_visible()
    assert_accessible(demo)


@pytest.mark.parametrize("path", ["/forms-demo/", "/en/forms-demo/"])
def test_the_demo_form_with_errors_is_accessible(demo, path):
    demo.goto(path)
    demo.locator("#demo-form button[type=submit]").click()
    demo.wait_for_selector(".kern-error-summary")
    assert demo.locator(".kern-error").count() == 7
    assert_accessible(demo)


def test_the_browser_does_not_block_the_empty_form_the_server_answers(demo):
    submit_empty(demo)
    heading = demo.locator(".kern-error-summary h2")
    assert heading.inner_text() == "Bitte korrigieren Sie die folgenden 7 Fehler"


def test_the_error_summary_has_the_focus_after_sending(demo):
    submit_empty(demo)
    assert active_id(demo) == "form-error-summary"
    assert demo.locator(".kern-error-summary").is_visible()


@pytest.mark.parametrize(
    "link,target", [("#id_name", "id_name"), ("#id_contact_0", "id_contact_0")]
)
def test_an_error_summary_link_moves_the_focus_to_the_field(demo, link, target):
    submit_empty(demo)
    tab_to(demo, "form-error-summary")
    for _ in range(10):
        demo.keyboard.press("Tab")
        if demo.evaluate("document.activeElement.getAttribute('href')") == link:
            break
    else:
        raise AssertionError(f"no focusable summary link {link}")
    demo.keyboard.press("Enter")
    assert active_id(demo) == target
    label = demo.locator(f"label[for={target}]")
    assert label.is_visible()
    assert label.evaluate("el => el.getBoundingClientRect().top >= 0")


def test_the_form_can_be_filled_and_sent_with_the_keyboard_alone(demo):
    demo.goto("/forms-demo/")
    tab_to(demo, "id_name")
    demo.keyboard.type("Kim Muster")
    tab_to(demo, "id_email")
    demo.keyboard.type("kim@example.org")
    tab_to(demo, "id_topic")
    demo.keyboard.press("ArrowDown")
    assert demo.locator("#id_topic").input_value() == "jobs"
    tab_to(demo, "id_interests_0")
    demo.keyboard.press("Space")
    tab_to(demo, "id_interests_2")
    demo.keyboard.press("Space")
    tab_to(demo, "id_contact_0")
    demo.keyboard.press("ArrowDown")  # moving within a radio group also selects
    assert demo.locator("#id_contact_1").is_checked()
    demo.keyboard.press("ArrowUp")
    demo.keyboard.press("Space")
    assert demo.locator("#id_contact_0").is_checked()
    tab_to(demo, "id_message")
    demo.keyboard.type("Which schools are near Düren?")
    tab_to(demo, "id_consent")
    demo.keyboard.press("Space")
    assert demo.locator("#id_interests_0").is_checked()
    assert not demo.locator("#id_interests_1").is_checked()
    assert demo.locator("#id_interests_2").is_checked()
    assert demo.locator("#id_consent").is_checked()
    tab_to(demo, "submit-id-submit")
    demo.keyboard.press("Enter")
    demo.wait_for_selector("#sent")
    assert demo.locator(".kern-error-summary").count() == 0


def test_correcting_errors_by_keyboard_after_the_summary(demo):
    demo.goto("/forms-demo/")
    tab_to(demo, "id_name")
    demo.keyboard.type("Kim")
    demo.keyboard.press("Enter")  # implicit submission from a text field
    demo.wait_for_selector(".kern-error-summary")
    assert demo.locator("#id_name").input_value() == "Kim"
    assert demo.locator(".kern-error-summary h2").inner_text() == (
        "Bitte korrigieren Sie die folgenden 6 Fehler"
    )


def test_the_error_summary_fits_a_phone(demo):
    demo.set_viewport_size(PHONE)
    submit_empty(demo)
    width = demo.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
