"""Plain geometry for the district map: straight-line distances on the earth and a flat
projection of WGS84 coordinates onto the map's drawing area.

No database and no Django here, so that the arithmetic is easy to test on its own.
"""

import math
from dataclasses import dataclass

# Mean earth radius (IUGG), in kilometres.
EARTH_RADIUS_KM = 6371.0088


def distance_km(a, b):
    """Great-circle ("straight-line", as the crow flies) distance between two (lat, lon) points
    in decimal degrees, by the haversine formula."""
    lat1, lon1 = map(math.radians, (float(a[0]), float(a[1])))
    lat2, lon2 = map(math.radians, (float(b[0]), float(b[1])))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


@dataclass(frozen=True)
class Projection:
    """An equirectangular projection, true to scale at the middle latitude of the area: for an
    area the size of a district (about 40 km) it distorts by well under one per cent.

    `fit()` builds one that places a bounding box inside a drawing of a given width, with a
    margin on every side; `point()` turns (lat, lon) into drawing units (x right, y down).
    """

    north: float
    west: float
    scale: float  # drawing units per degree of latitude
    x_factor: float  # cos(middle latitude): a degree of longitude is shorter than one of latitude
    margin: float
    width: float
    height: float

    @classmethod
    def fit(cls, points, *, width, margin):
        lats = [float(lat) for lat, _lon in points]
        lons = [float(lon) for _lat, lon in points]
        north, south, west, east = max(lats), min(lats), min(lons), max(lons)
        x_factor = math.cos(math.radians((north + south) / 2))
        span_x = max((east - west) * x_factor, 1e-6)
        span_y = max(north - south, 1e-6)
        scale = (width - 2 * margin) / span_x
        height = span_y * scale + 2 * margin
        return cls(north, west, scale, x_factor, margin, width, round(height, 1))

    def point(self, lat, lon):
        x = self.margin + (float(lon) - self.west) * self.x_factor * self.scale
        y = self.margin + (self.north - float(lat)) * self.scale
        return round(x, 1), round(y, 1)

    def units_per_km(self):
        return self.scale / (EARTH_RADIUS_KM * math.pi / 180)

    def contains(self, x, y):
        return 0 <= x <= self.width and 0 <= y <= self.height


def towards_edge(origin, target, *, width, height, inset):
    """Where the ray from `origin` towards `target` (both in drawing units) leaves the drawing,
    `inset` units inside its border: for points beyond the map, drawn at its edge."""
    ox, oy = origin
    dx, dy = target[0] - ox, target[1] - oy
    if dx == 0 and dy == 0:
        return origin
    steps = []
    if dx:
        steps.append(((width - inset if dx > 0 else inset) - ox) / dx)
    if dy:
        steps.append(((height - inset if dy > 0 else inset) - oy) / dy)
    step = min((s for s in steps if s >= 0), default=0.0)
    return round(ox + dx * step, 1), round(oy + dy * step, 1)
