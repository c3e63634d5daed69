"""The items the legal pages must state that no source has given us, in one registry.

The Impressum (§ 5 DDG, § 18 MStV), the privacy policy (Art. 13 and 37 GDPR) and the
accessibility statement (§ 10b BGG NRW, §§ 4–5 BITV NRW) need a few details only the Kreis can
confirm. Each is a field of the Welcome-Center; the page texts name it as a `[[placeholder]]`,
and a line whose detail is empty is left out (core/text.py), never shown as a gap. The same
registry drives the "launch blockers" on the admin start page (welcome/dashboard.py) and the
warning of `manage.py check --deploy` (welcome/checks.py), so that all three agree.
"""

from dataclasses import dataclass

from django.db import DatabaseError
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from welcome.models import Page, WelcomeCenter

# What an editor's note in brackets looked like in earlier initial texts.
EDITOR_NOTES = ("[Von der Redaktion", "[To be filled in")


@dataclass(frozen=True)
class RequiredItem:
    field: str  # of WelcomeCenter, and the placeholder's name in the page texts
    label: str
    page: str  # Page.Key

    def value(self, center):
        """The text shown on the page, or "" while the item is missing."""
        value = getattr(center, self.field)
        if self.field == "accessibility_compliance":
            return center.get_accessibility_compliance_display() if value else ""
        if self.field == "accessibility_statement_date":
            return formats.date_format(value, "DATE_FORMAT") if value else ""
        return "" if value is None else str(value)

    def is_missing(self, center):
        if self.field == "vat_id":
            return not center.vat_id and not center.has_no_vat_id
        return self.value(center) == ""


REQUIRED_ITEMS = (
    RequiredItem("postcode", _("Postcode of the Welcome-Center's address"), Page.Key.IMPRINT),
    RequiredItem(
        "vat_id", _("VAT ID of the Kreis Düren, or that it has none (§ 5 DDG)"), Page.Key.IMPRINT
    ),
    RequiredItem(
        "content_responsible",
        _("Person responsible for the content (§ 18(2) MStV)"),
        Page.Key.IMPRINT,
    ),
    RequiredItem(
        "data_protection_officer",
        _("Contact of the data protection officer (Art. 37(7) GDPR)"),
        Page.Key.PRIVACY,
    ),
    RequiredItem(
        "server_log_days", _("How long the server logs are kept (Art. 13 GDPR)"), Page.Key.PRIVACY
    ),
    RequiredItem(
        "accessibility_compliance",
        _("Compliance with BITV NRW after an audit"),
        Page.Key.ACCESSIBILITY,
    ),
    RequiredItem(
        "accessibility_statement_date",
        _("Date the accessibility statement was prepared or last reviewed"),
        Page.Key.ACCESSIBILITY,
    ),
)


def placeholder_values(center):
    """The legal details as page placeholders ("" for a missing one: its line is left out)."""
    if center is None:
        return {item.field: "" for item in REQUIRED_ITEMS}
    values = {item.field: item.value(center) for item in REQUIRED_ITEMS}
    values["center_postcode"] = values.pop("postcode")
    return values


@dataclass(frozen=True)
class Blocker:
    label: str
    page: str


def launch_blockers():
    """What keeps the legal pages from being complete: each missing item, each page that does
    not exist, and each page that still holds an editor's note in brackets (two queries)."""
    try:
        center = WelcomeCenter.objects.get_current()
        pages = {page.key: page for page in Page.objects.all()}
    except DatabaseError:  # no tables yet (check before migrate)
        return []
    labels = dict(Page.Key.choices)
    blockers = []
    if center is None:
        blockers.append(Blocker(_("The Welcome-Center's data"), ""))
    else:
        blockers += [
            Blocker(item.label, labels[item.page])
            for item in REQUIRED_ITEMS
            if item.is_missing(center)
        ]
    for key in (Page.Key.IMPRINT, Page.Key.PRIVACY, Page.Key.ACCESSIBILITY):
        page = pages.get(key)
        if page is None:
            blockers.append(Blocker(_("The page itself"), labels[key]))
        elif any(note in (page.body_de or "") + (page.body_en or "") for note in EDITOR_NOTES):
            blockers.append(Blocker(_("An editor's note in brackets in the text"), labels[key]))
    return blockers
