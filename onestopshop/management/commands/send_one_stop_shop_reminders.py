"""Send the reminder to everyone confirmed for tomorrow's One-Stop-Shop (run it daily from cron,
e.g. at 10:00). Idempotent: each person is reminded once, however often it runs."""

from django.core.management.base import BaseCommand

from onestopshop.services import reminders_send


class Command(BaseCommand):
    help = "Send the reminders for tomorrow's One-Stop-Shop registrations (each once)."

    def handle(self, *args, **options):
        count = reminders_send()
        self.stdout.write(f"{count} reminders sent")
