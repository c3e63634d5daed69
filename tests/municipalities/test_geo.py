"""Straight-line distances and the map projection (municipalities/geo.py)."""

import math

import pytest

from municipalities import geo

DUEREN = (50.8, 6.483333)
AACHEN = (50.783333, 6.083333)
KOELN = (50.933333, 6.95)


def test_one_degree_of_latitude_is_111_km():
    assert geo.distance_km((50, 6), (51, 6)) == pytest.approx(111.195, abs=0.001)


def test_dueren_to_koeln_and_aachen_to_koeln_in_a_straight_line():
    # Cross-check by the flat-earth formula, which is exact enough at this size.
    dy = (KOELN[0] - DUEREN[0]) * 111.195
    dx = (KOELN[1] - DUEREN[1]) * 111.195 * math.cos(math.radians(50.87))
    assert geo.distance_km(DUEREN, KOELN) == pytest.approx(math.hypot(dx, dy), rel=0.002)
    assert round(geo.distance_km(DUEREN, KOELN)) == 36
    assert round(geo.distance_km(AACHEN, KOELN)) == 63


def test_distance_is_symmetric_and_zero_to_itself():
    assert geo.distance_km(DUEREN, AACHEN) == pytest.approx(geo.distance_km(AACHEN, DUEREN))
    assert geo.distance_km(DUEREN, DUEREN) == 0


def test_projection_keeps_every_point_inside_and_north_up():
    points = [DUEREN, (51.006111, 6.424167), (50.633056, 6.483056), (50.978889, 6.267778)]
    projection = geo.Projection.fit(points, width=400, margin=30)
    projected = [projection.point(*p) for p in points]
    for x, y in projected:
        assert 30 - 0.1 <= x <= 370 + 0.1
        assert 30 - 0.1 <= y <= projection.height - 30 + 0.1
    titz, heimbach = projected[1], projected[2]
    assert titz[1] < heimbach[1]  # Titz (north) is drawn above Heimbach (south)


def test_projection_is_true_to_scale_within_one_per_cent():
    projection = geo.Projection.fit([DUEREN, (51.006111, 6.424167)], width=400, margin=30)
    a, b = projection.point(*DUEREN), projection.point(*KOELN)
    drawn_km = math.hypot(b[0] - a[0], b[1] - a[1]) / projection.units_per_km()
    assert drawn_km == pytest.approx(geo.distance_km(DUEREN, KOELN), rel=0.01)


def test_a_point_beyond_the_map_is_drawn_at_the_edge_in_its_direction():
    assert geo.towards_edge((100, 100), (1000, 100), width=400, height=300, inset=10) == (390, 100)
    x, y = geo.towards_edge((100, 100), (100 - 900, 100 - 90), width=400, height=300, inset=10)
    assert (x, round(y)) == (10, 91)
