"""/health/ for the proxy and monitoring (django-health-check): the database, the cache, the
mail backlog and the mail worker's heartbeat. Anonymous callers get "up" (200) or "down" (503)
and nothing else; staff see which check failed."""

import asyncio
import dataclasses
from datetime import timedelta

from django.http import HttpResponse
from django.utils import timezone
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

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


class HealthView(HealthCheckView):
    checks = (
        "health_check.checks.Database",
        "health_check.checks.Cache",
        MailBacklog,
        MailWorker,
    )

    async def get(self, request, *args, **kwargs):
        with self.get_executor() as executor:
            self.results = await asyncio.gather(
                *(check.get_result(executor) for check in self.get_checks())
            )
        healthy = not any(result.error for result in self.results)
        status = 200 if healthy else 503
        user = await request.auser()
        if user.is_staff:
            return self.render_to_response_text(status)
        return HttpResponse(
            "up\n" if healthy else "down\n", status=status, content_type="text/plain; charset=utf-8"
        )
