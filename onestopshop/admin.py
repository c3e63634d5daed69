"""The One-Stop-Shop in the admin: dates with their time windows (and a page that proposes the
first Fridays of the coming months), the registrations per date and window, a printable
check-in list with attended / did-not-come marks, and a spreadsheet-safe CSV export.

What people typed is read-only here; staff mark attendance and may delete a registration.
"""

from datetime import date, time

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Prefetch, Q, Sum
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from enquiries.notifications import deliver
from onestopshop import services
from onestopshop.exports import registrations_csv
from onestopshop.models import (
    AdviceLanguage,
    Registration,
    RegistrationEmail,
    ShopDate,
    Station,
    TimeWindow,
)
from onestopshop.proposals import proposals
from welcome.forms import TimeInput

# The 2024 schedule from the initial content (one_stop_shop.when), as defaults for new dates.
DEFAULT_FIRST_START = time(9, 0)
DEFAULT_LAST_END = time(12, 0)


def places_field(**kwargs):
    return forms.IntegerField(
        label=_("Places per time window"),
        min_value=1,
        max_value=500,
        help_text=_("How many people can come in each one-hour window."),
        **kwargs,
    )


class ShopDateAdminForm(forms.ModelForm):
    stations = forms.MultipleChoiceField(
        label=_("Stations offered"),
        choices=Station.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=Station.values,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages offered"),
        choices=AdviceLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=AdviceLanguage.values,
    )

    class Meta:
        model = ShopDate
        fields = ("date", "place", "is_published", "stations", "languages", "note")


class ShopDateAddForm(ShopDateAdminForm):
    """A new date also gets its time windows: hourly from the first start to the last end."""

    first_start = forms.TimeField(
        label=_("First window starts"), initial=DEFAULT_FIRST_START, widget=TimeInput
    )
    last_end = forms.TimeField(
        label=_("Last window ends"), initial=DEFAULT_LAST_END, widget=TimeInput
    )
    places_per_window = places_field()

    def clean(self):
        cleaned_data = super().clean()
        first, last = cleaned_data.get("first_start"), cleaned_data.get("last_end")
        if first and last and last <= first:
            self.add_error("last_end", gettext("The last window must end after the first starts."))
        return cleaned_data


class TimeWindowFormSet(forms.BaseInlineFormSet):
    """A window's places never drop below the places already taken. (Deleting a window with
    registrations is refused by the admin itself: they are protected.)"""

    def clean(self):
        super().clean()
        for form in self.forms:
            window = form.instance
            if not window.pk or not hasattr(form, "cleaned_data"):
                continue
            places = form.cleaned_data.get("places")
            taken = window.taken_places()
            if places is not None and places < taken:
                form.add_error(
                    "places",
                    gettext("%(taken)d places are already taken in this window.")
                    % {"taken": taken},
                )


class TimeWindowInline(admin.TabularInline):
    model = TimeWindow
    formset = TimeWindowFormSet
    extra = 0
    fields = ("starts_at", "ends_at", "places", "taken_display")
    readonly_fields = ("taken_display",)

    def get_queryset(self, request):
        return super().get_queryset(request).with_taken()

    @admin.display(description=_("taken"))
    def taken_display(self, obj):
        return getattr(obj, "taken", "–") if obj.pk else "–"


