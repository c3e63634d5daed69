"""The forms through which people reach the center, and the confirmation page after sending.

Contract for links from other pages: ?municipality=<slug> and ?topic=<topic key> pre-select.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from enquiries import views

app_name = "enquiries"

urlpatterns = [
    path(_("question/"), views.QuestionView.as_view(), name="question"),
    path(_("company/"), views.CompanyView.as_view(), name="company"),
    path(_("appointment/"), views.AppointmentView.as_view(), name="appointment"),
    path(_("report-a-barrier/"), views.BarrierView.as_view(), name="barrier"),
    path(_("sent/<str:token>/"), views.EnquirySentView.as_view(), name="sent"),
    path(_("status/<str:token>/"), views.EnquiryStatusView.as_view(), name="status"),
]
