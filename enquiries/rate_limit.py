"""A limit on how many enquiries one client address may send, kept in the shared cache.

The cache is the database (or Redis when configured), so the limit holds across all gunicorn
workers. Only stored enquiries count: correcting a form with errors never uses up the limit.
"""

import hashlib
import time
from http import HTTPStatus

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext


def client_address(request):
    """The visitor's address; behind our own proxy, the address that the proxy saw."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _key(address):
    window = int(time.time()) // settings.ENQUIRY_RATE_LIMIT_WINDOW
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"enquiries:rate:{digest}:{window}"


def is_exceeded(address):
    return (cache.get(_key(address)) or 0) >= settings.ENQUIRY_RATE_LIMIT


def count(address):
    key = _key(address)
    if not cache.add(key, 1, settings.ENQUIRY_RATE_LIMIT_WINDOW):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, settings.ENQUIRY_RATE_LIMIT_WINDOW)


def refusal(view, form, address):
    """The form again, with a message, when `address` has sent too much; otherwise None.

    For the form views of the enquiries and the One-Stop-Shop (both count towards one limit).
    """
    if not is_exceeded(address):
        return None
    form.add_error(
        None,
        gettext(
            "Many messages have been sent from your connection. Please try again in an "
            "hour or call us."
        ),
    )
    return view.render_to_response(
        view.get_context_data(form=form), status=HTTPStatus.TOO_MANY_REQUESTS
    )
