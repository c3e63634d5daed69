"""The district map: everything templates/includes/district_map_section.html draws and writes
beside it.

`render_district_map()` reads the map's data in three queries, whatever the number of stations
(published municipalities; every line stop with its line and station; the reference points).
The finished HTML is cached under a fingerprint of exactly that data (and of the language,
the page's choices, the center and the code), so it is drawn once per content version and can
never be stale, however the data changed. Drawing means projecting onto a drawing 400 units
wide and placing the labels so that they do not overlap. Stations on no line are not drawn (a
map of train connections has no use for them).
"""

import functools
import hashlib
import math
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import get_template, render_to_string
from django.templatetags.static import static
from django.utils import formats
from django.utils.dateparse import parse_date
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from core import cache_access
from core.versioned_cache import per_content_version
from municipalities import geo
from municipalities.models import LineStop, Municipality, ReferencePoint

WIDTH = 400
MARGIN = 30  # room for labels and for the neighbouring cities drawn at the edge
EDGE_INSET = 10
# Sizes in drawing units; the stylesheet uses the same ones (district-map.css). One unit is
# about 0.82 px on a 375 px phone and 1.2 px at the map's widest, so labels are sized for phones.
LABEL_SIZE = 16
STATION_LABEL_SIZE = 14
BADGE_SIZE = 14
MUNICIPALITY_RADIUS = 5
STATION_RADIUS = 3
LINE_GAP = 3.5  # lines that share a stretch of track are drawn side by side
COLOURS = 8  # line colours in the stylesheet: district-map__line--c1 … --c8
DISTRICT_TOWN = "dueren"  # distances "to Düren" are to this municipality


@dataclass
class Label:
    text: str
    x: float
    y: float
    anchor: str = "start"  # SVG text-anchor
    baseline: str = "central"  # SVG dominant-baseline


@dataclass
class MapStation:
    station: object
    x: float | None = None
    y: float | None = None
    lines: list = field(default_factory=list)  # MapLine, in line order
    label: Label | None = None

    @property
    def drawn(self):
        return self.x is not None

    @property
    def line_codes(self):
        return unique(line.line.code for line in self.lines)


@dataclass
class MapLine:
    line: object
    colour: int
    stops: list = field(default_factory=list)  # MapStation, in the order the train calls
    points: list = field(default_factory=list)  # the polyline, offset where tracks are shared
    badge: Label | None = None
    highlighted: bool = False

    @property
    def points_attr(self):
        return " ".join(f"{x:g},{y:g}" for x, y in self.points)

    @property
    def badge_width(self):
        return round(text_width(self.line.code, BADGE_SIZE) + 8, 1)

    @property
    def badge_height(self):
        return BADGE_SIZE + 4

    @property
    def badge_left(self):
        return round(self.badge.x - self.badge_width / 2, 1)

    @property
    def badge_top(self):
        return round(self.badge.y - self.badge_height / 2, 1)

    @property
    def source_as_of(self):
        return format_as_of(self.line.source_as_of)

    @property
    def source_label(self):
        return source_label(self.line.source)


@dataclass
class MapReference:
    reference: object
    x: float
    y: float
    at_edge: bool
    arrow: str = ""  # SVG path of the arrow that points beyond the edge
    label: Label | None = None

    @property
    def marker(self):
        """An arrow out of the map for a city beyond it, a small diamond for a landmark."""
        if self.at_edge:
            return self.arrow
        return f"M{self.x:g},{self.y - 5:g} l5,5 l-5,5 l-5,-5 z"


@dataclass
class MapMunicipality:
    municipality: object
    x: float | None = None
    y: float | None = None
    label: Label | None = None
    highlighted: bool = False
    stations: list = field(default_factory=list)  # MapStation, in line order
    distances: list = field(default_factory=list)  # (name, km)
    nearest: tuple | None = None  # (MapStation, km) for a municipality without a station

    @property
    def drawn(self):
        return self.x is not None

    @property
    def station_groups(self):
        """Station names grouped by the lines that stop there: [(codes, [names])]."""
        groups = {}
        for station in self.stations:
            groups.setdefault(tuple(station.line_codes), []).append(station.station.name)
        return list(groups.items())


