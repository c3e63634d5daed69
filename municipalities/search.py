"""What the site search finds in the municipality profiles (see core/search.py)."""

from django.db.models import Case, TextField, Value, When
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.publishing import public_q
from core.search import SearchSource, register
from municipalities.models import Municipality, Place, Question, Section
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
        key="sections",
        label=_("Topics in the municipalities"),
        queryset=lambda: Section.objects.filter(public_q("municipality__")).select_related(
            "municipality"
        ),
        fields=("municipality__name", topic_label, "text"),
        snippet_field="text",
        order=20,
    )
)
register(
    SearchSource(
        key="places",
        label=_("Places and offers"),
        queryset=lambda: Place.objects.filter(public_q("municipality__")).select_related(
            "municipality"
        ),
        fields=("name", "kind", topic_label, "description", "address"),
        snippet_field="description",
        title=lambda place: f"{place.name} ({place.municipality.name})",
        order=30,
    )
)
register(
    SearchSource(
        key="questions",
        label=_("Frequent questions"),
        queryset=lambda: Question.objects.published(),
        fields=("question", "answer"),
        snippet_field="answer",
        order=35,
    )
)
