from django import template

from welcome.opening_hours import weekly_summary

register = template.Library()


@register.simple_tag
def opening_hours_summary(center):
    intervals = [(h.weekday, h.opens, h.closes) for h in center.opening_hours.all()]
    return weekly_summary(intervals, by_appointment=center.by_appointment)
