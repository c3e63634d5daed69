"""Load the initial content: the center, its facts and pages, the 15 municipalities with their
facts, places and links, the district's facts, the district map, the first-steps plan and the
frequent questions. Safe to run on every start:
what is missing is created, what nobody changed since it was loaded is brought up to date, and
what staff edited or deleted is left as they left it (core/initial_content.py)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from municipalities.initial_content import load_municipalities, load_topic_content
from municipalities.initial_geo import load_geo_content
from welcome.initial_content import load_welcome_content
from welcome.initial_first_steps import load_first_steps, load_questions

CONTENT_FILE = Path(__file__).resolve().parents[2] / "initial_content" / "kreis-dueren.json"


class Command(BaseCommand):
    help = (
        "Creates the initial content and updates what nobody edited since; never overwrites "
        "staff edits."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        data = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))
        center, welcome_loaders = load_welcome_content(data["welcome_center"])
        municipalities = load_municipalities(data["municipalities"])
        topic_loaders = load_topic_content()
        load_geo_content()
        plan_loaders = load_first_steps()
        question_loader = load_questions()
        loaders = [*welcome_loaders, *topic_loaders.values(), *plan_loaders, question_loader]
        for loader in loaders:
            self.stdout.write(f"{loader.model._meta.verbose_name_plural}: {loader.summary()}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Initial content loaded: {center or 'no center'}, "
                f"{len(municipalities)} municipalities."
            )
        )