@dataclass
class Source:
    url: str
    as_of: str
    checked: str
    items: list = field(default_factory=list)

    @property
    def label(self):
        return source_label(self.url)


@dataclass
class DistrictMap:
    width: float
    height: float
    municipalities: list
    lines: list
    stations: list
    references: list
    highlight: MapMunicipality | None
    center: tuple | None  # (x, y) of the Welcome-Center, once staff entered its position
    center_label: Label | None
    district_town: MapMunicipality | None
    sources: list
    approximate_stations: int
    undrawn_stations: list

    @property
    def view_box(self):
        return f"0 0 {self.width:g} {self.height:g}"

    @property
    def frame(self):
        return {"width": self.width - 1, "height": round(self.height - 1, 1)}

    @property
    def edge_reference_names(self):
        return [r.reference.name for r in self.references if r.at_edge]

    @property
    def undrawn_station_names(self):
        return [s.station.name for s in self.undrawn_stations]

    @property
    def drawn_municipalities(self):
        return [m for m in self.municipalities if m.drawn]

    @property
    def drawn_stations(self):
        return [s for s in self.stations if s.drawn]

    @property
    def distance_targets(self):
        names = [self.district_town.municipality.name] if self.district_town else []
        return names + [r.reference.name for r in self.references if r.reference.show_distance]

    @property
    def line_codes(self):
        return unique(line.line.code for line in self.lines)


def unique(values):
    return list(dict.fromkeys(values))


@functools.lru_cache(maxsize=4096)
def text_width(text, size):
    """A generous estimate of the width of `text` in the site's sans-serif font."""
    wide = sum(1 for ch in text if ch.isupper() or ch in "mwMW")
    return (len(text) * 0.55 + wide * 0.15) * size


def format_as_of(value):
    """A source's date for readers: 2022, März 2022 or 17. Januar 2023 (in German)."""
    if not value:
        return ""
    if len(value) == 4:
        return value
    if len(value) == 7:
        return formats.date_format(parse_date(f"{value}-01"), "YEAR_MONTH_FORMAT")
    return formats.date_format(parse_date(value), "DATE_FORMAT")


def source_label(url):
    """A reader's name for a source: "Wikipedia (de): Bahnhof Düren", or the site's host."""
    parts = urlsplit(url)
    host = parts.hostname or url
    if host.endswith(".wikipedia.org") and parts.path.startswith("/wiki/"):
        title = unquote(parts.path[len("/wiki/") :]).replace("_", " ")
        return f"Wikipedia ({host.split('.')[0]}): {title}"
    return host.removeprefix("www.")


# --------------------------------------------------------------------------------- building


@dataclass
class MapData:
    """What the map is drawn from, read in three queries."""

    municipalities: list
    stops: list  # every line stop, with its line and station, in line order
    references: list


def load_map_data(highlight=None):
    """The published municipalities (and `highlight`, a profile being previewed), every line
    stop with its line and station, and the reference points."""
    municipalities = list(Municipality.objects.published())
    if highlight is not None and all(m.pk != highlight.pk for m in municipalities):
        municipalities.append(highlight)
    stops = list(
        LineStop.objects.select_related("line", "station").order_by(
            "line__position", "line__code", "line__name", "line_id", "position"
        )
    )
    return MapData(municipalities, stops, list(ReferencePoint.objects.all()))


