"""The GDPR page finds everything about one e-mail address in every app: enquiries, One-Stop-Shop
registrations and the stored e-mails, and erases it all; staff see only what they may."""

import json
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group

from core.roles import ENQUIRIES, roles_sync
from enquiries.models import Enquiry
from onestopshop.models import Registration, RegistrationEmail
from tests import factories
from tests.helpers import login_staff

pytestmark = pytest.mark.django_db
PAGE = "/admin/enquiries/enquiry/personal-data/"


@pytest.fixture
def records(db):
    window = factories.shop_date().windows.first()
    registration = factories.registration(window, email="Amira@Example.org")
    registration.emails.create(
        kind="confirm", recipient="amira@example.org", subject="Bitte bestätigen", body="Link"
    )
    other = factories.registration(window, name="John Smith", email="john@example.org")
    enquiry = Enquiry.objects.create(
        reference="WC-2030-00001",
        kind=Enquiry.Kind.QUESTION,
        status=Enquiry.Status.NEW,
        language="de",
        name="Amira Haddad",
        email="amira@example.org",
        message="Wo finde ich eine Wohnung?",
    )
    return {"registration": registration, "other": other, "enquiry": enquiry}


def test_the_export_holds_enquiries_registrations_and_emails(admin_client, records):
    response = admin_client.post(PAGE, {"email": "amira@example.org", "export": "1"})
    data = json.loads(response.content)
    assert [e["reference"] for e in data["enquiries"]] == ["WC-2030-00001"]
    assert [r["name"] for r in data["registrations"]] == ["Amira Haddad"]
    assert data["registrations"][0]["emails"][0]["subject"] == "Bitte bestätigen"
    assert [e["subject"] for e in data["emails"]] == ["Bitte bestätigen"]
    shown = admin_client.post(PAGE, {"email": "amira@example.org", "show": "1"})
    assert len(shown.context["found"]["registrations"]["records"]) == 1
    assert "John Smith" not in shown.content.decode()


def test_erasure_reaches_the_registrations_too(admin_client, records):
    response = admin_client.post(
        PAGE, {"email": "amira@example.org", "erase": "1", "confirm": "on"}
    )
    assert response.status_code == HTTPStatus.FOUND
    registration = Registration.objects.get(pk=records["registration"].pk)
    assert registration.is_anonymised and registration.email == "" and registration.name == ""
    assert not RegistrationEmail.objects.filter(registration=registration).exists()
    assert Enquiry.objects.get(pk=records["enquiry"].pk).email == ""
    assert Registration.objects.get(pk=records["other"].pk).email == "john@example.org"


def test_the_enquiries_role_may_use_the_page(client, records, django_user_model):
    roles_sync()
    user = django_user_model.objects.create_user("anfragen", is_staff=True)
    user.groups.add(Group.objects.get(name=ENQUIRIES))
    login_staff(client, user)
    data = json.loads(client.post(PAGE, {"email": "amira@example.org", "export": "1"}).content)
    assert set(data) == {"exported_at", "enquiries", "registrations", "date_alerts", "emails"}
