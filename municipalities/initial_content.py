"""Load the 15 municipalities with their sourced facts and topic sections.

The facts come from the project's copy of the collected facts (welcome/initial_content/
kreis-dueren.json); municipalities/data/topics.json adds the editorial layer: a teaser, the topic
of each highlight and the English translations. Safe to run again: records are updated in place.
"""

import json
from decimal import Decimal
from pathlib import Path

from core.translation_status import mark_translated
from municipalities.models import Municipality, Section
from municipalities.topics import Topic

TOPICS_FILE = Path(__file__).resolve().parent / "data" / "topics.json"
INTRO = "intro"
LANGUAGES = ("de", "en")


def load_municipalities(facts):
    """Create or update every municipality in `facts` (the file's "municipalities" list)."""
    editorial = json.loads(TOPICS_FILE.read_text(encoding="utf-8"))
    return [load_municipality(item, editorial) for item in facts]


def bullet_list(lines):
    return "\n".join(f"- {line}" for line in lines)


def join_blocks(*blocks):
    return "\n\n".join(block for block in blocks if block)


def load_municipality(facts, editorial):
    slug = facts["slug"]
    layer = editorial["municipalities"][slug]
    highlights = layer["highlights"]
    if [item["de"] for item in highlights] != facts["highlights"]:
        raise ValueError(f"{TOPICS_FILE.name} is out of step with the highlights of {slug}.")
    kind = facts["kind"].lower()
    name = facts["name"]

    municipality = Municipality.objects.filter(slug=slug).first() or Municipality(slug=slug)
    municipality.name = name
    municipality.kind = kind
    municipality.population = facts["population"]
    municipality.population_date = facts["population_date"]
    municipality.area_km2 = Decimal(str(facts["area_km2"]))
    municipality.website = facts["website"]
    municipality.town_hall_address = facts["town_hall_address"]
    municipality.sources = "\n".join(facts["sources"])
    municipality.notes = "\n".join(facts["notes"])
    for lang in LANGUAGES:
        setattr(municipality, f"teaser_{lang}", layer["teaser"][lang])
        intro_lines = [item[lang] for item in highlights if item["topic"] == INTRO]
        setattr(
            municipality,
            f"introduction_{lang}",
            join_blocks(
                editorial["introduction"][kind][lang].format(name=name), bullet_list(intro_lines)
            ),
        )
    municipality.full_clean()
    mark_translated(municipality)  # the English of the initial content matches its German
    municipality.save()

    for topic in Topic:
        texts = {}
        for lang in LANGUAGES:
            lines = [item[lang] for item in highlights if item["topic"] == topic.value]
            if topic == Topic.MOBILITY:
                lines.append(editorial["district_mobility"][lang])
            has_facts = any(item["topic"] == topic.value for item in highlights)
            opening = "" if has_facts else editorial["topics"][topic.value][lang].format(name=name)
            texts[f"text_{lang}"] = join_blocks(
                opening, bullet_list(lines), editorial["pointer"][lang].format(name=name)
            )
        section, _created = Section.objects.update_or_create(
            municipality=municipality, topic=topic, defaults=texts
        )
        mark_translated(section)
        section.save(update_fields=["translation_fingerprint"])
    return municipality
