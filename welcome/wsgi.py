"""WSGI entry point (gunicorn welcome.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welcome.settings")

application = get_wsgi_application()
