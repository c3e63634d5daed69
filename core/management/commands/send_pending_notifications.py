"""Deliver the stored e-mails (enquiries, One-Stop-Shop registrations) that could not be sent yet
(run it from cron, e.g. every five minutes). Safe to run often and twice at once: each e-mail is
locked while it is sent."""

from django.core.management.base import BaseCommand

from core.mail import deliver


class Command(BaseCommand):
    help = "Send pending and failed e-mails (enquiries, One-Stop-Shop registrations)."

    def handle(self, *args, **options):
        sent, failed = deliver()
        self.stdout.write(f"{sent} sent, {failed} failed")
        if failed:
            self.stderr.write(f"{failed} e-mails could not be sent and will be retried.")
