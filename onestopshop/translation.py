"""Which One-Stop-Shop fields exist in German and English (German is the fallback)."""

from modeltranslation.translator import TranslationOptions, register

from onestopshop.models import ShopDate


@register(ShopDate)
class ShopDateTranslationOptions(TranslationOptions):
    fields = ("note",)
