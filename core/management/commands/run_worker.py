"""The mail worker: django-tasks' database worker (`db_worker`) that sends the queued e-mails,
kept running through a database outage, with a heartbeat for /health/ and a sweep of e-mails
that were never queued (the database failed right after a submission). Run it on every node
beside gunicorn; `make run` starts it beside runserver."""

import logging
import threading
import time
from datetime import timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError, close_old_connections
from django.utils import timezone

from core import mail
from core.health import worker_alive

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 15
SWEEP_SECONDS = 60


def beat_and_sweep(stop):
    """Every few seconds say "alive"; every minute send the due e-mails older than a minute."""
    last_sweep = 0.0
    while not stop.wait(HEARTBEAT_SECONDS if last_sweep else 1):
        worker_alive()
        if time.monotonic() - last_sweep < SWEEP_SECONDS:
            continue
        last_sweep = time.monotonic()
        try:
            close_old_connections()
            older = timezone.now() - timedelta(seconds=SWEEP_SECONDS)
            for model in mail.stored_email_models():
                pks = list(
                    mail.due(model).filter(created_at__lt=older).values_list("pk", flat=True)
                )
                if pks:
                    mail.deliver(pks, model=model)
        except Exception as error:
            logger.warning("Mail sweep skipped: %s", error)


class Command(BaseCommand):
    help = "Run the mail worker (django-tasks' db_worker), kept running through database outages."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0)

    def handle(self, *args, interval, **options):
        stop = threading.Event()
        threading.Thread(target=beat_and_sweep, args=(stop,), daemon=True).start()
        try:
            while True:
                try:
                    call_command("db_worker", interval=interval, startup_delay=False, reload=False)
                    return  # stopped by a signal
                except (OperationalError, InterfaceError) as error:
                    logger.warning("Mail worker: database unavailable (%s), starting again", error)
                    close_old_connections()
                    time.sleep(2)
        finally:
            stop.set()
