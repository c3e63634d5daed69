"""Browser tests: Debian's Chromium driven by Playwright, with axe-core for accessibility.

Without /usr/bin/chromium these tests are skipped with a loud message, unless REQUIRE_BROWSER=1,
which turns a missing browser into a failure (CI sets it). The accessibility and keyboard helpers
are in tests/helpers.py.
"""

import os
from pathlib import Path

import pytest

from tests.helpers import AXE_SOURCE, DESKTOP

# Playwright's sync API runs an event loop in the test thread; the ORM calls in fixtures are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER") == "1"
MISSING = [str(path) for path in (CHROMIUM, AXE_SOURCE) if not path.exists()]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
    if MISSING and not REQUIRE_BROWSER:
        message = f"BROWSER TESTS SKIPPED: missing {', '.join(MISSING)} (apt-get install -y chromium; npm ci)"
        print(f"\n{'!' * 100}\n{message}\n{'!' * 100}")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(pytest.mark.skip(reason=message))


@pytest.fixture(scope="session")
def browser():
    if MISSING:
        pytest.fail(f"REQUIRE_BROWSER=1 but missing: {', '.join(MISSING)}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, initial_content_committed):
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def initial_content_committed(transactional_db):
    """The initial content in a database that the live server's thread can see."""
    from django.core.management import call_command

    call_command("load_initial_content", stdout=open(os.devnull, "w"))