@admin.register(ShopDate)
class ShopDateAdmin(TabbedTranslationAdmin):
    form = ShopDateAdminForm
    list_display = (
        "date",
        "weekday",
        "is_published",
        "windows_display",
        "booked",
        "check_in_link",
    )
    list_filter = ("is_published", "date")
    search_fields = ("place", "note")
    date_hierarchy = "date"
    inlines = (TimeWindowInline,)
    change_list_template = "admin/onestopshop/shopdate/change_list.html"

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ShopDateAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    fieldsets = (
        (_("Date"), {"fields": ("date", "place", "is_published")}),
        (_("Offer"), {"fields": ("stations", "languages", "note")}),
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None:
            fields = ("first_start", "last_end", "places_per_window")
            fieldsets.append((_("Time windows"), {"fields": fields}))
        return fieldsets

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else ()

    def get_queryset(self, request):
        confirmed = Q(registrations__status=Registration.Status.CONFIRMED)
        windows = TimeWindow.objects.annotate(
            confirmed=Coalesce(Sum("registrations__people", filter=confirmed), 0)
        )
        return super().get_queryset(request).prefetch_related(Prefetch("windows", windows))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            services.windows_create(
                shop_date=form.instance,
                first_start=form.cleaned_data["first_start"],
                last_end=form.cleaned_data["last_end"],
                places=form.cleaned_data["places_per_window"],
            )

    @admin.display(description=_("weekday"))
    def weekday(self, obj):
        return WEEKDAYS[obj.date.weekday()]

    @admin.display(description=_("time windows"))
    def windows_display(self, obj):
        windows = list(obj.windows.all())
        if not windows:
            return "–"
        return f"{windows[0].starts_at:%H:%M}–{windows[-1].ends_at:%H:%M} ({len(windows)})"

    @admin.display(description=_("confirmed / places"))
    def booked(self, obj):
        windows = list(obj.windows.all())
        confirmed = sum(getattr(window, "confirmed", 0) for window in windows)
        return f"{confirmed} / {sum(window.places for window in windows)}"

    @admin.display(description=_("check-in list"))
    def check_in_link(self, obj):
        url = reverse("admin:onestopshop_shopdate_check_in", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Check-in list"))

    # Extra pages ---------------------------------------------------------------------------

    def get_urls(self):
        urls = [
            path(
                "propose/",
                self.admin_site.admin_view(self.propose_view),
                name="onestopshop_shopdate_propose",
            ),
            path(
                "<int:pk>/check-in/",
                self.admin_site.admin_view(self.check_in_view),
                name="onestopshop_shopdate_check_in",
            ),
        ]
        return urls + super().get_urls()

    def propose_view(self, request):
        """Propose the first Friday of each coming month (public holidays skipped) and create
        the chosen dates with their hourly windows."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        data = request.POST if request.method == "POST" else request.GET
        months = ProposeForm.months_from(data)
        existing = ShopDate.objects.values_list("date", flat=True)
        proposed = proposals(timezone.localdate(), months, existing)
        form = ProposeForm(
            request.POST if request.method == "POST" else None,
            proposed=proposed,
            initial={"months": months},
        )
        if request.method == "POST" and "create" in request.POST and form.is_valid():
            with transaction.atomic():
                for day in form.cleaned_data["dates"]:
                    services.shop_date_create(
                        day=day,
                        first_start=form.cleaned_data["first_start"],
                        last_end=form.cleaned_data["last_end"],
                        places=form.cleaned_data["places_per_window"],
                        is_published=form.cleaned_data["is_published"],
                    )
            count = len(form.cleaned_data["dates"])
            messages.success(
                request,
                ngettext("%(count)d date was created.", "%(count)d dates were created.", count)
                % {"count": count},
            )
            return redirect(reverse("admin:onestopshop_shopdate_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Propose One-Stop-Shop dates"),
            "form": form,
            "proposed": proposed,
        }
        return TemplateResponse(request, "admin/onestopshop/shopdate/propose.html", context)

    def check_in_view(self, request, pk):
        """The registrations of one date per window, to print and to mark who came."""
        shop_date = get_object_or_404(ShopDate, pk=pk)
        registrations_admin = self.admin_site._registry.get(Registration)
        if registrations_admin is None or not registrations_admin.has_view_permission(request):
            raise PermissionDenied
        windows = shop_date.windows.prefetch_related(
            Prefetch(
                "registrations",
                queryset=Registration.objects.filter(status=Registration.Status.CONFIRMED).order_by(
                    "name", "pk"
                ),
            )
        )
        if request.method == "POST":
            if not registrations_admin.has_change_permission(request):
                raise PermissionDenied
            changed = 0
            for window in windows:
                for registration in window.registrations.all():
                    value = request.POST.get(f"attendance-{registration.pk}")
                    if value is not None and value != registration.attendance:
                        changed += services.registrations_set_attendance(
                            registrations=Registration.objects.filter(pk=registration.pk),
                            attendance=value if value in Registration.Attendance.values else "",
                        )
            messages.success(
                request,
                ngettext("%(count)d mark saved.", "%(count)d marks saved.", changed)
                % {"count": changed},
            )
            return redirect(reverse("admin:onestopshop_shopdate_check_in", args=[pk]))
        windows = list(windows)
        totals = Registration.objects.filter(window__shop_date=shop_date).aggregate(
            confirmed=Coalesce(Sum("people", filter=Q(status=Registration.Status.CONFIRMED)), 0),
            attended=Coalesce(Sum("people", filter=Q(attendance="attended")), 0),
            registrations=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": shop_date,
            "title": gettext("Check-in list for %(date)s") % {"date": shop_date},
            "windows": windows,
            "totals": totals,
            "attendance_choices": Registration.Attendance.choices,
            "can_change": registrations_admin.has_change_permission(request),
            "registrations_url": reverse("admin:onestopshop_registration_changelist")
            + f"?window__shop_date__id__exact={shop_date.pk}",
        }
        return TemplateResponse(request, "admin/onestopshop/shopdate/check_in.html", context)


class ProposeForm(forms.Form):
    months = forms.IntegerField(label=_("Months ahead"), min_value=1, max_value=12, initial=6)
    dates = forms.TypedMultipleChoiceField(
        label=_("Dates to create"),
        widget=forms.CheckboxSelectMultiple,
        coerce=date.fromisoformat,
        help_text=_("First Fridays that are no public holiday and have no date yet."),
    )
    first_start = forms.TimeField(
        label=_("First window starts"), initial=DEFAULT_FIRST_START, widget=TimeInput
    )
    last_end = forms.TimeField(
        label=_("Last window ends"), initial=DEFAULT_LAST_END, widget=TimeInput
    )
    places_per_window = places_field()
    is_published = forms.BooleanField(label=_("Publish at once"), required=False, initial=True)

    def __init__(self, *args, proposed, **kwargs):
        super().__init__(*args, **kwargs)
        possible = [p for p in proposed if p.is_possible]
        self.fields["dates"].choices = [
            (p.date.isoformat(), f"{WEEKDAYS[p.date.weekday()]}, {p.date:%d.%m.%Y}")
            for p in possible
        ]
        self.fields["dates"].initial = [p.date.isoformat() for p in possible]

    @staticmethod
    def months_from(data):
        value = data.get("months", "")
        return min(max(int(value), 1), 12) if value.isdigit() else 6

    def clean(self):
        cleaned_data = super().clean()
        first, last = cleaned_data.get("first_start"), cleaned_data.get("last_end")
        if first and last and last <= first:
            self.add_error("last_end", gettext("The last window must end after the first starts."))
        return cleaned_data


class AttendanceFilter(admin.SimpleListFilter):
    title = _("attendance")
    parameter_name = "attendance"

    def lookups(self, request, model_admin):
        return [*Registration.Attendance.choices, ("none", gettext("Not marked"))]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(attendance="")
        if self.value() in Registration.Attendance.values:
            return queryset.filter(attendance=self.value())
        return queryset


class RegistrationEmailInline(admin.TabularInline):
    model = RegistrationEmail
    extra = 0
    can_delete = False
    fields = ("kind", "recipient", "state", "attempts", "sent_at", "last_error")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = (
        "name_display",
        "shop_date",
        "window_display",
        "people",
        "advice_language",
        "status",
        "attendance",
        "delivery",
    )
    list_filter = (
        ("window__shop_date", admin.RelatedOnlyFieldListFilter),
        "status",
        AttendanceFilter,
        "advice_language",
    )
    search_fields = ("name", "email")
    list_select_related = ("window__shop_date",)
    list_per_page = 100
    inlines = (RegistrationEmailInline,)
    actions = ("mark_attended", "mark_no_show", "clear_attendance", "send_pending_emails")
    change_list_template = "admin/onestopshop/registration/change_list.html"
    fieldsets = (
        (_("Attendance"), {"fields": ("attendance",)}),
        (
            _("Registration"),
            {
                "fields": (
                    "window",
                    "people",
                    "advice_language",
                    "stations_display",
                    "name",
                    "email",
                )
            },
        ),
        (
            _("Record"),
            {
                "fields": (
                    "status",
                    "language",
                    "created_at",
                    "expires_at",
                    "confirmed_at",
                    "cancelled_at",
                    "reminder_sent_at",
                    "anonymised_at",
                )
            },
        ),
    )
    readonly_fields = (
        "window",
        "people",
        "advice_language",
        "stations_display",
        "name",
        "email",
        "status",
        "language",
        "created_at",
        "expires_at",
        "confirmed_at",
        "cancelled_at",
        "reminder_sent_at",
        "anonymised_at",
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("emails", queryset=RegistrationEmail.objects.only("registration", "state"))
            )
        )

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("name"), ordering="name")
    def name_display(self, obj):
        return obj.name or gettext("(erased)")

    @admin.display(description=_("date"), ordering="window__shop_date__date")
    def shop_date(self, obj):
        return obj.window.shop_date

    @admin.display(description=_("time window"), ordering="window__starts_at")
    def window_display(self, obj):
        return str(obj.window)

    @admin.display(description=_("stations of interest"))
    def stations_display(self, obj):
        return obj.get_stations_display() or "–"

    @admin.display(description=_("e-mail delivery"))
    def delivery(self, obj):
        state = obj.delivery_state
        return RegistrationEmail.State(state).label if state else "–"

    def _mark(self, request, queryset, attendance):
        count = services.registrations_set_attendance(registrations=queryset, attendance=attendance)
        self.message_user(
            request,
            ngettext("%(count)d registration marked.", "%(count)d registrations marked.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark the selected registrations as attended"))
    def mark_attended(self, request, queryset):
        self._mark(request, queryset, Registration.Attendance.ATTENDED)

    @admin.action(description=_("Mark the selected registrations as did not come"))
    def mark_no_show(self, request, queryset):
        self._mark(request, queryset, Registration.Attendance.NO_SHOW)

    @admin.action(description=_("Clear the attendance mark of the selected registrations"))
    def clear_attendance(self, request, queryset):
        self._mark(request, queryset, "")

    @admin.action(description=_("Send pending e-mails of the selected registrations again"))
    def send_pending_emails(self, request, queryset):
        pks = RegistrationEmail.objects.filter(registration__in=queryset).values_list(
            "pk", flat=True
        )
        sent, failed = deliver(list(pks), model=RegistrationEmail)
        self.message_user(
            request,
            gettext("%(sent)d e-mails sent, %(failed)d failed.") % {"sent": sent, "failed": failed},
            messages.SUCCESS if not failed else messages.WARNING,
        )

    def get_urls(self):
        urls = [
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name="onestopshop_registration_export",
            ),
        ]
        return urls + super().get_urls()

    def export_view(self, request):
        """The list as it is filtered and searched, as CSV safe to open in a spreadsheet."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        queryset = self.get_changelist_instance(request).get_queryset(request)
        response = HttpResponse(registrations_csv(queryset), content_type="text/csv; charset=utf-8")
        filename = f"one-stop-shop-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
