"""Request guards for every page: malformed input is refused before any view sees it, and the
admin is kept out of search engines."""

from django.core.exceptions import BadRequest


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


class AdminNoIndexMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response
