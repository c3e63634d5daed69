from modeltranslation.translator import TranslationOptions, register

from welcome.models import (
    CenterFact,
    Event,
    Office,
    OpeningException,
    Page,
    PlanStep,
    Responsibility,
    WelcomeCenter,
)


@register(WelcomeCenter)
class WelcomeCenterTranslationOptions(TranslationOptions):
    fields = ("name", "public_transport", "parking", "accessibility")


@register(OpeningException)
class OpeningExceptionTranslationOptions(TranslationOptions):
    fields = ("reason",)


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "place", "image_alt")


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "intro", "body")


@register(CenterFact)
class CenterFactTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(Office)
class OfficeTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(PlanStep)
class PlanStepTranslationOptions(TranslationOptions):
    fields = ("title", "text", "what_to_bring")


@register(Responsibility)
class ResponsibilityTranslationOptions(TranslationOptions):
    fields = ("note",)
