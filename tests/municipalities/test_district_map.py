"""The district map on the home page, the list, every profile and the mobility topic page: an SVG
the site draws itself, with the same information as text beside it."""

import math
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from municipalities.district_map import LINE_GAP
from municipalities.models import Municipality, RailLine, Station
from welcome.models import WelcomeCenter

pytestmark = pytest.mark.django_db

MAP_PAGES = [
    "/",
    "/en/",
    "/gemeinden/",
    "/en/municipalities/",
    "/gemeinden/juelich/",
    "/en/municipalities/heimbach/",
    "/gemeinden/themen/mobilitaet/",
    "/en/municipalities/topics/mobility/",
]


class SvgParser(HTMLParser):
    """The map's elements: viewBox, links with their point and label, polylines, stations."""

    def __init__(self):
        super().__init__()
        self.view_box = None
        self.places = {}  # slug → {"href", "dot": (x, y), "label": (x, y), "current"}
        self.lines = {}  # key → [(x, y), …]
        self.stations = {}  # key → (x, y)
        self.texts = []
        self.styles = []
        self._place = None
        self._in_text = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.styles.append(tag)
        if tag == "svg" and "district-map__svg" in attrs.get("class", ""):
            self.view_box = [float(v) for v in attrs["viewbox"].split()]
            self.svg_attrs = attrs
        elif tag == "a" and "data-municipality" in attrs:
            self._place = {"href": attrs["href"], "current": attrs.get("aria-current")}
            self.places[attrs["data-municipality"]] = self._place
        elif tag == "circle" and self._place is not None and "district-map__dot" in attrs["class"]:
            self._place["dot"] = (float(attrs["cx"]), float(attrs["cy"]))
        elif tag == "text" and self._place is not None:
            self._place["label"] = (float(attrs["x"]), float(attrs["y"]))
        elif tag == "polyline":
            self.lines[attrs["data-line"]] = [
                tuple(map(float, pair.split(","))) for pair in attrs["points"].split()
            ]
        elif tag == "circle" and "data-station" in attrs:
            self.stations[attrs["data-station"]] = (float(attrs["cx"]), float(attrs["cy"]))
        if tag == "text":
            self._in_text = True

    def handle_endtag(self, tag):
        if tag == "a":
            self._place = None
        if tag == "text":
            self._in_text = False

    def handle_data(self, data):
        if self._in_text and data.strip():
            self.texts.append(data.strip())


def map_section(page):
    start = page.index('<section class="district-map"')
    return page[start : page.index("</section>", start)]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    parser = SvgParser()
    parser.feed(map_section(page))
    return page, parser


def inside(point, view_box):
    x, y = point
    return view_box[0] <= x <= view_box[2] and view_box[1] <= y <= view_box[3]


@pytest.mark.parametrize("url", MAP_PAGES)
def test_every_municipality_is_a_point_inside_the_map_that_links_to_its_profile(
    client, initial_content, url
):
    _page, svg = parse(client, url)
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    assert set(svg.places) == set(municipalities)
    english = url.startswith("/en/")
    for slug, place in svg.places.items():
        expected = f"/{'en/municipalities' if english else 'gemeinden'}/{slug}/"
        assert place["href"] == expected
        assert inside(place["dot"], svg.view_box), slug
        assert inside(place["label"], svg.view_box), slug


@pytest.mark.parametrize("url", ["/gemeinden/", "/en/municipalities/topics/mobility/"])
def test_each_line_passes_through_its_stations_in_order(client, initial_content, url):
    _page, svg = parse(client, url)
    assert set(svg.lines) == set(RailLine.objects.values_list("key", flat=True))
    tolerance = LINE_GAP * 3  # lines that share a track are drawn side by side
    for line in RailLine.objects.prefetch_related("stops__station"):
        vertices = svg.lines[line.key]
        drawn = [s.station.key for s in line.stops.all() if s.station.latitude is not None]
        indices = []
        for key in drawn:
            x, y = svg.stations[key]
            near = [
                i for i, (vx, vy) in enumerate(vertices) if math.hypot(vx - x, vy - y) <= tolerance
            ]
            assert near, (line.key, key)
            indices.append(min(i for i in near if not indices or i > indices[-1]))
        assert indices == sorted(indices) and len(set(indices)) == len(indices), line.key
        for point in vertices:
            assert inside(point, svg.view_box)


