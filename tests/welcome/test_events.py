"""Events: querysets, the pages in both languages and the iCalendar files parsed back."""

import re
from datetime import date, datetime, time, timedelta
from http import HTTPStatus
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from municipalities.models import Municipality
from welcome.models import Event

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def test_upcoming_past_and_for_municipality(make_event, initial_content):
    juelich = Municipality.objects.get(slug="juelich")
    today = date(2026, 6, 10)
    past = make_event(start_date=date(2026, 6, 1))
    running = make_event(start_date=date(2026, 6, 1), end_date=date(2026, 6, 30))
    later = make_event(start_date=date(2026, 7, 1), municipality=juelich)
    soon = make_event(start_date=date(2026, 6, 10), start_time=time(10), end_time=time(12))
    make_event(start_date=date(2026, 6, 20), published=False)
    assert list(Event.objects.upcoming(today)) == [running, soon, later]
    assert list(Event.objects.past(today)) == [past]
    assert list(Event.objects.upcoming(today).for_municipality(juelich)) == [later]
    assert list(juelich.events.all()) == [later]


def test_event_validation(make_event):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        make_event(start_date=date(2026, 6, 10), end_date=date(2026, 6, 9))
    assert "end_date" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_event(start_date=date(2026, 6, 10), start_time=time(12), end_time=time(10))
    assert "end_time" in error.value.message_dict


def test_event_pages_in_both_languages(client, initial_content, make_event, freeze_now):
    freeze_now(2026, 6, 1, 12)
    juelich = Municipality.objects.get(slug="juelich")
    event = make_event(
        title_de="Jülich stellt sich vor",
        title_en="Jülich presents itself",
        slug="juelich-stellt-sich-vor",
        municipality=juelich,
        start_date=date(2026, 6, 12),
        start_time=time(10),
        end_time=time(12),
        description_de="Mit dem **Forschungszentrum**.",
    )
    make_event(title="Alte Ausstellung", start_date=date(2026, 5, 1), kind=Event.Kind.EXHIBITION)

    html = client.get("/veranstaltungen/").content.decode()
    assert "Jülich stellt sich vor" in html
    assert "Freitag, 12. Juni 2026, 10:00–12:00 Uhr" in re.sub(r"<[^>]+>", "", html)
    assert "Alte Ausstellung" not in html
    assert 'href="/veranstaltungen/kalender.ics"' in html

    html = client.get("/veranstaltungen/archiv/").content.decode()
    assert "Alte Ausstellung" in html
    assert "Jülich stellt sich vor" not in html

    response = client.get(event.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<strong>Forschungszentrum</strong>" in html
    assert 'href="/gemeinden/juelich/"' in html
    assert "Moltkestraße 39" in html  # the place defaults to the center
    assert 'href="/veranstaltungen/juelich-stellt-sich-vor.ics"' in html

    html = client.get("/en/events/juelich-stellt-sich-vor/").content.decode()
    assert "Jülich presents itself" in html
    assert "10:00–12:00" in html

    assert "Jülich stellt sich vor" in client.get("/").content.decode()


def test_unpublished_event_is_not_found(client, make_event):
    event = make_event(start_date=date(2030, 1, 1), published=False)
    assert client.get(event.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert client.get(f"/veranstaltungen/{event.slug}.ics").status_code == HTTPStatus.NOT_FOUND


def test_event_description_is_sanitised(client, make_event):
    event = make_event(
        start_date=date(2030, 1, 1),
        description='Hallo <script>alert(1)</script> <a href="javascript:alert(2)" onclick="x()">x</a>',
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "javascript:" not in html
    assert "onclick" not in html


def test_ics_of_a_timed_event_across_dst(client, initial_content, make_event):
    event = make_event(
        title="Infoabend",
        start_date=date(2026, 10, 26),  # first day of winter time
        start_time=time(18),
        end_time=time(20),
    )
    response = client.get(f"/veranstaltungen/{event.slug}.ics")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert "DTSTART;TZID=Europe/Berlin:20261026T180000" in body
    assert "BEGIN:VTIMEZONE" in body
    calendar = Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    start = vevent.decoded("dtstart")
    assert start == datetime(2026, 10, 26, 18, tzinfo=BERLIN)
    assert start.utcoffset() == timedelta(hours=1)
    assert vevent.decoded("dtend") == datetime(2026, 10, 26, 20, tzinfo=BERLIN)
    assert str(vevent["summary"]) == "Infoabend"
    assert "Moltkestraße 39" in str(vevent["location"])
    assert str(vevent["url"]).endswith(event.get_absolute_url())


def test_ics_of_an_exhibition_uses_whole_days(client, make_event):
    event = make_event(
        kind=Event.Kind.EXHIBITION, start_date=date(2026, 3, 2), end_date=date(2026, 3, 31)
    )
    [vevent] = Calendar.from_ical(client.get(f"/veranstaltungen/{event.slug}.ics").content).walk(
        "VEVENT"
    )
    assert vevent.decoded("dtstart") == date(2026, 3, 2)
    assert vevent.decoded("dtend") == date(2026, 4, 1)  # exclusive end


def test_subscribable_feed(client, make_event, freeze_now, django_assert_max_num_queries):
    freeze_now(2026, 6, 1, 12)
    for day in range(2, 22):
        make_event(start_date=date(2026, 6, day), start_time=time(10), end_time=time(11))
    make_event(title="Ganz alt", start_date=date(2025, 1, 1))
    make_event(title="Entwurf", start_date=date(2026, 7, 1), published=False)
    with django_assert_max_num_queries(3):
        response = client.get("/en/events/calendar.ics")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 20
    assert {str(e["summary"]) for e in events}.isdisjoint({"Ganz alt", "Entwurf"})
    assert len({str(e["uid"]) for e in events}) == 20
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"


def test_event_pages_queries_are_bounded(
    page_cache_off, client, initial_content, make_event, freeze_now, django_assert_max_num_queries
):
    freeze_now(2026, 6, 1, 12)
    juelich = Municipality.objects.get(slug="juelich")
    for day in range(2, 30):
        make_event(start_date=date(2026, 6, day), municipality=juelich)
        make_event(start_date=date(2026, 5, day), municipality=juelich)
    for url in [
        "/",
        "/veranstaltungen/",
        "/veranstaltungen/archiv/",
        "/veranstaltungen/veranstaltung-1/",
    ]:
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == HTTPStatus.OK, url


def test_municipality_events_include_lists_its_upcoming_presentations(
    initial_content, make_event, freeze_now, django_assert_num_queries
):
    from django.template.loader import render_to_string

    freeze_now(2026, 6, 1, 12)
    juelich = Municipality.objects.get(slug="juelich")
    make_event(title="Jülich im Center", municipality=juelich, start_date=date(2026, 6, 5))
    make_event(title="Vorbei", municipality=juelich, start_date=date(2026, 5, 5))
    make_event(title="Andere", start_date=date(2026, 6, 5))
    with django_assert_num_queries(1):
        html = render_to_string(
            "welcome/includes/municipality_events.html", {"municipality": juelich}
        )
    assert "Jülich im Welcome-Center" in html
    assert "Jülich im Center" in html
    assert "Vorbei" not in html and "Andere" not in html
    assert (
        render_to_string(
            "welcome/includes/municipality_events.html",
            {"municipality": Municipality.objects.get(slug="titz")},
        ).strip()
        == ""
    )
