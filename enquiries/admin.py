"""Handling enquiries in the admin: list, assignment, statuses with history, internal notes,
appointment confirmation/decline/cancellation, CSV export and requests under Art. 15/17 GDPR.

What people sent is read-only here; staff change the status, the assignee and add notes.
"""

import json
from datetime import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from enquiries import notifications, services
from enquiries.exports import enquiries_csv, personal_data_for_email
from enquiries.forms import BERLIN, DATE_FORMATS, TIME_FORMATS
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


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AppointmentOptionInline(ReadOnlyInline):
    model = AppointmentOption
    fields = ("position", "starts_at")
    readonly_fields = fields


class StatusChangeInline(ReadOnlyInline):
    model = StatusChange
    fields = ("changed_at", "old_status", "new_status", "changed_by")
    readonly_fields = fields


class NotificationInline(ReadOnlyInline):
    model = Notification
    fields = ("kind", "recipient", "state", "attempts", "sent_at", "last_error")
    readonly_fields = fields


class InternalNoteInline(admin.StackedInline):
    """New notes can be added; written notes stay as they are (author and time are recorded)."""

    model = InternalNote
    extra = 1
    can_delete = False
    fields = ("text", "author", "created_at")
    readonly_fields = ("author", "created_at")

    def has_change_permission(self, request, obj=None):
        return False


class EnquiryAdminForm(forms.ModelForm):
    class Meta:
        model = Enquiry
        fields = ("status", "assignee")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        enquiry = self.instance
        if enquiry.pk and "status" in self.fields:
            choices = enquiry.status_choices()
            if enquiry.is_appointment:
                # Confirming, declining and cancelling inform the person: only through the buttons.
                by_button = {
                    Enquiry.Status.CONFIRMED,
                    Enquiry.Status.DECLINED,
                    Enquiry.Status.CANCELLED,
                }
                choices = [c for c in choices if c[0] not in by_button or c[0] == enquiry.status]
            self.fields["status"].choices = choices


