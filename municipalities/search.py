"""What the site search finds in the municipality profiles (see core/search.py)."""

from django.db.models import Case, TextField, Value, When
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.search import SearchSource, register
from municipalities.models import Fact, Municipality, Place
from municipalities.topics import Topic


def topic_label(language):
    """The topic's name in the language, so that "Kinderbetreuung" finds the child-care texts."""
    with translation.override(language):
        whens = [When(topic=topic.value, then=Value(str(topic.label))) for topic in Topic]
    return Case(*whens, default=Value(""), output_field=TextField())


register(
    SearchSource(
        key="municipalities",
        label=_("Towns and municipalities"),
        queryset=lambda: Municipality.objects.published(),
        fields=("name", "teaser", "introduction"),
        snippet_field="teaser",
        order=10,
    )
)
register(
    SearchSource(
        key="facts",
        label=_("Facts"),
        queryset=lambda: Fact.objects.public().select_related("municipality"),
        fields=("text", topic_label),
        snippet_field="text",
        order=20,
    )
)
register(
    SearchSource(
        key="places",
        label=_("Places and offers"),
        queryset=lambda: Place.objects.public().select_related("municipality"),
        fields=("name", topic_label, "description", "address"),
        snippet_field="description",
        title=lambda place: f"{place.name} ({place.municipality or _('Kreis Düren')})",
        order=30,
    )
)
