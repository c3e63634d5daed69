"""The signed link to an enquiry's status page, sent in the confirmation e-mail.

It carries only the reference, signed with the site's secret and a time stamp: it cannot be
guessed or altered, and it expires with the retention period (ENQUIRY_RETENTION_DAYS), after
which the enquiry's personal data may be gone anyway.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from enquiries.models import Enquiry

STATUS_SALT = "enquiries.status"


class LinkInvalid(Exception):
    """The link was altered or cut off, or its enquiry no longer exists or was erased."""


class LinkExpired(Exception):
    """The link is older than the retention period."""


def status_token(enquiry):
    return signing.TimestampSigner(salt=STATUS_SALT).sign(enquiry.reference)


def status_url(enquiry, site_url=""):
    """The status page in the sender's language; absolute when `site_url` is given."""
    with translation.override(enquiry.language):
        path = reverse("enquiries:status", kwargs={"token": status_token(enquiry)})
    return site_url.rstrip("/") + path if site_url else path


def enquiry_for_status(token):
    """The enquiry of a status link; LinkExpired or LinkInvalid otherwise."""
    signer = signing.TimestampSigner(salt=STATUS_SALT)
    try:
        reference = signer.unsign(token, max_age=timedelta(days=settings.ENQUIRY_RETENTION_DAYS))
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    enquiry = Enquiry.objects.filter(reference=reference, anonymised_at__isnull=True).first()
    if enquiry is None:
        raise LinkInvalid
    return enquiry
