"""Request guards for every page: malformed input is refused before any view sees it; the admin
is always in German, whatever the browser asks for (staff work in German; English content has its
own tabs), and kept out of search engines, also where robots.txt is ignored."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpResponse
from django.utils import translation


class RequestBodyLimitMiddleware:
    """Refuse a request body larger than allowed before anything reads it (the CSRF check and
    the multipart parser would otherwise read it all first). The admin, where images are
    uploaded, has a larger limit than the public forms. A body of unknown length (chunked) is
    left to the parser's own limits (DATA_UPLOAD_MAX_MEMORY_SIZE) and the proxy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise BadRequest("Malformed Content-Length") from None
        limit = (
            settings.ADMIN_REQUEST_BODY_MAX_BYTES
            if request.path.startswith("/admin/")
            else settings.PUBLIC_REQUEST_BODY_MAX_BYTES
        )
        if length > limit:
            return HttpResponse(
                "Request body too large.", status=413, content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)


class RejectNulCharactersMiddleware:
    """A NUL character in the path or the query string is never meant; PostgreSQL refuses it in
    any text it is asked to compare, so it would reach the database as an error. Answer 400.
    (Form fields refuse it themselves, with a message at the field.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("NUL character in the request")
        return self.get_response(request)


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