def build_district_map(data, *, highlight=None, center=None):
    """The map of `data` with `highlight` marked; `center` is the Welcome-Center's (lat, lon)
    or None. None when nothing has a position."""
    municipalities, stops, references = data.municipalities, data.stops, data.references
    stations, lines = {}, {}
    colours = {}
    for stop in stops:
        station = stations.setdefault(stop.station_id, MapStation(stop.station))
        colour = colours.setdefault(stop.line.code, len(colours) % COLOURS + 1)
        line = lines.setdefault(stop.line_id, MapLine(stop.line, colour))
        line.stops.append(station)
        if not station.lines or station.lines[-1] is not line:
            station.lines.append(line)
    stations, lines = list(stations.values()), list(lines.values())

    positioned = [(m.latitude, m.longitude) for m in municipalities if m.latitude is not None] + [
        (s.station.latitude, s.station.longitude)
        for s in stations
        if s.station.latitude is not None
    ]
    if not positioned:
        return None
    projection = geo.Projection.fit(positioned, width=WIDTH, margin=MARGIN)

    entries = {}
    for municipality in municipalities:
        entry = MapMunicipality(
            municipality, highlighted=highlight is not None and municipality.pk == highlight.pk
        )
        if municipality.latitude is not None:
            entry.x, entry.y = projection.point(municipality.latitude, municipality.longitude)
        entries[municipality.pk] = entry
    for station in stations:
        if station.station.latitude is not None:
            station.x, station.y = projection.point(
                station.station.latitude, station.station.longitude
            )
        if station.station.municipality_id in entries:
            entries[station.station.municipality_id].stations.append(station)
    district_town = next(
        (e for e in entries.values() if e.municipality.slug == DISTRICT_TOWN), None
    )

    map_references = [place_reference(r, projection, district_town) for r in references]
    by_reference = {r.reference.pk: r for r in map_references}
    for line in lines:
        line.highlighted = highlight is None or any(
            stop.station.municipality_id == highlight.pk for stop in line.stops
        )
        line.points = [(s.x, s.y) for s in line.stops if s.drawn]
        start, end = line.line.continues_from_id, line.line.continues_to_id
        if start in by_reference and line.points:
            line.points.insert(0, (by_reference[start].x, by_reference[start].y))
        if end in by_reference and line.points:
            line.points.append((by_reference[end].x, by_reference[end].y))
    offset_shared_tracks([line for line in lines if len(line.points) > 1])

    center_point = projection.point(*center) if center else None
    highlighted = entries.get(highlight.pk) if highlight is not None else None
    for entry in entries.values():
        entry.distances = distances(entry, district_town, references)
        if not entry.stations and entry.drawn:
            entry.nearest = nearest_station(entry, stations)

    map_ = DistrictMap(
        width=projection.width,
        height=projection.height,
        municipalities=list(entries.values()),
        lines=lines,
        stations=stations,
        references=map_references,
        highlight=highlighted,
        center=center_point,
        center_label=None,
        district_town=district_town,
        sources=collect_sources(municipalities, stations, lines, references),
        approximate_stations=sum(1 for s in stations if s.drawn and s.station.is_approximate),
        undrawn_stations=[s for s in stations if not s.drawn],
    )
    LabelPlacer(map_).place_all()
    return map_


TEMPLATE = "includes/district_map_section.html"
TEMPLATES = (
    TEMPLATE,
    "includes/district_map_line.html",
    "includes/district_map_stops.html",
    "includes/district_map_distances.html",
)
CACHE_SECONDS = 24 * 60 * 60  # a fingerprint never comes back once the data changed


def render_district_map(*, highlight=None, focus="", center=None):
    """The map section's HTML (empty when nothing has a position): `highlight` a municipality
    (a profile), `focus` "lines" (the mobility topic) or "", `center` the Welcome-Center.

    Once per content version (core/versioned_cache.py) without a query; when the version moved
    on, the fingerprint below finds out whether the map's own data changed."""
    return per_content_version(
        f"district-map:{get_language()}:{getattr(highlight, 'pk', None)}:{focus}",
        lambda: draw_district_map(highlight=highlight, focus=focus, center=center),
    )


