from django import template
from django.utils import formats

from municipalities import text

register = template.Library()


@register.filter
def section_text(value):
    """Render an editor's plain text (paragraphs, "- " lists) as safe HTML."""
    return text.to_html(value)


@register.filter
def grouped(value, decimal_pos=None):
    """A number with the language's thousands separator (93.323 / 93,323)."""
    if value is None or value == "":
        return ""
    return formats.number_format(value, decimal_pos=decimal_pos, force_grouping=True)
