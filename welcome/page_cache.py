"""Whole-page cache for visitors, so that a reader's page costs about a millisecond of server time.

A public page is rendered once per language and path, then served from the shared cache (the
database cache table, or Redis) until one of three things happens:

- content changes: every save or delete in the project's apps bumps a version number, and an
  entry of an older version is never served;
- the opening status changes: an entry expires at the next change of the center's status
  ("open until 16:00" turns into "closed" at 16:00), so the status is never stale;
- the day ends: "upcoming" lists and "today" markers are computed for the day they were made;
- a publish window opens or closes (content scheduled with publish_from/publish_until).

Only what is the same for every visitor is cached: GET requests without a query string and
without a session cookie (staff see previews), answers with status 200 that set no cookie, and
never a page that uses the CSRF token (forms) or says it must not be cached.
"""

import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_max_age

VERSION_KEY = "page-cache:version"
# Apps whose saves and deletes may change what a public page shows. Enquiries are not among
# them: no public page shows one, so a submitted form does not empty the cache.
CONTENT_APPS = {"welcome", "municipalities", "onestopshop"}
SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/")
CACHED_TYPES = ("text/html", "application/xml", "text/calendar", "text/plain")


def content_changed(sender, **kwargs):
    """Signal receiver: a record of a content app was saved or deleted; older pages are stale."""
    if sender._meta.app_label in CONTENT_APPS:
        bump_version()


def bump_version():
    cache.set(VERSION_KEY, time.time_ns(), None)


def page_key(request):
    return f"page-cache:{request.get_host()}:{request.path}"


def cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(SKIPPED_PREFIXES)
    )


def cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and response.get("Content-Type", "").startswith(CACHED_TYPES)
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        and get_max_age(response) != 0
    )


def seconds_to_live(center, now=None):
    """Until the next change of the opening status or of a publish window, at the latest until
    local midnight."""
    from municipalities.models import Municipality
    from welcome.models import Event, Page
    from welcome.opening_hours import status_at
    from welcome.publishing import next_window_change

    now = now or timezone.now()
    local = timezone.localtime(now)
    midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time())
    seconds = (timezone.make_aware(midnight) - now).total_seconds()
    if center is not None:
        change = status_at(center.schedule(), now).seconds_until_change()
        if change is not None:
            seconds = min(seconds, change)
    window_change = next_window_change([Municipality, Event, Page], now)
    if window_change is not None:
        seconds = min(seconds, (window_change - now).total_seconds())
    return max(1, int(seconds))


class PublicPageCacheMiddleware:
    """Serve visitors' pages from the cache; see the module docstring for what is cached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        found = cache.get_many([VERSION_KEY, key])
        version, entry = found.get(VERSION_KEY, 0), found.get(key)
        if entry and entry["version"] == version and entry["expires"] > timezone.now().timestamp():
            response = HttpResponse(entry["content"], content_type=entry["content_type"])
            for header, value in entry["headers"]:
                response[header] = value
            return response
        response = self.get_response(request)
        # Only pages rendered with the site's context (which loads the center) are cached.
        if hasattr(request, "welcome_center") and cacheable_response(request, response):
            seconds = seconds_to_live(request.welcome_center)
            entry = {
                "version": version,
                "expires": timezone.now().timestamp() + seconds,
                "content": response.content,
                "content_type": response["Content-Type"],
                "headers": [
                    (header, value)
                    for header, value in response.items()
                    if header.lower() in ("content-language", "vary", "content-disposition")
                ],
            }
            cache.set(key, entry, seconds)
        return response
