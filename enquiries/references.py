"""Readable enquiry references such as WC-2026-00042, unique even when many people submit at once.

Each year has a counter row. Taking a number is one UPDATE that increments it: the database locks
the row until the surrounding transaction ends, so two submissions never get the same number and a
rolled-back submission gives its number back.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from enquiries.models import ReferenceCounter

PREFIX = "WC"


def format_reference(year, number):
    return f"{PREFIX}-{year}-{number:05d}"


def next_reference(now=None):
    """Take the next reference of the current year (Europe/Berlin); call inside a transaction."""
    year = timezone.localtime(now).year
    while True:
        updated = ReferenceCounter.objects.filter(year=year).update(
            last_number=F("last_number") + 1
        )
        if updated:
            break
        try:
            # The first submission of the year creates the row; a concurrent one may win the race,
            # then the UPDATE above is tried again.
            with transaction.atomic():
                ReferenceCounter.objects.create(year=year, last_number=1)
            break
        except IntegrityError:
            continue
    number = ReferenceCounter.objects.values_list("last_number", flat=True).get(year=year)
    return format_reference(year, number)
