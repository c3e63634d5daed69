"""The page shown when django-axes locks a login after repeated failures, in the admin's design."""

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    return render(request, "admin/locked_out.html", {"cooloff_minutes": minutes}, status=429)
