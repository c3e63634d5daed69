from django.urls import path, register_converter
from django.utils.translation import gettext_lazy as _

from municipalities import views
from municipalities.topics import TopicConverter

register_converter(TopicConverter, "topic")

app_name = "municipalities"

urlpatterns = [
    path("", views.MunicipalityListView.as_view(), name="list"),
    path(_("topics/"), views.TopicListView.as_view(), name="topics"),
    path(_("topics/<topic:topic>/"), views.TopicView.as_view(), name="topic"),
    path(_("compare/"), views.ComparisonView.as_view(), name="compare"),
    path("<slug:slug>/", views.MunicipalityDetailView.as_view(), name="detail"),
]
