"""The admin start page for the daily work: panels that apps contribute, and the content due for
review of every publishable model.

Each app adds its panels in its own `dashboard.py` with `register(panels_function, order=…)`
(see enquiries/dashboard.py); this module finds those modules on first use. A panels function
takes the request and returns a list of `Panel`s: none for users who may not open what it
lists. Every panel runs at most two queries (a count and a short list).
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.publishing import Publishable
from core.sourced import Sourced

LIMIT = 10


@dataclass
class Panel:
    title: str
    count: int
    rows: list = field(default_factory=list)  # (label, admin URL, date or time as text)
    more_url: str = ""
    empty: str = ""


def moment_text(value):
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def day_text(value):
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else gettext("never")


def admin_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def changelist_url(model, query=""):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{query}" if query else url


_registry = []
_discovered = False


def register(panels_function, order=100):
    if all(function is not panels_function for _order, function in _registry):
        _registry.append((order, panels_function))
    return panels_function


def review_panels(request):
    """Content of every publishable model not reviewed for 12 months, for those who may change
    it, as far as they may change it (a Kommune editor: their own municipalities' content)."""
    user = request.user
    rows, count, shown = [], 0, False
    for model in apps.get_models():
        meta = model._meta
        if not issubclass(model, Publishable):
            continue
        if not user.has_perm(f"{meta.app_label}.change_{meta.model_name}"):
            continue
        shown = True
        queryset = model._default_manager.editable_by(user).due_for_review()
        count += queryset.count()
        for obj in queryset.order_by("last_reviewed", "pk")[:LIMIT]:
            rows.append(
                (f"{obj} ({meta.verbose_name})", admin_url(obj), day_text(obj.last_reviewed))
            )
    if not shown:
        return []
    return [
        Panel(
            title=_("Not reviewed for 12 months"),
            count=count,
            rows=rows,
            empty=_("Everything has been reviewed in the last 12 months."),
        )
    ]


register(review_panels, order=900)


def source_review_panels(request):
    """Facts, places and links whose source is undated or older than 2020, per model, for those
    who may change them (a Kommune editor: their municipalities' items; district items only for
    the center's staff), with a link to the changelist filtered the same way."""
    user = request.user
    found = []
    for model in apps.get_models():
        meta = model._meta
        if not issubclass(model, Sourced):
            continue
        if not user.has_perm(f"{meta.app_label}.change_{meta.model_name}"):
            continue
        queryset = model._default_manager.editable_by(user).needs_review()
        rows = [
            (str(obj), admin_url(obj), obj.as_of_display or gettext("undated"))
            for obj in queryset.order_by("source_as_of", "pk")[:LIMIT]
        ]
        found.append(
            Panel(
                title=gettext("%(items)s to review: undated or before 2020")
                % {"items": capfirst(meta.verbose_name_plural)},
                count=queryset.count(),
                rows=rows,
                more_url=changelist_url(model, "source=review"),
                empty=gettext("Every source is dated 2020 or later."),
            )
        )
    return found


register(source_review_panels, order=800)


def panels(request):
    global _discovered
    if not _discovered:
        autodiscover_modules("dashboard")
        _discovered = True
    return [
        panel
        for _order, function in sorted(_registry, key=lambda item: item[0])
        for panel in function(request)
    ]
