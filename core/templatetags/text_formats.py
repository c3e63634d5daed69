"""Template filters for the text formats staff write in (see core/text.py)."""

from django import template

from core import text

register = template.Library()


@register.filter
def section_text(value):
    """Render a section text (paragraphs, "- " lists) as safe HTML."""
    return text.render_section_text(value)


@register.filter(is_safe=True)
def visible_controls(value):
    """Bidi overrides, zero-width and other hidden control characters written out (the admin)."""
    return text.visible_controls(value)


@register.filter
def paragraphs(value):
    """The non-empty lines of a text with one paragraph per line."""
    return text.lines(value)
