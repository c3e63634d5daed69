"""Staff-written Markdown turned into safe HTML.

Markdown lets staff write headings, lists and links without HTML; nh3 then keeps only a short
list of harmless tags and attributes, so that no script, style, frame or event handler that
someone types or pastes ever reaches a visitor's browser (and the strict CSP stays intact).
"""

import markdown
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "hreflang", "lang"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def render_markdown(text, replacements=None):
    """Markdown to sanitised HTML; `[[name]]` placeholders are replaced first (values escaped)."""
    for name, value in (replacements or {}).items():
        text = text.replace(f"[[{name}]]", markdown_escape(str(value)))
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        set_tag_attribute_values={"a": {"class": "kern-link"}},
    )
    return mark_safe(html)  # noqa: S308 -- sanitised by nh3 just above


def markdown_escape(value):
    """Keep a value literal inside Markdown (no HTML, no emphasis)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
