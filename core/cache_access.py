"""The shared cache as an accelerator that may fail: every call here acts as a miss (or a skipped
write) when the cache server is down or hangs, and says so in the log.

Pages then render uncached and forms still accept; nothing a visitor or staff member does waits
longer than the short socket timeouts of the cache settings (welcome/settings.py). After a failure
this process leaves the cache alone for `PAUSE_SECONDS`, so that a hanging server costs one
timeout, not one per request. Code that must keep working without the cache (the page cache, the
rate limit, the district map) calls these functions instead of `django.core.cache.cache`.
"""

import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)

PAUSE_SECONDS = 5
_paused_until = 0.0


def reset():
    """Try the cache again at the next call (tests, and a process that knows it is back)."""
    global _paused_until
    _paused_until = 0.0


def is_paused():
    """True while this process leaves the cache alone after a failure."""
    return time.monotonic() < _paused_until


def _guarded(operation, default, *args):
    global _paused_until
    if time.monotonic() < _paused_until:
        return default
    try:
        return operation(*args)
    except Exception as error:  # any client's connection or timeout error
        _paused_until = time.monotonic() + PAUSE_SECONDS
        logger.warning(
            "Cache unavailable, %s skipped: %s: %s",
            getattr(operation, "__name__", operation),
            type(error).__name__,
            error,
        )
        return default


def get(key, default=None):
    return _guarded(cache.get, default, key, default)


def get_many(keys):
    """The values found, as a dict; an empty dict when the cache is unavailable."""
    return _guarded(cache.get_many, {}, keys)


def set(key, value, timeout):  # noqa: A001 - the cache's own name for it
    _guarded(cache.set, None, key, value, timeout)


def set_many(values, timeout):
    _guarded(cache.set_many, None, values, timeout)


def _add_or_increment(key, timeout):
    if cache.add(key, 1, timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # it expired between add and incr
        return 1 if cache.add(key, 1, timeout) else cache.incr(key)


def increment(key, timeout):
    """Add one to the counter at `key` (created with `timeout`) and return its new value, in
    atomic steps of the cache (add, incr); None when the cache is unavailable."""
    return _guarded(_add_or_increment, None, key, timeout)


def _decrement(key):
    try:
        cache.decr(key)
    except ValueError:  # gone already
        pass


def decrement(key):
    _guarded(_decrement, None, key)
