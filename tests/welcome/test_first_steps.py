"""The first-steps plan: the four plans of issue 11, each step with its office and source; the
print view and the calendar in both languages; nothing stored, no cookie; bad input answered."""

from datetime import date
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from welcome.first_steps import add_months, deadline_after
from welcome.models import Office, PlanStep, Responsibility

pytestmark = pytest.mark.django_db

SKILLED_WORKER_JUELICH = "origin=other&municipality=juelich&children=3_to_6&work=employed&job_offer=on&moving_date=2027-03-01"
EU_CITIZEN_DUEREN = (
    "origin=eu&municipality=dueren&children=under_3&work=employed&moving_date=2027-04-15"
)
GERMAN_FAMILY_HEIMBACH = "origin=germany&municipality=heimbach&children=school&work=employed"
STUDENT_JUELICH = "origin=other&municipality=juelich&work=student&moving_date=2027-09-20"


def plan_url(name="first_steps", language="de"):
    with translation.override(language):
        return reverse(name)


def get_plan(client, query, name="first_steps", language="de"):
    return client.get(f"{plan_url(name, language)}?{query}")


def step_keys(response):
    return [planned.step.key for planned in response.context["plan"]]


def offices_of(response, key):
    (planned,) = [p for p in response.context["plan"] if p.step.key == key]
    return [office.name for office in planned.offices]


def assert_every_step_names_office_and_source(response):
    assert response.context["plan"]
    html = response.content.decode()
    for planned in response.context["plan"]:
        assert planned.offices, planned.step.key
        assert all(office.name for office in planned.offices)
        assert planned.source.url.startswith("http") and planned.source.publisher
        assert planned.source.url in html


def test_urls_in_both_languages():
    assert plan_url() == "/erste-schritte/"
    assert plan_url(language="en") == "/en/first-steps/"


def test_empty_form_shows_no_plan_and_every_field_is_labelled(client, initial_content):
    response = client.get(plan_url())
    assert response.status_code == HTTPStatus.OK
    assert "plan" not in response.context
    html = response.content.decode()
    assert 'method="get"' in html
    assert "csrfmiddlewaretoken" not in html
    for field in ("municipality", "job_offer", "car", "moving_date"):
        assert f'<label for="id_{field}"' in html or f'for="id_{field}"' in html
    assert "Nicht entschieden" in html or "Noch nicht entschieden" in html


def test_skilled_worker_from_outside_the_eu_with_a_child_of_four_to_juelich(
    client, initial_content
):
    response = get_plan(client, SKILLED_WORKER_JUELICH)
    assert step_keys(response) == [
        "before-arrival",
        "register-address",
        "residence-permit",
        "health-insurance",
        "tax-id",
        "broadcasting-fee",
        "welcome-advice",
        "integration-course",
        "recognition",
        "one-stop-shop",
        "childcare-place",
        "family-office",
        "welcome-center",
    ]
    assert_every_step_names_office_and_source(response)
    assert offices_of(response, "register-address") == ["Bürgerbüro Jülich (Neues Rathaus)"]
    assert offices_of(response, "residence-permit") == ["Ausländerbehörde des Kreises Düren"]
    assert offices_of(response, "childcare-place") == [
        "Kita-Navigator des Kreises Düren (Anmeldung online)"
    ]
    assert offices_of(response, "integration-course") == ["VHS Jülicher Land"]
    html = response.content.decode()
    assert "bis spätestens 15. März 2027" in html  # two weeks after 1 March
    assert "02461 63-350" in html
    assert html.count(reverse("enquiries:appointment")) >= 3  # the steps that depend on details


def test_eu_citizen_with_a_child_of_two_to_dueren(client, initial_content):
    response = get_plan(client, EU_CITIZEN_DUEREN)
    keys = step_keys(response)
    assert "residence-permit" not in keys and "integration-course" not in keys
    assert ["register-address", "health-insurance", "health-insurance-eu"] == keys[:3]
    assert "childcare-place" in keys and "family-office" in keys
    assert_every_step_names_office_and_source(response)
    assert offices_of(response, "register-address") == ["Bürgerbüro der Stadt Düren"]
    assert offices_of(response, "childcare-place") == [
        "Amt für Kinder, Jugendliche und Familien der Stadt Düren (Jugendamt)"
    ]
    html = response.content.decode()
    assert "Markt 2, 52349 Düren" in html
    assert "Kita-Navigator des Kreises gilt hier nicht" in html
    assert "bis spätestens 29. April 2027" in html


def test_german_family_with_two_school_children_to_heimbach(client, initial_content):
    response = get_plan(client, GERMAN_FAMILY_HEIMBACH)
    assert step_keys(response) == [
        "register-address",
        "broadcasting-fee",
        "family-office",
        "school-place",
        "welcome-center",
    ]
    assert_every_step_names_office_and_source(response)
    assert offices_of(response, "register-address") == ["Stadtverwaltung Heimbach"]
    assert offices_of(response, "school-place") == ["Rathaus Heimbach"]
    html = response.content.decode()
    assert "Hengebachstraße 14, 52396 Heimbach" in html
    assert "innerhalb von 2 Wochen nach dem Einzug" in html  # no moving date: the rule
    assert "Kalender" not in html.split('id="plan-title"')[1].split("</ul>")[0]


