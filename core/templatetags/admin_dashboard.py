"""The panels of the admin start page (see core/dashboard.py)."""

from django import template

from core.dashboard import panels

register = template.Library()


@register.inclusion_tag("admin/includes/dashboard.html", takes_context=True)
def admin_dashboard(context):
    return {"panels": panels(context["request"])}
