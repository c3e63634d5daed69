"""Every page runs a fixed number of SQL queries, however much content there is.

The bound is asserted with ten times the initial data: 150 municipalities with a fact, a place
and a link on every topic, ten times the district's facts, places and links, and for the district
map ten times the stations and lines.
"""

from datetime import time, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from municipalities.models import (
    Fact,
    LineStop,
    Link,
    Municipality,
    Place,
    Question,
    RailLine,
    ReferencePoint,
    Station,
)
from municipalities.topics import MUNICIPAL_TOPICS, Topic
from welcome.models import (
    Event,
    Office,
    OpeningException,
    OpeningExceptionInterval,
    PlanStep,
    Responsibility,
    WelcomeCenter,
)

pytestmark = pytest.mark.django_db

# Page → maximum queries. 4 of them are on every page: the center, its regular hours, the
# coming exceptions and their hours (for the opening status in the footer); they run once per
# content version and day (core/versioned_cache.py), here on the first page, where nothing is
# cached yet. The district map adds 3 (municipalities, line stops with their lines and
# stations, reference points); the district's facts, places and links beside a profile or a
# topic 3; a search one per searched model (municipalities, facts, places, links, events, pages;
# the topic pages need none). The sitemap loads the center through the site's context.
BOUNDS = {
    "/": 9,
    "/en/": 9,
    "/gemeinden/": 8,
    "/gemeinden/?kind=stadt": 8,
    "/en/municipalities/": 8,
    "/gemeinden/juelich/": 15,
    "/en/municipalities/juelich/": 15,
    "/gemeinden/themen/": 4,
    # A topic page also shows the topic's frequent questions (1).
    "/gemeinden/themen/kinderbetreuung/": 12,
    "/en/municipalities/topics/childcare/": 12,
    "/gemeinden/themen/mobilitaet/": 15,
    "/en/municipalities/topics/mobility/": 15,
    "/gemeinden/themen/umzug-und-erste-schritte/": 8,
    "/en/municipalities/topics/integration-and-language/": 8,
    "/gemeinden/vergleich/": 5,
    "/gemeinden/vergleich/?municipality=dueren&municipality=juelich"
    "&municipality=titz&municipality=extra-1": 9,
    "/gemeinden/vergleich/?municipality=dueren&municipality=atlantis": 5,
    "/suche/": 4,
    # One query per search source (the frequent questions are one of them).
    "/suche/?q=Krankenhaus": 11,
    "/en/search/?q=hospital+rail": 11,
    "/kontakt/": 7,
    "/en/contact/": 7,
    "/sitemap.xml": 8,
    # The plan: the municipalities for the form (1), the steps (1) and their offices (1).
    "/erste-schritte/": 5,
    "/erste-schritte/?origin=other&municipality=juelich&children=3_to_6&work=employed"
    "&job_offer=on&car=on&moving_date=2027-03-01": 7,
    "/en/first-steps/print/?origin=eu&children=under_3&moving_date=2027-03-01": 7,
    "/fragen/": 5,
}


