"""The core app: after every migrate the role groups are synced and cached pages made stale;
every save, delete and relation change is offered to the page cache (core/page_cache.py)."""

from django.apps import AppConfig, apps
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def after_migrate(sender, using="default", **kwargs):
    # post_migrate is sent once per app; the permissions of all apps exist after the last one.
    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender.label == last.label:
        from core.page_cache import content_changed_on_commit
        from core.roles import roles_sync

        roles_sync()
        # A migration may change content without the signals of the real models.
        content_changed_on_commit(using)


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site infrastructure")

    def ready(self):
        from core import page_cache

        post_migrate.connect(after_migrate, dispatch_uid="core_after_migrate")
        post_save.connect(page_cache.record_saved, dispatch_uid="core_page_cache_save")
        post_delete.connect(page_cache.record_saved, dispatch_uid="core_page_cache_delete")
        m2m_changed.connect(page_cache.relation_changed, dispatch_uid="core_page_cache_m2m")


class StaffAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the project's admin site (core/admin_site.py)."""

    default = False
    default_site = "core.admin_site.StaffAdminSite"