def test_stops_without_a_position_are_listed_but_not_drawn(client, initial_content):
    page, svg = parse(client, "/gemeinden/themen/mobilitaet/")
    assert "juelich-nord" not in svg.stations
    assert Station.objects.get(key="juelich-nord").latitude is None
    section = map_section(page)
    assert "Jülich Forschungszentrum – Jülich – Jülich Nord – Jülich An den Aspen" in section


def test_the_svg_is_labelled_and_described_and_drawn_without_styles_or_scripts(
    client, initial_content
):
    page, svg = parse(client, "/gemeinden/")
    assert svg.svg_attrs["aria-labelledby"] == "district-map-title"
    assert svg.svg_attrs["aria-describedby"] == "district-map-desc"
    section = map_section(page)
    assert '<title id="district-map-title">Karte des Kreises Düren</title>' in section
    assert re.search(r'<desc id="district-map-desc">Die 15 Städte und Gemeinden', section)
    assert svg.styles == []
    assert "<script" not in section and "<image" not in section
    assert 'href="/static/css/bundle.css"' in page  # its rules are in the one stylesheet


def test_the_text_beside_gives_stations_lines_and_straight_line_distances(client, initial_content):
    section = map_section(parse(client, "/gemeinden/")[0])
    assert "Luftlinie" in section
    # Jülich: 50.922222 N 6.358333 E; Düren 50.8 N 6.483333 E; Aachen; Köln.
    assert "Luftlinie: Düren 16\u00a0km · Aachen 25\u00a0km · Köln 41\u00a0km" in section
    assert "RB 21 an den Bahnhöfen Jülich-Selgersdorf, Jülich Forschungszentrum, Jülich" in section
    assert "RE 1, RE 9, RB 20 am Bahnhof Langerwehe" in section
    assert "Kein Bahnhof. Nächster: Tetz (RB 21), 9\u00a0km." in section  # Titz
    english = map_section(parse(client, "/en/municipalities/")[0])
    assert (
        "Straight-line distance: Düren 16\u00a0km · Aachen 25\u00a0km · Cologne 41\u00a0km"
        in english
    )


def test_the_profile_marks_its_municipality_and_names_its_stations(client, initial_content):
    page, svg = parse(client, "/gemeinden/juelich/")
    assert svg.places["juelich"]["current"] == "page"
    assert [slug for slug, p in svg.places.items() if p["current"]] == ["juelich"]
    assert {"Broich", "Jülich-Selgersdorf"} <= set(svg.texts)  # its stations are labelled
    section = map_section(page)
    assert "Wo Jülich liegt und welche Züge dort halten" in section
    assert "Rurtalbahn Nord: Düren – Jülich – Linnich" in section
    assert "Rurtalbahn Süd: Düren – Heimbach" not in section  # only the lines that stop there
    assert "Stand März 2022" in section


def test_a_profile_without_a_station_names_the_nearest(client, initial_content):
    section = map_section(parse(client, "/en/municipalities/titz/")[0])
    assert "Titz has no railway station." in section
    assert "The nearest is Tetz (RB 21), 9\u00a0km in a straight line." in section


def test_until_staff_enter_its_position_the_map_marks_dueren_and_names_the_address(
    client, initial_content
):
    center = WelcomeCenter.objects.get()
    assert center.latitude is None
    section = map_section(parse(client, "/gemeinden/")[0])
    assert (
        "Der Ring markiert Düren, wo das Welcome-Center ist: Bismarck-Quartier, Moltkestraße 39."
        in section
    )
    assert section.count('class="district-map__center"') == 1
    assert "district-map__text--center" not in section


