"""Every model admin opens in German for a superuser: list, search, add and change."""

from http import HTTPStatus

import pytest
from django.contrib import admin

from tests.welcome.test_permissions import MATRIX, url, world  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("label", MATRIX)
def test_model_admin_opens_in_german(admin_client, world, label):  # noqa: F811
    model = next(m for m in admin.site._registry if m._meta.label_lower == label)
    model_admin = admin.site._registry[model]
    response = admin_client.get(url(label, "changelist"))
    assert response.status_code == HTTPStatus.OK
    assert 'lang="de"' in response.content.decode()
    assert "Auswählen" in response.content.decode() or "auswählen" in response.content.decode()
    if model_admin.search_fields:
        assert admin_client.get(url(label, "changelist"), {"q": "Jülich"}).status_code == 200
    if model_admin.has_add_permission(type("R", (), {"user": world["users"]["superuser"]})()):
        assert admin_client.get(url(label, "add")).status_code == HTTPStatus.OK
    obj = world["own"].get(label) or world["shared"].get(label)
    if obj is not None:
        page = admin_client.get(url(label, "change", obj.pk))
        assert page.status_code == HTTPStatus.OK
        assert url(label, "history", obj.pk) in page.content.decode()
