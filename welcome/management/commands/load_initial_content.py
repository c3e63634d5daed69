"""Load the initial content (the center and the 15 municipalities) from the project's own copy
of the collected facts, welcome/initial_content/kreis-dueren.json. Safe to run again: existing
records are updated in place, nothing is duplicated."""

import json
from datetime import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from core.translation_status import mark_translated
from municipalities.initial_content import load_municipalities
from municipalities.initial_geo import load_geo_content
from welcome.initial_first_steps import load_first_steps, load_questions
from welcome.initial_pages import load_welcome_content
from welcome.models import OpeningHours, WelcomeCenter

CONTENT_FILE = Path(__file__).resolve().parents[2] / "initial_content" / "kreis-dueren.json"
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def parse_interval(text):
    opens, closes = text.split("-")
    return time.fromisoformat(opens), time.fromisoformat(closes)


class Command(BaseCommand):
    help = (
        "Creates or updates the Welcome-Center and the 15 municipalities from the initial content."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        data = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))
        center = self.load_center(data["welcome_center"])
        municipalities = load_municipalities(data["municipalities"])
        load_geo_content()  # the district map: adds what is missing, never overwrites
        load_welcome_content()
        load_first_steps()  # the first-steps plan: never overwrites what staff have edited
        load_questions()
        self.stdout.write(
            self.style.SUCCESS(
                f"Initial content loaded: {center.name}, {len(municipalities)} municipalities."
            )
        )

    def load_center(self, facts):
        center = WelcomeCenter.objects.first() or WelcomeCenter()
        center.name_de = facts["name"]
        center.name_en = facts["name"]
        center.street = facts["street"]
        center.postcode = facts["postcode"] or ""
        center.city = facts["city"]
        center.quarter = facts["area"]
        center.phone = facts["phone"]
        center.email = facts["email"]
        center.by_appointment = facts["by_appointment"]
        center.full_clean()
        if center.pk is None:
            mark_translated(center)
        center.save()
        # The regular week is replaced as a whole: the fixture is the source of truth.
        center.opening_hours.all().delete()
        OpeningHours.objects.bulk_create(
            OpeningHours(center=center, weekday=weekday, opens=opens, closes=closes)
            for weekday, key in enumerate(WEEKDAYS)
            for opens, closes in map(parse_interval, facts["opening_hours"][key])
        )
        return center
