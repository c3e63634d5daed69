"""Admin building blocks: translation status, review dates, publish state and sources for editorial work
(welcome/admin.py, municipalities/admin.py); read-only inlines, stored e-mails, delivery and CSV
export for the admins of public submissions (enquiries/admin.py, onestopshop/admin.py).
"""

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import BadRequest, PermissionDenied
from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core import mail
from core.csv_export import csv_response, safe_csv
from core.publishing import due_for_review_q
from core.sourced import needs_review_q
from core.translation_status import (
    SOURCE,
    TARGETS,
    TranslationStatus,
    TranslationTracked,
    mark_translated,
    translated_fields,
    translation_changed,
    translation_status,
)


def admin_page(model_admin, request, template, title, **context):
    """An extra page of a model admin (a form, a list to print) in the admin's frame."""
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": title,
        **context,
    }
    return TemplateResponse(request, template, context)


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


class NeedsReviewFilter(admin.SimpleListFilter):
    """Undated sources, or sources dated before 2020 (the admin start page links here)."""

    title = _("source date")
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return (
            ("review", _("Undated or before 2020: please review")),
            ("current", _("Dated 2020 or later")),
        )

    def queryset(self, request, queryset):
        if self.value() == "review":
            return queryset.filter(needs_review_q())
        if self.value() == "current":
            return queryset.exclude(needs_review_q())
        return queryset


class SourcedAdminMixin:
    """For facts, places and links: the source as a link beside the record, the review flag."""

    @admin.display(description=_("source"))
    def source_link(self, obj):
        if not obj or not obj.source_url:
            return "–"
        as_of = obj.as_of_display or gettext("undated")
        flag = gettext(" – please review") if obj.needs_review else ""
        return format_html(
            '<a href="{}" rel="noreferrer" target="_blank">{}</a> ({}){}',
            obj.source_url,
            obj.source_publisher or obj.source_url,
            as_of,
            flag,
        )

    @admin.display(boolean=True, description=_("needs review"))
    def review_flag(self, obj):
        return obj.needs_review


PUBLISHING_FIELDS = ("published", "publish_from", "publish_until", "last_reviewed")


def publishing_fieldset(*extra):
    """The fieldset of the publishing fields (and any `extra` read-only ones) for fieldsets."""
    return (_("Publishing and review"), {"fields": (*PUBLISHING_FIELDS, *extra)})


class PublishingAdminMixin:
    """Publish state in the list, the review filter and a "reviewed today" action."""

    actions = ("mark_reviewed",)

    @admin.display(boolean=True, description=_("on the site now"))
    def public_now(self, obj):
        return obj.is_public

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


class ReadOnlyInline(admin.TabularInline):
    """Rows that staff read but never add or change here."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StoredEmailInline(ReadOnlyInline):
    """The e-mails about a submission and how their delivery went (set `model`)."""

    fields = ("kind", "recipient", "state", "attempts", "sent_at", "last_error")
    readonly_fields = fields


class SubmissionAdminMixin:
    """For the admin of a `PublicSubmission` model: nothing is added by staff, the e-mail
    delivery as a column (one prefetch query), an action that sends pending e-mails again, and
    the list as it is filtered and searched as CSV (`csv_columns()`, `export_filename`) at
    `export/`."""

    export_filename = "export"

    def csv_columns(self):
        raise NotImplementedError

    def export_queryset(self, queryset):
        return queryset

    def _email_model(self):
        return self.model._meta.get_field(self.model.emails_related_name).related_model

    def get_queryset(self, request):
        emails = self._email_model().objects.only(
            self.model._meta.get_field(self.model.emails_related_name).field.name, "state"
        )
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch(self.model.emails_related_name, queryset=emails))
        )

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("e-mail delivery"))
    def delivery(self, obj):
        state = obj.delivery_state
        return mail.StoredEmail.State(state).label if state else "–"

    @admin.action(description=_("Send pending e-mails of the selected entries again"))
    def send_pending_emails(self, request, queryset):
        email_model = self._email_model()
        relation = self.model._meta.get_field(self.model.emails_related_name).field.name
        emails = list(mail.due(email_model).filter(**{f"{relation}__in": queryset}).only("pk"))
        mail.queue(emails)
        self.message_user(
            request,
            ngettext(
                "%(count)d e-mail handed to the mail worker; it is sent within seconds.",
                "%(count)d e-mails handed to the mail worker; they are sent within seconds.",
                len(emails),
            )
            % {"count": len(emails)},
            messages.SUCCESS,
        )

    def get_urls(self):
        meta = self.model._meta
        urls = [
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name=f"{meta.app_label}_{meta.model_name}_export",
            ),
        ]
        return urls + super().get_urls()

    def export_view(self, request):
        """The list as it is filtered and searched, as CSV safe to open in a spreadsheet."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            queryset = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters as error:
            # The list itself redirects such filters to "?e=1"; a download has no page for that.
            raise BadRequest(error) from error
        rows = self.export_queryset(queryset)
        filename = f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}.csv"
        return csv_response(safe_csv(self.csv_columns(), rows), filename)
