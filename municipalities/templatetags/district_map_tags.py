"""The district map for templates/includes/district_map.html."""

from django import template

from municipalities.district_map import render_district_map

register = template.Library()


@register.simple_tag
def district_map(highlight=None, focus="", center=None):
    """The map section with `highlight` (a municipality) marked, for `focus` ("lines" or ""),
    with the Welcome-Center `center` drawn where staff entered its position; three queries."""
    return render_district_map(highlight=highlight or None, focus=focus or "", center=center)


@register.filter
def km(value):
    """A whole number of kilometres, never broken across lines: "13 km"."""
    return f"{value}\u00a0km"
