"""Handling enquiries in the admin: list, assignment, statuses with history, internal notes, the
answer by e-mail, appointment confirmation/decline/cancellation, CSV export and requests under
Art. 15/17 GDPR.

What people sent is read-only here; staff change the status, the assignee and add notes.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.admin_mixins import (
    ReadOnlyInline,
    StoredEmailInline,
    SubmissionAdminMixin,
    admin_page,
)
from core.dashboard import moment_text as dashboard_moment
from core.personal_data import personal_data_view
from enquiries import exports, notifications, services
from enquiries.admin_forms import (
    AnswerForm,
    AppointmentConfirmForm,
    AppointmentMessageForm,
    EnquiryAdminForm,
)
from enquiries.models import (
    AppointmentOption,
    Enquiry,
    InternalNote,
    Notification,
    StatusChange,
)
from municipalities.topics import Topic


class TopicFilter(admin.SimpleListFilter):
    title = _("topic")
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        return Topic.choices

    def queryset(self, request, queryset):
        if self.value() in Topic.values:
            # Topics are a JSON list; matching the quoted key works on PostgreSQL and SQLite.
            return queryset.filter(topics__icontains=f'"{self.value()}"')
        return queryset


class DeliveryFilter(admin.SimpleListFilter):
    title = _("e-mail delivery")
    parameter_name = "delivery"

    def lookups(self, request, model_admin):
        return [
            (Notification.State.FAILED, gettext("Failed")),
            (Notification.State.PENDING, gettext("Pending")),
        ]

    def queryset(self, request, queryset):
        if self.value() in (Notification.State.FAILED, Notification.State.PENDING):
            return queryset.filter(notifications__state=self.value()).distinct()
        return queryset


class AppointmentOptionInline(ReadOnlyInline):
    model = AppointmentOption
    fields = ("position", "starts_at")
    readonly_fields = fields


class StatusChangeInline(ReadOnlyInline):
    model = StatusChange
    fields = ("changed_at", "old_status", "new_status", "changed_by")
    readonly_fields = fields


class NotificationInline(StoredEmailInline):
    model = Notification


class InternalNoteInline(admin.StackedInline):
    """New notes can be added; written notes stay as they are (author and time are recorded).

    The empty form for a new note shows no author and no time, so that it never looks saved.
    """

    model = InternalNote
    extra = 1
    can_delete = False
    fields = ("text", "written_by", "written_at")
    readonly_fields = ("written_by", "written_at")

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("author"))
    def written_by(self, note):
        return (note.author or "–") if note.pk else gettext("(you, when you save)")

    @admin.display(description=_("written"))
    def written_at(self, note):
        return dashboard_moment(note.created_at) if note.pk else gettext("(when you save)")


@admin.register(Enquiry)
class EnquiryAdmin(SubmissionAdminMixin, admin.ModelAdmin):
    form = EnquiryAdminForm
    list_display = (
        "reference",
        "kind",
        "status",
        "sender",
        "received",
        "assignee",
        "delivery",
    )
    list_filter = (
        "kind",
        "status",
        ("municipalities", admin.RelatedOnlyFieldListFilter),
        TopicFilter,
        "created_at",
        ("assignee", admin.RelatedOnlyFieldListFilter),
        DeliveryFilter,
    )
    search_fields = ("reference", "name", "email", "company_name")
    date_hierarchy = "created_at"
    list_select_related = ("assignee",)
    list_per_page = 50
    inlines = (
        AppointmentOptionInline,
        InternalNoteInline,
        StatusChangeInline,
        NotificationInline,
    )
    actions = ("send_pending_emails",)
    change_form_template = "admin/enquiries/enquiry/change_form.html"
    view_on_site = False  # the enquiry has no public page
    change_list_template = "admin/enquiries/enquiry/change_list.html"

    export_filename = "enquiries"
    # How the admin shows a field of Enquiry.KIND_FIELDS that has no plain value.
    SHOWN_AS = {
        "topics": "topics_display",
        "municipalities": "municipalities_display",
        "needs": "needs_display",
    }
    APPOINTMENT_FIELDS = ("appointment_at", "appointment_minutes")
    HANDLING_FIELDS = (
        "reference",
        "kind",
        "created_at",
        "language",
        "closed_at",
        "anonymised_at",
        "delivery",
    )

    def get_inlines(self, request, obj):
        # Preferred times belong to appointment requests only.
        if obj is not None and not obj.is_appointment:
            return tuple(inline for inline in self.inlines if inline is not AppointmentOptionInline)
        return self.inlines

    def request_fields(self, kind):
        fields = tuple(self.SHOWN_AS.get(name, name) for name in Enquiry.request_fields(kind))
        return fields + self.APPOINTMENT_FIELDS if kind == Enquiry.Kind.APPOINTMENT else fields

    def get_fieldsets(self, request, obj=None):
        return (
            (_("Handling"), {"fields": ("status", "assignee")}),
            (_("Request"), {"fields": self.request_fields(obj.kind) if obj else ()}),
            (_("Contact"), {"fields": Enquiry.CONTACT_FIELDS}),
            (_("Record"), {"fields": self.HANDLING_FIELDS}),
        )

    def get_readonly_fields(self, request, obj=None):
        fields = set(self.HANDLING_FIELDS) | set(Enquiry.CONTACT_FIELDS)
        for kind in Enquiry.Kind:
            fields |= set(self.request_fields(kind))
        return tuple(sorted(fields))

    def csv_columns(self):
        return exports.csv_columns()

    def export_queryset(self, queryset):
        return exports.export_rows(queryset)

    @admin.display(description=_("received"), ordering="created_at")
    def received(self, obj):
        return dashboard_moment(obj.created_at)

    @admin.display(description=_("sender"))
    def sender(self, obj):
        return obj.company_name or obj.name or "–"

    @admin.display(description=_("topics"))
    def topics_display(self, obj):
        return obj.get_topics_display()

    @admin.display(description=_("needs"))
    def needs_display(self, obj):
        return obj.get_needs_display()

    @admin.display(description=_("municipalities"))
    def municipalities_display(self, obj):
        return obj.get_municipalities_display() or "–"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The appointment buttons offer what the services allow.
        context["appointment_steps"] = [
            step
            for step in services.APPOINTMENT_STEPS
            if obj and services.appointment_step_possible(obj, step)
        ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        if change and "status" in form.changed_data:
            services.enquiry_change_status(enquiry=obj, status=obj.status, user=request.user)
        else:
            super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is InternalNote:
            for note in formset.save(commit=False):
                note.author = note.author or request.user
                note.save()
            formset.save_m2m()
        else:
            super().save_formset(request, form, formset, change)

    # Extra pages ---------------------------------------------------------------------------

    def get_urls(self):
        urls = [
            path(
                "<int:pk>/answer/",
                self.admin_site.admin_view(self.answer_view),
                name="enquiries_enquiry_answer",
            ),
            path(
                "<int:pk>/appointment/<str:step>/",
                self.admin_site.admin_view(self.appointment_view),
                name="enquiries_enquiry_appointment",
            ),
            path(
                "personal-data/",
                self.admin_site.admin_view(self.personal_data_view),
                name="enquiries_enquiry_personal_data",
            ),
        ]
        return urls + super().get_urls()

    def answer_view(self, request, pk):
        """Write the answer to the sender, starting from a text for the kind in their language;
        it goes out through the outbox and the status becomes answered (services)."""
        enquiry = get_object_or_404(Enquiry, pk=pk)
        if not self.has_change_permission(request, enquiry):
            raise PermissionDenied
        change_url = reverse("admin:enquiries_enquiry_change", args=[pk])
        if not enquiry.can_be_answered:
            messages.error(request, services.AnswerNotPossible().message)
            return redirect(change_url)
        form = AnswerForm(
            request.POST if request.method == "POST" else None,
            enquiry=enquiry,
            initial={"text": notifications.answer_start_text(enquiry)},
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.enquiry_answer(
                    enquiry=enquiry, text=form.cleaned_data["text"], user=request.user
                )
            except services.AnswerNotPossible as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request, gettext("The answer is being sent; the status is now “Answered”.")
                )
            return redirect(change_url)
        return admin_page(
            self,
            request,
            "admin/enquiries/enquiry/send_email.html",
            gettext("Answer enquiry %(reference)s") % {"reference": enquiry.reference},
            original=enquiry,
            form=form,
        )

    def appointment_view(self, request, pk, step):
        """Confirm (with a time), decline or cancel an appointment and inform the person; the
        rules are the services'."""
        enquiry = get_object_or_404(Enquiry, pk=pk, kind=Enquiry.Kind.APPOINTMENT)
        if not self.has_change_permission(request, enquiry):
            raise PermissionDenied
        change_url = reverse("admin:enquiries_enquiry_change", args=[pk])
        if not services.appointment_step_possible(enquiry, step):
            messages.error(request, services.AppointmentNotPossible().message)
            return redirect(change_url)
        form_class = AppointmentConfirmForm if step == "confirm" else AppointmentMessageForm
        form = form_class(request.POST if request.method == "POST" else None, enquiry=enquiry)
        if request.method == "POST" and form.is_valid():
            message = form.cleaned_data["message"]
            try:
                if step == "confirm":
                    services.appointment_confirm(
                        enquiry=enquiry,
                        starts_at=form.cleaned_data["starts_at"],
                        minutes=form.cleaned_data["minutes"],
                        user=request.user,
                        message=message,
                    )
                    done = gettext("The appointment is confirmed; the invitation is being sent.")
                elif step == "decline":
                    services.appointment_decline(
                        enquiry=enquiry, user=request.user, message=message
                    )
                    done = gettext("The request is declined; the person is informed.")
                else:
                    services.appointment_cancel(enquiry=enquiry, user=request.user, message=message)
                    done = gettext("The appointment is cancelled; the cancellation is being sent.")
            except services.AppointmentNotPossible as error:
                messages.error(request, error.message)
            else:
                messages.success(request, done)
            return redirect(change_url)
        titles = {
            "confirm": gettext("Confirm appointment %(reference)s"),
            "decline": gettext("Decline appointment request %(reference)s"),
            "cancel": gettext("Cancel appointment %(reference)s"),
        }
        return admin_page(
            self,
            request,
            "admin/enquiries/enquiry/send_email.html",
            titles[step] % {"reference": enquiry.reference},
            original=enquiry,
            form=form,
            action=step,
        )

    def personal_data_view(self, request):
        return personal_data_view(self, request)
