"""What the site search finds in the Welcome-Center's own content: events and the staff-edited
pages (see core/search.py)."""

from django.utils.translation import gettext_lazy as _

from core.search import SearchSource, register
from welcome.models import Event, Page

register(
    SearchSource(
        key="events",
        label=_("Events at the Welcome-Center"),
        queryset=lambda: Event.objects.upcoming(),
        fields=("title", "summary", "description", "place"),
        snippet_field="summary",
        order=40,
    )
)
register(
    SearchSource(
        key="pages",
        label=_("Information pages"),
        queryset=lambda: Page.objects.published(),
        fields=("title", "intro", "body"),
        snippet_field="intro",
        order=50,
    )
)
