"""Admin for the municipality profiles: translation tabs, topics inline, staff preview.

Every admin here is limited to the municipalities a "Kommune" editor is assigned to (see
admin_scoping.py); the center's staff (Redaktion) and superusers see all of them.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from core.admin_mixins import (
    NeedsReviewFilter,
    PublishingAdminMixin,
    SourcedAdminMixin,
    TranslationStatusAdminMixin,
    publishing_fieldset,
)
from municipalities.admin_scoping import MunicipalityScopedAdminMixin
from municipalities.models import (
    Fact,
    LineStop,
    Link,
    Municipality,
    Place,
    Question,
    RailLine,
    ReferencePoint,
    Station,
)
from municipalities.topics import Topic


def public_topic_order():
    """Topics in the order readers see them (not alphabetically by key)."""
    return Case(
        *(When(topic=topic.value, then=Value(index)) for index, topic in enumerate(Topic)),
        output_field=IntegerField(),
    )


class TopicEntryInline(SourcedAdminMixin, admin.StackedInline):
    """German and English side by side on one line, the source beside them; in the order of
    the profile. (Plain inlines on purpose: translation tabs would hide one language.)"""

    extra = 0
    readonly_fields = ("source_link",)
    classes = ("collapse",)

    def get_queryset(self, request):
        return super().get_queryset(request).order_by(public_topic_order(), "position", "pk")


SOURCE_ROW = ("source_url", "source_publisher", "source_as_of", "source_link")


class FactInline(TopicEntryInline):
    model = Fact
    fields = (("topic", "position", "key"), ("text_de", "text_en"), SOURCE_ROW)
    classes = ()


class PlaceInline(TopicEntryInline):
    model = Place
    fields = (
        ("topic", "kind", "position", "key"),
        ("name_de", "name_en"),
        ("address", "phone", "website"),
        ("description_de", "description_en"),
        SOURCE_ROW,
    )


class LinkInline(TopicEntryInline):
    model = Link
    fields = (("topic", "position", "key"), ("title_de", "title_en"), "url", SOURCE_ROW)


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
    inlines = (FactInline, PlaceInline, LinkInline)
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

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name.startswith("teaser"):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

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


class TopicEntryAdmin(
    SourcedAdminMixin,
    MunicipalityScopedAdminMixin,
    TranslationStatusAdminMixin,
    TabbedTranslationAdmin,
):
    """Facts, places and links of every municipality and of the whole district (these only for
    the center's staff: a Kommune editor sees only their municipalities' entries)."""

    list_filter = ("topic", "municipality", NeedsReviewFilter)
    list_select_related = ("municipality",)
    readonly_fields = ("source_link",)
    source_fieldset = (
        _("Source"),
        {"fields": ("source_url", "source_publisher", "source_as_of", "source_link", "key")},
    )

    def get_ordering(self, request):
        return (public_topic_order(), "municipality__name", "position", "pk")


@admin.register(Fact)
class FactAdmin(TopicEntryAdmin):
    list_display = ("__str__", "municipality", "topic", "source_as_of", "review_flag")
    search_fields = ("text_de", "text_en", "key", "source_publisher", "municipality__name")
    fieldsets = (
        (None, {"fields": ("municipality", "topic", "position", "text")}),
        TopicEntryAdmin.source_fieldset,
    )


@admin.register(Place)
class PlaceAdmin(TopicEntryAdmin):
    list_display = ("name", "kind", "municipality", "topic", "source_as_of", "review_flag")
    list_filter = ("topic", "kind", "municipality", NeedsReviewFilter)
    search_fields = ("name", "address", "description", "key", "municipality__name")
    fieldsets = (
        (None, {"fields": ("municipality", "topic", "name", "kind", "position")}),
        (_("Contact"), {"fields": ("address", "website", "phone")}),
        (_("Description"), {"fields": ("description",)}),
        TopicEntryAdmin.source_fieldset,
    )


@admin.register(Link)
class LinkAdmin(TopicEntryAdmin):
    list_display = ("title", "url", "municipality", "topic", "source_as_of", "review_flag")
    search_fields = ("title", "url", "key", "municipality__name")
    fieldsets = (
        (None, {"fields": ("municipality", "topic", "title", "url", "position")}),
        TopicEntryAdmin.source_fieldset,
    )


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
    list_filter = ("published", "topic", NeedsReviewFilter)
    search_fields = ("question_de", "question_en", "answer_de", "answer_en", "key")
    fieldsets = (
        (None, {"fields": ("key", "topic", "question", "answer", "position", "published")}),
        (_("Source"), {"fields": ("source_url", "source_publisher", "source_as_of")}),
    )