def test_student_at_the_fh_aachen_campus_juelich(client, initial_content):
    response = get_plan(client, STUDENT_JUELICH, language="en")
    keys = step_keys(response)
    assert keys[:3] == ["register-address", "residence-permit", "health-insurance"]
    assert "university" in keys and "one-stop-shop" in keys
    assert "recognition" not in keys and "childcare-place" not in keys
    assert_every_step_names_office_and_source(response)
    assert offices_of(response, "university") == [
        "FH Aachen University of Applied Sciences, Jülich campus"
    ]
    assert offices_of(response, "register-address") == [
        "Jülich citizens' office (Bürgerbüro), new town hall"
    ]
    assert "by 4 October 2027 at the latest" in response.content.decode()


def test_municipality_not_decided_lists_the_exceptions(client, initial_content):
    response = get_plan(client, "origin=eu&children=3_to_6", language="en")
    assert offices_of(response, "childcare-place") == [
        "City of Düren youth welfare office (Jugendamt)",
        "Kreis Düren Kita-Navigator (online registration)",
    ]
    assert offices_of(response, "register-address") == [
        "The town hall of the town or municipality you move to"
    ]


def test_without_an_office_the_town_hall_or_the_welcome_center(client, initial_content):
    response = get_plan(client, "origin=germany&municipality=titz")
    assert offices_of(response, "register-address") == ["Rathaus Titz"]
    assert offices_of(response, "welcome-center") == ["Welcome-Center Kreis Düren"]


@pytest.mark.parametrize("language", ["de", "en"])
def test_print_view(client, initial_content, language):
    response = get_plan(client, SKILLED_WORKER_JUELICH, "first_steps_print", language)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<nav" not in html and "site-header" not in html
    assert html.count('rel="stylesheet"') == 1 and "css/bundle.css" in html
    assert f"http://testserver{plan_url(language=language)}?" in html  # the URL as text
    assert html.count('class="plan-step"') == 13


def test_print_view_without_answers_goes_back_to_the_form(client, initial_content):
    response = client.get(plan_url("first_steps_print"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(plan_url())


@pytest.mark.parametrize("language", ["de", "en"])
def test_calendar_has_the_deadlines_with_reminders(client, initial_content, language):
    query = SKILLED_WORKER_JUELICH + "&car=on"
    response = get_plan(client, query, "first_steps_ics", language)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    by_start = {event.decoded("dtstart"): event for event in events}
    assert set(by_start) == {date(2027, 3, 15), date(2027, 9, 1)}
    registration = by_start[date(2027, 3, 15)]
    title = "Wohnsitz anmelden" if language == "de" else "Register your address"
    assert title in str(registration["summary"])
    alarms = registration.walk("VALARM")
    assert sorted(str(alarm["trigger"].to_ical().decode()) for alarm in alarms) == ["-P1D", "-P7D"]


def test_calendar_without_moving_date_goes_back_to_the_plan(client, initial_content):
    response = get_plan(client, GERMAN_FAMILY_HEIMBACH, "first_steps_ics")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(plan_url() + "?")


@pytest.mark.parametrize(
    "query, message",
    [
        ("origin=mars", "Bitte wählen Sie eine der Möglichkeiten."),
        ("origin=", "Bitte sagen Sie uns, woher Sie zuziehen."),
        (
            "origin=eu&municipality=atlantis",
            "Bitte wählen Sie eine Stadt oder Gemeinde aus der Liste.",
        ),
        (
            "origin=eu&moving_date=2027-02-30",
            "Bitte geben Sie das Datum mit Tag, Monat und Jahr an.",
        ),
        ("origin=eu&children=teen", "Bitte wählen Sie aus den Altersgruppen."),
    ],
)
def test_bad_answers_get_a_clear_message(client, initial_content, query, message):
    response = get_plan(client, query)
    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert "plan" not in response.context


def test_prefilled_link_shows_the_form_with_the_answers_but_no_plan(client, initial_content):
    response = get_plan(client, "children=school&job_offer=on")
    assert "plan" not in response.context
    html = response.content.decode()
    assert (
        'value="school" checked' in html
        or 'checked value="school"' in html
        or ('value="school"' in html and "checked" in html)
    )


@pytest.mark.parametrize(
    "query", [SKILLED_WORKER_JUELICH, EU_CITIZEN_DUEREN, GERMAN_FAMILY_HEIMBACH, STUDENT_JUELICH]
)
@pytest.mark.parametrize("name", ["first_steps", "first_steps_print", "first_steps_ics"])
def test_plan_writes_nothing_and_sets_no_cookie(client, initial_content, query, name):
    with CaptureQueriesContext(connection) as queries:
        response = get_plan(client, query, name)
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_plan_queries_are_bounded(client, initial_content, page_cache_off):
    def count():
        with CaptureQueriesContext(connection) as queries:
            get_plan(client, SKILLED_WORKER_JUELICH)
        return len(queries.captured_queries)

    count()  # the first request also fills the per-version caches
    before = count()
    office = Office.objects.first()
    steps = list(PlanStep.objects.all())
    for number in range(len(steps) * 9):
        step = PlanStep.objects.create(
            key=f"extra-{number}",
            title_de=f"Schritt {number}",
            text_de="Text",
            source_url="https://example.org/",
            source_publisher="Beispiel",
            position=500 + number,
        )
        Responsibility.objects.create(step=step, office=office)
    assert count() == before
    assert before <= 12


def test_deadlines_by_calendar():
    assert deadline_after(date(2027, 3, 1), 2, "weeks") == date(2027, 3, 15)
    assert deadline_after(date(2027, 3, 1), 14, "days") == date(2027, 3, 15)
    assert deadline_after(date(2027, 8, 31), 6, "months") == date(2028, 2, 29)
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2027, 11, 15), 3) == date(2028, 2, 15)
