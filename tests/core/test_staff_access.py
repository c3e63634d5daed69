"""Login protection and roles of the admin."""

from http import HTTPStatus

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import Group

from core.roles import EDITORIAL, ENQUIRIES, MUNICIPALITY

pytestmark = pytest.mark.django_db


def failed_login(client, username="redakteurin"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": "wrong-password"},
        REMOTE_ADDR="192.0.2.10",
    )


def test_login_locks_after_repeated_failures_with_a_german_message(client, django_user_model):
    django_user_model.objects.create_user(
        "redakteurin", password="a-long-correct-password", is_staff=True
    )
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert failed_login(client).status_code == HTTPStatus.OK
    response = failed_login(client)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Anmeldung gesperrt" in response.content.decode()
    # Even the right password does not open a locked login.
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "redakteurin", "password": "a-long-correct-password"},
        REMOTE_ADDR="192.0.2.10",
    )
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_an_attackers_failures_behind_the_proxy_do_not_lock_the_staff_member_out(
    client, django_user_model, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    django_user_model.objects.create_user(
        "redakteurin", password="a-long-correct-password", is_staff=True
    )
    proxy = {"REMOTE_ADDR": "10.0.0.5"}  # nginx, which appends the address it saw
    for _attempt in range(settings.AXES_FAILURE_LIMIT + 2):
        client.post(
            "/admin/login/?next=/admin/",
            {"username": "redakteurin", "password": "wrong-password"},
            HTTP_X_FORWARDED_FOR="203.0.113.66",
            **proxy,
        )
    attacker = client.post(
        "/admin/login/?next=/admin/",
        {"username": "redakteurin", "password": "a-long-correct-password"},
        HTTP_X_FORWARDED_FOR="203.0.113.66",
        **proxy,
    )
    assert attacker.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert AccessAttempt.objects.get().ip_address == "203.0.113.66"
    # The staff member, from the office, with a made-up entry in front that is never trusted.
    staff = client.post(
        "/admin/login/?next=/admin/",
        {"username": "redakteurin", "password": "a-long-correct-password"},
        HTTP_X_FORWARDED_FOR="203.0.113.66, 198.51.100.20",
        **proxy,
    )
    assert staff.status_code == HTTPStatus.FOUND


def test_sessions_end_after_inactivity(admin_client):
    """Every request renews the session for 30 minutes: it ends after 30 idle minutes."""
    for _request in range(2):
        cookie = admin_client.get("/admin/").cookies[settings.SESSION_COOKIE_NAME]
        assert cookie["max-age"] == 30 * 60


def test_admin_is_not_indexed(client):
    response = client.get("/admin/login/")
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert "Disallow: /admin/" in client.get("/robots.txt").content.decode()


def test_weak_passwords_are_refused(django_user_model):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    user = django_user_model(username="kommune-juelich")
    for weak in ["kurz", "password1234", "123456789012", "kommune-juelich"]:
        with pytest.raises(ValidationError):
            validate_password(weak, user)


def test_roles_exist_after_migrate():
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITORIAL, ENQUIRIES, MUNICIPALITY} <= names


def test_only_the_enquiries_role_may_see_enquiries():
    def codenames(name):
        return set(
            Group.objects.get(name=name).permissions.values_list(
                "content_type__app_label", flat=True
            )
        )

    assert "enquiries" not in codenames(EDITORIAL)
    assert "enquiries" not in codenames(MUNICIPALITY)
