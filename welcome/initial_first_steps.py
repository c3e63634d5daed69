"""Initial content of the first-steps plan (offices, steps, who is responsible where) and of
the frequent questions, from welcome/initial_content/first-steps.json and questions.json.

Called by `load_initial_content`. A record missing from the database is created; one that
exists is updated only while it is exactly as the last load left it (its fields still match
the fingerprint stored then), so that running the command again never overwrites what staff
have edited, yet corrections to the initial content reach the records nobody touched.
"""

import hashlib
import json
from pathlib import Path

from core.translation_status import mark_translated
from municipalities.models import Municipality, Question
from welcome.models import Office, PlanStep, Responsibility

CONTENT_DIR = Path(__file__).resolve().parent / "initial_content"
LANGUAGES = ("de", "en")


def content_fingerprint(values):
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


def translated(name, texts):
    return {f"{name}_{language}": texts[language] or "" for language in LANGUAGES}


def sync(model, lookup, values):
    """Create the record, or update it if staff have not changed it since the last load.
    Returns the record (as stored)."""
    record = model.objects.filter(**lookup).first()
    if record is not None:
        current = {name: getattr(record, name) for name in values}
        if content_fingerprint(current) != record.initial_fingerprint:
            return record  # edited by staff: theirs now
        if content_fingerprint(values) == record.initial_fingerprint:
            return record  # nothing new
    else:
        record = model(**lookup)
    for name, value in values.items():
        setattr(record, name, value)
    record.initial_fingerprint = content_fingerprint(values)
    record.full_clean()
    mark_translated(record)  # the English of the initial content matches its German
    record.save()
    return record


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


def responsibility_values(item, offices):
    note = item["note"] or {"de": "", "en": ""}
    values = {"office_id": offices[item["office"]].pk, **translated("note", note)}
    if item["source"]:
        values.update(source_values(item["source"], prefix="note_source"))
    else:
        values.update(note_source_url="", note_source_publisher="", note_source_as_of="")
    return values


def load_first_steps():
    data = json.loads((CONTENT_DIR / "first-steps.json").read_text(encoding="utf-8"))
    offices = {
        item["key"]: sync(Office, {"key": item["key"]}, office_values(item))
        for item in data["offices"]
    }
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    for item in data["steps"]:
        step = sync(PlanStep, {"key": item["key"]}, step_values(item))
        for responsibility in item["responsibilities"]:
            slug = responsibility["municipality"]
            if slug and slug not in municipalities:
                continue  # a municipality not loaded (yet): nothing to attach the office to
            sync(
                Responsibility,
                {"step": step, "municipality": municipalities.get(slug)},
                responsibility_values(responsibility, offices),
            )
    return len(data["steps"])


def load_questions():
    data = json.loads((CONTENT_DIR / "questions.json").read_text(encoding="utf-8"))
    for item in data["questions"]:
        values = {
            **translated("question", item["question"]),
            **translated("answer", item["answer"]),
            "topic": item["topic"],
            "position": item["position"],
            "source": item["source"]["url"],
            "source_publisher": item["source"]["publisher"],
            "source_as_of": item["source"]["as_of"] or "",
        }
        sync(Question, {"key": item["key"]}, values)
    return len(data["questions"])
