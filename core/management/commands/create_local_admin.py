"""Create a local superuser for `make run` with a generated password and recovery codes, printed
once: a superuser needs a second login factor (core/two_factor.py), and a recovery code is one
that a newcomer has without an authenticator app."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from core.two_factor import recovery_codes_create


class Command(BaseCommand):
    help = "Creates the local admin account 'admin' with a generated password (only once)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Admin login: user '{username}' exists already; its password was printed when it "
                f"was created. To set a new one: .venv/bin/python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_superuser(username=username, email="", password=password)
        _device, codes = recovery_codes_create(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login created (shown only this once): user '{username}', "
                f"password '{password}'\n"
                f"Second factor: enter one of these recovery codes (each works once): "
                f"{' '.join(codes)}\n"
                f"Then set up an authenticator app at /admin/two-factor/ if you like."
            )
        )
