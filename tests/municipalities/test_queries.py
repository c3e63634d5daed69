"""Every page runs a fixed number of SQL queries, however much content there is.

The bound is asserted with ten times the initial data: 150 municipalities with a section, a
place and a link on every topic.
"""

import pytest
from django.core.management import call_command

from municipalities.models import Link, Municipality, Place, Section
from municipalities.topics import Topic

pytestmark = pytest.mark.django_db

# Page → maximum queries (2 of them are the center and its opening hours, on every page).
BOUNDS = {
    "/gemeinden/": 3,
    "/gemeinden/?kind=stadt": 3,
    "/en/municipalities/": 3,
    "/gemeinden/juelich/": 6,
    "/en/municipalities/juelich/": 6,
    "/gemeinden/themen/": 2,
    "/gemeinden/themen/kinderbetreuung/": 6,
    "/en/municipalities/topics/childcare/": 6,
    "/gemeinden/vergleich/": 3,
    "/gemeinden/vergleich/?municipality=dueren&municipality=juelich"
    "&municipality=titz&municipality=extra-1": 7,
    "/gemeinden/vergleich/?municipality=dueren&municipality=atlantis": 3,
    "/suche/": 2,
    "/suche/?q=Krankenhaus": 5,
    "/en/search/?q=hospital+rail": 5,
    "/sitemap.xml": 3,
}


@pytest.fixture
def tenfold(db):
    call_command("load_initial_content", stdout=open("/dev/null", "w"))
    extra = Municipality.objects.bulk_create(
        Municipality(name=f"Extra {n}", slug=f"extra-{n}", kind="gemeinde", teaser_de="Krankenhaus")
        for n in range(135)
    )
    Section.objects.bulk_create(
        Section(municipality=m, topic=topic, text_de="Krankenhaus und Kita")
        for m in extra
        for topic in Topic
    )
    everyone = list(Municipality.objects.all())
    Place.objects.bulk_create(
        Place(municipality=m, topic=topic, name_de="Krankenhaus", description_de="Krankenhaus")
        for m in everyone
        for topic in Topic
    )
    Link.objects.bulk_create(
        Link(municipality=m, topic=topic, title_de="Mehr", url="https://example.org/")
        for m in everyone
        for topic in Topic
    )
    assert Municipality.objects.count() == 150


@pytest.mark.parametrize("url,bound", BOUNDS.items())
def test_query_count_is_bounded(client, tenfold, django_assert_max_num_queries, url, bound):
    with django_assert_max_num_queries(bound):
        response = client.get(url)
    assert response.status_code == 200
