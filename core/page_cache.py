"""Whole-page cache for visitors: a reader's page costs one cache read instead of a render.

A public page is rendered once per language and path, then served from the shared cache (the
database cache table, or Redis) until one of these happens:

- content changes: a model that shows on public pages inherits `PageContent`; every save, delete,
  relation change, `update()`, bulk create or bulk update of such a model bumps a version number
  once the transaction commits (not before: a request running in between would otherwise store the
  old content under the new version), and an entry of an older version is never served;
- a migration runs, or new code is deployed: the key carries a fingerprint of the code, the
  templates and the translations, and `migrate` bumps the version;
- a moment registered by an app comes (`register_lifetime`): the center's next change of the
  opening status ("open until 16:00" turns into "closed" at 16:00), and here the next opening or
  closing of a publish window of any `Publishable` model;
- the day ends: "upcoming" lists and "today" markers are computed for the day they were made.

Only what is the same for every visitor is cached: GET requests without a query string and
without a session cookie (staff see previews), answers with status 200 that set no cookie, and
never a page that uses the CSRF token (forms) or says it must not be cached. Enquiries,
registrations and e-mails are not `PageContent`: storing one leaves the cached pages alone.

A cached page is stored with all its headers (the security policy, the language) and a gzipped
copy, so the middleware sits right after WhiteNoise and answers before the others run. Only such
pages are compressed: they carry no CSRF token and no personal data, so compression cannot leak a
secret (BREACH). Browsers and proxies get `Cache-Control: no-cache` with an ETag: they keep the
page but ask each time, and an unchanged page costs a 304 without a body.
"""

import hashlib
import logging
import re
import time
from datetime import UTC, datetime, timedelta
from functools import cache as memoize
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.http.request import split_domain_port, validate_host
from django.utils import timezone
from django.utils.cache import get_max_age, patch_vary_headers
from django.utils.text import compress_string

from core import cache_access

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:version"
SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/")
# HTML pages only: feeds, the sitemap and robots.txt are cheap to render and fetched rarely.
CACHED_TYPES = ("text/html",)
# Headers that belong to one answer, not to the page: the rest is stored with it.
UNSTORED_HEADERS = ("content-length", "content-encoding", "set-cookie", "etag", "cache-control")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Below this size gzip saves less than its own overhead.
COMPRESS_FROM_BYTES = 200
# What renders a page: a deploy that changes any such file changes the keys.
CODE_SUFFIXES = (".py", ".html", ".txt", ".mo")
# A page larger than this is served but never stored: one entry cannot crowd out the others.
MAX_ENTRY_BYTES = 512 * 1024


_bump_missed = False


def bump_version():
    """Make every cached page stale. A cache that cannot be written holds no page to serve
    either: the failure is logged, and the write that caused it stands. This process then bumps
    the version at its first request once the cache answers again, in case the cache comes back
    with its old pages (a network outage rather than a restart)."""
    global _bump_missed
    try:
        cache.set(VERSION_KEY, time.time_ns(), None)
    except Exception as error:
        _bump_missed = True
        logger.warning("Could not mark the cached pages stale: %s", error)
    else:
        _bump_missed = False


def content_changed_on_commit(using=None):
    """Make every cached page stale once the current transaction commits (at once outside one).

    Many changes in one transaction bump the version once.
    """
    using = using or DEFAULT_DB_ALIAS
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        bump_version()
        return
    # Once per set of open savepoints: a rollback to one of them drops the callback together with
    # the changes it was registered for, and a later change registers it again.
    current = set(connection.savepoint_ids)
    for savepoints, callback, *_robust in connection.run_on_commit:
        if callback is bump_version and savepoints == current:
            return
    transaction.on_commit(bump_version, using=using)


class PageContentQuerySet(models.QuerySet):
    """Writes that send no signals (update, bulk create and update) make the pages stale too."""

    def update(self, **kwargs):
        count = super().update(**kwargs)
        if count:
            content_changed_on_commit(self.db)
        return count

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            content_changed_on_commit(self.db)
        return created

    def bulk_update(self, objs, *args, **kwargs):
        count = super().bulk_update(objs, *args, **kwargs)
        if count:
            content_changed_on_commit(self.db)
        return count


class PageContent(models.Model):
    """A model whose rows appear on public pages: any change to it makes cached pages stale."""

    objects = PageContentQuerySet.as_manager()

    class Meta:
        abstract = True


def record_saved(sender, using=None, **kwargs):
    """Signal receiver (post_save, post_delete) for every model; only page content counts."""
    if issubclass(sender, PageContent):
        content_changed_on_commit(using)


def relation_changed(sender, instance, model, using=None, **kwargs):
    """Signal receiver (m2m_changed): a relation between two kinds of page content was added,
    removed or cleared. A relation from something else (the municipalities an enquiry is about,
    a municipality's editors) shows on no public page: every submission would otherwise make all
    cached pages stale."""
    if isinstance(instance, PageContent) and issubclass(model, PageContent):
        content_changed_on_commit(using)


# What bounds a page's lifetime ---------------------------------------------------------------

_lifetimes = []


def register_lifetime(moment):
    """Register `moment(request, now)`: the next moment (aware) at which cached pages may be
    wrong although no content changed, or None. Apps register theirs in `AppConfig.ready()`."""
    if moment not in _lifetimes:
        _lifetimes.append(moment)
    return moment


def next_midnight(request, now):
    local = timezone.localtime(now)
    return timezone.make_aware(
        datetime.combine(local.date() + timedelta(days=1), datetime.min.time())
    )