@pytest.fixture
def tenfold(db):
    call_command("load_initial_content", stdout=open("/dev/null", "w"))
    extra = Municipality.objects.bulk_create(
        Municipality(name=f"Extra {n}", slug=f"extra-{n}", kind="gemeinde", teaser_de="Krankenhaus")
        for n in range(135)
    )
    source = {"source_url": "https://example.org/quelle", "source_publisher": "Test"}
    Fact.objects.bulk_create(
        Fact(
            key=f"x-{m.slug}-{topic}",
            municipality=m,
            topic=topic,
            text_de="Krankenhaus und Kita",
            **source,
        )
        for m in extra
        for topic in MUNICIPAL_TOPICS
    )
    everyone = list(Municipality.objects.all())
    Place.objects.bulk_create(
        Place(
            key=f"x-{m.slug}-{topic}",
            municipality=m,
            topic=topic,
            kind="krankenhaus",
            name_de="Krankenhaus",
            description_de="Krankenhaus",
            **source,
        )
        for m in everyone
        for topic in MUNICIPAL_TOPICS
    )
    Link.objects.bulk_create(
        Link(
            key=f"x-{m.slug}-{topic}",
            municipality=m,
            topic=topic,
            title_de="Mehr",
            url="https://example.org/",
            **source,
        )
        for m in everyone
        for topic in MUNICIPAL_TOPICS
    )
    # Ten times the district's facts, places and links (each with a source of its own).
    for model in (Fact, Place, Link):
        district = list(model.objects.district())
        copies = []
        for n in range(9):
            for item in district:
                item.pk, item.key = None, f"{item.key}-{n}"
                item.source_url = f"https://example.org/{n}/{item.key}"
                copies.append(
                    model(
                        **{f.attname: getattr(item, f.attname) for f in model._meta.concrete_fields}
                    )
                )
        model.objects.bulk_create(copies)
    assert Fact.objects.district().count() > 1000
    assert Municipality.objects.count() == 150
    # The opening status on every page reads the coming exceptions; the profile lists events.
    center = WelcomeCenter.objects.get()
    today = timezone.localdate()
    for n in range(10):
        exception = OpeningException.objects.create(
            center=center,
            start_date=today + timedelta(days=n),
            end_date=today + timedelta(days=n),
            closed=False,
            reason_de="Sonderöffnung",
        )
        OpeningExceptionInterval.objects.create(exception=exception, opens=time(9), closes=time(12))
    # The district map: ten times the stations (on ten times the lines) and reference points.
    sourced = {"source": "https://example.org/", "source_checked": today}
    assert Station.objects.count() == 35
    stations = Station.objects.bulk_create(
        Station(
            key=f"extra-{n}",
            name_de=f"Halt {n}",
            municipality=everyone[n % 15],
            latitude=50.65 + (n % 30) * 0.012,
            longitude=6.28 + (n // 30) * 0.035,
            coordinate_basis="village",
            **sourced,
        )
        for n in range(315)
    )
    lines = RailLine.objects.bulk_create(
        RailLine(
            key=f"extra-{n}", code=f"RB {n + 30}", name_de="Testbahn", route_de="A – B", **sourced
        )
        for n in range(63)
    )
    LineStop.objects.bulk_create(
        LineStop(line=lines[n % 63], station=station, position=n)
        for n, station in enumerate(stations)
    )
    ReferencePoint.objects.bulk_create(
        ReferencePoint(
            key=f"extra-{n}", name_de=f"Ort {n}", latitude=51.2, longitude=6.0 + n * 0.02, **sourced
        )
        for n in range(45)
    )
    steps = PlanStep.objects.bulk_create(
        PlanStep(
            key=f"extra-{n}",
            title_de=f"Schritt {n}",
            text_de="Text",
            source_url="https://example.org/",
            source_publisher="Beispiel",
            position=500 + n,
        )
        for n in range(180)
    )
    offices = list(Office.objects.all())
    Responsibility.objects.bulk_create(
        Responsibility(step=step, office=offices[n % len(offices)], municipality=everyone[n % 15])
        for n, step in enumerate(steps)
    )
    Question.objects.bulk_create(
        Question(
            key=f"extra-{n}",
            topic=Topic.values[n % len(Topic.values)],
            question_de=f"Frage {n} zum Krankenhaus?",
            answer_de="Antwort",
            source_url="https://example.org/",
            source_publisher="Beispiel",
        )
        for n in range(72)
    )
    juelich = Municipality.objects.get(slug="juelich")
    for n in range(10):
        Event.objects.create(
            title_de=f"Jülich stellt sich vor {n}",
            slug=f"juelich-{n}",
            kind="presentation",
            municipality=juelich,
            start_date=today + timedelta(days=n + 1),
        )


@pytest.mark.parametrize("url,bound", BOUNDS.items())
def test_query_count_is_bounded(
    client, tenfold, page_cache_off, django_assert_max_num_queries, url, bound
):
    with django_assert_max_num_queries(bound):
        response = client.get(url)
    assert response.status_code == 200
