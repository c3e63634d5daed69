"""The opening-hours engine on real dates of 2026/2027, in Europe/Berlin."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from welcome.opening_hours import (
    Schedule,
    SpecialDay,
    check_appointment_time,
    status_at,
    upcoming_exceptions,
    week,
)

BERLIN = ZoneInfo("Europe/Berlin")
REGULAR = tuple([(weekday, time(10), time(16)) for weekday in range(4)] + [(4, time(10), time(13))])


def at(year, month, day, hour, minute=0, fold=0):
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN, fold=fold)


@pytest.fixture
def schedule():
    return Schedule(regular=REGULAR, by_appointment=True)


def test_open_on_a_regular_monday(schedule):
    status = status_at(schedule, at(2026, 6, 8, 11))
    assert status.is_open
    assert status.until == at(2026, 6, 8, 16)
    assert status.text == "Jetzt geöffnet bis 16:00 Uhr"


def test_friday_open_at_12_59_and_closed_at_13_00_exactly(schedule):
    assert status_at(schedule, at(2026, 6, 12, 12, 59)).is_open
    status = status_at(schedule, at(2026, 6, 12, 13, 0))
    assert not status.is_open
    assert status.next_opening == at(2026, 6, 15, 10)
    assert status.text == "Geschlossen – öffnet Montag um 10:00 Uhr"


def test_opening_minute_is_open_and_the_minute_before_is_closed(schedule):
    assert status_at(schedule, at(2026, 6, 8, 10, 0)).is_open
    status = status_at(schedule, at(2026, 6, 8, 9, 59))
    assert not status.is_open
    assert status.text == "Geschlossen – öffnet heute um 10:00 Uhr"


def test_closed_on_fronleichnam(schedule):
    status = status_at(schedule, at(2026, 6, 4, 11))  # Thursday
    assert not status.is_open
    assert status.day.holiday == "Fronleichnam"
    assert status.note == "Feiertag: Fronleichnam"
    assert status.next_opening == at(2026, 6, 5, 10)
    assert status.text == "Geschlossen – öffnet morgen um 10:00 Uhr"


def test_closed_on_easter_monday_and_good_friday(schedule):
    assert not status_at(schedule, at(2026, 4, 6, 11)).is_open  # Ostermontag
    assert not status_at(schedule, at(2026, 4, 3, 11)).is_open  # Karfreitag
    status = status_at(schedule, at(2026, 4, 2, 16, 30))  # Thursday before Easter
    assert status.next_opening == at(2026, 4, 7, 10)
    assert status.text == "Geschlossen – öffnet Dienstag um 10:00 Uhr"


def test_all_saints_on_a_sunday_changes_nothing_and_on_a_monday_closes(schedule):
    sunday = schedule.day(date(2026, 11, 1))
    assert sunday.holiday == "Allerheiligen"
    assert not sunday.is_special  # closed on Sundays anyway
    monday = schedule.day(date(2027, 11, 1))
    assert monday.holiday == "Allerheiligen"
    assert not monday.is_open
    assert status_at(schedule, at(2027, 10, 29, 14)).next_opening == at(2027, 11, 2, 10)


def test_closed_at_christmas(schedule):
    assert not schedule.day(date(2026, 12, 25)).is_open  # Friday, Erster Weihnachtstag
    assert schedule.day(date(2026, 12, 25)).holiday == "Erster Weihnachtstag"
    status = status_at(schedule, at(2026, 12, 24, 16))
    assert status.next_opening == at(2026, 12, 28, 10)


@pytest.mark.parametrize(
    "day",
    [date(2026, 1, 6), date(2025, 10, 31), date(2028, 10, 31)],
    ids=["heilige-drei-koenige", "reformationstag-friday", "reformationstag-tuesday"],
)
def test_days_that_are_no_holiday_in_nrw_are_open(schedule, day):
    assert schedule.day(day).holiday is None
    assert schedule.day(day).is_open


def test_spring_dst_switch_sunday(schedule):
    # 2026-03-29: 02:00 CET becomes 03:00 CEST. Saturday noon, the next opening is Monday 10:00
    # summer time, which is 08:00 UTC (68 hours after Friday 13:00 CET, not 69).
    status = status_at(schedule, at(2026, 3, 28, 12))
    assert status.next_opening == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
    assert status.text == "Geschlossen – öffnet Montag um 10:00 Uhr"
    friday_close = status_at(schedule, at(2026, 3, 27, 12)).until
    # Same-tzinfo subtraction in Python is wall-clock arithmetic; compare in UTC.
    elapsed = status.next_opening.astimezone(UTC) - friday_close.astimezone(UTC)
    assert elapsed.total_seconds() == 68 * 3600
    during_switch = status_at(schedule, datetime(2026, 3, 29, 1, 30, tzinfo=UTC))  # 03:30 CEST
    assert during_switch.next_opening == at(2026, 3, 30, 10)
    assert status_at(schedule, datetime(2026, 3, 30, 8, 0, tzinfo=UTC)).is_open
    assert not status_at(schedule, datetime(2026, 3, 30, 7, 59, tzinfo=UTC)).is_open


def test_autumn_dst_switch_sunday(schedule):
    # 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:30 happens twice.
    for fold in (0, 1):
        status = status_at(schedule, at(2026, 10, 25, 2, 30, fold=fold))
        assert not status.is_open
        assert status.next_opening == datetime(2026, 10, 26, 9, 0, tzinfo=UTC)
    assert status_at(schedule, datetime(2026, 10, 26, 9, 0, tzinfo=UTC)).is_open
    assert not status_at(schedule, datetime(2026, 10, 26, 8, 59, tzinfo=UTC)).is_open
    # Friday before: closes 13:00 CEST = 11:00 UTC.
    assert status_at(schedule, at(2026, 10, 23, 12)).until == datetime(
        2026, 10, 23, 11, 0, tzinfo=UTC
    )


def test_exception_on_a_holiday_overrides_it(schedule):
    special = SpecialDay(
        date(2026, 6, 4), closed=False, intervals=((time(10), time(12)),), reason="Aktionstag"
    )
    schedule = Schedule(regular=REGULAR, exceptions=(special,))
    status = status_at(schedule, at(2026, 6, 4, 11))
    assert status.is_open
    assert status.until == at(2026, 6, 4, 12)
    assert status.note == "Aktionstag"
    assert not status_at(schedule, at(2026, 6, 4, 12)).is_open


def test_exception_with_special_hours(schedule):
    christmas_eve = SpecialDay(
        date(2026, 12, 24),
        closed=False,
        intervals=((time(9), time(11)), (time(10, 30), time(12))),
        reason="Heiligabend",
    )
    schedule = Schedule(regular=REGULAR, exceptions=(christmas_eve,))
    day = schedule.day(date(2026, 12, 24))
    assert day.intervals == ((time(9), time(12)),)  # overlapping intervals merged
    assert status_at(schedule, at(2026, 12, 24, 9)).is_open
    status = status_at(schedule, at(2026, 12, 24, 13))
    assert not status.is_open
    assert status.next_opening == at(2026, 12, 28, 10)


def test_closure_with_reason(schedule):
    rosenmontag = SpecialDay(date(2026, 2, 16), closed=True, reason="Rosenmontag")
    schedule = Schedule(regular=REGULAR, exceptions=(rosenmontag,))
    status = status_at(schedule, at(2026, 2, 16, 11))
    assert not status.is_open
    assert status.note == "Rosenmontag"
    assert status.next_opening == at(2026, 2, 17, 10)


def test_next_opening_far_ahead_names_the_date(schedule):
    days = [SpecialDay(date(2026, 7, day), closed=True, reason="Umzug") for day in range(1, 16)]
    schedule = Schedule(regular=REGULAR, exceptions=tuple(days))
    status = status_at(schedule, at(2026, 7, 1, 11))
    assert status.next_opening == at(2026, 7, 16, 10)
    assert status.text == "Geschlossen – öffnet am Donnerstag, 16. Juli 2026 um 10:00 Uhr"


def test_never_open_says_by_appointment():
    schedule = Schedule(regular=(), by_appointment=True)
    assert status_at(schedule, at(2026, 6, 8, 11)).text == "Nach Vereinbarung"
    assert status_at(Schedule(), at(2026, 6, 8, 11)).text == "Geschlossen"


def test_status_in_english(schedule):
    with translation.override("en"):
        assert status_at(schedule, at(2026, 6, 8, 11)).text == "Open now until 16:00"
        status = status_at(schedule, at(2026, 6, 4, 11))
        assert status.day.holiday == "Corpus Christi"
        assert status.text == "Closed – opens tomorrow at 10:00"
        assert status_at(schedule, at(2026, 6, 12, 13)).text == "Closed – opens Monday at 10:00"


def test_week_marks_holidays_and_exceptions(schedule):
    special = SpecialDay(date(2026, 6, 5), closed=True, reason="Betriebsausflug")
    schedule = Schedule(regular=REGULAR, exceptions=(special,))
    days = week(schedule, date(2026, 6, 1))
    assert [day.date for day in days] == [date(2026, 6, day) for day in range(1, 8)]
    assert [day.is_open for day in days] == [True, True, True, False, False, False, False]
    assert days[3].holiday == "Fronleichnam"
    assert days[4].exception == special
    assert days[4].note == "Betriebsausflug"
    assert days[0].hours_text == "10:00–16:00 Uhr"
    assert days[5].hours_text == "Geschlossen"


def test_upcoming_exceptions_include_holidays_on_working_days_only(schedule):
    special = SpecialDay(date(2026, 5, 30), closed=False, intervals=((time(10), time(14)),))
    schedule = Schedule(regular=REGULAR, exceptions=(special,))
    days = upcoming_exceptions(schedule, date(2026, 5, 2), limit=4)
    assert [(day.date, day.note) for day in days] == [
        (date(2026, 5, 14), "Feiertag: Christi Himmelfahrt"),
        (date(2026, 5, 25), "Feiertag: Pfingstmontag"),
        (date(2026, 5, 30), "Besondere Öffnungszeiten"),
        (date(2026, 6, 4), "Feiertag: Fronleichnam"),
    ]


def test_upcoming_exceptions_skip_a_sunday_holiday(schedule):
    days = upcoming_exceptions(schedule, date(2026, 10, 4), limit=2)
    assert [day.date for day in days] == [date(2026, 12, 24 + 1), date(2027, 1, 1)]


class TestAppointmentTime:
    now = at(2026, 5, 20, 9)

    def test_valid_time(self, schedule):
        assert check_appointment_time(schedule, at(2026, 6, 8, 10), self.now) is None
        assert check_appointment_time(schedule, at(2026, 6, 12, 12, 30), self.now) is None

    def test_past(self, schedule):
        message = check_appointment_time(schedule, at(2026, 5, 19, 11), self.now)
        assert message == "Bitte wählen Sie einen Zeitpunkt in der Zukunft."

    def test_public_holiday(self, schedule):
        message = check_appointment_time(schedule, at(2026, 6, 4, 11), self.now)
        assert message == "Donnerstag, 4. Juni 2026 ist ein Feiertag (Fronleichnam)."

    def test_closure(self, schedule):
        closure = SpecialDay(date(2026, 6, 8), closed=True, reason="Fortbildung")
        schedule = Schedule(regular=REGULAR, exceptions=(closure,))
        message = check_appointment_time(schedule, at(2026, 6, 8, 11), self.now)
        assert message == "Das Welcome-Center ist am Montag, 8. Juni 2026 geschlossen: Fortbildung."

    def test_outside_hours_names_the_hours_of_that_day(self, schedule):
        message = check_appointment_time(schedule, at(2026, 6, 12, 13), self.now)
        assert message == (
            "Dieser Zeitpunkt liegt außerhalb der Öffnungszeiten. Am Freitag, 12. Juni 2026 ist "
            "das Welcome-Center 10:00–13:00 Uhr geöffnet."
        )

    def test_weekend(self, schedule):
        message = check_appointment_time(schedule, at(2026, 6, 13, 11), self.now)
        assert message == "Das Welcome-Center ist am Samstag, 13. Juni 2026 geschlossen."

    def test_english(self, schedule):
        with translation.override("en"):
            message = check_appointment_time(schedule, at(2026, 6, 4, 11), self.now)
        assert message == "Thursday, 4 June 2026 is a public holiday (Corpus Christi)."


def test_seconds_until_change_counts_real_seconds_across_dst(schedule):
    status = status_at(schedule, at(2026, 3, 27, 13))  # Friday, closed from 13:00 CET
    assert status.seconds_until_change() == 68 * 3600
    status = status_at(schedule, at(2026, 10, 23, 13))  # Friday, closed from 13:00 CEST
    assert status.seconds_until_change() == 70 * 3600


@pytest.mark.django_db
def test_center_schedule_from_the_database(initial_content, django_assert_num_queries):
    from welcome.models import OpeningException, WelcomeCenter

    center = WelcomeCenter.objects.get()
    rosenmontag = OpeningException.objects.create(
        center=center, start_date=date(2027, 2, 8), reason_de="Rosenmontag", reason_en="Carnival"
    )
    range_ = OpeningException.objects.create(
        center=center,
        start_date=date(2027, 2, 7),
        end_date=date(2027, 2, 10),
        closed=False,
        reason_de="Kurze Öffnungszeiten",
    )
    range_.intervals.create(opens=time(10), closes=time(12))
    OpeningException.objects.create(center=center, start_date=date(2026, 1, 5), reason="Alt")
    assert rosenmontag.end_date == date(2027, 2, 8)

    center = WelcomeCenter.objects.get_current()
    with django_assert_num_queries(2):
        schedule = center.schedule(today=date(2027, 1, 1))
        center.schedule(today=date(2027, 1, 1))  # kept on the instance
    assert [special.date for special in schedule.exceptions] == [
        date(2027, 2, 7),
        date(2027, 2, 8),
        date(2027, 2, 9),
        date(2027, 2, 10),
        date(2027, 2, 8),  # the single day overrides the range
    ]
    assert not schedule.day(date(2027, 2, 8)).is_open
    assert schedule.day(date(2027, 2, 8)).note == "Rosenmontag"
    assert schedule.day(date(2027, 2, 9)).intervals == ((time(10), time(12)),)
    with translation.override("en"):
        assert center.schedule(today=date(2027, 1, 1)).day(date(2027, 2, 8)).note == "Carnival"
    assert status_at(schedule, at(2027, 2, 9, 11)).until == at(2027, 2, 9, 12)
