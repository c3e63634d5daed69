"""The one stylesheet every page loads (`make css`): the fonts, KERN trimmed to what the site
uses (purgecss.config.cjs) and the site's own CSS, in this order, in static/css/bundle.css.

One render-blocking request instead of six; the sources stay where they are and are edited there.
tests/core/test_stylesheet.py fails when the bundle is older than its sources.
"""

from pathlib import Path

BASE = Path(__file__).resolve().parents[1]
STATIC = BASE / "static"
BUNDLE = STATIC / "css" / "bundle.css"
# Where KERN classes are named (purgecss.config.cjs reads the same, and the templates).
APPS = ["core", "municipalities", "welcome", "enquiries", "onestopshop"]
# Relative to static/; every url() in them is relative to static/css/ or a data: URI.
SOURCES = [
    "css/fonts.css",
    "vendor/kern-ux/kern.min.css",
    "css/site.css",
    "css/forms.css",
    "css/welcome.css",
    "css/municipalities.css",
    "css/district-map.css",
    "css/onestopshop.css",
    "css/first-steps.css",
    "css/first-steps-print.css",
]


def bundle():
    header = "/* Built by make css (tools/build_css.py) from: " + ", ".join(SOURCES) + " */\n"
    return header + "\n".join((STATIC / source).read_text(encoding="utf-8") for source in SOURCES)


if __name__ == "__main__":
    BUNDLE.write_text(bundle(), encoding="utf-8")
