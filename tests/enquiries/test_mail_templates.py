"""Every e-mail template, rendered through the code that sends it with real data in both
languages, reads as text: no Python repr of a queryset or an object, no markup."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test.signals import template_rendered

from enquiries import notifications as enquiry_mail
from enquiries import services as enquiry_services
from enquiries.models import Enquiry, Notification
from onestopshop import notifications as shop_mail
from onestopshop import services as shop_services
from onestopshop.models import DateAlert, DateAlertEmail, RegistrationEmail
from tests import factories
from tests.helpers import enquiry_url, open_day, token

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
REPRS = ("<", ">", "QuerySet", "object at", "None", "[]", "{'")


def email_templates():
    return {str(path.relative_to(TEMPLATES)) for path in TEMPLATES.glob("**/email/*.txt")}


@pytest.fixture
def rendered():
    names = set()

    def record(sender, template, context, **kwargs):
        names.add(template.name)

    template_rendered.connect(record)
    yield names
    template_rendered.disconnect(record)


def enquiry_emails(client, data_for, language):
    """Every e-mail about enquiries: each kind sent through its form, then answered, and an
    appointment confirmed, moved, cancelled and another declined."""
    for kind, data in data_for.items():
        data = {**data, "email": f"{kind}-{language}@example.org"}
        client.post(enquiry_url(kind, language), data)
    enquiries = {enquiry.kind: enquiry for enquiry in Enquiry.objects.filter(language=language)}
    for kind in ("question", "company"):
        enquiry = enquiries[kind]
        text = enquiry_mail.answer_start_text(enquiry) + "Die Antwort."
        enquiry_services.enquiry_answer(enquiry=enquiry, text=text)
    appointment = enquiries["appointment"]
    enquiry_services.appointment_confirm(
        enquiry=appointment, starts_at=open_day(3), message="Bitte klingeln."
    )
    enquiry_services.appointment_cancel(enquiry=appointment, message="Wir sind krank.")
    other = {
        **data_for["appointment"],
        "email": f"other-{language}@example.org",
        "form_token": token(),
    }
    client.post(enquiry_url("appointment", language), other)
    enquiry_services.appointment_decline(
        enquiry=Enquiry.objects.get(email=other["email"]), message="Leider ausgebucht."
    )
    return Notification.objects.filter(enquiry__language=language)


def shop_emails(language):
    shop_date = factories.shop_date()
    window = shop_date.windows.first()
    registration = factories.registration(
        window, language=language, email=f"{language}@example.org"
    )
    for kind in RegistrationEmail.Kind.values:
        shop_mail.email_for(registration, kind)
    alert, _created = shop_services.alert_subscribe(
        alert=DateAlert(email=f"alert-{language}@example.org", language=language),
        submission_token=f"alert-{language}",
        site_url="https://welcome.example.org/",
    )
    shop_services.alert_confirm(alert=alert)
    shop_services.alerts_send(shop_dates=[shop_date])
    return [
        *RegistrationEmail.objects.filter(registration=registration),
        *DateAlertEmail.objects.filter(alert=alert),
    ]


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_email_template_renders_plain_text(
    client, initial_content, data_for, rendered, language
):
    emails = list(enquiry_emails(client, data_for, language)) + list(shop_emails(language))
    kinds = {(type(email).__name__, email.kind) for email in emails}
    for model in (Notification, RegistrationEmail, DateAlertEmail):
        assert {(model.__name__, kind) for kind in model.Kind.values} <= kinds
    for email in emails:
        for text in (email.subject, email.body):
            for repr_sign in REPRS:
                assert repr_sign not in text, (email.kind, repr_sign, text)
    inbox = next(e for e in emails if e.kind == "inbox" and "Nideggen" in e.body)
    assert "Nideggen" in inbox.body
    assert email_templates() <= rendered
