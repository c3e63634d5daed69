"""Two-factor login for staff who see personal data (core/two_factor.py), and the login's
default redirect."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.roles import EDITORIAL, ENQUIRIES

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-correct-password"


def log_in(client, username, code=""):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": PASSWORD, "otp_token": code, "next": "/admin/"},
    )


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def staff(django_user_model):
    def make(role=None, superuser=False):
        user = django_user_model.objects.create_user(
            (role or "chefin").lower(), password=PASSWORD, is_staff=True, is_superuser=superuser
        )
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.mark.parametrize("role,superuser", [(None, True), (ENQUIRIES, False)])
def test_who_sees_personal_data_must_set_up_a_second_factor(client, staff, role, superuser):
    staff(role, superuser)
    assert log_in(client, (role or "chefin").lower()).status_code == HTTPStatus.FOUND
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/admin/two-factor/"
    assert "Zwei-Faktor-Anmeldung einrichten" in response.content.decode()
    # No admin page, no personal data until then.
    assert client.get("/admin/enquiries/enquiry/").status_code == HTTPStatus.FOUND


def test_setting_up_the_app_shows_recovery_codes_once_and_opens_the_admin(client, staff):
    user = staff(superuser=True)
    log_in(client, "chefin")
    page = client.get("/admin/two-factor/").content.decode()
    assert 'src="data:image/svg+xml' in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post("/admin/two-factor/", {"token": "000000"}).status_code == HTTPStatus.OK
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code makes the next try wait a second
    response = client.post("/admin/two-factor/", {"token": current_code(device)})
    codes = response.context["recovery_codes"]
    assert len(codes) == 10
    assert codes[0] in response.content.decode()
    assert client.get("/admin/").status_code == HTTPStatus.OK
    assert client.get("/admin/enquiries/enquiry/").status_code == HTTPStatus.OK


def test_once_set_up_the_code_is_asked_for_at_every_login(client, staff):
    user = staff(superuser=True)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    response = log_in(client, "chefin")
    assert response.status_code == HTTPStatus.OK
    assert client.get("/admin/").status_code == HTTPStatus.FOUND
    device.refresh_from_db()
    device.last_t = -1
    device.save()
    assert log_in(client, "chefin", current_code(device)).status_code == HTTPStatus.FOUND
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_a_recovery_code_works_once(client, staff):
    from core.two_factor import recovery_codes_create

    user = staff(superuser=True)
    _device, codes = recovery_codes_create(user)
    assert log_in(client, "chefin", codes[0]).status_code == HTTPStatus.FOUND
    assert client.get("/admin/").status_code == HTTPStatus.OK
    client.post("/admin/logout/")
    assert log_in(client, "chefin", codes[0]).status_code == HTTPStatus.OK
    StaticDevice.objects.get(user=user).throttle_reset()  # a wrong code makes the next wait
    assert log_in(client, "chefin", codes[1]).status_code == HTTPStatus.FOUND


def test_editors_without_personal_data_may_log_in_with_the_password(client, staff):
    staff(EDITORIAL)
    log_in(client, "redaktion")
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_the_login_without_a_next_address_lands_in_the_admin(client, staff):
    staff(EDITORIAL)
    response = client.post("/admin/login/", {"username": "redaktion", "password": PASSWORD})
    assert response["Location"] == "/admin/"


def test_the_local_admin_of_make_run_can_log_in_with_a_printed_recovery_code(client):
    import io
    import re

    from django.core.management import call_command

    output = io.StringIO()
    call_command("create_local_admin", stdout=output)
    text = output.getvalue()
    password = re.search(r"password '([^']+)'", text).group(1)
    code = re.search(r"each works once\): (\S+)", text).group(1)
    client.post(
        "/admin/login/",
        {"username": "admin", "password": password, "otp_token": code, "next": "/admin/"},
    )
    assert client.get("/admin/").status_code == HTTPStatus.OK
