from modeltranslation.translator import TranslationOptions, register

from welcome.models import OpeningException, WelcomeCenter


@register(WelcomeCenter)
class WelcomeCenterTranslationOptions(TranslationOptions):
    fields = ("name", "public_transport", "parking", "accessibility")


@register(OpeningException)
class OpeningExceptionTranslationOptions(TranslationOptions):
    fields = ("reason",)
