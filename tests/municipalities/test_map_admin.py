"""The district map's data in the admin: positions with their sources, approximate stations
marked, a line's stops in order, and the rules that keep a position complete."""

import re

import pytest
from django.urls import reverse

from municipalities.models import Municipality, RailLine, Station
from welcome.models import WelcomeCenter

pytestmark = pytest.mark.django_db


def test_the_station_list_marks_stations_drawn_at_their_village(admin_client, initial_content):
    url = reverse("admin:municipalities_station_changelist")
    page = admin_client.get(url, {"coordinate_basis__exact": "village"}).content.decode()
    assert "Ungefähre Position" in page
    assert "der Ort, den er bedient (ungefähr)" in page
    names = re.findall(r'<th class="field-name"><a href="[^"]*">([^<]*)</a>', page)
    assert "Tetz" in names and "Jülich" not in names  # Jülich has a position of its own


def test_a_line_shows_its_stops_in_order(admin_client, initial_content):
    line = RailLine.objects.get(key="rb-28")
    page = admin_client.get(
        reverse("admin:municipalities_railline_change", args=[line.pk])
    ).content.decode()
    names = ["Düren (Hbf)", "Nörvenich-Binsfeld", "Vettweiß-Jakobwüllesheim"]
    positions = [page.index(f"{name}</option>") for name in names]
    assert positions == sorted(positions)
    assert "Stand" in page and 'value="2023-01-17"' in page


def test_the_municipality_form_has_its_position_and_source(admin_client, initial_content):
    juelich = Municipality.objects.get(slug="juelich")
    url = reverse("admin:municipalities_municipality_change", args=[juelich.pk])
    page = admin_client.get(url).content.decode()
    assert "Position auf der Kreiskarte" in page
    assert 'value="50.922222"' in page
    assert "https://en.wikipedia.org/wiki/J%C3%BClich" in page


def test_a_position_needs_both_coordinates_and_a_source(initial_content):
    from django.core.exceptions import ValidationError

    titz = Municipality.objects.get(slug="titz")
    titz.coordinate_source = ""
    with pytest.raises(ValidationError, match="Quelle der Position"):
        titz.full_clean()
    station = Station.objects.get(key="tetz")
    station.coordinate_basis = Station.CoordinateBasis.NONE
    with pytest.raises(ValidationError, match="keine Position bekannt"):
        station.full_clean()


def test_staff_enter_the_centers_position_in_the_admin(admin_client, initial_content):
    center = WelcomeCenter.objects.get()
    page = admin_client.get(
        reverse("admin:welcome_welcomecenter_change", args=[center.pk])
    ).content.decode()
    assert "Position auf der Kreiskarte" in page
    assert 'name="latitude"' in page and 'name="longitude"' in page
