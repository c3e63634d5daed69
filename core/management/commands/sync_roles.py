"""Set the staff role groups to their definition in core/roles.py (also run after every migrate)."""

from django.core.management.base import BaseCommand

from core.roles import roles_sync


class Command(BaseCommand):
    help = "Creates the staff role groups (Redaktion, Anfragen, Kommune) and updates their permissions."

    def handle(self, *args, **options):
        for name, group in roles_sync().items():
            self.stdout.write(f"{name}: {group.permissions.count()} permissions")