def draw_district_map(*, highlight, focus, center):
    data = load_map_data(highlight)
    latitude, longitude = getattr(center, "latitude", None), getattr(center, "longitude", None)
    position = (latitude, longitude) if latitude is not None and longitude is not None else None
    key = "district-map:" + fingerprint(
        data,
        center,
        get_language(),
        getattr(highlight, "pk", None),
        focus,
        code_version(),
        static("css/district-map.css"),
    )
    html = cache_access.get(key)
    if html is None:
        district_map = build_district_map(data, highlight=highlight, center=position)
        html = ""
        if district_map is not None:
            context = {"district_map": district_map, "map_focus": focus, "center": center}
            html = render_to_string(TEMPLATE, context)
        cache_access.set(key, html, CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 (rendered by our own template, escaped there)


def fingerprint(data, center, *extra):
    """A digest of every field of every record the map is drawn from, and of `extra`."""
    records = [*data.municipalities, *data.references]
    for stop in data.stops:
        records += [stop, stop.line, stop.station]
    if hasattr(center, "_meta"):
        records.append(center)
    digest = hashlib.sha256(repr(extra).encode())
    for record in records:
        # The loaded column values as stored on the instance (every language's column).
        values = [(k, v) for k, v in record.__dict__.items() if not k.startswith("_")]
        digest.update(repr((record._meta.label, values)).encode())
    return digest.hexdigest()


@functools.cache
def code_version():
    """Changes when a deploy changes the map's code, templates or translations: cached HTML of
    an older version is then never served."""
    digest = hashlib.sha256()
    for module in (__file__, geo.__file__):
        digest.update(Path(module).read_bytes())
    for name in TEMPLATES:
        digest.update(get_template(name).template.source.encode())
    for folder in settings.LOCALE_PATHS:
        for catalogue in sorted(Path(folder).glob("*/LC_MESSAGES/django.mo")):
            digest.update(f"{catalogue}:{catalogue.stat().st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def place_reference(reference, projection, district_town):
    """A landmark inside the map in its place; a city beyond it at the edge, in its direction
    as seen from Düren (or from the middle of the map)."""
    x, y = projection.point(reference.latitude, reference.longitude)
    inset = MARGIN / 2
    if inset <= x <= projection.width - inset and inset <= y <= projection.height - inset:
        return MapReference(reference, x, y, at_edge=False)
    if district_town is not None and district_town.drawn:
        origin = (district_town.x, district_town.y)
    else:
        origin = (projection.width / 2, projection.height / 2)
    ex, ey = geo.towards_edge(
        origin, (x, y), width=projection.width, height=projection.height, inset=EDGE_INSET
    )
    length = math.hypot(x - origin[0], y - origin[1]) or 1
    dx, dy = (x - origin[0]) / length, (y - origin[1]) / length
    tip = (ex + dx * 6, ey + dy * 6)
    left = (ex - dx * 4 - dy * 5, ey - dy * 4 + dx * 5)
    right = (ex - dx * 4 + dy * 5, ey - dy * 4 - dx * 5)
    arrow = "M{:.1f},{:.1f} L{:.1f},{:.1f} L{:.1f},{:.1f} Z".format(*tip, *left, *right)
    return MapReference(reference, ex, ey, at_edge=True, arrow=arrow)


def offset_shared_tracks(lines):
    """Where several lines share a stretch between the same two points, draw them side by
    side, LINE_GAP apart, instead of on top of each other."""
    users = {}
    for line in lines:
        for a, b in zip(line.points, line.points[1:], strict=False):
            users.setdefault(frozenset((a, b)), []).append(line)
    for line in lines:
        shifts = []
        for a, b in zip(line.points, line.points[1:], strict=False):
            sharing = users[frozenset((a, b))]
            rank = sharing.index(line) - (len(sharing) - 1) / 2
            p, q = sorted((a, b))  # the same normal whichever way a line runs
            length = math.hypot(q[0] - p[0], q[1] - p[1]) or 1
            normal = (-(q[1] - p[1]) / length, (q[0] - p[0]) / length)
            shifts.append((normal[0] * rank * LINE_GAP, normal[1] * rank * LINE_GAP))
        points = []
        for index, (x, y) in enumerate(line.points):
            around = shifts[max(index - 1, 0) : index + 1]
            dx = sum(s[0] for s in around) / len(around)
            dy = sum(s[1] for s in around) / len(around)
            points.append((round(x + dx, 1), round(y + dy, 1)))
        line.points = points


def distances(entry, district_town, references):
    municipality = entry.municipality
    if municipality.latitude is None:
        return []
    here = (municipality.latitude, municipality.longitude)
    result = []
    if district_town is not None and district_town is not entry and district_town.drawn:
        town = district_town.municipality
        result.append((town.name, geo.distance_km(here, (town.latitude, town.longitude))))
    for reference in references:
        if reference.show_distance:
            there = (reference.latitude, reference.longitude)
            result.append((reference.name, geo.distance_km(here, there)))
    return [(name, round(km)) for name, km in result]


def nearest_station(entry, stations):
    here = (entry.municipality.latitude, entry.municipality.longitude)
    candidates = [
        (geo.distance_km(here, (s.station.latitude, s.station.longitude)), s)
        for s in stations
        if s.drawn
    ]
    if not candidates:
        return None
    km, station = min(candidates, key=lambda pair: pair[0])
    return station, round(km)


def collect_sources(municipalities, stations, lines, references):
    """Every source the map rests on, once, with what it is the source of."""
    sources, dates = {}, {}

    def add(url, as_of, checked, item):
        if not url:
            return
        if checked not in dates:  # most items were checked on the same day
            dates[checked] = formats.date_format(checked, "DATE_FORMAT") if checked else ""
        source = sources.setdefault(url, Source(url, format_as_of(as_of), dates[checked]))
        if item not in source.items:
            source.items.append(item)

    for municipality in municipalities:
        if municipality.latitude is not None:
            add(
                municipality.coordinate_source,
                "",
                municipality.coordinate_checked,
                gettext("position of %(name)s") % {"name": municipality.name},
            )
    for line in lines:
        item = f"{line.line.code} {line.line.name}"
        add(line.line.source, line.line.source_as_of, line.line.source_checked, item)
    for station in stations:
        item = gettext("station %(name)s") % {"name": station.station.name}
        add(
            station.station.source,
            station.station.source_as_of,
            station.station.source_checked,
            item,
        )
    for reference in references:
        item = gettext("position of %(name)s") % {"name": reference.name}
        add(reference.source, reference.source_as_of, reference.source_checked, item)
    return list(sources.values())


# --------------------------------------------------------------------------------- labels


class LabelPlacer:
    """Greedy label placement: each label takes the first of a few positions around its point
    that overlaps nothing placed before; failing that, the one that overlaps least. Points,
    labels and line segments count as obstacles; a label never leaves the drawing. Obstacles
    sit in a grid of cells, so that a candidate is checked only against its neighbours."""

    AROUND = (
        ("start", "central", 1, 0),
        ("end", "central", -1, 0),
        ("middle", "auto", 0, -1),
        ("middle", "hanging", 0, 1),
        ("start", "auto", 0.7, -0.7),
        ("start", "hanging", 0.7, 0.7),
        ("end", "auto", -0.7, -0.7),
        ("end", "hanging", -0.7, 0.7),
    )
    CELL = 40
    LABEL_COST, POINT_COST, SEGMENT_COST = 400, 20, 8

    def __init__(self, map_):
        self.map = map_
        self.cells = {}
        self.obstacles = []  # (kind, box, data): "label" boxes, "point" boxes, "segment"s
        points = [(m.x, m.y, MUNICIPALITY_RADIUS + 1) for m in map_.drawn_municipalities]
        points += [(s.x, s.y, STATION_RADIUS + 1) for s in map_.drawn_stations]
        points += [(r.x, r.y, 6) for r in map_.references]
        if map_.center:
            points.append((*map_.center, 9))
        for x, y, r in points:
            self.add("point", (x - r, y - r, x + r, y + r), (x, y))
        for line in map_.lines:
            for a, b in zip(line.points, line.points[1:], strict=False):
                box = (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
                self.add("segment", box, (a, b))

    def add(self, kind, box, data=None):
        index = len(self.obstacles)
        self.obstacles.append((kind, box, data))
        for cell in self.cells_of(box):
            self.cells.setdefault(cell, []).append(index)

    def cells_of(self, box):
        for cx in range(int(box[0] // self.CELL), int(box[2] // self.CELL) + 1):
            for cy in range(int(box[1] // self.CELL), int(box[3] // self.CELL) + 1):
                yield cx, cy

    def place_all(self):
        ordered = sorted(
            self.map.drawn_municipalities,
            key=lambda m: (not m.highlighted, m.municipality.slug != DISTRICT_TOWN),
        )
        if self.map.center:
            x, y = self.map.center
            self.map.center_label = self.place(gettext("Welcome-Center"), x, y, 9, LABEL_SIZE)
        for entry in ordered:
            radius = MUNICIPALITY_RADIUS + (3 if entry.highlighted else 0)
            entry.label = self.place(entry.municipality.name, entry.x, entry.y, radius, LABEL_SIZE)
        for reference in self.map.references:
            reference.label = self.place(
                reference.reference.name, reference.x, reference.y, 7, STATION_LABEL_SIZE
            )
        for line in self.map.lines:
            if len(line.points) > 1:
                line.badge = self.place_badge(line)
        if self.map.highlight is not None:
            here = self.map.highlight
            for station in here.stations:
                # A station drawn on the municipality's own point is named by its label already.
                if station.drawn and (station.x, station.y) != (here.x, here.y):
                    station.label = self.place(
                        station.station.name,
                        station.x,
                        station.y,
                        STATION_RADIUS + 1,
                        STATION_LABEL_SIZE,
                    )

    def box(self, text, x, y, anchor, baseline, size):
        width = text_width(text, size)
        left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        top = {"central": y - size * 0.6, "auto": y - size * 0.95, "hanging": y - size * 0.1}[
            baseline
        ]
        return (left - 2, top - 1, left + width + 2, top + size * 1.2 + 1)

    def inside(self, box):
        return (
            box[0] >= 2
            and box[1] >= 2
            and box[2] <= self.map.width - 2
            and box[3] <= self.map.height - 2
        )

    def cost(self, box, own_point=None, *, segments=True, point_cost=POINT_COST):
        near = {index for cell in self.cells_of(box) for index in self.cells.get(cell, ())}
        cost = 0.0
        for index in near:
            kind, other, data = self.obstacles[index]
            if kind == "label":
                share = overlap(box, other)
                cost += self.LABEL_COST * (1 + share) if share else 0
            elif kind == "point":
                if data != own_point and overlap(box, other):
                    cost += point_cost
            elif segments and segment_crosses(*data, box):
                cost += self.SEGMENT_COST
        return cost

    def choose(self, candidates, **costs):
        """The first candidate (label, box, own point) that costs nothing, or the cheapest."""
        best = None
        for order, (label, box, own_point) in enumerate(candidates):
            if not self.inside(box):
                continue
            score = (self.cost(box, own_point, **costs), order)
            if best is None or score < best[0]:
                best = (score, label, box)
            if score[0] == 0:
                break
        if best is None:
            return None
        self.add("label", best[2])
        return best[1]

    def place(self, text, x, y, radius, size):
        candidates = []
        for gap in (3, 14):
            for anchor, baseline, dx, dy in self.AROUND:
                lx, ly = round(x + dx * (radius + gap), 1), round(y + dy * (radius + gap), 1)
                box = self.box(text, lx, ly, anchor, baseline, size)
                candidates.append((Label(text, lx, ly, anchor, baseline), box, (x, y)))
        label = self.choose(candidates)
        if label is None:  # nothing fits inside: keep it on the point rather than drop it
            label = Label(text, x, y, "middle", "central")
            self.add("label", self.box(text, x, y, "middle", "central", size))
        return label

    def place_badge(self, line):
        """The line's code in a small box on the line (so crossing it costs nothing)."""
        lengths = [
            math.hypot(b[0] - a[0], b[1] - a[1])
            for a, b in zip(line.points, line.points[1:], strict=False)
        ]
        total = sum(lengths) or 1
        width, height = line.badge_width, line.badge_height
        candidates = []
        # From the middle outwards, in steps of a twentieth of the line.
        for fraction in sorted((n / 20 for n in range(1, 20)), key=lambda f: abs(f - 0.5)):
            x, y = point_along(line.points, lengths, total * fraction)
            x, y = round(x, 1), round(y, 1)
            box = (x - width / 2, y - height / 2, x + width / 2, y + height / 2)
            candidates.append((Label(line.line.code, x, y, "middle"), box, None))
        # A badge sits on its line anyway; it should rather not hide a station or a place.
        return self.choose(candidates, segments=False, point_cost=3 * self.POINT_COST)


def overlap(a, b):
    """The overlapping area of two boxes (left, top, right, bottom), relative to the first."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    return (width * height) / max((a[2] - a[0]) * (a[3] - a[1]), 1)


def segment_crosses(a, b, box):
    """Whether the segment a–b passes through the box (Liang–Barsky clipping)."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def point_along(points, lengths, distance):
    for (a, b), length in zip(zip(points, points[1:], strict=False), lengths, strict=False):
        if distance <= length and length:
            t = distance / length
            return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        distance -= length
    return points[-1]
