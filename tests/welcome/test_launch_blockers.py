"""What the legal pages must state and nobody has confirmed yet is listed on the admin start page
and by `manage.py check --deploy`, from one registry (welcome/legal.py)."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from welcome.legal import REQUIRED_ITEMS, launch_blockers
from welcome.models import Page, WelcomeCenter

pytestmark = pytest.mark.django_db


def fill_everything():
    WelcomeCenter.objects.update(
        postcode="52349",
        has_no_vat_id=True,
        content_responsible="Pressestelle, Bismarckstraße 16, 52351 Düren",
        data_protection_officer="datenschutz@example.org",
        server_log_days=7,
        accessibility_compliance="partial",
        accessibility_statement_date=date(2026, 12, 1),
    )


def test_every_unconfirmed_item_is_a_launch_blocker(initial_content):
    labels = [str(blocker.label) for blocker in launch_blockers()]
    assert labels == [str(item.label) for item in REQUIRED_ITEMS]


def test_admin_start_page_lists_the_launch_blockers(admin_client, initial_content):
    html = admin_client.get("/admin/").content.decode()
    assert "Vor dem Start: Diese Pflichtangaben fehlen den rechtlichen Seiten" in html
    assert "Kontakt der oder des Datenschutzbeauftragten" in html
    assert "Postleitzahl der Adresse des Welcome-Centers" in html
    fill_everything()
    html = admin_client.get("/admin/").content.decode()
    assert "Die rechtlichen Seiten enthalten alle Pflichtangaben." in html


def test_check_deploy_warns_while_an_item_is_missing(initial_content):
    out = StringIO()
    call_command("check", "--deploy", "--tag", "legal", stdout=out, stderr=out)
    assert "welcome.W001" in out.getvalue()
    assert "data protection officer" in out.getvalue()
    fill_everything()
    out = StringIO()
    call_command("check", "--deploy", "--tag", "legal", stdout=out, stderr=out)
    assert "welcome.W001" not in out.getvalue()


def test_an_editors_note_in_brackets_blocks_the_launch(initial_content):
    fill_everything()
    Page.objects.filter(key=Page.Key.PRIVACY).update(
        body_de="**[Von der Redaktion einzutragen: Speicherdauer]**"
    )
    (blocker,) = launch_blockers()
    assert str(blocker.page) == "Datenschutzerklärung"