def next_window_change(request, now):
    """The next opening or closing of a publish window in any publishable model (found, not
    listed): one query per model, once per content version until that moment has come."""
    from core.publishing import Publishable, next_window_change_of  # they build on this module
    from core.versioned_cache import per_content_version

    publishable = [model for model in apps.get_models() if issubclass(model, Publishable)]
    return per_content_version(
        "next-window-change",
        lambda: next_window_change_of(publishable, now),
        is_current=lambda moment: moment is None or moment > now,
    )


register_lifetime(next_midnight)
register_lifetime(next_window_change)


def seconds_to_live(request, now=None):
    """Until the first of the registered moments, at the least one second."""
    now = now or timezone.now()
    # In UTC: comparing or subtracting two Berlin datetimes would ignore a DST switch between them.
    moments = [
        moment.astimezone(UTC) for function in _lifetimes if (moment := function(request, now))
    ]
    return max(1, int((min(moments) - now.astimezone(UTC)).total_seconds()))


# The cache itself ----------------------------------------------------------------------------


@memoize
def code_release():
    """A fingerprint of what renders the pages (code, templates, translations, the static files'
    manifest and Django's version), the same on every node that runs the same release."""
    base = Path(settings.BASE_DIR)
    directories = [Path(config.path) for config in apps.get_app_configs()]
    directories = [path for path in directories if path.parent == base]  # the project's apps
    directories += [Path(path) for engine in settings.TEMPLATES for path in engine["DIRS"]]
    directories += [Path(path) for path in settings.LOCALE_PATHS]
    digest = hashlib.sha256(django.get_version().encode())
    paths = [
        path
        for directory in directories
        for path in directory.rglob("*")
        if path.suffix in CODE_SUFFIXES and path.is_file()
    ]
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.is_file():
        paths.append(manifest)
    for path in sorted(paths):
        digest.update(str(path.relative_to(base)).encode() if path.is_relative_to(base) else b"")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def site_host(request):
    """The host name the request was sent to, without the port, if it is one of ALLOWED_HOSTS
    (else None: such a request is answered 400 and never cached). The raw Host header would give
    every made-up port its own entry."""
    domain, _port = split_domain_port(request.META.get("HTTP_HOST", "") or "")
    if not domain and not request.META.get("HTTP_HOST"):
        domain = request.META.get("SERVER_NAME", "")
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    return domain if domain and validate_host(domain, allowed) else None


def page_key(request):
    host = site_host(request)
    if host is None:
        return None
    digest = hashlib.sha256(request.path.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"page-cache:{code_release()}:{host}:{digest}"


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
        and len(response.content) <= MAX_ENTRY_BYTES
    )


def gzip_key(key):
    return f"{key}:gzip"


def wanted_key(request, key):
    """The entry for this reader: gzipped if the browser takes gzip, the bytes as they are if not.
    Each is stored on its own, so that a read brings only the one that is sent."""
    return (
        gzip_key(key) if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else key
    )


def cache_entries(key, response, version, seconds):
    """What is stored for a page, by key: its bytes and a gzipped copy, each with an ETag (one
    per representation) and the page's headers."""
    content = response.content
    patch_vary_headers(response, ("Accept-Encoding",))
    common = {
        "version": version,
        "expires": timezone.now().timestamp() + seconds,
        "tag": hashlib.blake2b(content, digest_size=12).hexdigest(),
        "headers": [
            (header, value)
            for header, value in response.items()
            if header.lower() not in UNSTORED_HEADERS
        ],
    }
    plain = {**common, "content": content, "encoding": None}
    if len(content) < COMPRESS_FROM_BYTES:
        return {key: plain, gzip_key(key): plain}
    return {
        key: plain,
        gzip_key(key): {**common, "content": compress_string(content), "encoding": "gzip"},
    }


def entry_response(request, entry):
    """The answer to `request` from a stored page: 304 if the browser has it. Every reader of a
    page gets this, whether it came from the cache or was just made."""
    if entry["tag"] in request.META.get("HTTP_IF_NONE_MATCH", ""):
        # Either representation: both are the page the browser would get.
        response = HttpResponseNotModified()
        headers = [(name, value) for name, value in entry["headers"] if name.lower() == "vary"]
    else:
        response = HttpResponse(entry["content"])
        headers = entry["headers"]
        if entry["encoding"]:
            response["Content-Encoding"] = entry["encoding"]
        response["Content-Length"] = str(len(entry["content"]))
    for header, value in headers:
        response[header] = value
    suffix = f"-{entry['encoding']}" if entry["encoding"] else ""
    response["ETag"] = f'"{entry["tag"]}{suffix}"'
    response["Cache-Control"] = "no-cache"
    return response


class PublicPageCacheMiddleware:
    """Serve visitors' pages from the cache; see the module docstring for what is cached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_key(request) if cacheable_request(request) else None
        if key is None:
            return self.get_response(request)
        if _bump_missed and not cache_access.is_paused():
            bump_version()
        wanted = wanted_key(request, key)
        # A cache that is down or hangs is a miss: the page is rendered (core/cache_access.py).
        found = cache_access.get_many([VERSION_KEY, wanted])
        version, entry = found.get(VERSION_KEY, 0), found.get(wanted)
        if entry and entry["version"] == version and entry["expires"] > timezone.now().timestamp():
            return entry_response(request, entry)
        response = self.get_response(request)
        if not cacheable_response(request, response):
            return response
        seconds = seconds_to_live(request)
        entries = cache_entries(key, response, version, seconds)
        cache_access.set_many(entries, seconds)
        return entry_response(request, entries[wanted])
