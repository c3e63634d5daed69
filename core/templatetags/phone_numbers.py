"""Phone numbers as the reader expects them: national on German pages ("02421 22-0"), in
international format on English pages ("+49 2421 22-0"). A template builtin (settings.py)."""

import phonenumbers
from django import template
from django.utils.translation import get_language

register = template.Library()


def international_phone(number, region="DE"):
    """`number` in international format, keeping the grouping staff typed where it is a German
    number written nationally; unchanged when it is no valid phone number."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return number
    if not phonenumbers.is_possible_number(parsed):
        return number
    written = number.strip()
    if written.startswith("0") and not written.startswith("00"):
        return f"+{parsed.country_code} {written[1:]}"
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


@register.filter
def phone(number):
    """The number for the active language (international on every page that is not German)."""
    if not number:
        return number
    return number if (get_language() or "de").startswith("de") else international_phone(number)
