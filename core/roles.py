"""The staff roles as groups, owned by this definition: `manage.py sync_roles` (also run after
every `migrate`) gives each group exactly the permissions written here, so the admin shows the
role groups' permissions read-only (core/admin.py). Other groups are staff's own to edit.

- Redaktion: all public content (the center, pages, events, all municipalities).
- Anfragen: handling enquiries and appointments — the only role besides superusers that sees
  personal data.
- Kommune: editors of one or more municipalities (Municipality.editors); the admin limits them
  to the municipalities they are assigned to (see municipalities/admin_scoping.py). Everyone
  without the permission "all_municipalities" is limited in this way.

The definition names apps and models by their labels (strings), so core imports none of them.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

ALL = ("add", "change", "delete", "view")
EDIT = ("add", "change", "view")

EDITORIAL = "Redaktion"
ENQUIRIES = "Anfragen"
MUNICIPALITY = "Kommune"

# Role → {"app_label.model" or "app_label.*": actions}. An action is add/change/delete/view, or a
# model's own permission codename (with an underscore, e.g. "all_municipalities"); "app_label.*"
# with ALL grants every permission of the app's models, the models' own ones included.
# A name that matches no model or permission is an error (tests/core/test_roles.py).
ROLES = {
    EDITORIAL: {"welcome.*": ALL, "municipalities.*": ALL},
    ENQUIRIES: {
        "enquiries.*": ALL,
        "onestopshop.*": ALL,  # One-Stop-Shop registrations hold personal data
        "municipalities.municipality": ("view", "all_municipalities"),
    },
    MUNICIPALITY: {
        "municipalities.municipality": ("change", "view"),
        "municipalities.fact": EDIT + ("delete",),
        "municipalities.place": EDIT + ("delete",),
        "municipalities.link": EDIT + ("delete",),
        "welcome.event": EDIT + ("delete",),
    },
}


def role_permissions(definition):
    """The Permission rows that a role definition grants.

    Raises LookupError for a model or permission that does not exist, so that a typo in ROLES
    cannot silently take a permission away.
    """
    permissions = []
    for key, actions in definition.items():
        app_label, model_name = key.split(".")
        if model_name == "*":
            models = apps.get_app_config(app_label).get_models()
        else:
            models = [apps.get_model(app_label, model_name)]
        for model in models:
            content_type = ContentType.objects.get_for_model(model)
            codenames = [
                action if "_" in action else f"{action}_{model._meta.model_name}"
                for action in actions
            ]
            if model_name == "*" and actions == ALL:
                codenames += [codename for codename, _name in model._meta.permissions]
            for codename in codenames:
                try:
                    permissions.append(
                        Permission.objects.get(content_type=content_type, codename=codename)
                    )
                except Permission.DoesNotExist:
                    raise LookupError(f"No permission {app_label}.{codename}") from None
    return permissions


@transaction.atomic
def roles_sync():
    """Create the role groups and give each exactly the permissions of its definition."""
    groups = {}
    for name, definition in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(role_permissions(definition))
        groups[name] = group
    return groups