def test_the_welcome_center_is_drawn_where_staff_entered_it(client, initial_content):
    WelcomeCenter.objects.update(latitude=Decimal("50.805000"), longitude=Decimal("6.486000"))
    page, svg = parse(client, "/en/")
    section = map_section(page)
    assert (
        "The ring marks the Welcome-Center: Moltkestraße 39, Düren (Bismarck-Quartier)." in section
    )
    assert "Welcome-Center" in svg.texts


def test_only_the_mobility_topic_shows_the_map(client, initial_content):
    assert 'class="district-map"' in client.get("/gemeinden/themen/mobilitaet/").content.decode()
    assert (
        'class="district-map"'
        not in client.get("/gemeinden/themen/kinderbetreuung/").content.decode()
    )


def test_the_sources_are_named_with_their_dates(client, initial_content):
    section = map_section(parse(client, "/gemeinden/")[0])
    assert "Quellen der Karte" in section
    assert (
        '<a class="kern-link" href="https://dn-news.de/noervenich/2023/01/17/'
        'eifel-boerdebahn-faehrt-jetzt-stuendlich">dn-news.de</a> (Stand 17. Januar 2023; '
        "geprüft 1. Dezember 2026): RB 28 Eifel-Bördebahn"
    ) in section
    assert "Wikipedia (de): Bahnhof Düren" in section
    for host in ("206.189.44.186", "wiki.li", "zxc.wiki", "academic", "wonilvalve", "kiwix"):
        assert host not in section


def test_no_map_without_any_position(client, initial_content):
    Municipality.objects.update(latitude=None, longitude=None, coordinate_source="")
    Station.objects.update(latitude=None, longitude=None, coordinate_basis="none")
    page = client.get("/gemeinden/").content.decode()
    assert 'class="district-map"' not in page
    assert "district-map.css" not in page


def test_the_map_is_drawn_once_per_content_version(
    client, initial_content, page_cache_off, monkeypatch
):
    from municipalities import district_map

    drawn = []
    build = district_map.build_district_map
    monkeypatch.setattr(
        district_map, "build_district_map", lambda *a, **kw: drawn.append(1) or build(*a, **kw)
    )
    first = map_section(client.get("/gemeinden/").content.decode())
    assert map_section(client.get("/gemeinden/").content.decode()) == first
    assert len(drawn) == 1
    client.get("/en/municipalities/")  # another language is drawn separately
    client.get("/gemeinden/juelich/")  # and so is every profile
    assert len(drawn) == 3


def test_a_change_shows_at_once_even_when_made_without_signals(
    client, initial_content, page_cache_off, django_capture_on_commit_callbacks
):
    """update() sends no signal: the map is drawn anew once the change is committed."""
    assert "Tetz (RB 21)" in map_section(client.get("/gemeinden/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        Station.objects.filter(key="tetz").update(name_de="Linnich-Tetz")
        Municipality.objects.filter(slug="titz").update(published=False)
    page, svg = parse(client, "/gemeinden/")
    assert "Linnich-Tetz (RB 21)" in map_section(page)
    assert "titz" not in svg.places


def test_a_visitors_cached_page_shows_a_station_edited_in_the_admin(
    client, initial_content, django_capture_on_commit_callbacks
):
    mobility = "/gemeinden/themen/mobilitaet/"
    assert "Tetz (RB 21)" in client.get("/gemeinden/").content.decode()
    assert "Vettweiß-Jakobwüllesheim – Vettweiß" in client.get(mobility).content.decode()
    station = Station.objects.get(key="tetz")
    station.name_de = "Linnich-Tetz"
    with django_capture_on_commit_callbacks(execute=True):
        station.save()  # as the admin does
    assert "Linnich-Tetz (RB 21)" in client.get("/gemeinden/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        RailLine.objects.get(key="rb-28").stops.get(station__key="vettweiss").delete()
    assert "Vettweiß-Jakobwüllesheim – Vettweiß" not in client.get(mobility).content.decode()
