"""Drafts, publish windows and the review date, shared by every publishable model (municipality
profiles, events, pages).

Content is public when it is published and the current moment lies inside its optional window
(publish_from ≤ now < publish_until). The window is checked in every query against
timezone.now(), so no cron job has to flip a flag. Who may edit an object (`editable_by`) may also
preview it on the public page while it is not public (`visible_to`); visitors get a 404. A model
narrows who may edit what by overriding `editable_q` (municipalities scope it to a Kommune
editor's towns).
"""

from datetime import timedelta

from django.db import models
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.page_cache import PageContent, PageContentQuerySet

# Content whose last review is older than this (or that was never reviewed) is due for review.
REVIEW_INTERVAL = timedelta(days=365)


def public_q(prefix="", now=None):
    """The condition "public now" for a model with published/publish_from/publish_until.

    `prefix` reaches the fields through a relation, for example "municipality__".
    """
    now = now or timezone.now()
    return (
        Q(**{f"{prefix}published": True})
        & (Q(**{f"{prefix}publish_from__isnull": True}) | Q(**{f"{prefix}publish_from__lte": now}))
        & (Q(**{f"{prefix}publish_until__isnull": True}) | Q(**{f"{prefix}publish_until__gt": now}))
    )


def review_cutoff(today=None):
    """Content last reviewed before this date is due for review."""
    return (today or timezone.localdate()) - REVIEW_INTERVAL


def due_for_review_q(today=None):
    return Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=review_cutoff(today))


class PublishableQuerySet(PageContentQuerySet):
    """Queries every publishable model offers."""

    def published(self, now=None):
        """What visitors see: published and inside the publish window."""
        return self.filter(public_q(now=now))

    def editable_q(self, user):
        """The condition "the user may change it"; None means all of it.

        Staff with the permission to change the model may change all of it; models narrow this.
        """
        meta = self.model._meta
        if not user.has_perm(f"{meta.app_label}.change_{meta.model_name}"):
            return Q(pk__in=[])
        return None

    def editable_by(self, user):
        """What the user may change (and so preview): the admin lists and the review panel."""
        condition = self.editable_q(user)
        return self.all() if condition is None else self.filter(condition)

    def visible_to(self, user):
        """Visitors see what is public; staff also what they may edit (the preview)."""
        if not user.is_staff:
            return self.published()
        condition = self.editable_q(user)
        return self.all() if condition is None else self.filter(public_q() | condition)

    def due_for_review(self, today=None):
        return self.filter(due_for_review_q(today))


class Publishable(PageContent):
    """The publishing fields shared by municipality profiles, events and pages."""

    published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Untick to keep it as a draft that only staff can preview."),
    )
    publish_from = models.DateTimeField(
        _("publish from"),
        null=True,
        blank=True,
        help_text=_("Optional: it appears on the site only from this moment on."),
    )
    publish_until = models.DateTimeField(
        _("publish until"),
        null=True,
        blank=True,
        help_text=_("Optional: it disappears from the site at this moment."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("Shown to readers as “Stand”: the date an editor last checked the text."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self):
        """The rule of `public_q` for this object in memory."""
        now = timezone.now()
        if not self.published:
            return False
        if self.publish_from and self.publish_from > now:
            return False
        return not (self.publish_until and self.publish_until <= now)


def next_window_change_of(models_, now=None):
    """The next moment at which a publish window opens or closes, in any of the models (or None).

    The page cache expires then, so that scheduled content appears and disappears on time.
    One query per model.
    """
    now = now or timezone.now()
    moments = []
    for model in models_:
        found = model._default_manager.filter(published=True).aggregate(
            opens=Min("publish_from", filter=Q(publish_from__gt=now)),
            closes=Min("publish_until", filter=Q(publish_until__gt=now)),
        )
        moments += [moment for moment in found.values() if moment]
    return min(moments, default=None)
