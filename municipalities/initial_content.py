"""Load the 15 municipalities, and the sourced facts, places and links of every municipality and
of the whole district, through the loader that never overwrites staff edits
(core/initial_content.py).

The profiles' figures come from the project's copy of the collected facts (welcome/
initial_content/kreis-dueren.json); municipalities/data/topics.json adds the teaser and the
introduction. Facts, places and links come from municipalities/initial_content/<slug>.json and
district.json (their README explains the shape and the editorial rules).
"""

import json
from decimal import Decimal
from pathlib import Path

from core.initial_content import Loader
from municipalities.models import Fact, Link, Municipality, Place

TOPICS_FILE = Path(__file__).resolve().parent / "data" / "topics.json"
CONTENT_DIR = Path(__file__).resolve().parent / "initial_content"
DISTRICT = "district"
INTRO = "intro"
LANGUAGES = ("de", "en")


def read_json(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def bullet_list(lines):
    return "\n".join(f"- {line}" for line in lines)


def join_blocks(*blocks):
    return "\n\n".join(block for block in blocks if block)


def load_municipalities(facts):
    """Every municipality in `facts` (the file's "municipalities" list); returns them."""
    editorial = read_json(TOPICS_FILE)
    loader = Loader(Municipality)
    existing = Municipality.objects.in_bulk(field_name="slug")
    loaded = []
    for item in facts:
        municipality, _outcome = loader.load(
            item["slug"], municipality_values(item, editorial), existing=existing.get(item["slug"])
        )
        loaded.append(municipality or existing.get(item["slug"]))
    return [municipality for municipality in loaded if municipality is not None]


def municipality_values(facts, editorial):
    slug, name, kind = facts["slug"], facts["name"], facts["kind"].lower()
    layer = editorial["municipalities"][slug]
    intro = [item for item in layer["highlights"] if item["topic"] == INTRO]
    unknown = [item["de"] for item in intro if item["de"] not in facts["highlights"]]
    if unknown:
        raise ValueError(f"{TOPICS_FILE.name}: highlights of {slug} not in the facts: {unknown}")
    values = {
        "slug": slug,
        "name": name,
        "kind": kind,
        "population": facts["population"],
        "population_date": facts["population_date"],
        "area_km2": Decimal(str(facts["area_km2"])),
        "website": facts["website"],
        "town_hall_address": facts["town_hall_address"],
        "sources": "\n".join(facts["sources"]),
        "notes": "\n".join(facts["notes"]),
    }
    for lang in LANGUAGES:
        values[f"teaser_{lang}"] = layer["teaser"][lang]
        values[f"introduction_{lang}"] = join_blocks(
            editorial["introduction"][kind][lang].format(name=name),
            bullet_list(item[lang] for item in intro),
        )
    return values


def source_values(item):
    return {
        "source_url": item["source"]["url"],
        "source_publisher": item["source"]["publisher"],
        "source_as_of": item.get("as_of") or "",
    }


def fact_values(item, topic, municipality, position):
    return {
        "key": item["key"],
        "topic": topic,
        "municipality_id": municipality.pk if municipality else None,
        "position": position,
        "text_de": item["de"],
        "text_en": item["en"],
        **source_values(item),
    }


def place_values(item, topic, municipality, position):
    description = item.get("description") or {}
    return {
        "key": item["key"],
        "topic": topic,
        "municipality_id": municipality.pk if municipality else None,
        "position": position,
        "name_de": item["name"],
        # A proper name is the same in English unless the file says otherwise.
        "name_en": item.get("name_en") or item["name"],
        "kind": item["kind"],
        "address": item.get("address") or "",
        "website": item.get("website") or "",
        "phone": item.get("phone") or "",
        "description_de": description.get("de") or "",
        "description_en": description.get("en") or "",
        **source_values(item),
    }


def link_values(item, topic, municipality, position):
    return {
        "key": item["key"],
        "topic": topic,
        "municipality_id": municipality.pk if municipality else None,
        "position": position,
        "title_de": item["title"]["de"],
        "title_en": item["title"]["en"],
        "url": item["url"],
        **source_values(item),
    }


KINDS = (
    ("facts", Fact, fact_values),
    ("places", Place, place_values),
    ("links", Link, link_values),
)


def content_files():
    """district.json first, then the municipalities' files by name."""
    files = sorted(path for path in CONTENT_DIR.glob("*.json") if path.name != "geo.json")
    return sorted(files, key=lambda path: path.stem != DISTRICT)


def load_topic_content():
    """The facts, places and links of every content file whose municipality exists, and away
    with what an earlier release shipped and nobody edited; returns the loaders (their counts
    say what was created, updated, kept or retired)."""
    municipalities = Municipality.objects.in_bulk(field_name="slug")
    loaders = {name: Loader(model) for name, model, _values in KINDS}
    existing = {name: model.objects.in_bulk(field_name="key") for name, model, _values in KINDS}
    for path in content_files():
        data = read_json(path)
        if data["slug"] == DISTRICT:
            municipality = None
        elif data["slug"] in municipalities:
            municipality = municipalities[data["slug"]]
        else:
            continue
        for topic, content in data["topics"].items():
            for name, _model, values in KINDS:
                for position, item in enumerate(content.get(name, []), start=1):
                    loaders[name].load(
                        item["key"],
                        values(item, topic, municipality, position),
                        existing=existing[name].get(item["key"]),
                    )
    for loader in loaders.values():
        loader.retire_unseen()
    return loaders
