"""The contact page, the footer status and the JSON-LD agree with the opening-hours engine."""

import json
import re
from datetime import date, time
from http import HTTPStatus

import pytest

from welcome.models import OpeningException, WelcomeCenter
from welcome.opening_hours import status_at, upcoming_exceptions, week

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(html):
    return json.loads(JSON_LD.search(html).group(1))


def test_contact_page_in_german(client, initial_content, freeze_now):
    freeze_now(2026, 6, 8, 11)
    response = client.get("/kontakt/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Moltkestraße 39" in html
    assert "Bismarck-Quartier" in html
    assert 'href="tel:+4924211060114"' in html
    assert 'href="mailto:amt60@kreis-dueren.de"' in html
    assert "https://www.openstreetmap.org/search?query=Moltkestra%C3%9Fe+39%2C+D%C3%BCren" in html
    assert "<iframe" not in html
    assert "Jetzt geöffnet bis 16:00 Uhr" in html
    assert "Rurtalbahn RB 21" in html
    assert "Parken" not in html  # staff have not filled it in
    assert "Barrierefreiheit des Gebäudes" not in html
    assert not response.cookies


def test_contact_page_in_english(client, initial_content, freeze_now):
    freeze_now(2026, 6, 12, 13)
    html = client.get("/en/contact/").content.decode()
    assert '<html lang="en"' in html
    assert "Contact and directions" in html
    assert "Closed – opens Monday at 10:00" in html
    assert "Düren station is served by" in html


def test_staff_filled_parking_and_accessibility_are_shown(client, initial_content):
    WelcomeCenter.objects.update(
        parking_de="Parkhaus in der Nähe.", accessibility_de="Stufenloser Eingang."
    )
    html = client.get("/kontakt/").content.decode()
    assert "Parkhaus in der Nähe." in html
    assert "Stufenloser Eingang." in html


@pytest.mark.parametrize(
    "moment",
    [
        (2026, 6, 4, 11),  # Fronleichnam
        (2026, 6, 12, 12, 59),  # Friday, last open minute
        (2026, 6, 12, 13, 0),  # Friday, closed
        (2026, 3, 29, 3, 30),  # spring DST switch
        (2026, 10, 25, 2, 30),  # autumn DST switch
        (2026, 12, 23, 15),  # before Christmas with a staff closure on the 24th
        (2027, 2, 8, 11),  # Rosenmontag closure
        (2027, 10, 29, 12),  # Friday before Allerheiligen on a Monday
    ],
)
def test_page_status_week_and_json_ld_agree_with_the_engine(
    client, initial_content, freeze_now, moment
):
    center = WelcomeCenter.objects.get()
    OpeningException.objects.create(
        center=center, start_date=date(2026, 12, 24), reason="Heiligabend"
    )
    OpeningException.objects.create(
        center=center, start_date=date(2027, 2, 8), reason="Rosenmontag"
    )
    special = OpeningException.objects.create(
        center=center, start_date=date(2026, 12, 30), closed=False, reason="Kurzer Tag"
    )
    special.intervals.create(opens=time(10), closes=time(12))
    now = freeze_now(*moment)
    html = client.get("/kontakt/").content.decode()

    schedule = WelcomeCenter.objects.get_current().schedule(now.date())
    assert status_at(schedule, now).text in html
    for day in week(schedule, now.date()):
        row = re.search(rf'<tr [^>]*data-date="{day.date.isoformat()}">(.*?)</tr>', html, re.S)
        assert day.hours_text in row.group(1)
        assert day.note in row.group(1)

    data = json_ld(html)
    assert data["@type"] == "GovernmentOffice"
    assert data["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [
                "https://schema.org/Monday",
                "https://schema.org/Tuesday",
                "https://schema.org/Wednesday",
                "https://schema.org/Thursday",
            ],
            "opens": "10:00",
            "closes": "16:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Friday"],
            "opens": "10:00",
            "closes": "13:00",
        },
    ]
    exceptions = upcoming_exceptions(schedule, now.date(), limit=8)
    expected = []
    for day in exceptions:
        assert f'data-date="{day.date.isoformat()}"' in html
        for opens, closes in day.intervals or (("00:00", "00:00"),):
            expected.append(
                (
                    day.date.isoformat(),
                    opens if isinstance(opens, str) else opens.strftime("%H:%M"),
                    closes if isinstance(closes, str) else closes.strftime("%H:%M"),
                )
            )
    specials = data["specialOpeningHoursSpecification"]
    assert [(s["validFrom"], s["opens"], s["closes"]) for s in specials] == expected
    assert all(s["validFrom"] == s["validThrough"] for s in specials)


