"""Delete One-Stop-Shop registrations that were never confirmed in time, and erase the personal
data of registrations whose date lies more than settings.ONE_STOP_SHOP_RETENTION_DAYS back (run
it daily from cron); delete the alerts about new dates never confirmed in time or older than
settings.ONE_STOP_SHOP_ALERT_DAYS. Idempotent: erased registrations keep only anonymous counts."""

from django.conf import settings
from django.core.management.base import BaseCommand

from onestopshop.services import alerts_delete_expired, registrations_erase_expired


class Command(BaseCommand):
    help = (
        "Delete expired unconfirmed registrations; erase personal data after the retention period."
    )

    def handle(self, *args, **options):
        deleted, anonymised = registrations_erase_expired()
        self.stdout.write(
            f"{deleted} unconfirmed registrations deleted, {anonymised} registrations anonymised "
            f"(dates more than {settings.ONE_STOP_SHOP_RETENTION_DAYS} days ago)"
        )
        self.stdout.write(f"{alerts_delete_expired()} alerts about new dates deleted")
