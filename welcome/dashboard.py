"""The Welcome-Center's panel on the admin start page (see core/dashboard.py): the launch
blockers, i.e. what the legal pages must state and is not filled in yet (welcome/legal.py)."""

from django.utils.translation import gettext_lazy as _

from core.dashboard import Panel, changelist_url, register
from welcome.legal import launch_blockers
from welcome.models import WelcomeCenter


def legal_panels(request):
    if not request.user.has_perm("welcome.change_welcomecenter"):
        return []
    url = changelist_url(WelcomeCenter)
    blockers = launch_blockers()
    return [
        Panel(
            title=_("Launch blockers: the legal pages miss these items"),
            count=len(blockers),
            rows=[(blocker.label, url, str(blocker.page)) for blocker in blockers],
            empty=_("The legal pages state every required item."),
        )
    ]


register(legal_panels, order=5)
