"""`manage.py check --deploy` warns while the legal pages miss a required item (welcome/legal.py)."""

from django.core.checks import Warning, register
from django.utils import translation


@register("legal", deploy=True)
def legal_pages_complete(app_configs=None, **kwargs):
    from welcome.legal import launch_blockers

    with translation.override("en"):
        return [
            Warning(
                f"Legal pages incomplete: {blocker.label}"
                + (f" ({blocker.page})" if blocker.page else ""),
                hint="Fill it in under Welcome-Center in the admin; the admin start page lists "
                "every launch blocker.",
                id="welcome.W001",
            )
            for blocker in launch_blockers()
        ]
