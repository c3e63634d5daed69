"""Which municipality fields exist in German and English (German is the fallback)."""

from modeltranslation.translator import TranslationOptions, register

from municipalities.models import (
    Fact,
    Link,
    Municipality,
    Place,
    Question,
    RailLine,
    ReferencePoint,
    Station,
)


@register(Municipality)
class MunicipalityTranslationOptions(TranslationOptions):
    fields = ("teaser", "introduction", "image_alt")


@register(Fact)
class FactTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(Place)
class PlaceTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Link)
class LinkTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Station)
class StationTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(RailLine)
class RailLineTranslationOptions(TranslationOptions):
    fields = ("name", "route")


@register(ReferencePoint)
class ReferencePointTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("question", "answer")
