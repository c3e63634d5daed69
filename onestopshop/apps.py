from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OneStopShopConfig(AppConfig):
    name = "onestopshop"
    verbose_name = _("One-Stop-Shop")
