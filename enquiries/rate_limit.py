"""A limit on how many enquiries one client address may send, kept in the shared cache.

The cache is the database (or Redis when configured), so the limit holds across all gunicorn
workers. Only stored enquiries count: correcting a form with errors never uses up the limit.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


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
