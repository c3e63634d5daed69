from io import StringIO

from django.core.management import call_command

from municipalities.models import Municipality
from welcome.models import CenterFact, OpeningHours, WelcomeCenter


def load():
    call_command("load_initial_content", stdout=StringIO())


def test_loads_the_center_with_its_contact_data(db):
    load()
    center = WelcomeCenter.objects.get()
    assert center.street == "Moltkestraße 39"
    assert center.city == "Düren"
    assert center.quarter == "Bismarck-Quartier"
    assert center.phone == "02421 10 60 114"
    assert center.email == "amt60@kreis-dueren.de"
    assert center.postcode == ""  # not confirmed by a source: left for staff


def test_loads_the_opening_hours_of_the_announcement(db):
    load()
    hours = [
        (h.weekday, h.opens.strftime("%H:%M"), h.closes.strftime("%H:%M"))
        for h in OpeningHours.objects.all()
    ]
    assert hours == [
        (0, "10:00", "16:00"),
        (1, "10:00", "16:00"),
        (2, "10:00", "16:00"),
        (3, "10:00", "16:00"),
        (4, "10:00", "13:00"),
    ]


def test_loads_the_fifteen_municipalities_with_their_facts(db):
    load()
    assert Municipality.objects.count() == 15
    juelich = Municipality.objects.get(slug="juelich")
    assert juelich.kind == Municipality.Kind.TOWN
    assert juelich.population == 33359
    assert str(juelich.population_date) == "2023-12-31"
    assert juelich.website == "https://www.juelich.de"


def test_running_twice_changes_nothing(db):
    load()
    load()
    assert WelcomeCenter.objects.count() == 1
    assert OpeningHours.objects.count() == 5
    assert Municipality.objects.count() == 15


def test_running_again_keeps_what_staff_edited(db):
    load()
    center = WelcomeCenter.objects.get()
    center.phone = "02421 99"
    center.save()
    hours = OpeningHours.objects.get(weekday=4)
    hours.closes = hours.closes.replace(hour=14)
    hours.save()
    OpeningHours.objects.filter(weekday=3).delete()
    load()
    assert WelcomeCenter.objects.get().phone == "02421 99"
    assert OpeningHours.objects.get(weekday=4).closes.hour == 14
    assert not OpeningHours.objects.filter(weekday=3).exists()


def test_loads_the_sourced_facts_about_the_center(db):
    load()
    fact = CenterFact.objects.get(key="center-opening")
    assert "Bismarck-Quartier" in fact.text_de
    assert fact.source_publisher == "Kreis Düren"
    assert fact.as_of_display
