"""URLs of the Welcome-Center Kreis Düren website.

`welcome` is both the project package and the Welcome-Center app, so this module is the root
URLconf. Public pages sit inside `i18n_patterns`: German at `/` without a prefix, English at
`/en/`, with translated paths. The admin stays outside, in German.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from core.health import HealthView
from welcome import views
from welcome.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("health/", HealthView.as_view(), name="health"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path(_("municipalities/"), include("municipalities.urls")),
    path(_("contact/"), views.ContactView.as_view(), name="contact"),
    path(_("contact/"), include("enquiries.urls")),
    path(_("one-stop-shop/"), include("onestopshop.urls")),
    path(_("events/"), views.EventListView.as_view(), name="event_list"),
    path(_("events/archive/"), views.EventArchiveView.as_view(), name="event_archive"),
    path(_("events/calendar.ics"), views.event_feed, name="event_feed"),
    path(_("events/<slug:slug>/"), views.EventDetailView.as_view(), name="event_detail"),
    path(_("events/<slug:slug>.ics"), views.event_ics, name="event_ics"),
    path(_("legal-notice/"), views.PageView.as_view(key="imprint"), name="page_imprint"),
    path(_("privacy/"), views.PageView.as_view(key="privacy"), name="page_privacy"),
    path(
        _("accessibility/"),
        views.PageView.as_view(key="accessibility"),
        name="page_accessibility",
    ),
    path(
        _("easy-language/"),
        views.PageView.as_view(key="easy-language"),
        name="page_easy_language",
    ),
    path(
        _("sign-language/"),
        views.PageView.as_view(key="sign-language"),
        name="page_sign_language",
    ),
    path(_("search/"), views.SearchView.as_view(), name="search"),
    path(_("first-steps/"), views.FirstStepsView.as_view(), name="first_steps"),
    path(_("first-steps/print/"), views.FirstStepsPrintView.as_view(), name="first_steps_print"),
    path(_("first-steps/calendar.ics"), views.first_steps_ics, name="first_steps_ics"),
    path(_("questions/"), views.QuestionListView.as_view(), name="questions"),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "welcome.views.bad_request"
handler403 = "welcome.views.permission_denied"
handler404 = "welcome.views.page_not_found"
handler500 = "welcome.views.server_error"
