"""The admin's own rules: always in German, whatever the browser asks for (staff work in German;
English content has its own tabs), and kept out of search engines, also where robots.txt is
ignored."""

from django.conf import settings
from django.utils import translation


class AdminLanguageMiddleware:
    """After LocaleMiddleware: the admin (and its JavaScript catalogue) in the site's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


class AdminNoIndexMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response
