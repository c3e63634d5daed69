"""Signed links that let a person confirm or cancel a registration, and confirm or end an alert
about new dates, without an account.

A link carries only the registration's random key, signed with the site's secret: it cannot be
guessed or altered. The confirmation link expires with the registration; the link to the
registration (to add it to the calendar or cancel it) holds until the date. Each kind of link has
its own salt, so that one can never be used as the other.
"""

from django.conf import settings
from django.core import signing

from onestopshop.models import DateAlert, Registration

CONFIRM_SALT = "onestopshop.confirm"
MANAGE_SALT = "onestopshop.manage"
SENT_SALT = "onestopshop.sent"
ALERT_CONFIRM_SALT = "onestopshop.alert.confirm"
ALERT_UNSUBSCRIBE_SALT = "onestopshop.alert.unsubscribe"


class LinkInvalid(Exception):
    """The link was altered or cut off, or its registration no longer exists."""


class LinkExpired(Exception):
    """The confirmation link is older than the confirmation period."""


def confirm_token(registration):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(registration.key.hex)


def manage_token(registration):
    return signing.Signer(salt=MANAGE_SALT).sign(registration.key.hex)


def sent_token(registration):
    return signing.Signer(salt=SENT_SALT).sign(registration.key.hex)


def _registration(key):
    registration = (
        Registration.objects.select_related("window__shop_date").filter(key=key).first()
        if len(key) == 32
        else None
    )
    if registration is None:
        raise LinkInvalid
    return registration


def registration_for_confirm(token):
    """The registration of a confirmation link; LinkExpired or LinkInvalid otherwise."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        key = signer.unsign(token, max_age=settings.ONE_STOP_SHOP_CONFIRMATION_HOURS * 3600)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    return _registration(key)


def registration_for(token, salt=MANAGE_SALT):
    """The registration of a link to it (or of the page after registering, with SENT_SALT)."""
    try:
        key = signing.Signer(salt=salt).unsign(token)
    except signing.BadSignature as error:
        raise LinkInvalid from error
    return _registration(key)


def alert_confirm_token(alert):
    return signing.TimestampSigner(salt=ALERT_CONFIRM_SALT).sign(alert.key.hex)


def alert_unsubscribe_token(alert):
    return signing.Signer(salt=ALERT_UNSUBSCRIBE_SALT).sign(alert.key.hex)


def _alert(key):
    alert = DateAlert.objects.filter(key=key).first() if len(key) == 32 else None
    if alert is None:
        raise LinkInvalid
    return alert


def alert_for_confirm(token):
    """The alert of a confirmation link; LinkExpired or LinkInvalid otherwise."""
    signer = signing.TimestampSigner(salt=ALERT_CONFIRM_SALT)
    try:
        key = signer.unsign(token, max_age=settings.ONE_STOP_SHOP_CONFIRMATION_HOURS * 3600)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    return _alert(key)


def alert_for_unsubscribe(token):
    """The alert of an unsubscribe link; LinkInvalid when altered or already deleted."""
    try:
        key = signing.Signer(salt=ALERT_UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise LinkInvalid from error
    return _alert(key)
