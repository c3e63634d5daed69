from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WelcomeConfig(AppConfig):
    name = "welcome"
    verbose_name = _("Welcome-Center")
