"""The staff roles as groups, kept in step with this definition by `manage.py sync_roles`
(also run after every `migrate`).

- Redaktion: all public content (the center, pages, events, all municipalities).
- Anfragen: handling enquiries and appointments — the only role besides superusers that sees
  personal data.
- Kommune: editors of one or more municipalities; the admin limits them to the municipalities
  they are assigned to (see municipalities/admin.py).
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

# Role → {"app_label.model" or "app_label.*": actions}. Models that do not exist are skipped.
ROLES = {
    EDITORIAL: {"welcome.*": ALL, "municipalities.*": ALL},
    ENQUIRIES: {"enquiries.*": ALL, "municipalities.municipality": ("view",)},
    MUNICIPALITY: {
        "municipalities.municipality": ("change", "view"),
        "municipalities.section": EDIT + ("delete",),
        "municipalities.place": EDIT + ("delete",),
        "municipalities.link": EDIT + ("delete",),
        "welcome.event": EDIT + ("delete",),
    },
}
ROLES[ENQUIRIES]["onestopshop.*"] = ALL  # One-Stop-Shop registrations hold personal data


def role_permissions(definition):
    """The Permission rows that a role definition grants."""
    codenames = []
    for key, actions in definition.items():
        app_label, model_name = key.split(".")
        if model_name == "*":
            models = apps.get_app_config(app_label).get_models()
        else:
            try:
                models = [apps.get_model(app_label, model_name)]
            except LookupError:
                continue
        for model in models:
            content_type = ContentType.objects.get_for_model(model)
            codenames += [
                (content_type, f"{action}_{model._meta.model_name}") for action in actions
            ]
    return [
        Permission.objects.get(content_type=content_type, codename=codename)
        for content_type, codename in codenames
        if Permission.objects.filter(content_type=content_type, codename=codename).exists()
    ]


@transaction.atomic
def roles_sync():
    """Create the role groups and give each exactly the permissions of its definition."""
    groups = {}
    for name, definition in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(role_permissions(definition))
        groups[name] = group
    return groups
