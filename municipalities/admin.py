"""Admin for the municipality profiles: translation tabs, topics inline, staff preview."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from municipalities.models import Link, Municipality, Place, Section


class SectionInline(TranslationTabularInline):
    model = Section
    extra = 0
    fields = ("topic", "text")


class PlaceInline(TranslationTabularInline):
    model = Place
    extra = 0
    fields = ("topic", "name", "kind", "address", "website", "phone", "description", "position")


class LinkInline(TranslationTabularInline):
    model = Link
    extra = 0
    fields = ("topic", "title", "url", "position")


@admin.register(Municipality)
class MunicipalityAdmin(TabbedTranslationAdmin):
    list_display = (
        "name",
        "kind",
        "population",
        "population_date",
        "last_reviewed",
        "published",
    )
    list_filter = ("kind", "published", "last_reviewed")
    search_fields = ("name", "slug", "teaser", "town_hall_address")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (SectionInline, PlaceInline, LinkInline)
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "published", "last_reviewed")}),
        (_("Texts"), {"fields": ("teaser", "introduction")}),
        (_("Facts"), {"fields": ("population", "population_date", "area_km2")}),
        (
            _("Contact"),
            {"fields": ("website", "town_hall_address", "town_hall_phone", "town_hall_email")},
        ),
        (_("Image"), {"fields": ("image", "image_alt", "image_decorative")}),
        (_("For the team"), {"fields": ("sources", "notes"), "classes": ("collapse",)}),
    )


@admin.register(Section)
class SectionAdmin(TabbedTranslationAdmin):
    list_display = ("municipality", "topic")
    list_filter = ("topic", "municipality")
    list_select_related = ("municipality",)
    search_fields = ("municipality__name", "text")


@admin.register(Place)
class PlaceAdmin(TabbedTranslationAdmin):
    list_display = ("name", "kind", "municipality", "topic")
    list_filter = ("topic", "municipality")
    list_select_related = ("municipality",)
    search_fields = ("name", "kind", "address", "description", "municipality__name")
    fieldsets = (
        (None, {"fields": ("municipality", "topic", "name", "kind", "position")}),
        (_("Contact"), {"fields": ("address", "website", "phone")}),
        (_("Description"), {"fields": ("description",)}),
    )
