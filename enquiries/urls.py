"""The forms through which people reach the center (placeholders until the enquiries issue lands).

Contract for links from other pages: ?municipality=<slug> and ?topic=<topic key> pre-select.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

app_name = "enquiries"

placeholder = TemplateView.as_view(template_name="enquiries/placeholder.html")

urlpatterns = [
    path(_("question/"), placeholder, name="question"),
    path(_("company/"), placeholder, name="company"),
    path(_("appointment/"), placeholder, name="appointment"),
    path(_("report-a-barrier/"), placeholder, name="barrier"),
]
