"""The admin start page: each role sees the panels of its own work, with bounded queries."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from core.roles import EDITORIAL, ENQUIRIES, MUNICIPALITY
from enquiries.dashboard import answer_due_cutoff
from enquiries.models import Enquiry
from municipalities.models import Municipality
from tests.helpers import login_staff
from welcome import opening_hours

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def test_working_days_skip_weekends_and_nrw_holidays():
    # Thursday 2 April 2026: Friday 3 April is Good Friday, Monday 6 April Easter Monday.
    assert opening_hours.working_days_before(date(2026, 4, 8), 2) == date(2026, 4, 2)
    assert opening_hours.working_days_before(date(2026, 4, 9), 2) == date(2026, 4, 7)


def test_answer_due_cutoff_counts_working_days(settings):
    settings.ENQUIRY_ANSWER_DUE_WORKING_DAYS = 2
    wednesday = datetime(2026, 6, 10, 9, tzinfo=BERLIN)
    assert answer_due_cutoff(wednesday) == datetime(2026, 6, 8, tzinfo=BERLIN)


@pytest.fixture
def work(django_user_model):
    now = timezone.now()
    juelich = Municipality.objects.create(name="Jülich", slug="juelich", kind="stadt")
    Municipality.objects.create(name="Düren", slug="dueren", kind="stadt")

    def enquiry(number, **fields):
        fields.setdefault("kind", Enquiry.Kind.QUESTION)
        fields.setdefault("status", Enquiry.Status.NEW)
        return Enquiry.objects.create(
            reference=f"WC-2026-{number:05d}", language="de", name="Erika", **fields
        )

    enquiry(1, created_at=now)
    enquiry(2, created_at=now - timedelta(days=10), status=Enquiry.Status.IN_PROGRESS)
    enquiry(
        3,
        kind=Enquiry.Kind.APPOINTMENT,
        status=Enquiry.Status.CONFIRMED,
        appointment_at=now + timedelta(minutes=5),
    )
    users = {}
    for role in (EDITORIAL, ENQUIRIES, MUNICIPALITY):
        user = django_user_model.objects.create_user(role.lower(), is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        users[role] = user
    juelich.editors.add(users[MUNICIPALITY])
    return users


def start_page(client, user):
    login_staff(client, user)
    return client.get("/admin/").content.decode()


def test_enquiries_role_sees_new_appointments_and_overdue(client, work):
    page = start_page(client, work[ENQUIRIES])
    assert "Neue Anfragen (1)" in page
    assert "Termine diese Woche (1)" in page
    assert "Ohne Antwort nach 2 Arbeitstagen (1)" in page
    assert "WC-2026-00002" in page
    assert "Seit 12 Monaten nicht geprüft" not in page


def test_editorial_sees_review_but_no_enquiries(client, work):
    page = start_page(client, work[EDITORIAL])
    assert "Seit 12 Monaten nicht geprüft (2)" in page
    assert "Düren" in page and "Jülich" in page
    assert "Neue Anfragen" not in page and "WC-2026" not in page


def test_municipality_editor_sees_only_the_own_content_due_for_review(client, work):
    page = start_page(client, work[MUNICIPALITY])
    assert "Seit 12 Monaten nicht geprüft (1)" in page
    juelich, dueren = (Municipality.objects.get(slug=slug).pk for slug in ("juelich", "dueren"))
    assert f"/admin/municipalities/municipality/{juelich}/change/" in page
    assert f"/admin/municipalities/municipality/{dueren}/change/" not in page
    assert "Neue Anfragen" not in page and "WC-2026" not in page and "Erika" not in page


def test_start_page_queries_are_bounded(client, admin_user, work, django_assert_max_num_queries):
    login_staff(client, admin_user)
    client.get("/admin/")
    # Two queries per panel: among them one panel per sourced model (facts, places, links, the
    # center's facts, offices, plan steps and frequent questions) for the sources to review.
    with django_assert_max_num_queries(39):
        client.get("/admin/")


@pytest.fixture
def sourced_work(work):
    from municipalities.models import Fact

    source = {"source_url": "https://example.org/quelle", "source_publisher": "Quelle"}
    juelich, dueren = (Municipality.objects.get(slug=slug) for slug in ("juelich", "dueren"))
    Fact.objects.create(
        municipality=juelich, topic="work", text_de="Alt in Jülich", source_as_of="2018", **source
    )
    Fact.objects.create(municipality=dueren, topic="work", text_de="Undatiert in Düren", **source)
    Fact.objects.create(topic="moving", text_de="Undatiert im Kreis", **source)
    Fact.objects.create(
        municipality=juelich, topic="work", text_de="Neu in Jülich", source_as_of="2024", **source
    )
    return work


def test_editorial_sees_undated_and_old_sources_with_a_link_to_the_list(client, sourced_work):
    page = start_page(client, sourced_work[EDITORIAL])
    assert "Fakten zu prüfen: ohne Datum oder vor 2020 (3)" in page
    assert "Alt in Jülich" in page and "Undatiert im Kreis" in page
    assert "Neu in Jülich" not in page
    assert "/admin/municipalities/fact/?source=review" in page


def test_municipality_editor_reviews_only_the_own_sources(client, sourced_work):
    page = start_page(client, sourced_work[MUNICIPALITY])
    assert "Fakten zu prüfen: ohne Datum oder vor 2020 (1)" in page
    assert "Alt in Jülich" in page
    assert "Undatiert in Düren" not in page and "Undatiert im Kreis" not in page


def test_the_review_filter_lists_what_the_panel_counts(client, sourced_work):
    client.force_login(sourced_work[EDITORIAL])
    page = client.get("/admin/municipalities/fact/", {"source": "review"}).content.decode()
    assert "Alt in Jülich" in page and "Undatiert im Kreis" in page
    assert "Neu in Jülich" not in page


@pytest.mark.parametrize("path", ["municipalities/question", "welcome/office", "welcome/planstep"])
def test_every_review_link_opens_its_filtered_list(client, sourced_work, path):
    client.force_login(sourced_work[EDITORIAL])
    response = client.get(f"/admin/{path}/", {"source": "review"})
    assert response.status_code == 200  # an unknown filter would redirect with ?e=1
