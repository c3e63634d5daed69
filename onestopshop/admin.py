"""The One-Stop-Shop in the admin: dates with their time windows (and a page that proposes the
first Fridays of the coming months), the registrations per date and window, a printable
check-in list with attended / did-not-come marks, and a spreadsheet-safe CSV export.

What people typed is read-only here; staff mark attendance and may delete a registration.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Prefetch, Q, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from core.admin_mixins import StoredEmailInline, SubmissionAdminMixin, admin_page
from onestopshop import exports, services
from onestopshop.admin_forms import (
    ProposeForm,
    ShopDateAddForm,
    ShopDateAdminForm,
    TimeWindowFormSet,
)
from onestopshop.models import (
    DateAlert,
    DateAlertEmail,
    Registration,
    RegistrationEmail,
    ShopDate,
    TimeWindow,
)
from onestopshop.proposals import proposals


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
    actions = ("publish",)

    @admin.action(description=_("Publish the selected dates and tell those who asked"))
    def publish(self, request, queryset):
        count = services.shop_dates_publish(shop_dates=list(queryset.order_by("date")))
        self.message_user(
            request,
            ngettext("%(count)d date was published.", "%(count)d dates were published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    def save_model(self, request, obj, form, change):
        if obj.is_published and (not change or "is_published" in form.changed_data):
            # Published by hand: the same as the action, so that those who asked hear of it.
            obj.is_published = False
            super().save_model(request, obj, form, change)
            services.shop_dates_publish(shop_dates=[obj])
        else:
            super().save_model(request, obj, form, change)

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
                created = [
                    services.shop_date_create(
                        day=day,
                        first_start=form.cleaned_data["first_start"],
                        last_end=form.cleaned_data["last_end"],
                        places=form.cleaned_data["places_per_window"],
                        is_published=False,
                    )
                    for day in form.cleaned_data["dates"]
                ]
                if form.cleaned_data["is_published"]:
                    services.shop_dates_publish(shop_dates=created)
            count = len(form.cleaned_data["dates"])
            messages.success(
                request,
                ngettext("%(count)d date was created.", "%(count)d dates were created.", count)
                % {"count": count},
            )
            return redirect(reverse("admin:onestopshop_shopdate_changelist"))
        return admin_page(
            self,
            request,
            "admin/onestopshop/shopdate/propose.html",
            gettext("Propose One-Stop-Shop dates"),
            form=form,
            proposed=proposed,
        )

    def check_in_view(self, request, pk):
        """The registrations of one date per window, to print and to mark who came."""
        shop_date = get_object_or_404(ShopDate, pk=pk)
        user = request.user
        if not user.has_perm("onestopshop.view_registration"):
            raise PermissionDenied
        can_change = user.has_perm("onestopshop.change_registration")
        if request.method == "POST":
            if not can_change:
                raise PermissionDenied
            marks = {
                int(name.removeprefix("attendance-")): value
                for name, value in request.POST.items()
                if name.startswith("attendance-") and name.removeprefix("attendance-").isdecimal()
            }
            changed = services.attendance_record(shop_date=shop_date, marks=marks)
            messages.success(
                request,
                ngettext("%(count)d mark saved.", "%(count)d marks saved.", changed)
                % {"count": changed},
            )
            return redirect(reverse("admin:onestopshop_shopdate_check_in", args=[pk]))
        windows = shop_date.windows.prefetch_related(
            Prefetch(
                "registrations",
                queryset=Registration.objects.filter(status=Registration.Status.CONFIRMED).order_by(
                    "name", "pk"
                ),
            )
        )
        windows = list(windows)
        totals = Registration.objects.filter(window__shop_date=shop_date).aggregate(
            confirmed=Coalesce(Sum("people", filter=Q(status=Registration.Status.CONFIRMED)), 0),
            attended=Coalesce(Sum("people", filter=Q(attendance="attended")), 0),
            registrations=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        )
        return admin_page(
            self,
            request,
            "admin/onestopshop/shopdate/check_in.html",
            gettext("Check-in list for %(date)s") % {"date": shop_date},
            original=shop_date,
            windows=windows,
            totals=totals,
            attendance_choices=Registration.Attendance.choices,
            can_change=can_change,
            registrations_url=reverse("admin:onestopshop_registration_changelist")
            + f"?window__shop_date__id__exact={shop_date.pk}",
        )


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


class RegistrationEmailInline(StoredEmailInline):
    model = RegistrationEmail


@admin.register(Registration)
class RegistrationAdmin(SubmissionAdminMixin, admin.ModelAdmin):
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

    def get_readonly_fields(self, request, obj=None):
        """What people typed and the record are read-only: staff only mark attendance."""
        fields = [name for _title, options in self.fieldsets for name in options["fields"]]
        return tuple(name for name in fields if name != "attendance")

    export_filename = "one-stop-shop"

    def csv_columns(self):
        return exports.csv_columns()

    def export_queryset(self, queryset):
        return exports.export_rows(queryset)

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


class DateAlertEmailInline(StoredEmailInline):
    model = DateAlertEmail


@admin.register(DateAlert)
class DateAlertAdmin(admin.ModelAdmin):
    """The addresses that asked about new dates: read-only; deleting one unsubscribes it."""

    list_display = ("email", "language", "created_at", "confirmed_at", "ends_at")
    list_filter = (("confirmed_at", admin.EmptyFieldListFilter), "language")
    search_fields = ("email",)
    fields = ("email", "language", "created_at", "confirm_by", "confirmed_at", "ends_at")
    readonly_fields = fields
    inlines = (DateAlertEmailInline,)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
