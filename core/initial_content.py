"""Loading the initial content without ever overwriting what staff changed.

`make run` loads the initial content on every start. For each record of the content files a
`Loader` (one per model) decides, with the `LoadedRecord` of its key:

- never loaded, not in the database: it is created;
- never loaded, but found (a record from before this rule, or entered by hand): it is taken over
  only if its values are already the shipped ones, or if all of them are still empty (a
  municipality's position on the map); otherwise it is left alone;
- loaded before, unchanged since (its values still match the fingerprint of what was loaded): the
  shipped values are applied, so a later release can correct a fact nobody edited;
- loaded before and changed since: an edit by staff, kept as it is;
- loaded before and deleted since: staff removed it; it is not created again;
- loaded before, no longer shipped (`retire_unseen`): removed if nobody edited it, else kept.

Values are given as model field names (`text_de`, `municipality_id`); the fingerprint covers
exactly those fields.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType

from core.models import LoadedRecord
from core.translation_status import TranslationTracked, mark_translated

CREATED, UPDATED, UNCHANGED, KEPT, DELETED = "created", "updated", "unchanged", "kept", "deleted"
RETIRED = "retired"


def canonical(value):
    """A value as JSON can hold it, equal for equal values (12.5 and 12.50 alike)."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    return value


def field_values(model, values):
    """The values converted as the model field would (a date from "2024-05-01")."""
    meta = model._meta
    return {name: meta.get_field(name).to_python(value) for name, value in values.items()}


def fingerprint(values):
    data = {name: canonical(value) for name, value in values.items()}
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def current_values(obj, names):
    return {name: getattr(obj, obj._meta.get_field(name).attname) for name in names}


def is_empty(values):
    return all(value in (None, "") for value in values.values())


@dataclass
class Loader:
    """Loads the records of one model; reads the earlier loads and their objects in two
    queries."""

    model: type
    counts: dict = field(default_factory=dict)

    def __post_init__(self):
        self.content_type = ContentType.objects.get_for_model(self.model)
        self.records = {
            record.key: record
            for record in LoadedRecord.objects.filter(content_type=self.content_type)
        }
        ids = [record.object_id for record in self.records.values()]
        self.objects = self.model._base_manager.in_bulk(ids)
        self.seen, self.fields = set(), ()

    def count(self, outcome):
        self.counts[outcome] = self.counts.get(outcome, 0) + 1
        return outcome

    def load(self, key, values, *, existing=None, after_create=None):
        """Load one record (see the module docstring); returns (object or None, outcome).

        existing: the object as the caller found it (by slug or key) when it was never loaded.
        after_create: called with the new object, to add what hangs on it (a line's stops).
        """
        values = field_values(self.model, values)
        self.seen.add(key)
        self.fields = tuple(values)
        shipped = fingerprint(values)
        record = self.records.get(key)
        if record is not None:
            obj = self.objects.get(record.object_id)
            if obj is None:
                return None, self.count(DELETED)
            current = current_values(obj, values)
            if fingerprint(current) != record.fingerprint:
                return obj, self.count(KEPT)
            if record.fingerprint == shipped:
                return obj, self.count(UNCHANGED)
            self.save(obj, values)
            self.remember(key, obj, values)
            return obj, self.count(UPDATED)
        if existing is not None:
            current = current_values(existing, values)
            same = fingerprint(current) == shipped
            if not same and not is_empty(current):
                return existing, self.count(KEPT)
            if not same:
                self.save(existing, values)
            self.remember(key, existing, values)
            return existing, self.count(UNCHANGED if same else UPDATED)
        obj = self.model()
        self.save(obj, values)
        if after_create:
            after_create(obj)
        self.remember(key, obj, values)
        return obj, self.count(CREATED)

    def save(self, obj, values):
        for name, value in values.items():
            setattr(obj, obj._meta.get_field(name).attname, value)
        obj.full_clean()
        if isinstance(obj, TranslationTracked):
            mark_translated(obj)  # the English of the initial content matches its German
        obj.save()

    def remember(self, key, obj, values):
        # From the object after full_clean: the values as the database gives them back.
        loaded = fingerprint(current_values(obj, values))
        record = self.records.get(key)
        if record is None:
            record = LoadedRecord(content_type=self.content_type, key=key, object_id=obj.pk)
            self.records[key] = record
        record.object_id = obj.pk
        record.fingerprint = loaded
        record.save()
        self.objects[obj.pk] = obj

    def retire_unseen(self):
        """Remove what an earlier release loaded and this one no longer ships (an item the
        editors left out), unless staff edited it. Call after loading every record of the model
        with the same fields."""
        for key, record in list(self.records.items()):
            if key in self.seen or not self.fields:
                continue
            obj = self.objects.get(record.object_id)
            if obj is None:
                continue
            if fingerprint(current_values(obj, self.fields)) != record.fingerprint:
                self.count(KEPT)
                continue
            obj.delete()
            record.delete()
            del self.records[key]
            self.count(RETIRED)

    def summary(self):
        return ", ".join(f"{count} {outcome}" for outcome, count in sorted(self.counts.items()))
