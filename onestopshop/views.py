"""Public pages of the One-Stop-Shop: the coming dates with free places, the registration form,
the page after registering, and the pages behind the signed links in the e-mails (confirm; view,
add to the calendar, cancel); the alert about new dates (sign up, confirm, unsubscribe).

Links from e-mails never change anything by being opened (mail scanners open them): confirming
and cancelling are buttons that post. A tampered, cut-off or expired link gets a page that says
so, never an error.
"""

from http import HTTPStatus

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import ListView, TemplateView

from core.views import SubmissionFormView
from onestopshop import links, services
from onestopshop.forms import DateAlertForm, RegistrationForm
from onestopshop.models import DateAlert, Registration, ShopDate, Station
from onestopshop.notifications import registration_calendar


def manage_url(registration):
    return reverse("onestopshop:manage", kwargs={"token": links.manage_token(registration)})


def link_refused(request, message, status=HTTPStatus.BAD_REQUEST):
    """The page for a link that cannot be used, with what to do instead."""
    return render(request, "onestopshop/link_refused.html", {"message": message}, status=status)


def invalid_link_message():
    return gettext(
        "This link is not valid. Please open the link exactly as it is in our e-mail (some "
        "e-mail programs cut long links), or register again."
    )


# Free places change when an unconfirmed registration expires, without any save: never cached.
@method_decorator(never_cache, name="dispatch")
class ShopDateListView(ListView):
    """The coming dates with their time windows and free places."""

    template_name = "onestopshop/shopdate_list.html"
    context_object_name = "shop_dates"

    def get_queryset(self):
        return ShopDate.objects.upcoming().with_windows()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        context["rows"] = [
            (shop_date, shop_date.open_windows(now)) for shop_date in context["shop_dates"]
        ]
        context["stations"] = Station.labels
        return context


class RegistrationView(SubmissionFormView):
    """Register for a time window of one date."""

    model = Registration
    form_class = RegistrationForm
    template_name = "onestopshop/registration_form.html"
    # Someone else took the last places a moment ago (the count under the lock).
    error_field = "window"

    def dispatch(self, request, *args, **kwargs):
        self.shop_date = get_object_or_404(
            ShopDate.objects.upcoming().with_windows(), date=kwargs["day"]
        )
        self.windows = self.shop_date.open_windows()
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(shop_date=self.shop_date, windows=self.windows)
        return kwargs

    def get_initial(self):
        initial = super().get_initial()
        free = [window for window in self.windows if window.free_places]
        window = self.request.GET.get("window", "")
        if window.isdecimal() and any(w.pk == int(window) for w in free):
            initial["window"] = int(window)
        elif len(free) == 1:
            initial["window"] = free[0].pk
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["shop_date"] = self.shop_date
        context["windows"] = self.windows
        context["is_open"] = any(window.free_places for window in self.windows)
        context["retention_days"] = settings.ONE_STOP_SHOP_RETENTION_DAYS
        return context

    def submit(self, form):
        registration = form.build()
        registration.language = self.request.LANGUAGE_CODE
        return services.registration_submit(
            registration=registration,
            window_id=form.cleaned_data["window"].pk,
            submission_token=form.submission_token,
            site_url=self.request.build_absolute_uri("/"),
        )

    def sent_url(self, registration):
        return sent_url(registration)


def sent_url(registration):
    """The same address for the same registration, so that a form sent twice lands on one page."""
    return reverse("onestopshop:sent", kwargs={"token": links.sent_token(registration)})


@method_decorator(never_cache, name="dispatch")
class RegistrationSentView(TemplateView):
    """After registering: please confirm through the link in the e-mail."""

    template_name = "onestopshop/registration_sent.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["registration"] = links.registration_for(kwargs["token"], links.SENT_SALT)
        except links.LinkInvalid as error:
            raise Http404 from error
        context["confirmation_hours"] = settings.ONE_STOP_SHOP_CONFIRMATION_HOURS
        return context


@method_decorator(never_cache, name="dispatch")
class RegistrationConfirmView(View):
    """The confirmation link: a button confirms (opening the link alone does not)."""

    def dispatch(self, request, *args, **kwargs):
        try:
            self.registration = links.registration_for_confirm(kwargs["token"])
        except links.LinkExpired:
            return link_refused(
                request,
                gettext(
                    "This confirmation link has expired. Registrations that are not confirmed "
                    "in time free their places. Please register again."
                ),
                status=HTTPStatus.GONE,
            )
        except links.LinkInvalid:
            return link_refused(request, invalid_link_message())
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        registration = self.registration
        if registration.status == Registration.Status.CONFIRMED:
            return redirect(manage_url(registration))
        error = None
        if registration.status == Registration.Status.CANCELLED:
            error = services.RegistrationCancelled().message
        elif registration.is_expired():
            error = services.RegistrationExpired().message
        return render(
            request,
            "onestopshop/registration_confirm.html",
            {"registration": registration, "error": error},
        )

    def post(self, request, *args, **kwargs):
        try:
            registration = services.registration_confirm(registration=self.registration)
        except services.RegistrationError as error:
            return render(
                request,
                "onestopshop/registration_confirm.html",
                {"registration": self.registration, "error": error.message},
                status=HTTPStatus.CONFLICT,
            )
        return redirect(manage_url(registration) + "?confirmed=1")


