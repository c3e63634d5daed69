"""The text formats staff write in, turned into safe HTML, and the one flattener to plain text.

- Markdown (pages, event descriptions): headings, lists and links without HTML; nh3 then keeps
  only a short list of harmless tags and attributes, so that no script, style, frame or event
  handler that someone types or pastes ever reaches a visitor's browser (the strict CSP stays
  intact).
- Section text (municipality topics): paragraphs separated by an empty line, list items starting
  with "- "; everything is escaped, no markup goes in.
- Lines (the center's directions): one paragraph per line.

`flatten` turns any of them into one line of plain text, for search snippets and descriptions;
`visible_controls` writes out the invisible control characters of what the public sent, for the
admin.
"""

import re
import unicodedata

import markdown
import nh3
from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeData, mark_safe

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


PLACEHOLDER = re.compile(r"\[\[(\w+)\]\]")
HEADING = re.compile(r"^(#{1,6})\s")


def fill_placeholders(text, replacements):
    """Replace `[[name]]` placeholders (values escaped for Markdown). A line whose placeholder has
    no value is left out, never shown with a gap, and so is a heading that this leaves without
    any text."""
    lines = []  # (line, or None where a line was left out)
    for line in text.splitlines():
        known = [name for name in PLACEHOLDER.findall(line) if name in replacements]
        if any(replacements[name] in ("", None) for name in known):
            lines.append(None)
            continue
        for name in known:
            line = line.replace(f"[[{name}]]", markdown_escape(str(replacements[name])))
        lines.append(line)
    kept = [
        line
        for index, line in enumerate(lines)
        if line is not None and not emptied_heading(lines, index)
    ]
    return "\n".join(kept) + "\n"


def emptied_heading(lines, index):
    """Whether lines[index] is a heading whose section lost lines and has no text left."""
    heading = HEADING.match(lines[index])
    if not heading:
        return False
    level, emptied = len(heading.group(1)), False
    for line in lines[index + 1 :]:
        if line is None:
            emptied = True
            continue
        other = HEADING.match(line)
        if other and len(other.group(1)) <= level:
            break
        if line.strip() and not other:
            return False
    return emptied


def render_markdown(text, replacements=None):
    """Markdown to sanitised HTML; `[[name]]` placeholders are filled first (`fill_placeholders`)."""
    if replacements:
        text = fill_placeholders(text, replacements)
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


def single_line(text):
    """Subjects and names never carry line breaks (no header injection, even by accident)."""
    return " ".join(str(text).split())


def tel_uri(phone):
    """A German phone number as a tel: URI in international format (02421 … → tel:+492421…)."""
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    if digits.startswith("0"):
        digits = "+49" + digits[1:]
    return f"tel:{digits}"


def section_blocks(text):
    """The blocks of a section text: ("p", line) for a paragraph, ("ul", [items]) for a list."""
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


def render_section_text(text):
    """A section text as safe HTML: paragraphs and lists, everything escaped."""
    parts = []
    for kind, content in section_blocks(text):
        if kind == "ul":
            items = format_html_join("", "<li>{}</li>", ((item,) for item in content))
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{escape(content)}</p>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of content is escaped above


def lines(text):
    """The non-empty lines of a text that has one paragraph per line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def flatten(text):
    """One line of plain text: paragraph breaks and list markers become separators."""
    text = (text or "").replace("\r\n", "\n")
    for separator in ("\n\n- ", "\n- ", "\n\n"):
        text = text.replace(separator, " · ")
    text = " ".join(text.split())
    return text[2:] if text.startswith("- ") else text


# Characters that change how text around them is shown without being seen themselves: the bidi
# controls (an "‮" makes "exe.pdf" look like "fdp.exe"), zero-width characters and the other
# format and control characters. Line breaks and tabs are ordinary.
VISIBLE_AS_IS = {"\n", "\r", "\t"}


def is_hidden_control(char):
    return char not in VISIBLE_AS_IS and unicodedata.category(char) in ("Cc", "Cf")


def visible_controls(text):
    """The text with every hidden control character written out as ⟦U+202E⟧, so that staff see
    what someone sent rather than what it pretends to be. Safe on escaped HTML: such characters
    are never part of markup."""
    if not any(is_hidden_control(char) for char in text):
        return text
    shown = "".join(f"⟦U+{ord(char):04X}⟧" if is_hidden_control(char) else char for char in text)
    return mark_safe(shown) if isinstance(text, SafeData) else shown  # noqa: S308 - only added ASCII markers