@admin.register(Enquiry)
class EnquiryAdmin(admin.ModelAdmin):
    form = EnquiryAdminForm
    list_display = (
        "reference",
        "kind",
        "status",
        "sender",
        "created_at",
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
    change_list_template = "admin/enquiries/enquiry/change_list.html"

    KIND_FIELDS = {
        Enquiry.Kind.QUESTION: (
            "topics_display",
            "municipalities_display",
            "message",
            "moving_situation",
            "adults",
            "children_ages",
        ),
        Enquiry.Kind.COMPANY: (
            "company_name",
            "sector",
            "company_address",
            "employees",
            "time_frame",
            "municipalities_display",
            "needs_display",
            "message",
        ),
        Enquiry.Kind.APPOINTMENT: (
            "topics_display",
            "mode",
            "people",
            "accessibility_needs",
            "appointment_at",
            "appointment_minutes",
        ),
        Enquiry.Kind.BARRIER: ("page_url", "message"),
    }
    CONTACT_FIELDS = ("name", "email", "phone", "preferred_language", "contact_preference")
    HANDLING_FIELDS = (
        "reference",
        "kind",
        "created_at",
        "language",
        "closed_at",
        "anonymised_at",
        "delivery",
    )

    def get_fieldsets(self, request, obj=None):
        kind_fields = self.KIND_FIELDS.get(obj.kind, ()) if obj else ()
        return (
            (_("Handling"), {"fields": ("status", "assignee")}),
            (_("Request"), {"fields": kind_fields}),
            (_("Contact"), {"fields": self.CONTACT_FIELDS}),
            (_("Record"), {"fields": self.HANDLING_FIELDS}),
        )

    def get_readonly_fields(self, request, obj=None):
        fields = set(self.HANDLING_FIELDS) | set(self.CONTACT_FIELDS)
        for kind_fields in self.KIND_FIELDS.values():
            fields |= set(kind_fields)
        return tuple(sorted(fields))

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("notifications", queryset=Notification.objects.only("enquiry", "state"))
            )
        )

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("sender"))
    def sender(self, obj):
        return obj.company_name or obj.name or "–"

    @admin.display(description=_("e-mail delivery"))
    def delivery(self, obj):
        state = obj.delivery_state
        return Notification.State(state).label if state else "–"

    @admin.display(description=_("topics"))
    def topics_display(self, obj):
        return obj.get_topics_display()

    @admin.display(description=_("needs"))
    def needs_display(self, obj):
        return obj.get_needs_display()

    @admin.display(description=_("municipalities"))
    def municipalities_display(self, obj):
        return ", ".join(m.name for m in obj.municipalities.all()) or "–"

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

    @admin.action(description=_("Send pending e-mails of the selected enquiries again"))
    def send_pending_emails(self, request, queryset):
        pks = Notification.objects.filter(enquiry__in=queryset).values_list("pk", flat=True)
        sent, failed = notifications.deliver(list(pks))
        self.message_user(
            request,
            gettext("%(sent)d e-mails sent, %(failed)d failed.") % {"sent": sent, "failed": failed},
            messages.SUCCESS if not failed else messages.WARNING,
        )

    # Extra pages ---------------------------------------------------------------------------

    def get_urls(self):
        urls = [
            path(
                "<int:pk>/appointment/<str:action>/",
                self.admin_site.admin_view(self.appointment_view),
                name="enquiries_enquiry_appointment",
            ),
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name="enquiries_enquiry_export",
            ),
            path(
                "personal-data/",
                self.admin_site.admin_view(self.personal_data_view),
                name="enquiries_enquiry_personal_data",
            ),
        ]
        return urls + super().get_urls()

    def appointment_view(self, request, pk, action):
        """Confirm (with a time), decline or cancel an appointment and inform the person."""
        enquiry = get_object_or_404(Enquiry, pk=pk, kind=Enquiry.Kind.APPOINTMENT)
        if not self.has_change_permission(request, enquiry):
            raise PermissionDenied
        allowed = {
            "confirm": enquiry.status in (Enquiry.Status.REQUESTED, Enquiry.Status.CONFIRMED),
            "decline": enquiry.status == Enquiry.Status.REQUESTED,
            "cancel": enquiry.status == Enquiry.Status.CONFIRMED,
        }
        if not allowed.get(action) or enquiry.is_anonymised or not enquiry.email:
            messages.error(request, gettext("This is not possible in the enquiry's current state."))
            return redirect(reverse("admin:enquiries_enquiry_change", args=[pk]))
        form_class = AppointmentConfirmForm if action == "confirm" else AppointmentMessageForm
        form = form_class(request.POST if request.method == "POST" else None, enquiry=enquiry)
        if request.method == "POST" and form.is_valid():
            message = form.cleaned_data["message"]
            if action == "confirm":
                services.appointment_confirm(
                    enquiry=enquiry,
                    starts_at=form.cleaned_data["starts_at"],
                    minutes=form.cleaned_data["minutes"],
                    user=request.user,
                    message=message,
                )
                done = gettext("The appointment is confirmed; the invitation is being sent.")
            elif action == "decline":
                services.appointment_decline(enquiry=enquiry, user=request.user, message=message)
                done = gettext("The request is declined; the person is informed.")
            else:
                services.appointment_cancel(enquiry=enquiry, user=request.user, message=message)
                done = gettext("The appointment is cancelled; the cancellation is being sent.")
            messages.success(request, done)
            return redirect(reverse("admin:enquiries_enquiry_change", args=[pk]))
        titles = {
            "confirm": gettext("Confirm appointment %(reference)s"),
            "decline": gettext("Decline appointment request %(reference)s"),
            "cancel": gettext("Cancel appointment %(reference)s"),
        }
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": enquiry,
            "title": titles[action] % {"reference": enquiry.reference},
            "form": form,
            "action": action,
        }
        return TemplateResponse(request, "admin/enquiries/enquiry/appointment.html", context)

    def export_view(self, request):
        """The list as it is filtered and searched, as CSV (without internal notes)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        queryset = changelist.get_queryset(request)
        response = HttpResponse(enquiries_csv(queryset), content_type="text/csv; charset=utf-8")
        filename = f"enquiries-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def personal_data_view(self, request):
        """Export or erase everything stored for one e-mail address (Art. 15 and 17 GDPR)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = PersonalDataForm(request.POST or None)
        found = None
        if request.method == "POST" and form.is_valid():
            email = form.cleaned_data["email"]
            enquiries = Enquiry.objects.for_email(email)
            if "export" in request.POST:
                data = personal_data_for_email(enquiries)
                response = HttpResponse(
                    json.dumps(data, ensure_ascii=False, indent=2),
                    content_type="application/json; charset=utf-8",
                )
                response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
                return response
            if "erase" in request.POST:
                if not self.has_change_permission(request):
                    raise PermissionDenied
                if not form.cleaned_data["confirm"]:
                    form.add_error("confirm", gettext("Confirm the erasure first."))
                else:
                    count = services.enquiries_erase_for_email(email=email)
                    messages.success(
                        request,
                        ngettext(
                            "The personal data of %(count)d enquiry was erased.",
                            "The personal data of %(count)d enquiries was erased.",
                            count,
                        )
                        % {"count": count},
                    )
                    return redirect(reverse("admin:enquiries_enquiry_personal_data"))
            found = enquiries.order_by("-created_at")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Personal data for one e-mail address"),
            "form": form,
            "found": found,
        }
        return TemplateResponse(request, "admin/enquiries/enquiry/personal_data.html", context)


class AppointmentMessageForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the person"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Written into the e-mail as it is."),
    )

    def __init__(self, *args, enquiry, **kwargs):
        self.enquiry = enquiry
        super().__init__(*args, **kwargs)


class AppointmentConfirmForm(AppointmentMessageForm):
    OTHER = "other"

    choice = forms.ChoiceField(label=_("Time"), widget=forms.RadioSelect)
    other_date = forms.DateField(
        label=_("Other date"), required=False, input_formats=DATE_FORMATS, help_text="DD.MM.YYYY"
    )
    other_time = forms.TimeField(
        label=_("Other time"), required=False, input_formats=TIME_FORMATS, help_text="HH:MM"
    )
    minutes = forms.IntegerField(label=_("Duration in minutes"), min_value=5, max_value=480)

    field_order = ("choice", "other_date", "other_time", "minutes", "message")

    def __init__(self, *args, enquiry, **kwargs):
        super().__init__(*args, enquiry=enquiry, **kwargs)
        options = [(str(option.pk), str(option)) for option in enquiry.options.all()]
        self.fields["choice"].choices = options + [(self.OTHER, gettext("Another time"))]
        self.fields["minutes"].initial = enquiry.appointment_minutes
        if options:
            self.fields["choice"].initial = options[0][0]

    def clean(self):
        cleaned_data = super().clean()
        choice = cleaned_data.get("choice")
        if choice == self.OTHER:
            day, moment = cleaned_data.get("other_date"), cleaned_data.get("other_time")
            if not day or not moment:
                raise forms.ValidationError(gettext("Enter the other date and time."))
            starts_at = datetime.combine(day, moment).replace(tzinfo=BERLIN)
        elif choice:
            starts_at = self.enquiry.options.get(pk=choice).starts_at
        else:
            return cleaned_data
        if starts_at <= timezone.now():
            raise forms.ValidationError(gettext("The appointment must lie in the future."))
        cleaned_data["starts_at"] = starts_at
        return cleaned_data


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    confirm = forms.BooleanField(
        label=_("Yes, erase the personal data of all enquiries from this address"),
        required=False,
    )
