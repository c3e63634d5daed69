"""/health/ for the proxy and monitoring (django-health-check): the database, the cache, the
mail backlog and the mail worker's heartbeat. Anonymous callers get "up" (200) or "down" (503)
and nothing else; staff see which check failed."""

import dataclasses
import uuid
from datetime import timedelta

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from health_check.base import HealthCheck
from health_check.checks import Database
from health_check.exceptions import HealthCheckException, ServiceUnavailable

from core import cache_access, mail

HEARTBEAT_KEY = "mail-worker:heartbeat"
# The worker says "alive" every 15 s; an e-mail still due after this is a backlog.
HEARTBEAT_MAX_AGE = timedelta(minutes=2)
BACKLOG_MAX_AGE = timedelta(minutes=10)


def worker_alive():
    """Write the mail worker's heartbeat (core/management/commands/run_worker.py)."""
    cache_access.set(
        HEARTBEAT_KEY, timezone.now().timestamp(), int(HEARTBEAT_MAX_AGE.total_seconds()) * 2
    )


@dataclasses.dataclass
class MailBacklog(HealthCheck):
    """No e-mail waits longer than ten minutes to be sent."""

    def run(self):
        older = timezone.now() - BACKLOG_MAX_AGE
        waiting = sum(
            mail.due(model).filter(created_at__lt=older).count()
            for model in mail.stored_email_models()
        )
        if waiting:
            raise ServiceUnavailable(f"{waiting} e-mails waiting longer than {BACKLOG_MAX_AGE}")


@dataclasses.dataclass
class MailWorker(HealthCheck):
    """A mail worker said it is alive in the last two minutes."""

    def run(self):
        beat = cache_access.get(HEARTBEAT_KEY)
        if beat is None or timezone.now().timestamp() - beat > HEARTBEAT_MAX_AGE.total_seconds():
            raise ServiceUnavailable("no heartbeat of a mail worker")


@dataclasses.dataclass
class Cache(HealthCheck):
    """The cache answers a write and a read (django-health-check's own check is asynchronous)."""

    def run(self):
        key = f"health:{uuid.uuid4().hex}"
        try:
            cache.set(key, "ok", 5)
            found = cache.get(key)
        except Exception as error:
            raise ServiceUnavailable(f"cache unavailable: {type(error).__name__}") from error
        if found != "ok":
            raise ServiceUnavailable("cache did not return what was written")


class HealthView(View):
    """Runs the checks one after another in the request's thread: a plain synchronous view, the
    same under gunicorn's workers and the test client."""

    checks = (Database, Cache, MailBacklog, MailWorker)

    @method_decorator(never_cache)
    def get(self, request):
        failures = {}
        for check_class in self.checks:
            check = check_class()
            try:
                check.run()
            except HealthCheckException as error:
                failures[check_class.__name__] = str(error)
            except Exception as error:
                failures[check_class.__name__] = f"unexpected {type(error).__name__}"
        status = 503 if failures else 200
        if request.user.is_staff:
            lines = [f"{c.__name__}: {failures.get(c.__name__, 'OK')}" for c in self.checks]
            text = "\n".join(lines) + "\n"
        else:
            text = "down\n" if failures else "up\n"
        return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
