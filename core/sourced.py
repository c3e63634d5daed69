"""Content that says where it comes from: the source page, its publisher and the date it gave.

Readers see the publisher and the date ("Stand: Mai 2024") beside every fact, place and link, and
can open the source. What is older than 2020 or gave no date is flagged for review on the admin
start page (core/dashboard.py), because a newcomer must never take it for current.
"""

from datetime import date
from uuid import uuid4

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from core.page_cache import PageContent, PageContentQuerySet

# Older than this year, or undated: shown with its year and flagged for review.
REVIEW_BEFORE_YEAR = 2020

as_of_validator = RegexValidator(
    r"^\d{4}(-\d{2}(-\d{2})?)?$", _("Enter a year, a month or a day: 2022, 2022-03 or 2022-03-14.")
)


def parse_as_of(value):
    """("day" | "month" | "year", date) for "2024-05-14", "2024-05" or "2024"; None if blank."""
    parts = [int(part) for part in (value or "").split("-") if part]
    if not parts:
        return None
    precision = ("year", "month", "day")[len(parts) - 1]
    year, month, day = (parts + [1, 1])[:3]
    return precision, date(year, month, day)


def as_of_text(value):
    """The date a source gave, as readers read it: "14. Mai 2024" / "14 May 2024", "Mai 2024" /
    "May 2024", or "2024"; empty if there is none."""
    parsed = parse_as_of(value)
    if parsed is None:
        return ""
    precision, day = parsed
    if precision == "day":
        return formats.date_format(day, "DATE_FORMAT")
    if precision == "month":
        return formats.date_format(day, "YEAR_MONTH_FORMAT")
    return str(day.year)


class SourceURLField(models.URLField):
    """A source's address; in forms, an address typed without a scheme gets https://."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class SourcedQuerySet(PageContentQuerySet):
    def needs_review(self):
        """Undated, or dated before 2020."""
        return self.filter(needs_review_q())

    def editable_by(self, user):
        """What the user may change, for those with the model's change permission (content of
        a municipality narrows this to the user's municipalities)."""
        return self


def needs_review_q(prefix=""):
    # "2019-12" < "2020" as text, and every as-of value starts with its four-digit year.
    return Q(**{f"{prefix}source_as_of": ""}) | Q(
        **{f"{prefix}source_as_of__lt": str(REVIEW_BEFORE_YEAR)}
    )


class Sourced(PageContent):
    """A fixed key, and the source: its address, who publishes it and the date it gave."""

    key = models.SlugField(
        _("key"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_(
            "A fixed identifier; the initial content finds its records by it. Left empty, one "
            "is made up."
        ),
    )
    source_url = SourceURLField(
        _("source"),
        max_length=500,
        help_text=_("The page this comes from (the original page, never a copy or a cache)."),
    )
    source_publisher = models.CharField(
        _("publisher of the source"),
        max_length=200,
        help_text=_("Who publishes the source, as readers know them: “Gemeinde Kreuzau”."),
    )
    source_as_of = models.CharField(
        _("as of (Stand)"),
        max_length=10,
        blank=True,
        validators=[as_of_validator],
        help_text=_(
            "The date the source gave (2022, 2022-03 or 2022-03-14); empty if it gave none."
        ),
    )

    objects = SourcedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = f"{self._meta.model_name}-{uuid4().hex[:12]}"
        super().save(*args, **kwargs)

    @property
    def needs_review(self):
        return not self.source_as_of or self.source_as_of[:4] < str(REVIEW_BEFORE_YEAR)

    @property
    def as_of_display(self):
        """ "Mai 2024" / "May 2024" (templates put "Stand:" / "as of" in front); empty if
        undated."""
        return as_of_text(self.source_as_of)


class Source:
    """One entry of a numbered source list."""

    def __init__(self, number, url, publisher, as_of):
        self.number, self.url, self.publisher, self.as_of = number, url, publisher, as_of


def source_of(item):
    return (item.source_url, item.source_publisher, item.as_of_display)


class SourceList:
    """The sources of some items, numbered in order of first mention, each once; a link that is
    its own source is not repeated. Templates show "(source 2)" after an item and the list as
    an <ol> (templates/municipalities/includes/source_list.html)."""

    def __init__(self, items):
        self._sources = {}
        for item in items:
            if getattr(item, "url", None) == item.source_url:
                continue
            source = source_of(item)
            if source not in self._sources:
                self._sources[source] = Source(len(self._sources) + 1, *source)

    def sources(self):
        return list(self._sources.values())

    def number(self, item):
        source = self._sources.get(source_of(item))
        return source.number if source else None

    def numbered(self, items):
        """[(item, its number in the list)]."""
        return [(item, self.number(item)) for item in items]
