"""The groups in the admin: the role groups (core/roles.py) are owned by the code, so their name
and permissions are shown read-only and they cannot be deleted here; other groups stay editable.
The admin site itself shows no navigation sidebar, so that lists have the full width.
"""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from core.roles import ROLES

admin.site.unregister(Group)
# The lists need the full width at 1280 px (the start page and the breadcrumbs lead everywhere).
admin.site.enable_nav_sidebar = False


@admin.register(Group)
class RoleGroupAdmin(GroupAdmin):
    list_display = ("name", "is_role")

    @admin.display(boolean=True, description=_("role defined in the code"))
    def is_role(self, obj):
        return obj.name in ROLES

    @admin.display(description=_("permissions"))
    def role_permissions(self, obj):
        return ", ".join(
            f"{permission.content_type.app_label}.{permission.codename}"
            for permission in obj.permissions.select_related("content_type").order_by(
                "content_type__app_label", "codename"
            )
        )

    def get_fieldsets(self, request, obj=None):
        if obj is not None and obj.name in ROLES:
            description = _(
                "This role is defined in the code (core/roles.py): every migrate or "
                "“manage.py sync_roles” sets its permissions to the definition, so they cannot "
                "be changed here. Assign people to it on their user page."
            )
            return ((None, {"fields": ("name", "role_permissions"), "description": description}),)
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.name in ROLES:
            return ("name", "role_permissions")
        return super().get_readonly_fields(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.name in ROLES:
            return False
        return super().has_delete_permission(request, obj)
