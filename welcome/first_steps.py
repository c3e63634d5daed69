"""The first-steps plan: from the answers of the plan form to the ordered steps, each with its
deadline, its responsible office and the source of its rule; and the deadlines as a calendar.

Nothing is stored: the answers come from the URL, the steps and offices from the admin.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext
from icalendar import Alarm

from core import ical
from core.sourced import as_of_text
from core.text import lines, tel_uri

REMINDER_DAYS = (7, 1)


@dataclass(frozen=True)
class Answers:
    origin: str
    municipality: object = None  # a Municipality, or None: not decided yet
    children: tuple = ()
    work: str = ""
    job_offer: bool = False
    car: bool = False
    moving_date: date | None = None


@dataclass(frozen=True)
class Source:
    url: str
    publisher: str
    as_of: str = ""


@dataclass(frozen=True)
class OfficeEntry:
    """Who is responsible, as the plan shows it; `where` names the municipality an entry is for
    when the plan lists more than one (municipality not decided yet)."""

    name: str
    address: str = ""
    website: str = ""
    phone: str = ""
    phone_uri: str = ""
    source: Source | None = None
    note: str = ""
    note_source: Source | None = None
    where: str = ""
    ask_here: bool = False  # the town hall without a known office: ask there
    municipality_unknown: bool = False
    welcome_center: bool = False


@dataclass
class PlannedStep:
    step: object
    deadline: date | None
    offices: list = field(default_factory=list)

    @property
    def source(self):
        step = self.step
        return Source(step.source_url, step.source_publisher, step.as_of_display)

    @property
    def things_to_bring(self):
        return lines(self.step.what_to_bring)

    @property
    def paragraphs(self):
        return lines(self.step.text)


def add_months(day, months):
    """The same day `months` later; the month's last day where it is shorter (31 Jan → 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def deadline_after(moving_date, amount, unit):
    """The last day of a deadline of `amount` days, weeks or months after moving in."""
    if unit == "days":
        return moving_date + timedelta(days=amount)
    if unit == "weeks":
        return moving_date + timedelta(weeks=amount)
    return add_months(moving_date, amount)


def office_entry(responsibility, where=""):
    office = responsibility.office
    note_source = None
    if responsibility.note:
        note_source = Source(
            responsibility.note_source_url,
            responsibility.note_source_publisher,
            as_of_text(responsibility.note_source_as_of),
        )
    return OfficeEntry(
        name=office.name,
        address=office.address,
        website=office.website,
        phone=office.phone,
        phone_uri=office.phone_uri if office.phone else "",
        source=Source(office.source_url, office.source_publisher, office.as_of_display),
        note=responsibility.note,
        note_source=note_source,
        where=where,
    )


def town_hall_entry(municipality):
    return OfficeEntry(
        name=gettext("Town hall of %(name)s") % {"name": municipality.name},
        address=municipality.town_hall_address,
        website=municipality.website,
        phone=municipality.town_hall_phone,
        phone_uri=tel_uri(municipality.town_hall_phone) if municipality.town_hall_phone else "",
        ask_here=True,
    )


def center_entry(center):
    if center is None:
        return OfficeEntry(name=gettext("Welcome-Center Kreis Düren"), welcome_center=True)
    return OfficeEntry(
        name=center.name,
        address=center.address_line,
        phone=center.phone,
        phone_uri=center.phone_uri,
        welcome_center=True,
    )


def offices_for(step, municipality, center):
    """The responsible office in the person's municipality; with the municipality not decided
    yet, the office for all of them and the exceptions."""
    responsibilities = list(step.responsibilities.all())
    default = next((r for r in responsibilities if r.municipality_id is None), None)
    if municipality is not None:
        own = next((r for r in responsibilities if r.municipality_id == municipality.pk), None)
        if own or default:
            return [office_entry(own or default)]
        if step.municipal:
            return [town_hall_entry(municipality)]
        return [center_entry(center)]
    if default is None:
        if step.municipal:
            return [
                OfficeEntry(
                    name=gettext("The town hall of the town or municipality you move to"),
                    municipality_unknown=True,
                )
            ]
        return [center_entry(center)]
    exceptions = [r for r in responsibilities if r.municipality_id is not None]
    if not exceptions:
        return [office_entry(default)]
    return [office_entry(r, where=r.municipality.name) for r in exceptions] + [
        office_entry(default, where=gettext("Everywhere else"))
    ]


def build_plan(answers, steps, center):
    """The steps in order, each with its deadline (with a moving date) and its offices."""
    plan = []
    for step in steps:
        deadline = None
        if step.has_deadline and answers.moving_date:
            deadline = deadline_after(answers.moving_date, step.deadline_amount, step.deadline_unit)
        plan.append(
            PlannedStep(
                step=step,
                deadline=deadline,
                offices=offices_for(step, answers.municipality, center),
            )
        )
    return plan


def plan_calendar(plan, *, plan_url, uid_seed):
    """The deadlines of the plan as an iCalendar file: a whole-day entry on each last day, with
    reminders a week and a day before."""
    entries = []
    for planned in plan:
        if planned.deadline is None:
            continue
        step = planned.step
        description = "\n\n".join(
            [
                step.text,
                gettext("Responsible: %(offices)s")
                % {"offices": "; ".join(office.name for office in planned.offices)},
                gettext("Source: %(publisher)s, %(url)s")
                % {"publisher": step.source_publisher, "url": step.source_url},
                plan_url,
            ]
        )
        summary = gettext("Deadline: %(title)s") % {"title": step.title}
        entry = ical.calendar_entry(
            uid=f"first-steps-{uid_seed}-{step.key}@{ical.calendar_domain()}",
            start=planned.deadline,
            summary=summary,
            description=description,
            url=plan_url,
        )
        for days in REMINDER_DAYS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary)
            alarm.add("trigger", timedelta(days=-days))
            entry.add_component(alarm)
        entries.append(entry)
    return ical.calendar_file(entries, name=gettext("My first steps in the Kreis Düren"))
