"""The one stylesheet the pages load is built from its sources and holds every KERN rule the
site uses (make css)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tools import build_css

BASE = Path(settings.BASE_DIR)
FULL_KERN = BASE / "node_modules" / "@kern-ux" / "native" / "dist" / "kern.min.css"
CODE = ["templates/**/*.html", *(f"{app}/**/*.py" for app in build_css.APPS)]


def test_the_bundle_is_built_from_the_current_sources():
    assert build_css.BUNDLE.read_text(encoding="utf-8") == build_css.bundle(), "run make css"


def test_every_page_loads_one_stylesheet(client, initial_content):
    html = client.get("/gemeinden/juelich/").content.decode()
    assert html.count('rel="stylesheet"') == 1


@pytest.mark.skipif(not FULL_KERN.exists(), reason="KERN's npm package is not installed")
def test_every_kern_rule_the_site_uses_is_kept():
    """A KERN selector whose classes all appear in the templates or the code keeps its rule."""
    used = {
        name
        for pattern in CODE
        for path in BASE.glob(pattern)
        for name in re.findall(r"kern-[\w-]+", path.read_text(encoding="utf-8"))
    }
    trimmed = build_css.STATIC.joinpath("vendor/kern-ux/kern.min.css").read_text(encoding="utf-8")
    kept = set(re.findall(r"\.(kern-[\w-]+)", trimmed))
    missing = set()
    for selectors in re.findall(r"([^{}]+)\{", FULL_KERN.read_text(encoding="utf-8")):
        for selector in selectors.split(","):
            classes = set(re.findall(r"\.(kern-[\w-]+)", selector))
            if classes and classes <= used:
                missing |= classes - kept
    assert sorted(missing) == [], "run make css"


@pytest.mark.skipif(not FULL_KERN.exists(), reason="KERN's npm package is not installed")
def test_trimming_keeps_every_custom_property_the_stylesheet_uses():
    """A dropped rule that defined KERN's colour tokens would leave text without its colour."""
    css = build_css.BUNDLE.read_text(encoding="utf-8")
    untrimmed = FULL_KERN.read_text(encoding="utf-8") + css
    defined = set(re.findall(r"(--[\w-]+)\s*:", css))
    used = set(re.findall(r"var\((--[\w-]+)", css))
    assert sorted((used & set(re.findall(r"(--[\w-]+)\s*:", untrimmed))) - defined) == []
