"""Handling enquiries in the admin: list, filters, search, assignment, statuses with history,
internal notes, CSV export and requests for one e-mail address under Art. 15/17 GDPR."""

import csv
import io
import json
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model

from enquiries.models import Enquiry, InternalNote, StatusChange
from tests.helpers import enquiry_url as url
from tests.helpers import login_staff, token

pytestmark = pytest.mark.django_db

LIST = "/admin/enquiries/enquiry/"


@pytest.fixture
def enquiries(client, initial_content, question_data, company_data, barrier_data):
    client.post(url("question"), question_data)
    client.post(url("company"), company_data)
    client.post(url("barrier"), barrier_data)
    return {e.kind: e for e in Enquiry.objects.all()}


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        "sachbearbeiterin", "sb@kreis-dueren.de", "x" * 16, is_staff=True
    )


def test_changelist_with_filters_and_search(admin_client, enquiries, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        response = admin_client.get(LIST)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    for enquiry in enquiries.values():
        assert enquiry.reference in html
    for query, expected in [
        ("?kind__exact=company", {"company"}),
        ("?status__exact=new", {"question", "company", "barrier"}),
        ("?topic=childcare", {"question"}),
        # Nideggen: the person's municipality of interest and one of the company's targets.
        (
            f"?municipalities__id__exact={enquiries['question'].municipalities.get().pk}",
            {"question", "company"},
        ),
        ("?q=erika@example.org", {"question"}),
        ("?q=Beispiel", {"company"}),
        (f"?q={enquiries['barrier'].reference}", {"barrier"}),
    ]:
        response = admin_client.get(LIST + query)
        assert response.status_code == HTTPStatus.OK, query
        shown = {e.kind for e in response.context["cl"].result_list}
        assert shown == expected, query


def test_list_query_count_does_not_grow_with_the_number_of_enquiries(
    admin_client, client, initial_content, question_data, django_assert_max_num_queries
):
    for _ in range(15):
        client.post(url("question"), {**question_data, "form_token": token()})
    with django_assert_max_num_queries(20):
        assert admin_client.get(LIST).status_code == HTTPStatus.OK


@pytest.mark.parametrize("kind", ["question", "company", "barrier"])
def test_change_page_shows_what_was_sent(admin_client, enquiries, kind):
    enquiry = enquiries[kind]
    response = admin_client.get(f"{LIST}{enquiry.pk}/change/")
    assert response.status_code == HTTPStatus.OK
    assert enquiry.reference in response.content.decode()


def test_adding_by_hand_is_not_offered(admin_client, enquiries):
    assert admin_client.get(f"{LIST}add/").status_code == HTTPStatus.FORBIDDEN


def test_assign_answer_close_with_history_and_notes(admin_client, enquiries, staff):
    enquiry = enquiries["question"]
    change = f"{LIST}{enquiry.pk}/change/"
    form = {
        "assignee": staff.pk,
        "notes-TOTAL_FORMS": "1",
        "notes-INITIAL_FORMS": "0",
        "notes-0-text": "Kita-Liste von Nideggen geschickt.",
        "options-TOTAL_FORMS": "0",
        "options-INITIAL_FORMS": "0",
        "status_changes-TOTAL_FORMS": "0",
        "status_changes-INITIAL_FORMS": "0",
        "notifications-TOTAL_FORMS": "0",
        "notifications-INITIAL_FORMS": "0",
    }
    for status in ("in_progress", "answered", "closed"):
        response = admin_client.post(change, {**form, "status": status})
        assert response.status_code == HTTPStatus.FOUND, response.context["errors"]
        form["notes-0-text"] = ""
    enquiry.refresh_from_db()
    assert enquiry.status == "closed"
    assert enquiry.assignee == staff
    assert enquiry.closed_at is not None
    history = list(
        StatusChange.objects.filter(enquiry=enquiry).values_list("old_status", "new_status")
    )
    assert history == [
        ("", "new"),
        ("new", "in_progress"),
        ("in_progress", "answered"),
        ("answered", "closed"),
    ]
    assert all(c.changed_by.username == "admin" for c in enquiry.status_changes.all()[1:])
    (note,) = InternalNote.objects.filter(enquiry=enquiry)
    assert note.author.username == "admin"
    html = admin_client.get(change).content.decode()
    assert "Kita-Liste von Nideggen geschickt." in html
    # Assignee filter.
    response = admin_client.get(f"{LIST}?assignee__id__exact={staff.pk}")
    assert [e.pk for e in response.context["cl"].result_list] == [enquiry.pk]


def test_appointment_statuses_set_by_hand_exclude_those_that_inform_the_person(
    admin_client, client, appointment_data
):
    client.post(url("appointment"), appointment_data)
    enquiry = Enquiry.objects.get()
    response = admin_client.get(f"{LIST}{enquiry.pk}/change/")
    choices = [
        value for value, _label in response.context["adminform"].form.fields["status"].choices
    ]
    assert choices == ["requested", "closed"]


def test_csv_export_of_the_filtered_list_is_spreadsheet_safe_and_without_notes(
    admin_client, client, initial_content, question_data, company_data, admin_user
):
    question_data["name"] = '=HYPERLINK("http://evil.example")'
    question_data["message"] = "+49 ist unsere Vorwahl"
    client.post(url("question"), question_data)
    client.post(url("company"), company_data)
    enquiry = Enquiry.objects.get(kind="question")
    InternalNote.objects.create(enquiry=enquiry, author=admin_user, text="GEHEIME NOTIZ")

    response = admin_client.get(f"{LIST}export/?kind__exact=question")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    assert "GEHEIME NOTIZ" not in text
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header, *data = rows
    assert header[0] == "Aktenzeichen"
    assert [row[0] for row in data] == [enquiry.reference]
    row = dict(zip(header, data[0], strict=True))
    assert row["Name"] == '\'=HYPERLINK("http://evil.example")'
    assert row["Nachricht"] == "'+49 ist unsere Vorwahl"
    assert row["E-Mail"] == "erika@example.org"
    # The export link on the list carries the filters.
    html = admin_client.get(f"{LIST}?kind__exact=question").content.decode()
    assert f'href="{LIST}export/?kind__exact=question"' in html


def test_personal_data_export_and_erasure_for_one_address(
    admin_client, enquiries, question_data, client, admin_user
):
    client.post(url("appointment"), {})  # an unrelated invalid attempt stores nothing
    client.post(url("question"), {**question_data, "form_token": token()})
    InternalNote.objects.create(
        enquiry=enquiries["question"], author=admin_user, text="Ruft zurück."
    )
    page = f"{LIST}personal-data/"
    assert admin_client.get(page).status_code == HTTPStatus.OK
    shown = admin_client.post(page, {"email": "ERIKA@example.org", "show": "1"})
    assert len(shown.context["found"]["enquiries"]["records"]) == 2

    response = admin_client.post(page, {"email": "erika@example.org", "export": "1"})
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert len(data["enquiries"]) == 2
    assert {e["email"] for e in data["enquiries"]} == {"erika@example.org"}
    assert any(
        note["text"] == "Ruft zurück." for e in data["enquiries"] for note in e["internal_notes"]
    )

    refused = admin_client.post(page, {"email": "erika@example.org", "erase": "1"})
    assert refused.status_code == HTTPStatus.OK
    assert Enquiry.objects.filter(email="erika@example.org").count() == 2

    response = admin_client.post(
        page, {"email": "erika@example.org", "erase": "1", "confirm": "on"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not Enquiry.objects.filter(email="erika@example.org").exists()
    assert not Enquiry.objects.filter(name="Erika Mustermann").exists()
    assert Enquiry.objects.filter(kind="question").count() == 2  # anonymous counts stay
    assert not InternalNote.objects.filter(enquiry__kind="question").exists()
    # The other people's enquiries are untouched.
    assert Enquiry.objects.get(kind="company").email == "hr@example.com"


def test_staff_without_permission_cannot_export(client, enquiries, staff):
    login_staff(client, staff)
    assert client.get(f"{LIST}export/").status_code == HTTPStatus.FORBIDDEN
    assert client.get(f"{LIST}personal-data/").status_code == HTTPStatus.FORBIDDEN


def test_admin_is_german_for_an_english_browser_with_a_german_picker(admin_client, enquiries):
    html = admin_client.get(LIST, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="de"' in html and "Anfragen" in html
    catalogue = admin_client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Alle %s ausw\\u00e4hlen" in catalogue or "Alle %s auswählen" in catalogue


def test_a_question_has_no_preferred_times_and_an_empty_note_looks_unsaved(admin_client, enquiries):
    html = admin_client.get(f"{LIST}{enquiries['question'].pk}/change/").content.decode()
    assert "Wunschtermine" not in html
    assert "(beim Speichern)" in html
    assert "Zum Beispiel WC-2026-00042" not in html
    assert "Auf der Website anzeigen" not in html
