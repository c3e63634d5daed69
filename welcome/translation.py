from modeltranslation.translator import TranslationOptions, register

from welcome.models import WelcomeCenter


@register(WelcomeCenter)
class WelcomeCenterTranslationOptions(TranslationOptions):
    fields = ("name",)
