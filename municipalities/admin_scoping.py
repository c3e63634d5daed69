"""Limit the admin of municipality-owned content to the municipalities an editor is assigned to.

A "Kommune" editor (anyone on staff without the permission "all_municipalities") sees and
changes only the objects of their own municipalities: in the list, the change, delete and history
pages (any other object's URL answers 404, as if it did not exist), bulk actions (which work on
the list's queryset), inlines (which hang on an object they may open) and the municipality choices
of forms. Content without a municipality (an event of the center) is not theirs. The rule itself
is `municipality_scope_q` in models.py, which the public preview uses too.
"""

from django.contrib import admin
from django.http import Http404

from municipalities.models import Municipality, municipality_scope_q, sees_all_municipalities


class MunicipalityScopedAdminMixin:
    """Mix into a ModelAdmin; `municipality_path` leads from the model to its municipality."""

    municipality_path = "municipality"

    def is_scoped(self, request):
        return not sees_all_municipalities(request.user)

    def scope(self, request, queryset):
        condition = municipality_scope_q(request.user, self.municipality_path)
        return queryset if condition is None else queryset.filter(condition)

    def in_scope(self, request, obj):
        if obj is None or not self.is_scoped(request):
            return True
        if not hasattr(request, "_assigned_municipality_ids"):
            assigned = Municipality.objects.assigned_to(request.user)
            request._assigned_municipality_ids = {row["pk"] for row in assigned}
        if self.municipality_path == "pk":
            municipality_id = obj.pk
        else:
            municipality_id = getattr(obj, f"{self.municipality_path}_id")
        return municipality_id in request._assigned_municipality_ids

    def get_queryset(self, request):
        return self.scope(request, super().get_queryset(request))

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None and self.is_scoped(request):
            # Never the object, and not even a hint whether it exists.
            raise Http404
        return obj

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.in_scope(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Municipality and self.is_scoped(request):
            kwargs["queryset"] = Municipality.objects.filter(
                pk__in=Municipality.objects.assigned_to(request.user)
            )
            # Content without a municipality belongs to the center, not to an editor's town.
            kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_list_filter(self, request):
        # Offer only the municipalities that occur in the (scoped) list.
        return tuple(
            (name, admin.RelatedOnlyFieldListFilter) if name == self.municipality_path else name
            for name in super().get_list_filter(request)
        )
