"""Admin building blocks for editorial work: translation status, review dates, publish state.

Used by the admins of every translated model (welcome/admin.py, municipalities/admin.py).
"""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from welcome.publishing import due_for_review_q, is_public
from welcome.translation_status import (
    SOURCE,
    TARGETS,
    TranslationStatus,
    TranslationTracked,
    mark_translated,
    translated_fields,
    translation_changed,
    translation_status,
)


class TranslationStatusFilter(admin.SimpleListFilter):
    """Missing, outdated or up-to-date English; computed per row (one query for the list)."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return TranslationStatus.choices

    def queryset(self, request, queryset):
        if self.value() not in TranslationStatus.values:
            return queryset
        names = translated_fields(queryset.model)
        columns = [f"{name}_{code}" for name in names for code in (SOURCE, *TARGETS)]
        rows = queryset.only("pk", "translation_fingerprint", *columns)
        pks = [row.pk for row in rows if translation_status(row) == self.value()]
        return queryset.filter(pk__in=pks)


class TranslationStatusAdminMixin:
    """A "translation" column and filter; saving English text records the German it matches."""

    @admin.display(description=_("translation"))
    def translation_state(self, obj):
        return TranslationStatus(translation_status(obj)).label

    def get_list_display(self, request):
        return (*super().get_list_display(request), "translation_state")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), TranslationStatusFilter)

    def save_model(self, request, obj, form, change):
        if translation_changed(form):
            mark_translated(obj)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            instance = inline_form.instance
            if (
                isinstance(instance, TranslationTracked)
                and inline_form.has_changed()
                and translation_changed(inline_form)
            ):
                mark_translated(instance)
        super().save_formset(request, form, formset, change)


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return (
            ("due", _("Not reviewed for 12 months")),
            ("done", _("Reviewed in the last 12 months")),
        )

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.filter(due_for_review_q())
        if self.value() == "done":
            return queryset.exclude(due_for_review_q())
        return queryset


class PublishingAdminMixin:
    """Publish state in the list, the review filter and a "reviewed today" action."""

    actions = ("mark_reviewed",)

    @admin.display(boolean=True, description=_("on the site now"))
    def public_now(self, obj):
        return is_public(obj)

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), ReviewDueFilter)

    @admin.action(
        description=_("Mark the selected entries as reviewed today"), permissions=("change",)
    )
    def mark_reviewed(self, request, queryset):
        today = timezone.localdate()
        count = 0
        for obj in queryset:
            obj.last_reviewed = today
            obj.save(update_fields=["last_reviewed"])
            # The field name is stored untranslated; the history page translates it.
            self.log_change(request, obj, [{"changed": {"fields": ["last reviewed"]}}])
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d entry marked as reviewed today.",
                "%(count)d entries marked as reviewed today.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
