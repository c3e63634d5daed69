"""The Welcome-Center app: cached pages show the center's opening status, so they expire when it
changes (registered with core/page_cache.py); `check --deploy` warns while the legal pages miss
an item (welcome/checks.py)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def next_opening_status_change(request, now):
    """Cached pages show the center's opening status: they expire when it changes."""
    from welcome.models import WelcomeCenter
    from welcome.opening_hours import status_at

    center = WelcomeCenter.objects.for_request(request)
    if center is None:
        return None
    return status_at(center.schedule(), now).changes_at


class WelcomeConfig(AppConfig):
    name = "welcome"
    verbose_name = _("Welcome-Center")

    def ready(self):
        from core.page_cache import register_lifetime
        from welcome import checks  # noqa: F401 -- registers the deploy check of the legal pages

        register_lifetime(next_opening_status_change)
