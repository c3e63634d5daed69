from modeltranslation.translator import TranslationOptions, register

from welcome.models import CenterFact, Event, OpeningException, Page, WelcomeCenter


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
