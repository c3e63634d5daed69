"""Initial content of the first-steps plan (offices, steps, who is responsible where) and of
the frequent questions, from welcome/initial_content/first-steps.json and questions.json.

Called by `load_initial_content`, through the loader that never overwrites staff edits
(core/initial_content.py): what is missing is created, what nobody changed since it was loaded
is brought up to date, and what staff edited or deleted stays as they left it.
"""

import json
from pathlib import Path

from core.initial_content import Loader
from municipalities.models import Municipality, Question
from welcome.models import Office, PlanStep, Responsibility

CONTENT_DIR = Path(__file__).resolve().parent / "initial_content"
LANGUAGES = ("de", "en")


def translated(name, texts):
    return {f"{name}_{language}": texts[language] or "" for language in LANGUAGES}


def source_values(source, prefix="source"):
    return {
        f"{prefix}_url": source["url"],
        f"{prefix}_publisher": source["publisher"],
        f"{prefix}_as_of": source["as_of"] or "",
    }


def office_values(item):
    return {
        **translated("name", item["name"]),
        "address": item["address"],
        "website": item["website"],
        "phone": item["phone"],
        **source_values(item["source"]),
    }


def step_values(item):
    deadline = item["deadline"] or {}
    values = {
        **translated("title", item["title"]),
        **translated("text", item["text"]),
        **translated("what_to_bring", item["what_to_bring"]),
        **source_values(item["source"]),
        "position": item["position"],
        "topic": item["topic"],
        "deadline_amount": deadline.get("amount"),
        "deadline_unit": deadline.get("unit", ""),
        "municipal": item["municipal"],
        "depends_on_details": item["depends_on_details"],
        "job_offer": item["job_offer"],
        "car": item["car"],
    }
    for origin in ("germany", "eu", "other"):
        values[f"for_{origin}"] = origin in item["origins"]
    for group, name in PlanStep.CHILD_FIELDS.items():
        values[name] = group in item["children"]
    for situation, name in PlanStep.WORK_FIELDS.items():
        values[name] = situation in item["work"]
    return values


def responsibility_values(item, office):
    note = item["note"] or {"de": "", "en": ""}
    values = {"office_id": office.pk, **translated("note", note)}
    if item["source"]:
        values.update(source_values(item["source"], prefix="note_source"))
    else:
        values.update(note_source_url="", note_source_publisher="", note_source_as_of="")
    return values


def load_first_steps():
    """Offices, steps and who is responsible where; returns the loaders (for the command's
    summary)."""
    data = json.loads((CONTENT_DIR / "first-steps.json").read_text(encoding="utf-8"))
    office_loader, step_loader = Loader(Office), Loader(PlanStep)
    responsibility_loader = Loader(Responsibility)
    existing_offices = Office.objects.in_bulk(field_name="key")
    offices = {}
    for item in data["offices"]:
        key = item["key"]
        values = {"key": key, **office_values(item)}
        offices[key], _outcome = office_loader.load(key, values, existing=existing_offices.get(key))
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    existing_steps = PlanStep.objects.in_bulk(field_name="key")
    existing_responsibilities = {
        (r.step_id, r.municipality_id): r for r in Responsibility.objects.all()
    }
    for item in data["steps"]:
        key = item["key"]
        values = {"key": key, **step_values(item)}
        step, _outcome = step_loader.load(key, values, existing=existing_steps.get(key))
        if step is None:
            continue  # deleted by staff: so are its offices
        for responsibility in item["responsibilities"]:
            slug = responsibility["municipality"]
            office = offices.get(responsibility["office"])
            if (slug and slug not in municipalities) or office is None:
                continue  # nothing to attach it to (not loaded yet, or deleted by staff)
            municipality_id = municipalities[slug].pk if slug else None
            values = {
                "step_id": step.pk,
                "municipality_id": municipality_id,
                **responsibility_values(responsibility, office),
            }
            responsibility_loader.load(
                f"{key}:{slug or 'all'}",
                values,
                existing=existing_responsibilities.get((step.pk, municipality_id)),
            )
    responsibility_loader.retire_unseen()
    step_loader.retire_unseen()
    return [office_loader, step_loader, responsibility_loader]


def load_questions():
    """The frequent questions; returns their loader."""
    data = json.loads((CONTENT_DIR / "questions.json").read_text(encoding="utf-8"))
    loader = Loader(Question)
    existing = Question.objects.in_bulk(field_name="key")
    for item in data["questions"]:
        values = {
            "key": item["key"],
            **translated("question", item["question"]),
            **translated("answer", item["answer"]),
            "topic": item["topic"],
            "position": item["position"],
            **source_values(item["source"]),
        }
        loader.load(item["key"], values, existing=existing.get(item["key"]))
    loader.retire_unseen()
    return loader
