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
from welcome import initial_first_steps
from welcome.models import Office, PlanStep, Responsibility

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


def test_district_topic_page_shows_its_questions_and_links_the_plan(client, initial_content):
    html = client.get("/gemeinden/themen/umzug-und-erste-schritte/").content.decode()
    assert "Wo melde ich meinen Wohnsitz an?" in html
    assert "Wie bekomme ich meine Steuer-Identifikationsnummer?" in html
    assert "Wer ist für meinen Aufenthaltstitel zuständig?" in html
    assert 'href="/erste-schritte/"' in html
    english = client.get("/en/municipalities/topics/moving-and-first-steps/").content.decode()
    assert "Where do I register my address?" in english
    assert 'href="/en/first-steps/"' in english


def test_plan_steps_link_their_topic_pages(client, initial_content):
    html = client.get("/erste-schritte/", {"origin": "other", "municipality": "juelich"})
    html = html.content.decode()
    assert 'href="/gemeinden/themen/umzug-und-erste-schritte/"' in html
    assert 'href="/gemeinden/themen/integration-und-sprache/"' in html


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


def plan_counts():
    return (
        PlanStep.objects.count(),
        Office.objects.count(),
        Responsibility.objects.count(),
        Question.objects.count(),
    )


def test_loading_again_keeps_staff_edits_and_updates_untouched_records(
    initial_content, monkeypatch, tmp_path
):
    step = PlanStep.objects.get(key="register-address")
    step.title_de = "Wohnsitz anmelden (von der Redaktion)"
    step.save()
    # A later release corrects an office nobody edited, and the step staff edited.
    data = json.loads((initial_first_steps.CONTENT_DIR / "first-steps.json").read_text())
    for office in data["offices"]:
        if office["key"] == "familienbuero":
            office["address"] = "Korrigierte Adresse, Düren"
    for item in data["steps"]:
        if item["key"] == "register-address":
            item["title"]["de"] = "Korrigierter Titel"
    (tmp_path / "first-steps.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "questions.json").write_text(
        (initial_first_steps.CONTENT_DIR / "questions.json").read_text(), encoding="utf-8"
    )
    counts = plan_counts()
    monkeypatch.setattr(initial_first_steps, "CONTENT_DIR", tmp_path)

    call_command("load_initial_content", stdout=open("/dev/null", "w"))

    assert PlanStep.objects.get(key="register-address").title_de.endswith("(von der Redaktion)")
    assert Office.objects.get(key="familienbuero").address == "Korrigierte Adresse, Düren"
    assert plan_counts() == counts


def test_loading_twice_changes_nothing(initial_content):
    counts = plan_counts()
    loaders = [*initial_first_steps.load_first_steps(), initial_first_steps.load_questions()]
    assert plan_counts() == counts
    assert all(set(loader.counts) == {"unchanged"} for loader in loaders)


def test_what_staff_deleted_is_not_created_again(initial_content):
    Question.objects.filter(key="tax-id").delete()
    call_command("load_initial_content", stdout=open("/dev/null", "w"))
    assert not Question.objects.filter(key="tax-id").exists()


def test_initial_content_has_a_source_for_every_rule(initial_content):
    for step in PlanStep.objects.all():
        assert step.source_url.startswith("https://") and step.source_publisher, step.key
    for responsibility in Responsibility.objects.exclude(note_de=""):
        assert responsibility.note_source_url.startswith("https://")
    for office in Office.objects.all():
        assert office.source_url.startswith("https://"), office.key
    for question in Question.objects.all():
        assert question.source_url.startswith("https://"), question.key
    assert PlanStep.objects.filter(deadline_amount__isnull=False).count() == 2
