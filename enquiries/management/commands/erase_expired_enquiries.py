"""Erase the personal data of enquiries closed longer ago than settings.ENQUIRY_RETENTION_DAYS
(run it daily from cron). Idempotent: erased enquiries keep only anonymous counts."""

from django.conf import settings
from django.core.management.base import BaseCommand

from enquiries.services import enquiries_erase_expired


class Command(BaseCommand):
    help = "Erase personal data of enquiries whose retention period has ended."

    def handle(self, *args, **options):
        count = enquiries_erase_expired()
        self.stdout.write(
            f"{count} enquiries anonymised "
            f"(closed more than {settings.ENQUIRY_RETENTION_DAYS} days ago)"
        )
