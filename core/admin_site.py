"""The admin site of the project: Django's, with the second login factor for those who see
personal data (core/two_factor.py) and a "view on site" redirect scoped like the rest."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path

from core import two_factor


class StaffAdminSite(admin.AdminSite):
    login_form = two_factor.StaffLoginForm
    login_template = "admin/login_two_factor.html"

    def has_permission(self, request):
        return super().has_permission(request) and not two_factor.needs_setup(request.user)

    def login(self, request, extra_context=None):
        if request.method == "GET" and two_factor.needs_setup(request.user):
            return redirect("admin:two_factor")
        return super().login(request, extra_context)

    def get_urls(self):
        return [
            path(
                "two-factor/",
                self.admin_view_unverified(two_factor.setup_view),
                name="two_factor",
            ),
            path(
                "r/<path:content_type_id>/<path:object_id>/",
                self.admin_view(self.view_on_site),
                name="view_on_site",
            ),
            *super().get_urls(),
        ]

    def admin_view_unverified(self, view):
        def wrapper(request, *args, **kwargs):
            return view(request, self, *args, **kwargs)

        return wrapper

    def view_on_site(self, request, content_type_id, object_id):
        """Django's redirect to an object's public page, only for an object that the person may
        open in the admin (a Kommune editor's own municipality): any other answers 404."""
        try:
            model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
        except (ContentType.DoesNotExist, ValueError):
            raise Http404 from None
        model_admin = self._registry.get(model)
        if model_admin is None:
            raise Http404
        obj = model_admin.get_object(request, unquote(object_id))
        if obj is None or not model_admin.has_view_or_change_permission(request, obj):
            raise Http404
        return contenttype_views.shortcut(request, content_type_id, object_id)
