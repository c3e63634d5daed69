"""Browser tests: Debian's Chromium driven by Playwright, with axe-core for accessibility.

Without /usr/bin/chromium these tests are skipped with a loud message, unless REQUIRE_BROWSER=1,
which turns a missing browser into a failure (CI sets it).
"""

import json
import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls in fixtures are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE_SOURCE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER") == "1"
MISSING = [str(path) for path in (CHROMIUM, AXE_SOURCE) if not path.exists()]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}


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


def axe_violations(page, width=None):
    """Run axe-core's WCAG 2.1 A/AA rules on the page (optionally at another viewport width)."""
    if width:
        page.set_viewport_size({"width": width, "height": 800})
    page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
            resultTypes: ['violations'],
        })"""
    )
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


def assert_accessible(page):
    """No WCAG 2.1 A/AA violation at desktop and at phone width."""
    for width in (DESKTOP["width"], PHONE["width"]):
        violations = axe_violations(page, width)
        assert violations == [], f"at {width}px: {json.dumps(violations, indent=2)}"
    page.set_viewport_size(DESKTOP)
