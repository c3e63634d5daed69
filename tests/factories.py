"""Small factories for test data that several test modules need (fixtures in the conftest
files wrap the ones that need the database)."""

import io
from datetime import time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "white").save(buffer, "PNG")
    return buffer.getvalue()


TINY_PNG = png_bytes()


def image(name="rathaus.png"):
    """A tiny PNG upload."""
    return SimpleUploadedFile(name, TINY_PNG, content_type="image/png")


def shop_date(days_ahead=14, places=10, **kwargs):
    """A One-Stop-Shop date `days_ahead`, 09:00–12:00 in three windows of `places` places."""
    from onestopshop import services

    return services.shop_date_create(
        day=timezone.localdate() + timedelta(days=days_ahead),
        first_start=time(9, 0),
        last_end=time(12, 0),
        places=places,
        **kwargs,
    )


def registration(window, status=None, **fields):
    """A registration stored directly (not through the form), confirmed unless said otherwise."""
    from onestopshop.models import Registration

    now = timezone.now()
    defaults = {
        "name": "Amira Haddad",
        "email": "amira@example.org",
        "people": 1,
        "advice_language": "en",
        "language": "en",
        "stations": ["housing"],
        "site_url": "https://welcome.example.org/",
        "expires_at": now + timedelta(hours=24),
    }
    return Registration.objects.create(
        window=window,
        status=status or Registration.Status.CONFIRMED,
        **{**defaults, **fields},
    )
