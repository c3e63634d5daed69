"""Errors: the base of the domain errors that services raise (a rule that a request breaks, with
a message in the user's language for the page or the admin to show), and the answer when the
database is unreachable."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import get_template

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30

logger = logging.getLogger(__name__)


class DomainError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def database_unavailable(error=None):
    """503 with Retry-After, a page that needs neither the database nor any context, when `error`
    (or the exception being handled) means the database is unreachable; otherwise None."""
    error = error if error is not None else sys.exc_info()[1]
    if not isinstance(error, DATABASE_ERRORS):
        return None
    logger.warning("Database unavailable, answered 503: %s", error)
    response = HttpResponse(get_template("503_plain.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A database restart answers 503 with Retry-After (a proxy or browser tries again), not 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return database_unavailable(exception)
