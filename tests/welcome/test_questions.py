"""Frequent questions: their page (schema.org FAQPage), the topic pages, the site search, the
home page's four ways in, and the initial content that never overwrites staff edits."""

import json
import re
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from municipalities.models import Question
from welcome.initial_first_steps import content_fingerprint
from welcome.models import Office, PlanStep, Responsibility

OFFICE_FIELDS = (
    "name_de",
    "name_en",
    "address",
    "website",
    "phone",
    "source_url",
    "source_publisher",
    "source_as_of",
)


def office_values_of(office):
    return {name: getattr(office, name) for name in OFFICE_FIELDS}


pytestmark = pytest.mark.django_db


def test_page_of_all_questions_with_faq_markup(client, initial_content):
    response = client.get("/fragen/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    for question in (
        "Wie bekomme ich einen Kita-Platz?",
        "Wo melde ich meinen Wohnsitz an?",
        "Brauche ich einen Termin im Welcome-Center?",
    ):
        assert question in html
    (data,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    faq = json.loads(data)
    assert faq["@type"] == "FAQPage"
    names = [item["name"] for item in faq["mainEntity"]]
    assert "Wie bekomme ich einen Kita-Platz?" in names
    assert all(item["acceptedAnswer"]["text"] for item in faq["mainEntity"])
    assert "herzog-magazin.de/kreis-dueren/ab-in-die-kita" in html  # each answer's source


def test_questions_in_english(client, initial_content):
    with translation.override("en"):
        url = reverse("questions")
    assert url == "/en/questions/"
    html = client.get(url).content.decode()
    assert "How do I get a Kita place?" in html
    assert "Do I need an appointment at the Welcome-Center?" in html


def test_topic_page_shows_its_questions(client, initial_content):
    html = client.get("/gemeinden/themen/kinderbetreuung/").content.decode()
    assert "Wie bekomme ich einen Kita-Platz?" in html
    assert "Wo melde ich meinen Wohnsitz an?" not in html


def test_unpublished_question_is_not_shown(client, initial_content):
    Question.objects.filter(key="kita-place").update(published=False)
    assert "Wie bekomme ich einen Kita-Platz?" not in client.get("/fragen/").content.decode()


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/suche/?q=Kita-Platz", "Wie bekomme ich einen Kita-Platz?"),
        ("/en/search/?q=register+address", "Where do I register my address?"),
    ],
)
def test_questions_are_found_by_search(client, initial_content, path, expected):
    html = client.get(path).content.decode()
    assert expected in html
    assert "/fragen/#question-" in html or "/en/questions/#question-" in html


def test_home_offers_four_ways_in(client, initial_content):
    html = client.get("/").content.decode()
    assert 'href="/erste-schritte/?origin=other"' in html
    assert "/erste-schritte/?children=under_3&amp;children=3_to_6&amp;children=school" in html
    assert "/erste-schritte/?job_offer=on&amp;work=employed" in html
    assert 'href="/kontakt/unternehmen/"' in html or reverse("enquiries:company") in html
    assert reverse("onestopshop:list") in html
    assert "https://www.arbeitsagentur.de/vor-ort/aachen-dueren" in html


def test_loading_again_keeps_staff_edits_and_updates_untouched_records(initial_content):
    step = PlanStep.objects.get(key="register-address")
    step.title_de = "Wohnsitz anmelden (von der Redaktion)"
    step.save()
    # An office as an older initial content left it, untouched since: the new content reaches it.
    untouched = Office.objects.get(key="familienbuero")
    untouched.address = "Alte Adresse"
    untouched.initial_fingerprint = content_fingerprint(office_values_of(untouched))
    untouched.save()
    counts = (
        PlanStep.objects.count(),
        Office.objects.count(),
        Responsibility.objects.count(),
        Question.objects.count(),
    )
    call_command("load_initial_content", stdout=open("/dev/null", "w"))
    assert PlanStep.objects.get(key="register-address").title_de.endswith("(von der Redaktion)")
    assert (
        Office.objects.get(key="familienbuero").address == "Kreishaus, Haus C (Erdgeschoss), Düren"
    )
    assert counts == (
        PlanStep.objects.count(),
        Office.objects.count(),
        Responsibility.objects.count(),
        Question.objects.count(),
    )


def test_loading_again_recreates_what_staff_deleted_only_if_missing(initial_content):
    Question.objects.filter(key="tax-id").delete()
    call_command("load_initial_content", stdout=open("/dev/null", "w"))
    assert Question.objects.filter(key="tax-id").count() == 1


def test_initial_content_has_a_source_for_every_rule(initial_content):
    for step in PlanStep.objects.all():
        assert step.source_url.startswith("https://") and step.source_publisher, step.key
    for responsibility in Responsibility.objects.exclude(note_de=""):
        assert responsibility.note_source_url.startswith("https://")
    for office in Office.objects.all():
        assert office.source_url.startswith("https://"), office.key
    for question in Question.objects.all():
        assert question.source.startswith("https://"), question.key
    assert PlanStep.objects.filter(deadline_amount__isnull=False).count() == 2
