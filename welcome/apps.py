from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def sync_roles_after_migrate(sender, **kwargs):
    # post_migrate is sent once per app; the permissions of all apps exist after the last one.
    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender.label == last.label:
        from welcome.roles import roles_sync

        roles_sync()


class WelcomeConfig(AppConfig):
    name = "welcome"
    verbose_name = _("Welcome-Center")

    def ready(self):
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="welcome_sync_roles")
        # Cached pages are stale once content changes (see welcome/page_cache.py).
        from welcome.page_cache import content_changed

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(content_changed, dispatch_uid=f"welcome_page_cache_{signal}")
