"""Two-factor login for staff (django-otp): a code from an authenticator app (TOTP), or one of
ten recovery codes, after the password.

It is required for superusers and the Anfragen role, who see personal data (core/roles.py);
everyone else on staff may set it up too, and once set up it is always asked for. Someone who
must use it and has not set it up yet is taken to the set-up page after the password.
"""

import base64

import segno
from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.roles import ENQUIRIES

RECOVERY_CODES = 10


def is_required(user):
    """Superusers and the Anfragen role must log in with a second factor."""
    return user.is_superuser or user.groups.filter(name=ENQUIRIES).exists()


def has_device(user):
    return any(devices_for_user(user, confirmed=True))


def needs_setup(user):
    """Logged in with the password but not verified by a second factor, and required to be."""
    return user.is_authenticated and user.is_staff and not user.is_verified() and is_required(user)


def recovery_codes_create(user):
    """Ten new recovery codes (the old ones stop working), each usable once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _number in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return device, codes


class StaffLoginForm(OTPAdminAuthenticationForm):
    """The admin's login: the code is asked for when the person has set up two-factor login."""

    otp_token = forms.CharField(
        label=_("Code from the authenticator app, or a recovery code"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("Only if you have set up two-factor login."),
    )

    def _chosen_device(self, user):
        """The app's device for six digits, the recovery codes for anything else: nobody has to
        choose, and a code is tried against one device only (django-otp throttles each)."""
        token = (self.cleaned_data.get("otp_token") or "").strip()
        model = TOTPDevice if token.isdecimal() else StaticDevice
        return model.objects.filter(user=user, confirmed=True).first()

    def clean(self):
        self.cleaned_data = AdminAuthenticationForm.clean(self)
        user = self.get_user()
        if user is not None and has_device(user):
            self.clean_otp(user)
        return self.cleaned_data


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code shown in the app"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


@never_cache
@login_required(login_url="admin:login")
def setup_view(request, admin_site):
    """Set up the authenticator app: scan the code (or type the key), confirm with a code from
    the app; the recovery codes are shown once."""
    user = request.user
    if not user.is_staff:
        return redirect("admin:login")
    context = {**admin_site.each_context(request), "title": gettext("Two-factor login")}
    if has_device(user):
        if not user.is_verified():
            # Set up already (in another session): the code is asked for at the login.
            logout(request)
            return redirect("admin:login")
        return TemplateResponse(request, "admin/two_factor_done.html", context)
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "authenticator"}
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            _static, codes = recovery_codes_create(user)
            otp_login(request, device)
            return TemplateResponse(
                request, "admin/two_factor_done.html", {**context, "recovery_codes": codes}
            )
        form.add_error("token", gettext("This code is not right. Please try the current one."))
    qr = segno.make(device.config_url, error="m")
    context.update(
        form=form,
        qr_data_uri=qr.svg_data_uri(scale=5, border=2),
        secret=base64.b32encode(device.bin_key).decode(),
        required=is_required(user),
    )
    return TemplateResponse(request, "admin/two_factor_setup.html", context)
