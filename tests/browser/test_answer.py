"""Staff answer an enquiry from the admin with the keyboard alone, and the sender sees the status
change on the status page behind the link in the confirmation e-mail."""

import re

import pytest
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from enquiries.models import Enquiry
from tests.helpers import DESKTOP, assert_accessible, tab_to, type_into
from tests.helpers import enquiry_url as url

STATUS_LINK = re.compile(r"https?://\S+/kontakt/status/\S+/")


@pytest.fixture
def sent_question(transactional_db, initial_content_committed, settings):
    """A question sent through the form as a visitor would; (its enquiry, the status path)."""
    settings.ENQUIRY_MIN_FILL_SECONDS = 0
    from tests.helpers import token

    Client().post(
        url("question"),
        {
            "form_token": token(),
            "topics": ["childcare"],
            "municipality": "nideggen",
            "message": "Wie finden wir einen Kita-Platz in Nideggen?",
            "name": "Erika Mustermann",
            "email": "erika@example.org",
            "preferred_language": "de",
            "contact_preference": "email",
            "homepage": "",
        },
    )
    (link,) = STATUS_LINK.findall(mail.outbox[0].body)
    return Enquiry.objects.get(), "/" + link.split("/", 3)[3]


def test_staff_answer_by_keyboard_and_the_status_page_shows_it(
    browser, live_server, sent_question, django_user_model
):
    enquiry, status_path = sent_question
    from core.two_factor import recovery_codes_create

    leitung = django_user_model.objects.create_superuser(
        "leitung", "leitung@example.org", "Ein-langes-Passwort-2026"
    )
    # A superuser logs in with a second factor: here one of the recovery codes.
    _device, codes = recovery_codes_create(leitung)
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url, locale="de-DE")
    visitor = context.new_page()
    visitor.goto(status_path)
    expect(visitor.locator("#enquiry-status")).to_have_text("Eingegangen")
    assert_accessible(visitor)

    staff_context = browser.new_context(viewport=DESKTOP, base_url=live_server.url, locale="de-DE")
    staff = staff_context.new_page()
    staff.set_default_timeout(10_000)
    staff.goto(f"/admin/enquiries/enquiry/{enquiry.pk}/change/")
    type_into(staff, "id_username", "leitung")
    type_into(staff, "id_password", "Ein-langes-Passwort-2026")
    type_into(staff, "id_otp_token", codes[0])
    staff.keyboard.press("Enter")
    staff.wait_for_url(f"**/admin/enquiries/enquiry/{enquiry.pk}/change/")

    answer_link = staff.get_by_role("link", name="Per E-Mail antworten")
    for _ in range(80):
        if answer_link.evaluate("el => el === document.activeElement"):
            break
        staff.keyboard.press("Tab")
    else:
        pytest.fail("the answer link cannot be reached with the Tab key")
    staff.keyboard.press("Enter")
    staff.wait_for_url(f"**/{enquiry.pk}/answer/")
    text = staff.locator("#id_text")
    expect(text).to_have_value(re.compile(r"^Hallo Erika Mustermann,"))
    assert_accessible(staff)
    tab_to(staff, "id_text")
    staff.keyboard.press("Control+End")
    staff.keyboard.type("Die Kita-Plätze in Nideggen vergibt der Kita-Navigator.")
    staff.keyboard.press("Tab")
    staff.keyboard.press("Enter")
    staff.wait_for_url(f"**/admin/enquiries/enquiry/{enquiry.pk}/change/")
    expect(staff.locator(".messagelist")).to_contain_text("Beantwortet")

    visitor.reload()
    expect(visitor.locator("#enquiry-status")).to_have_text("Beantwortet")
    assert "Kita-Navigator" not in visitor.content()
    (answer,) = [m for m in mail.outbox if "Kita-Navigator" in m.body]
    assert answer.to == ["erika@example.org"]
    context.close()
    staff_context.close()
