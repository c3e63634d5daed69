"""Views of the Welcome-Center app: the home page, robots.txt and the error pages."""

import logging

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import get_template
from django.views.decorators.cache import cache_control
from django.views.generic import TemplateView

from municipalities.models import Municipality

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    """The start page: what the center does, the 15 municipalities and how to get in touch."""

    template_name = "welcome/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["municipalities"] = Municipality.objects.published()
        return context


@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Search engines may index the public site, never the admin."""
    lines = ["User-agent: *", "Disallow: /admin/", ""]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """The designed 500 page; if even that fails (database down), a plain one."""
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("Could not render the designed 500 page")
        return HttpResponseServerError(get_template("500_plain.html").render())
