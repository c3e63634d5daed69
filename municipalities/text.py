"""Editors write section texts as plain text: paragraphs separated by an empty line, list items
starting with "- ". This turns such text into safe HTML (everything is escaped; no markup in)."""

from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe


def blocks(text):
    """The text's blocks: ("p", line) for a paragraph, ("ul", [items]) for a list."""
    result = []
    for chunk in (text or "").replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            result.append(("ul", [line[2:].strip() for line in lines]))
        else:
            result.append(("p", " ".join(lines)))
    return result


def to_html(text):
    parts = []
    for kind, content in blocks(text):
        if kind == "ul":
            items = format_html_join("", "<li>{}</li>", ((item,) for item in content))
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{escape(content)}</p>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of content is escaped above


def to_plain(text):
    """The text without list markers, for meta descriptions and search snippets."""
    pieces = []
    for kind, content in blocks(text):
        pieces.extend(content if kind == "ul" else [content])
    return " · ".join(pieces)
