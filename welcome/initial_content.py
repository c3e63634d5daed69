"""Initial content of the Welcome-Center app: the center's address, phone, opening hours and
directions by train and bus (from kreis-dueren.json), its sourced facts (center-facts.json) and
the staff-edited pages (Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache,
Gebärdensprache).

Called by `load_initial_content` on every `make run`, through the loader that never overwrites
staff edits (core/initial_content.py): what staff changed in the admin stays as they left it.
"""

import json
from datetime import time
from pathlib import Path

from core.initial_content import Loader
from welcome.models import CenterFact, OpeningHours, Page, WelcomeCenter

CONTENT_DIR = Path(__file__).resolve().parent / "initial_content"
PAGES_DIR = CONTENT_DIR / "pages"
CENTER_FACTS_FILE = CONTENT_DIR / "center-facts.json"
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
CENTER_KEY = "center"

# Written from district.public_transport and the Düren station facts of kreis-dueren.json.
PUBLIC_TRANSPORT = {
    "de": (
        "Der Bahnhof Düren wird vom RE 1 und RE 9, von der S-Bahn Köln, der Rurtalbahn RB 21 "
        "und der Eifel-Bördebahn RB 28 angefahren.\n"
        "Im Kreis Düren fahren die Busse der Rurtalbus; es gilt der Tarif des Aachener "
        "Verkehrsverbunds (AVV)."
    ),
    "en": (
        "Düren station is served by the RE 1 and RE 9, the S-Bahn Köln (Cologne suburban "
        "railway), the Rurtalbahn RB 21 and the Eifel-Bördebahn RB 28.\n"
        "Buses in the Kreis Düren are run by Rurtalbus; the fares of the Aachener "
        "Verkehrsverbund (AVV) apply."
    ),
}


def read_page(key, language):
    """(title, body) from `<key>.<language>.md`; the first line is `# Title`."""
    path = PAGES_DIR / f"{key}.{language}.md"
    if not path.exists():
        return "", ""
    title_line, _newline, body = path.read_text(encoding="utf-8").partition("\n")
    return title_line.removeprefix("# ").strip(), body.strip() + "\n"


def load_pages():
    loader = Loader(Page)
    existing = Page.objects.in_bulk(field_name="key")
    for key in Page.Key.values:
        title_de, body_de = read_page(key, "de")
        title_en, body_en = read_page(key, "en")
        values = {
            "key": key,
            "title_de": title_de,
            "body_de": body_de,
            "title_en": title_en or None,
            "body_en": body_en or None,
        }
        loader.load(f"page:{key}", values, existing=existing.get(key))
    return loader


def parse_interval(text):
    opens, closes = text.split("-")
    return time.fromisoformat(opens), time.fromisoformat(closes)


def load_center(facts):
    """The center's contact details and directions; returns the center (or None if staff
    deleted it)."""
    values = {
        "name_de": facts["name"],
        "name_en": facts["name"],
        "street": facts["street"],
        "postcode": facts["postcode"] or "",
        "city": facts["city"],
        "quarter": facts["area"],
        "phone": facts["phone"],
        "email": facts["email"],
        "by_appointment": facts["by_appointment"],
        **{f"public_transport_{lang}": text for lang, text in PUBLIC_TRANSPORT.items()},
    }
    center, _outcome = Loader(WelcomeCenter).load(
        CENTER_KEY, values, existing=WelcomeCenter.objects.first()
    )
    return center


def load_opening_hours(center, facts):
    """Each interval of the regular week is a record of its own ("mon-1"): staff may change,
    add or delete intervals, and a later release still corrects the ones nobody touched."""
    loader = Loader(OpeningHours)
    if center is None:
        return loader
    for weekday, day in enumerate(WEEKDAYS):
        for number, interval in enumerate(facts["opening_hours"][day], start=1):
            opens, closes = parse_interval(interval)
            values = {"center_id": center.pk, "weekday": weekday, "opens": opens, "closes": closes}
            existing = center.opening_hours.filter(weekday=weekday, opens=opens).first()
            loader.load(f"{day}-{number}", values, existing=existing)
    return loader


def load_center_facts():
    data = json.loads(CENTER_FACTS_FILE.read_text(encoding="utf-8"))
    loader = Loader(CenterFact)
    existing = CenterFact.objects.in_bulk(field_name="key")
    facts = [fact for topic in data["topics"].values() for fact in topic.get("facts", [])]
    for position, item in enumerate(facts, start=1):
        values = {
            "key": item["key"],
            "position": position,
            "text_de": item["de"],
            "text_en": item["en"],
            "source_url": item["source"]["url"],
            "source_publisher": item["source"]["publisher"],
            "source_as_of": item.get("as_of") or "",
        }
        loader.load(item["key"], values, existing=existing.get(item["key"]))
    loader.retire_unseen()
    return loader


def load_welcome_content(facts):
    """Everything of this module from the "welcome_center" part of kreis-dueren.json; returns
    the center and the loaders (for the command's summary)."""
    center = load_center(facts)
    loaders = [load_opening_hours(center, facts), load_center_facts(), load_pages()]
    return center, loaders
