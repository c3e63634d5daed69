"""Admin for the Welcome-Center: its contact data, regular week, opening exceptions, sourced facts
about it, events, the staff-edited pages and the first-steps plan (steps, offices, who is
responsible where). Events of a municipality are limited to its editors (admin_scoping.py).
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from core.admin_mixins import (
    NeedsReviewFilter,
    PublishingAdminMixin,
    SourcedAdminMixin,
    TranslationStatusAdminMixin,
    publishing_fieldset,
)
from municipalities.admin_scoping import MunicipalityScopedAdminMixin
from welcome.admin_forms import IntervalFormSet
from welcome.models import (
    CenterFact,
    Event,
    Office,
    OpeningException,
    OpeningExceptionInterval,
    OpeningHours,
    Page,
    PlanStep,
    Responsibility,
    WelcomeCenter,
)


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


@admin.register(WelcomeCenter)
class WelcomeCenterAdmin(TranslationStatusAdminMixin, TabbedTranslationAdmin):
    list_display = ("name", "street", "city", "phone", "email")
    fieldsets = (
        (None, {"fields": ("name",)}),
        (_("Address"), {"fields": ("street", "postcode", "city", "quarter")}),
        (_("Contact"), {"fields": ("phone", "email", "by_appointment")}),
        (_("Getting here"), {"fields": ("public_transport", "parking", "accessibility")}),
        (_("Position on the district map"), {"fields": ("latitude", "longitude")}),
        (
            _("Legal details (imprint, privacy policy, accessibility statement)"),
            {
                "fields": (
                    "content_responsible",
                    "vat_id",
                    "has_no_vat_id",
                    "data_protection_officer",
                    "server_log_days",
                    "accessibility_compliance",
                    "accessibility_statement_date",
                ),
                "description": _(
                    "Only what the Kreis Düren has confirmed. Until a detail is filled in, its "
                    "line is left out of the page and the admin start page lists it."
                ),
            },
        ),
    )
    inlines = (OpeningHoursInline,)


@admin.register(CenterFact)
class CenterFactAdmin(SourcedAdminMixin, TranslationStatusAdminMixin, TabbedTranslationAdmin):
    list_display = ("__str__", "source_publisher", "source_as_of", "review_flag", "position")
    list_filter = (NeedsReviewFilter,)
    search_fields = ("text", "key", "source_publisher")
    readonly_fields = ("source_link",)
    fieldsets = (
        (None, {"fields": ("text", "position")}),
        (
            _("Source"),
            {"fields": ("source_url", "source_publisher", "source_as_of", "source_link", "key")},
        ),
    )


class OpeningExceptionIntervalInline(admin.TabularInline):
    model = OpeningExceptionInterval
    formset = IntervalFormSet
    extra = 1


@admin.register(OpeningException)
class OpeningExceptionAdmin(TranslationStatusAdminMixin, TabbedTranslationAdmin):
    list_display = ("start_date", "end_date", "closed", "reason")
    list_filter = ("closed",)
    search_fields = ("reason_de", "reason_en")
    date_hierarchy = "start_date"
    fieldsets = (
        (None, {"fields": ("center", "start_date", "end_date")}),
        (_("Opening"), {"fields": ("closed", "reason")}),
    )
    inlines = (OpeningExceptionIntervalInline,)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        center = WelcomeCenter.objects.first()
        if center is not None:
            initial.setdefault("center", center.pk)
        return initial


@admin.register(Event)
class EventAdmin(
    MunicipalityScopedAdminMixin,
    PublishingAdminMixin,
    TranslationStatusAdminMixin,
    TabbedTranslationAdmin,
):
    list_display = (
        "title",
        "kind",
        "municipality",
        "start_date",
        "end_date",
        "published",
        "public_now",
        "last_reviewed",
    )
    list_filter = ("published", "kind", "municipality")
    search_fields = ("title_de", "title_en", "summary_de", "summary_en")
    date_hierarchy = "start_date"
    list_select_related = ("municipality",)
    prepopulated_fields = {"slug": ("title_de",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "municipality")}),
        (_("Date and time"), {"fields": ("start_date", "end_date", "start_time", "end_time")}),
        (_("Place"), {"fields": ("place",)}),
        (_("Text"), {"fields": ("summary", "description")}),
        (_("Image"), {"fields": ("image", "image_alt")}),
        publishing_fieldset(),
    )


@admin.register(Page)
class PageAdmin(PublishingAdminMixin, TranslationStatusAdminMixin, TabbedTranslationAdmin):
    list_display = ("title", "key", "published", "public_now", "last_reviewed", "updated_at")
    list_filter = ("published",)
    search_fields = ("title_de", "title_en", "body_de", "body_en")
    readonly_fields = ("updated_at",)
    fieldsets = (
        (None, {"fields": ("key", "title", "intro", "body")}),
        (_("Video"), {"fields": ("video", "video_captions")}),
        publishing_fieldset("updated_at"),
    )


SOURCE_FIELDSET = (_("Source"), {"fields": ("source_url", "source_publisher", "source_as_of")})


@admin.register(Office)
class OfficeAdmin(TranslationStatusAdminMixin, TabbedTranslationAdmin):
    list_display = ("name", "address", "website", "phone", "source_as_of")
    list_filter = (NeedsReviewFilter,)
    search_fields = ("name_de", "name_en", "address", "key")
    fieldsets = (
        (None, {"fields": ("key", "name")}),
        (_("Contact"), {"fields": ("address", "website", "phone")}),
        SOURCE_FIELDSET,
    )


class ResponsibilityInline(TranslationStackedInline):
    model = Responsibility
    extra = 0
    autocomplete_fields = ("office",)
    fields = (
        "municipality",
        "office",
        "note",
        "note_source_url",
        "note_source_publisher",
        "note_source_as_of",
    )


@admin.register(PlanStep)
class PlanStepAdmin(TranslationStatusAdminMixin, TabbedTranslationAdmin):
    list_display = ("title", "position", "deadline_amount", "deadline_unit", "published")
    list_editable = ("position",)
    list_filter = (
        "published",
        "for_germany",
        "for_eu",
        "for_other",
        "municipal",
        NeedsReviewFilter,
    )
    search_fields = ("title_de", "title_en", "text_de", "text_en", "key")
    fieldsets = (
        (
            None,
            {"fields": ("key", "title", "text", "what_to_bring", "topic", "position", "published")},
        ),
        (
            _("Rule and deadline"),
            {"fields": ("deadline_amount", "deadline_unit", "municipal", "depends_on_details")},
        ),
        SOURCE_FIELDSET,
        (_("Origin"), {"fields": ("for_germany", "for_eu", "for_other")}),
        (
            _("Children (none ticked: shown to everyone)"),
            {"fields": ("for_children_under_3", "for_children_3_to_6", "for_school_children")},
        ),
        (
            _("Work (none ticked: shown to everyone)"),
            {"fields": ("for_employed", "for_self_employed", "for_students", "for_job_seekers")},
        ),
        (_("Job offer and car"), {"fields": ("job_offer", "car")}),
    )
    inlines = (ResponsibilityInline,)
