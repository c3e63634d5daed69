"""The first Fridays that the admin proposes, with NRW public holidays left out."""

from datetime import date

from onestopshop.proposals import first_friday, first_fridays, proposals


def test_first_friday_of_a_month():
    assert first_friday(2024, 3) == date(2024, 3, 1)
    assert first_friday(2026, 12) == date(2026, 12, 4)
    assert first_friday(2027, 1) == date(2027, 1, 1)


def test_the_coming_first_fridays_start_after_today():
    assert first_fridays(date(2026, 12, 4), 2) == [date(2027, 1, 1), date(2027, 2, 5)]
    assert first_fridays(date(2026, 12, 1), 1) == [date(2026, 12, 4)]


def test_a_public_holiday_is_ruled_out_with_its_name():
    # 1 May 2026 (Tag der Arbeit) and 1 January 2027 (Neujahr) are first Fridays.
    proposed = proposals(date(2026, 4, 10), 1)
    assert proposed[0].date == date(2026, 5, 1)
    assert proposed[0].holiday
    assert not proposed[0].is_possible
    new_year = proposals(date(2026, 12, 10), 1)[0]
    assert new_year.date == date(2027, 1, 1)
    assert not new_year.is_possible


def test_an_existing_date_is_not_proposed_again():
    (proposal,) = proposals(date(2026, 11, 1), 1, existing=[date(2026, 11, 6)])
    assert proposal.exists
    assert not proposal.is_possible
