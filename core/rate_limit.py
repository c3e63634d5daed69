"""A limit on how many submissions one client address may send, kept in the shared cache, and
the one function that says what a request's client address is.

The cache is the database (or Redis when configured), so the limit holds across all gunicorn
workers; each submission reserves its place atomically before it is stored. Only stored
submissions count: correcting a form with errors never uses up the limit.
Every public form (enquiries, One-Stop-Shop registrations) counts towards the same limit.
"""

import hashlib
import ipaddress
import logging
import time
from http import HTTPStatus

from django.conf import settings
from django.utils.translation import gettext

from core import cache_access

logger = logging.getLogger(__name__)


def client_address(request):
    """The address the request came from.

    Without a proxy (TRUSTED_PROXY_COUNT = 0) it is the connection's address. Behind N trusted
    proxies, each of them appended the address it received the request from to
    X-Forwarded-For; the entry the outermost of them appended (the N-th from the right) is the
    client's. Entries further left come from the client and can be made up, so they are never
    used; a header that the proxies cannot have written falls back to the connection's address.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
    if len(entries) < proxies:
        return remote
    candidate = entries[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def _key(address):
    window = int(time.time()) // settings.ENQUIRY_RATE_LIMIT_WINDOW
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"submissions:rate:{digest}:{window}"


def reserve(address):
    """Take one of the address's submissions in this window, in one atomic step of the cache:
    True if it was free. Thirty requests at the same moment against a limit of ten get ten
    reservations. A cache that is down reserves nothing and refuses no one (it is logged)."""
    counted = cache_access.increment(_key(address), settings.ENQUIRY_RATE_LIMIT_WINDOW)
    if counted is None:
        logger.warning("Rate limit not applied: the cache is unavailable.")
        return True
    if counted > settings.ENQUIRY_RATE_LIMIT:
        cache_access.decrement(_key(address))
        return False
    return True


def release(address):
    """Give back a reservation that stored nothing (a form sent twice, a domain error)."""
    cache_access.decrement(_key(address))


def refusal(view, form, address):
    """The form again, with a message, when `address` has sent too much (its reservation is
    not taken); otherwise None, and one submission of the address is reserved."""
    if reserve(address):
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
