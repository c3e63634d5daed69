"""The four public forms in both languages: valid, invalid, error summary, pre-selection, abuse."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from enquiries.models import AppointmentOption, Enquiry, Notification
from tests.helpers import enquiry_url as url
from tests.helpers import token

pytestmark = pytest.mark.django_db

KINDS = ["question", "company", "appointment", "barrier"]
LANGUAGES = ["de", "en"]
# One required field per form and the message a person sees in each language when it is empty.
REQUIRED = {
    "question": "email",
    "company": "company_name",
    "appointment": "option_1_date",
    "barrier": "message",
}
# What each form says when the field is left empty (GOV.UK style: what to enter).
REQUIRED_MESSAGE = {
    ("question", "de"): "Geben Sie Ihre E-Mail-Adresse an",
    ("question", "en"): "Enter your e-mail address",
    ("company", "de"): "Geben Sie den Namen Ihres Unternehmens an",
    ("company", "en"): "Enter the name of your company",
    ("appointment", "de"): "Geben Sie ein Datum für Ihren ersten Wunschtermin an",
    ("appointment", "en"): "Enter a date for your first preferred time",
    ("barrier", "de"): "Beschreiben Sie die Barriere",
    ("barrier", "en"): "Describe the barrier",
}
SENT_TITLE = {"de": "Vielen Dank, Ihre Nachricht wurde gesendet", "en": "Thank you, your message"}


def send(client, kind, data, language="de", **extra):
    return client.post(url(kind, language), data, **extra)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_form_page_shows_the_form_with_the_privacy_note(
    client, initial_content, kind, language, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = client.get(url(kind, language))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'name="form_token"' in html
    assert "novalidate" in html
    assert 'id="enquiry-privacy-note"' in html
    assert "Datenschutzerklärung" in html
    assert "180" in html
    # Form pages may set the CSRF cookie; nothing else.
    assert set(response.cookies) <= {"csrftoken"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_valid_form_is_stored_with_a_reference_and_redirects_to_the_confirmation(
    client, initial_content, data_for, kind, language, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, kind, data_for[kind], language)
    assert response.status_code == HTTPStatus.FOUND
    enquiry = Enquiry.objects.get()
    assert enquiry.kind == kind
    assert enquiry.language == language
    assert re.fullmatch(r"WC-\d{4}-00001", enquiry.reference)
    # No personal data in the address of the confirmation page.
    location = response["Location"]
    assert enquiry.reference in location
    for value in ("erika", "Muster", "jane", "example"):
        assert value not in location
    page = client.get(location)
    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert enquiry.reference in html
    assert SENT_TITLE[language] in html
    assert not page.cookies
    # The inbox always hears about it; the sender when they gave an address.
    recipients = sorted(message.to[0] for message in mail.outbox)
    expected = ["amt60@kreis-dueren.de"] + ([enquiry.email] if enquiry.email else [])
    assert recipients == sorted(expected)


def test_question_stores_everything_typed(client, initial_content, question_data):
    send(client, "question", question_data)
    enquiry = Enquiry.objects.get()
    assert enquiry.topics == ["housing", "childcare"]
    assert [m.slug for m in enquiry.municipalities.all()] == ["nideggen"]
    assert enquiry.moving_situation == "germany"
    assert enquiry.adults == 2
    assert enquiry.children_ages == "3, 7"
    assert enquiry.status == Enquiry.Status.NEW


def test_company_stores_target_municipalities_and_needs(client, initial_content, company_data):
    send(client, "company", company_data)
    enquiry = Enquiry.objects.get()
    assert sorted(m.slug for m in enquiry.municipalities.all()) == ["kreuzau", "nideggen"]
    assert enquiry.needs == ["housing", "childcare_school"]
    assert enquiry.employees == 25


def test_appointment_stores_the_preferred_times_in_order(client, appointment_data):
    send(client, "appointment", appointment_data)
    enquiry = Enquiry.objects.get()
    assert enquiry.status == Enquiry.Status.REQUESTED
    assert enquiry.topics == ["work"]
    options = list(AppointmentOption.objects.values_list("position", flat=True))
    assert options == [1, 2]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_invalid_form_keeps_the_typed_values_and_links_each_error(
    client, initial_content, data_for, kind, language
):
    data = dict(data_for[kind])
    field = REQUIRED[kind]
    data[field] = ""
    response = send(client, kind, data, language)
    assert response.status_code == HTTPStatus.OK
    assert not Enquiry.objects.exists()
    html = response.content.decode()
    assert 'class="kern-alert kern-alert--danger kern-error-summary"' in html
    assert f'href="#id_{field}"' in html
    assert f'id="id_{field}"' in html
    message = REQUIRED_MESSAGE[kind, language]
    assert html.count(message) >= 2  # in the summary and at the field
    assert "zwingend erforderlich" not in html and "This field is required" not in html
    # What was typed is still there.
    kept = next(
        value
        for name, value in data.items()
        if name not in (field, "form_token") and isinstance(value, str) and len(value) > 8
    )
    assert kept.replace("'", "&#x27;") in html
    assert "<title>" + ("Fehler:" if language == "de" else "Error:") in html


def test_invalid_values_get_clear_messages(client, initial_content, question_data):
    question_data.update(
        email="not an address", children_ages="three", adults="99", phone="call me"
    )
    html = send(client, "question", question_data).content.decode()
    assert 'href="#id_email"' in html
    assert 'href="#id_children_ages"' in html
    assert 'href="#id_adults"' in html
    assert 'href="#id_phone"' in html
    assert 'href="#id_topics_0"' not in html


def test_topics_error_links_to_the_first_checkbox(client, initial_content, question_data):
    question_data["topics"] = []
    html = send(client, "question", question_data).content.decode()
    assert 'href="#id_topics_0"' in html


def test_phone_is_needed_when_a_call_is_wanted(client, initial_content, question_data):
    question_data.update(contact_preference="phone", phone="")
    html = send(client, "question", question_data).content.decode()
    assert "Geben Sie eine Telefonnummer an" in html


@pytest.mark.parametrize("kind", KINDS)
def test_every_text_field_is_length_limited(client, initial_content, data_for, kind):
    data = dict(data_for[kind])
    too_long = {name: "x" * 6000 for name, value in data.items() if isinstance(value, str)}
    too_long.pop("form_token")
    for name in [n for n in too_long if n.startswith("option_")] + ["topic", "mode", "people"]:
        too_long.pop(name, None)
    data.update(too_long)
    response = send(client, kind, data)
    assert response.status_code == HTTPStatus.OK
    assert not Enquiry.objects.exists()
    form = response.context["form"]
    for name in too_long:
        if name in ("homepage",):
            continue
        assert name in form.errors, name


def test_pre_selection_from_a_municipality_profile_and_a_topic_page(client, initial_content):
    html = client.get(url("question") + "?municipality=nideggen&topic=childcare").content.decode()
    assert re.search(r'<option value="nideggen" selected>', html)
    assert re.search(r'value="childcare"[^>]*checked', html)
    html = client.get(url("appointment") + "?topic=health").content.decode()
    assert '<option value="health" selected>' in html
    html = client.get(url("company") + "?municipality=kreuzau").content.decode()
    assert re.search(r'value="kreuzau"[^>]*checked', html)
    # Unknown values are ignored, not an error.
    response = client.get(url("question") + "?municipality=atlantis&topic=<script>")
    assert response.status_code == HTTPStatus.OK


def test_barrier_form_takes_the_page_it_came_from(client, initial_content):
    html = client.get(url("barrier") + "?page=/gemeinden/").content.decode()
    assert 'value="http://testserver/gemeinden/"' in html
    for elsewhere in ("https://evil.example/", "//evil.example/", "/\\evil.example/"):
        html = client.get(url("barrier"), {"page": elsewhere}).content.decode()
        assert 'name="page_url" value=' not in html


def test_every_page_links_the_barrier_form_with_itself(client, initial_content):
    html = client.get("/gemeinden/dueren/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    link = footer.split('href="/kontakt/barriere-melden/?page=')[1].split('"')[0]
    assert link == "/gemeinden/dueren/"
    html = client.get(url("barrier") + "?page=" + link).content.decode()
    assert 'value="http://testserver/gemeinden/dueren/"' in html


def test_the_page_after_sending_says_when_to_expect_an_answer_and_what_was_sent(
    client, initial_content, question_data, settings
):
    settings.ENQUIRY_ANSWER_DUE_WORKING_DAYS = 3
    response = send(client, "question", question_data, follow=True)
    html = response.content.decode()
    assert "innerhalb von 3 Arbeitstagen" in html
    assert "Was Sie uns geschickt haben" in html
    assert "Wie finden wir einen Kita-Platz?" in html
    assert "Nideggen" in html
    assert "erika@example.org" in html
    assert not response.cookies


def test_input_is_escaped_on_output(client, initial_content, question_data):
    question_data["message"] = "<script>alert(1)</script>"
    question_data["email"] = "broken"
    html = send(client, "question", question_data).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_newlines_in_names_never_reach_a_header(
    client, initial_content, company_data, django_capture_on_commit_callbacks
):
    company_data["name"] = "Max\r\nBcc: victim@example.org"
    company_data["company_name"] = "Evil\nSubject: spam"
    with django_capture_on_commit_callbacks(execute=True):
        send(client, "company", company_data)
    enquiry = Enquiry.objects.get()
    assert enquiry.name == "Max Bcc: victim@example.org"
    assert "\n" not in enquiry.company_name
    for message in mail.outbox:
        assert message.bcc == []
        assert "\n" not in message.subject
        assert "victim@example.org" not in message.to


# Abuse protection ---------------------------------------------------------------------------


def test_honeypot_filled_in_stores_nothing(client, initial_content, question_data):
    question_data["homepage"] = "http://spam.example"
    response = send(client, "question", question_data)
    assert response.status_code == HTTPStatus.OK
    assert not Enquiry.objects.exists()
    assert "konnte nicht gesendet werden" in response.content.decode()


def test_form_sent_faster_than_a_person_can_fill_it_is_refused(
    client, initial_content, question_data
):
    question_data["form_token"] = token(seconds_ago=0)
    response = send(client, "question", question_data)
    assert not Enquiry.objects.exists()
    html = response.content.decode()
    assert "sehr schnell gesendet" in html
    # Not counted among the person's errors: a notice of its own, no error summary.
    assert "kern-error-summary" not in html
    assert "Ihre Angaben sind noch nicht gesendet" in html
    # The typed values stay, so that sending again a moment later works.
    assert "Erika Mustermann" in response.content.decode()


def test_forged_or_missing_token_gets_a_fresh_one(client, initial_content, question_data):
    question_data["form_token"] = "forged"
    response = send(client, "question", question_data)
    assert not Enquiry.objects.exists()
    html = response.content.decode()
    assert "abgelaufen" in html
    assert 'value="forged"' not in html


def test_rate_limit_per_client_address(
    client, initial_content, question_data, settings, django_capture_on_commit_callbacks
):
    settings.ENQUIRY_RATE_LIMIT = 2
    for _ in range(2):
        question_data["form_token"] = token()
        assert send(client, "question", question_data).status_code == HTTPStatus.FOUND
    question_data["form_token"] = token()
    response = send(client, "question", question_data)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Erika Mustermann" in response.content.decode()
    assert Enquiry.objects.count() == 2
    # Another address may still send.
    question_data["form_token"] = token()
    response = send(client, "question", question_data, REMOTE_ADDR="192.0.2.7")
    assert response.status_code == HTTPStatus.FOUND


def test_invalid_attempts_do_not_use_up_the_rate_limit(
    client, initial_content, question_data, settings
):
    settings.ENQUIRY_RATE_LIMIT = 1
    for _ in range(3):
        send(client, "question", {**question_data, "email": ""})
    assert send(client, "question", question_data).status_code == HTTPStatus.FOUND


def test_double_submission_stores_once(
    client, initial_content, question_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = send(client, "question", question_data)
        second = send(client, "question", question_data)
    assert first["Location"] == second["Location"]
    assert Enquiry.objects.count() == 1
    assert Notification.objects.count() == 2
    assert len(mail.outbox) == 2


def test_csrf_is_checked(initial_content, question_data):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(url("question"), question_data)
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Enquiry.objects.exists()


def test_confirmation_page_needs_a_valid_signature(client, initial_content, question_data):
    location = send(client, "question", question_data)["Location"]
    assert client.get(location[:-3] + "xx/").status_code == HTTPStatus.NOT_FOUND
    assert client.get(url("question")[:-6] + "gesendet/WC-2026-00001/").status_code == (
        HTTPStatus.NOT_FOUND
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_the_rate_limit_holds_for_concurrent_submissions(initial_content, question_data, settings):
    settings.ENQUIRY_RATE_LIMIT = 10
    barrier = threading.Barrier(30)

    def submit(_number):
        try:
            data = {**question_data, "form_token": token()}
            barrier.wait()
            return Client().post(url("question"), data).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=30) as pool:
        statuses = list(pool.map(submit, range(30)))
    assert statuses.count(HTTPStatus.FOUND) == 10
    assert statuses.count(HTTPStatus.TOO_MANY_REQUESTS) == 20
    assert Enquiry.objects.count() == 10
