"""The panels of the admin start page (see welcome/dashboard.py)."""

from django import template

from welcome.dashboard import panels

register = template.Library()


@register.inclusion_tag("admin/includes/dashboard.html", takes_context=True)
def admin_dashboard(context):
    return {"panels": panels(context["request"])}
