"""Template filters of the municipality pages."""

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def grouped(value, decimal_pos=None):
    """A number with the language's thousands separator (93.323 / 93,323)."""
    if value is None or value == "":
        return ""
    return formats.number_format(value, decimal_pos=decimal_pos, force_grouping=True)