def test_json_ld_lists_christmas_eve_closure_and_special_hours(client, initial_content, freeze_now):
    center = WelcomeCenter.objects.get()
    OpeningException.objects.create(
        center=center, start_date=date(2026, 12, 24), reason="Heiligabend"
    )
    special = OpeningException.objects.create(
        center=center, start_date=date(2026, 12, 30), closed=False, reason="Kurzer Tag"
    )
    special.intervals.create(opens=time(10), closes=time(12))
    freeze_now(2026, 12, 20, 12)
    html = client.get("/kontakt/").content.decode()
    specials = {
        (s["validFrom"], s["opens"], s["closes"], s["description"])
        for s in json_ld(html)["specialOpeningHoursSpecification"]
    }
    assert ("2026-12-24", "00:00", "00:00", "Heiligabend") in specials
    assert ("2026-12-25", "00:00", "00:00", "Feiertag: Erster Weihnachtstag") in specials
    assert ("2026-12-30", "10:00", "12:00", "Kurzer Tag") in specials
    assert "Donnerstag, 24. Dezember 2026" in html


def test_json_ld_is_escaped(client, initial_content, freeze_now):
    center = WelcomeCenter.objects.get()
    OpeningException.objects.create(
        center=center, start_date=date(2026, 6, 9), reason="</script><script>alert(1)</script> & co"
    )
    freeze_now(2026, 6, 8, 11)
    html = client.get("/kontakt/").content.decode()
    script = JSON_LD.search(html).group(1)
    assert "<" not in script and ">" not in script and "&" not in script
    assert "alert(1)</script> & co" in json.dumps(json.loads(script), ensure_ascii=False)
    assert "<script>alert(1)" not in html


def test_footer_shows_the_status_on_every_page(client, initial_content, freeze_now):
    freeze_now(2026, 6, 4, 11)
    html = client.get("/gemeinden/").content.decode()
    assert "Geschlossen – öffnet morgen um 10:00 Uhr" in html
    assert "(Feiertag: Fronleichnam)" in html


def test_status_is_computed_per_request(client, initial_content, freeze_now):
    freeze_now(2026, 6, 12, 12, 59)
    assert "Jetzt geöffnet bis 13:00 Uhr" in client.get("/").content.decode()
    freeze_now(2026, 6, 12, 13, 0)
    html = client.get("/").content.decode()
    assert "Jetzt geöffnet" not in html
    assert "Geschlossen – öffnet Montag um 10:00 Uhr" in html


def test_contact_page_queries_are_bounded(
    client, initial_content, page_cache_off, django_assert_max_num_queries
):
    center = WelcomeCenter.objects.get()
    for day in range(1, 29):
        exception = OpeningException.objects.create(
            center=center, start_date=date(2030, 2, day), closed=False, reason=str(day)
        )
        exception.intervals.create(opens=time(9), closes=time(11))
    with django_assert_max_num_queries(8):
        assert client.get("/kontakt/").status_code == HTTPStatus.OK


def test_phone_numbers_are_international_on_english_pages(client, initial_content):
    german = client.get("/kontakt/").content.decode()
    english = client.get("/en/contact/").content.decode()
    assert ">02421 10 60 114<" in german
    assert ">+49 2421 10 60 114<" in english
    assert ">02421 10 60 114<" not in english
    assert "+49 2421 10 60 114" in client.get("/en/legal-notice/").content.decode()


def test_english_holiday_names_are_british():
    from datetime import date

    from welcome.opening_hours import holiday_name

    assert holiday_name(date(2027, 5, 17), "en") == "Whit Monday"
    assert holiday_name(date(2027, 5, 1), "en") == "Labour Day"
    assert holiday_name(date(2027, 5, 17), "de") == "Pfingstmontag"
