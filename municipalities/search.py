"""What the site search finds about the municipalities and the district (see core/search.py):
the profiles, the topic pages (the two district topics included), facts, places and links, with
the synonyms in search_synonyms.txt."""

from pathlib import Path

from django.db.models import Case, TextField, Value, When
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from core.search import SearchSource, register, register_synonyms
from municipalities.models import Fact, Link, Municipality, Place, Question
from municipalities.topics import DISTRICT_TOPICS, Topic

register_synonyms(Path(__file__).resolve().parent / "search_synonyms.txt")


def topic_label(language):
    """The topic's name in the language, so that "Kinderbetreuung" finds the child-care texts."""
    with translation.override(language):
        whens = [When(topic=topic.value, then=Value(str(topic.label))) for topic in Topic]
    return Case(*whens, default=Value(""), output_field=TextField())


def place_kind_label(language):
    with translation.override(language):
        whens = [When(kind=kind, then=Value(str(label))) for kind, label in Place.Kind.choices]
    return Case(*whens, default=Value(""), output_field=TextField())


def where(entry):
    """The municipality's name, or "Kreis Düren" for what holds for the whole district."""
    return entry.municipality.name if entry.municipality_id else gettext("District of Düren")


def topic_entries(language):
    """Every topic page, with words readers use for it (not in the database: matched in
    Python)."""
    with translation.override(language):
        entries = []
        for topic in Topic:
            scope = (
                gettext("for newcomers from abroad, for the whole district")
                if topic in DISTRICT_TOPICS
                else gettext("in all 15 towns and municipalities")
            )
            text = f"{topic.label} {scope} {TOPIC_WORDS[topic]}"
            url = reverse("municipalities:topic", kwargs={"topic": topic.value})
            entries.append((str(topic.label), url, text))
        return entries


# Words that describe each topic page (searched, never shown).
TOPIC_WORDS = {
    Topic.WORK: pgettext("search words", "work jobs employers business parks economy"),
    Topic.EDUCATION: pgettext("search words", "schools education university adult education"),
    Topic.CHILDCARE: pgettext("search words", "child care Kita childminding Kita-Navigator"),
    Topic.HEALTH: pgettext("search words", "health doctors hospitals practices emergency"),
    Topic.LEISURE: pgettext("search words", "leisure culture sport museums nature"),
    Topic.MOBILITY: pgettext("search words", "mobility trains buses stations tickets"),
    Topic.HOUSING: pgettext("search words", "housing flats building land rents"),
    Topic.MOVING: pgettext(
        "search words",
        "moving registering your address residence permit recognition health insurance "
        "broadcasting fee driving licence vehicle",
    ),
    Topic.INTEGRATION: pgettext(
        "search words", "integration language German courses migration advice welcome advice"
    ),
}

register(
    SearchSource(
        key="topics",
        label=_("Topics"),
        entries=topic_entries,
        order=5,
    )
)
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
        fields=("text", topic_label, "municipality__name"),
        snippet_field="text",
        title=lambda fact: f"{where(fact)}: {fact.get_topic_display()}",
        order=20,
    )
)
register(
    SearchSource(
        key="places",
        label=_("Places and offers"),
        queryset=lambda: Place.objects.public().select_related("municipality"),
        fields=("name", place_kind_label, "description", topic_label, "address"),
        snippet_field="description",
        title=lambda place: f"{place.name} ({where(place)})",
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
        order=15,
    )
)
register(
    SearchSource(
        key="links",
        label=_("Further information"),
        queryset=lambda: Link.objects.public().select_related("municipality"),
        fields=("title", topic_label),
        snippet_field="title",
        title=lambda link: f"{link.title} ({where(link)})",
        url=lambda link: link.url,
        order=35,
    )
)
