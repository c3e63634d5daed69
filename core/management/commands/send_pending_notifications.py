"""Deliver the stored e-mails (enquiries, One-Stop-Shop registrations) that could not be sent yet
(run it from cron, e.g. every five minutes, as the safety net of the mail worker). Safe to run
often and beside the workers: each e-mail is claimed before it is sent (core/mail.py)."""

from django.core.management.base import BaseCommand

from core.mail import deliver


class Command(BaseCommand):
    help = "Send pending and failed e-mails (enquiries, One-Stop-Shop registrations)."

    def handle(self, *args, **options):
        sent, failed = deliver()
        self.stdout.write(f"{sent} sent, {failed} failed")
        if failed:
            self.stderr.write(f"{failed} e-mails could not be sent and will be retried.")
