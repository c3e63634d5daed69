"""Initial content of the Welcome-Center app beyond the center's facts: the staff-edited pages
(Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache, Gebärdensprache) and the directions
by train and bus, written from the facts in kreis-dueren.json and the research notes for the legal
pages (legal.json, December 2026).

Called by `load_initial_content`. Pages are only created when missing and texts only filled
when empty, so that running the command again never overwrites what staff have edited.
Details that no source confirms are placeholders of welcome/legal.py: their lines are left out
until staff fill them in.
"""

from pathlib import Path

from core.translation_status import mark_translated
from welcome.models import Page, WelcomeCenter

PAGES_DIR = Path(__file__).resolve().parent / "initial_content" / "pages"

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
    created = 0
    for key in Page.Key.values:
        if Page.objects.filter(key=key).exists():
            continue
        title_de, body_de = read_page(key, "de")
        title_en, body_en = read_page(key, "en")
        page = Page(
            key=key,
            title_de=title_de,
            body_de=body_de,
            title_en=title_en or None,
            body_en=body_en or None,
        )
        page.full_clean()
        mark_translated(page)
        page.save()
        created += 1
    return created


def load_directions():
    for center in WelcomeCenter.objects.all():
        changed = False
        for language, text in PUBLIC_TRANSPORT.items():
            field = f"public_transport_{language}"
            if not getattr(center, field):
                setattr(center, field, text)
                changed = True
        if changed:
            mark_translated(center)
            center.save()


def load_welcome_content():
    """Everything of this module; returns the number of pages created."""
    load_directions()
    return load_pages()
