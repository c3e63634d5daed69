"""Admin for the municipality profiles: translation tabs, topics inline, staff preview.

Every admin here is limited to the municipalities a "Kommune" editor is assigned to (see
admin_scoping.py); the center's staff (Redaktion) and superusers see all of them.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from core.admin_mixins import (
    PublishingAdminMixin,
    TranslationStatusAdminMixin,
    publishing_fieldset,
)
from municipalities.admin_scoping import MunicipalityScopedAdminMixin
from municipalities.models import (
    LineStop,
    Link,
    Municipality,
    Place,
    Question,
    RailLine,
    ReferencePoint,
    Section,
    Station,
)


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
class MunicipalityAdmin(
    MunicipalityScopedAdminMixin,
    PublishingAdminMixin,
    TranslationStatusAdminMixin,
    TabbedTranslationAdmin,
):
    municipality_path = "pk"
    list_display = (
        "name",
        "kind",
        "population",
        "population_date",
        "published",
        "public_now",
        "last_reviewed",
    )
    list_filter = ("kind", "published", "last_reviewed")
    search_fields = ("name", "slug", "teaser", "town_hall_address")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("editors",)
    inlines = (SectionInline, PlaceInline, LinkInline)
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind")}),
        (_("Texts"), {"fields": ("teaser", "introduction")}),
        (_("Facts"), {"fields": ("population", "population_date", "area_km2")}),
        (
            _("Contact"),
            {"fields": ("website", "town_hall_address", "town_hall_phone", "town_hall_email")},
        ),
        (_("Image"), {"fields": ("image", "image_alt", "image_decorative")}),
        (
            _("Position on the district map"),
            {"fields": ("latitude", "longitude", "coordinate_source", "coordinate_checked")},
        ),
        publishing_fieldset(),
        (_("For the team"), {"fields": ("sources", "notes"), "classes": ("collapse",)}),
        (_("Editors"), {"fields": ("editors",)}),
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.is_scoped(request):
            # Only the center assigns editors.
            return tuple(fs for fs in fieldsets if "editors" not in fs[1]["fields"])
        return fieldsets

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "editors":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_add_permission(self, request):
        # The 15 municipalities are set up by the center, not by a town hall.
        return super().has_add_permission(request) and not self.is_scoped(request)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self.is_scoped(request)


@admin.register(Section)
class SectionAdmin(
    MunicipalityScopedAdminMixin, TranslationStatusAdminMixin, TabbedTranslationAdmin
):
    list_display = ("municipality", "topic")
    list_filter = ("topic", "municipality")
    list_select_related = ("municipality",)
    search_fields = ("municipality__name", "text")
    fieldsets = ((None, {"fields": ("municipality", "topic", "text")}),)


@admin.register(Place)
class PlaceAdmin(MunicipalityScopedAdminMixin, TranslationStatusAdminMixin, TabbedTranslationAdmin):
    list_display = ("name", "kind", "municipality", "topic")
    list_filter = ("topic", "municipality")
    list_select_related = ("municipality",)
    search_fields = ("name", "kind", "address", "description", "municipality__name")
    fieldsets = (
        (None, {"fields": ("municipality", "topic", "name", "kind", "position")}),
        (_("Contact"), {"fields": ("address", "website", "phone")}),
        (_("Description"), {"fields": ("description",)}),
    )


@admin.register(Link)
class LinkAdmin(MunicipalityScopedAdminMixin, TranslationStatusAdminMixin, TabbedTranslationAdmin):
    list_display = ("title", "url", "municipality", "topic")
    list_filter = ("topic", "municipality")
    list_select_related = ("municipality",)
    search_fields = ("title", "url", "municipality__name")
    fieldsets = ((None, {"fields": ("municipality", "topic", "title", "url", "position")}),)


# ---------------------------------------------------------------------------------------------
# The district map: kept by the center's staff (Redaktion), not by the town halls.
# ---------------------------------------------------------------------------------------------

SOURCE_FIELDSET = (
    _("Source"),
    {"fields": ("source", "source_as_of", "source_checked", "notes")},
)


@admin.register(Station)
class StationAdmin(TabbedTranslationAdmin):
    list_display = ("name", "municipality", "coordinate_basis", "position_is_approximate")
    list_filter = ("coordinate_basis", "municipality")
    list_select_related = ("municipality",)
    search_fields = ("name", "key", "municipality__name")
    fieldsets = (
        (None, {"fields": ("name", "key", "municipality")}),
        (_("Position"), {"fields": ("coordinate_basis", "latitude", "longitude")}),
        SOURCE_FIELDSET,
    )

    @admin.display(boolean=True, description=_("approximate position"))
    def position_is_approximate(self, obj):
        return obj.is_approximate


class LineStopInline(admin.TabularInline):
    model = LineStop
    extra = 0
    fields = ("position", "station")
    autocomplete_fields = ("station",)
    ordering = ("position",)


@admin.register(RailLine)
class RailLineAdmin(TabbedTranslationAdmin):
    list_display = ("code", "name", "route", "source_as_of", "source_checked")
    search_fields = ("code", "name", "route", "key")
    inlines = (LineStopInline,)
    fieldsets = (
        (None, {"fields": ("code", "name", "key", "route", "position")}),
        (_("Beyond the district"), {"fields": ("continues_from", "continues_to")}),
        SOURCE_FIELDSET,
    )


@admin.register(ReferencePoint)
class ReferencePointAdmin(TabbedTranslationAdmin):
    list_display = ("name", "show_distance", "position")
    search_fields = ("name", "key")
    fieldsets = (
        (None, {"fields": ("name", "key", "position", "show_distance")}),
        (_("Position"), {"fields": ("latitude", "longitude")}),
        SOURCE_FIELDSET,
    )


@admin.register(Question)
class QuestionAdmin(TranslationStatusAdminMixin, TabbedTranslationAdmin):
    """Frequent questions belong to the center's staff, not to one municipality."""

    list_display = ("question", "topic", "position", "published", "source_as_of")
    list_editable = ("position",)
    list_filter = ("published", "topic")
    search_fields = ("question_de", "question_en", "answer_de", "answer_en", "key")
    fieldsets = (
        (None, {"fields": ("key", "topic", "question", "answer", "position", "published")}),
        (_("Source"), {"fields": ("source", "source_publisher", "source_as_of")}),
    )
