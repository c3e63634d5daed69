"""schema.org data (JSON-LD) for the contact page, built from the same engine as the page text,
and for the page of frequent questions.

The JSON is escaped like Django's json_script (<, > and & as \\u escapes), so that no text a
staff member enters can close the <script type="application/ld+json"> element.
"""

import json

from django.utils.safestring import mark_safe

from core.text import flatten

DAY_URIS = [
    "https://schema.org/Monday",
    "https://schema.org/Tuesday",
    "https://schema.org/Wednesday",
    "https://schema.org/Thursday",
    "https://schema.org/Friday",
    "https://schema.org/Saturday",
    "https://schema.org/Sunday",
]
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def regular_specification(schedule):
    """One OpeningHoursSpecification per set of hours, with all weekdays that share it."""
    by_hours = {}
    for weekday in range(7):
        for opens, closes in schedule.regular_intervals(weekday):
            by_hours.setdefault((opens, closes), []).append(DAY_URIS[weekday])
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": days,
            "opens": opens.strftime("%H:%M"),
            "closes": closes.strftime("%H:%M"),
        }
        # dicts keep insertion order: the hours of the earliest weekday come first
        for (opens, closes), days in by_hours.items()
    ]


def special_specification(days):
    """Closures as opens = closes = 00:00 (schema.org's convention), special hours as given."""
    result = []
    for day in days:
        intervals = day.intervals or ((None, None),)
        for opens, closes in intervals:
            result.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "validFrom": day.date.isoformat(),
                    "validThrough": day.date.isoformat(),
                    "opens": opens.strftime("%H:%M") if opens else "00:00",
                    "closes": closes.strftime("%H:%M") if closes else "00:00",
                    "description": day.note,
                }
            )
    return result


def government_office(center, schedule, special_days, url):
    address = {
        "@type": "PostalAddress",
        "streetAddress": center.street,
        "addressLocality": center.city,
        "addressCountry": "DE",
    }
    if center.postcode:
        address["postalCode"] = center.postcode
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": center.name,
        "url": url,
        "telephone": center.phone_uri.removeprefix("tel:"),
        "email": center.email,
        "address": address,
        "openingHoursSpecification": regular_specification(schedule),
        "specialOpeningHoursSpecification": special_specification(special_days),
        "parentOrganization": {"@type": "GovernmentOrganization", "name": "Kreis Düren"},
    }
    return data


def faq_page(questions):
    """The frequent questions as a schema.org FAQPage (answers as plain text)."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question.question,
                "acceptedAnswer": {"@type": "Answer", "text": flatten(question.answer)},
            }
            for question in questions
        ],
    }


def to_script_json(data):
    """JSON safe to put between <script type="application/ld+json"> tags."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))  # noqa: S308