@method_decorator(never_cache, name="dispatch")
class RegistrationManageView(View):
    """The signed link to a registration: its details, the calendar file and a cancel button."""

    def dispatch(self, request, *args, **kwargs):
        try:
            self.registration = links.registration_for(kwargs["token"])
        except links.LinkInvalid:
            return link_refused(request, invalid_link_message())
        return super().dispatch(request, *args, **kwargs)

    def render_page(self, request, error=None, status=HTTPStatus.OK):
        registration = self.registration
        window = registration.window
        context = {
            "registration": registration,
            "window": window,
            "shop_date": window.shop_date,
            "just_confirmed": request.GET.get("confirmed") == "1",
            "just_cancelled": request.GET.get("cancelled") == "1",
            "can_cancel": registration.status != Registration.Status.CANCELLED
            and window.starts > timezone.now(),
            "error": error,
            "token": self.kwargs["token"],
        }
        return render(request, "onestopshop/registration_manage.html", context, status=status)

    def get(self, request, *args, **kwargs):
        return self.render_page(request)

    def post(self, request, *args, **kwargs):
        try:
            services.registration_cancel(registration=self.registration)
        except services.RegistrationError as error:
            return self.render_page(request, error=error.message, status=HTTPStatus.CONFLICT)
        return redirect(manage_url(self.registration) + "?cancelled=1")


def registration_ics(request, token):
    """The confirmed registration as a calendar file to download (same UID as the invitation)."""
    try:
        registration = links.registration_for(token)
    except links.LinkInvalid:
        return link_refused(request, invalid_link_message())
    if registration.status != Registration.Status.CONFIRMED or registration.is_anonymised:
        raise Http404
    response = HttpResponse(
        registration_calendar(registration, "PUBLISH"), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="one-stop-shop.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


class DateAlertView(SubmissionFormView):
    """Ask to be told by e-mail when new dates are open."""

    model = DateAlert
    form_class = DateAlertForm
    template_name = "onestopshop/alert_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["alert_days"] = settings.ONE_STOP_SHOP_ALERT_DAYS
        return context

    def submit(self, form):
        alert = form.build()
        alert.language = self.request.LANGUAGE_CODE
        return services.alert_subscribe(
            alert=alert,
            submission_token=form.submission_token,
            site_url=self.request.build_absolute_uri("/"),
        )

    def sent_url(self, alert):
        return reverse("onestopshop:alert_sent")


@method_decorator(never_cache, name="dispatch")
class DateAlertSentView(TemplateView):
    """After signing up: please confirm through the link in the e-mail."""

    template_name = "onestopshop/alert_done.html"
    extra_context = {"step": "sent"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["confirmation_hours"] = settings.ONE_STOP_SHOP_CONFIRMATION_HOURS
        return context


@method_decorator(never_cache, name="dispatch")
class DateAlertLinkView(View):
    """A link from an alert e-mail: a button confirms or unsubscribes (opening it does not)."""

    step = None  # "confirm" or "unsubscribe"

    def dispatch(self, request, *args, **kwargs):
        find = links.alert_for_confirm if self.step == "confirm" else links.alert_for_unsubscribe
        try:
            self.alert = find(kwargs["token"])
        except links.LinkExpired:
            return link_refused(
                request,
                gettext("This confirmation link has expired. Please sign up again."),
                status=HTTPStatus.GONE,
            )
        except links.LinkInvalid:
            if self.step == "unsubscribe":
                # Already unsubscribed (or deleted after the retention period): nothing is stored.
                return render(request, "onestopshop/alert_done.html", {"step": "unsubscribed"})
            return link_refused(request, invalid_link_message())
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return render(
            request, "onestopshop/alert_link.html", {"step": self.step, "alert": self.alert}
        )

    def post(self, request, *args, **kwargs):
        if self.step == "confirm":
            services.alert_confirm(alert=self.alert)
            step = "confirmed"
        else:
            services.alert_unsubscribe(alert=self.alert)
            step = "unsubscribed"
        return render(request, "onestopshop/alert_done.html", {"step": step})
