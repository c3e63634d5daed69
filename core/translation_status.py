"""Which English translations are missing or outdated.

German is the source language. A translation is *missing* when a translated field has German text
but no English text. It is *outdated* when the German text changed after the English text was
last saved: every translated model stores a fingerprint (SHA-256) of its German texts, taken
whenever someone saves English text in the admin (and by the initial-content loader). If the
German texts no longer match that fingerprint, the English is outdated. Objects without German
text need no translation. The status is computed from the row itself, so it is never stale.
"""

import hashlib
import json

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator

SOURCE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
TARGETS = tuple(code for code, _name in settings.LANGUAGES if code != SOURCE)


class TranslationStatus(models.TextChoices):
    MISSING = "missing", _("Translation missing")
    OUTDATED = "outdated", _("Translation outdated")
    CURRENT = "current", _("Translation up to date")


class TranslationTracked(models.Model):
    """Adds the fingerprint of the German texts at the moment the English was last saved."""

    translation_fingerprint = models.CharField(
        _("fingerprint of the German text at the last translation"),
        max_length=64,
        blank=True,
        editable=False,
    )

    class Meta:
        abstract = True


def translated_fields(model):
    return tuple(translator.get_options_for_model(model).all_fields)


def fingerprint(obj):
    texts = {name: getattr(obj, f"{name}_{SOURCE}") or "" for name in translated_fields(type(obj))}
    return hashlib.sha256(json.dumps(texts, sort_keys=True).encode()).hexdigest()


def translation_status(obj):
    fields = translated_fields(type(obj))
    for name in fields:
        source = getattr(obj, f"{name}_{SOURCE}")
        if source and any(not getattr(obj, f"{name}_{target}") for target in TARGETS):
            return TranslationStatus.MISSING
    if not any(getattr(obj, f"{name}_{SOURCE}") for name in fields):
        return TranslationStatus.CURRENT
    if obj.translation_fingerprint != fingerprint(obj):
        return TranslationStatus.OUTDATED
    return TranslationStatus.CURRENT


def mark_translated(obj):
    """Record that the translation matches the German texts as they are now (not saved yet)."""
    obj.translation_fingerprint = fingerprint(obj)


def translation_changed(form):
    """Whether a model form changed any field of a translation (not the German source)."""
    fields = translated_fields(form._meta.model)
    targets = {f"{name}_{target}" for name in fields for target in TARGETS}
    return bool(targets.intersection(form.changed_data))
