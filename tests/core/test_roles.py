"""The staff roles are owned by their definition in core/roles.py: a typo is an error, sync_roles
sets each group to the definition, and the admin shows the role groups read-only."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, Permission

from core.roles import EDITORIAL, MUNICIPALITY, ROLES, role_permissions, roles_sync

pytestmark = pytest.mark.django_db


def test_a_typo_in_a_role_is_an_error():
    with pytest.raises(LookupError):
        role_permissions({"municipalities.municipality": ("chnage",)})
    with pytest.raises(LookupError):
        role_permissions({"municipalities.municipalty": ("change",)})


def test_sync_sets_every_role_to_its_definition():
    group = Group.objects.get(name=MUNICIPALITY)
    group.permissions.add(Permission.objects.get(codename="delete_municipality"))
    roles_sync()
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert "delete_municipality" not in codenames
    assert {"change_municipality", "view_municipality", "change_event"} <= codenames
    assert set(ROLES) <= set(Group.objects.values_list("name", flat=True))


def test_the_admin_shows_a_role_group_as_owned_by_the_code(admin_client):
    group = Group.objects.get(name=EDITORIAL)
    page = admin_client.get(f"/admin/auth/group/{group.pk}/change/").content.decode()
    assert "core/roles.py" in page
    assert 'name="permissions"' not in page  # read-only
    assert "welcome.change_event" in page
    response = admin_client.post(f"/admin/auth/group/{group.pk}/change/", {"name": "Umbenannt"})
    assert response.status_code == HTTPStatus.FOUND
    group.refresh_from_db()
    assert group.name == EDITORIAL
    assert admin_client.get(f"/admin/auth/group/{group.pk}/delete/").status_code == (
        HTTPStatus.FORBIDDEN
    )


def test_other_groups_stay_editable(admin_client):
    group = Group.objects.create(name="Newsletter")
    page = admin_client.get(f"/admin/auth/group/{group.pk}/change/").content.decode()
    assert 'name="permissions"' in page
    assert admin_client.get(f"/admin/auth/group/{group.pk}/delete/").status_code == HTTPStatus.OK
