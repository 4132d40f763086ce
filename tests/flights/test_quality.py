"""Quality flags: readsb-like speed limits (MLAT slack, surface limit), duplicates, order."""

from casefile.flights.quality import DUPLICATE, IMPOSSIBLE_SPEED, OUT_OF_ORDER, flag_points

KM_PER_DEG_LAT = 111.195


def _moves(kt: float, dt: float = 60.0, n: int = 4) -> tuple[list[float], list[float], list[float]]:
    """Points due north at a steady ground speed (kt)."""
    step_deg = kt * 1.852 * dt / 3600.0 / KM_PER_DEG_LAT
    return [i * dt for i in range(n)], [10.0 + i * step_deg for i in range(n)], [20.0] * n


def test_airborne_limit_is_about_900_kt_and_mlat_gets_slack():
    t, lat, lon = _moves(850)
    assert flag_points(t, lat, lon, [False] * 4, ["adsb_icao"] * 4) == [None] * 4
    t, lat, lon = _moves(1100)
    flags = flag_points(t, lat, lon, [False] * 4, ["adsb_icao"] * 4)
    assert flags[1] == IMPOSSIBLE_SPEED
    assert flag_points(t, lat, lon, [False] * 4, ["mlat"] * 4) == [None] * 4   # 1.5 x 900 kt


def test_surface_limit_is_120_kt():
    t, lat, lon = _moves(100)
    assert flag_points(t, lat, lon, [True] * 4, ["adsb_icao"] * 4) == [None] * 4
    t, lat, lon = _moves(200)
    assert IMPOSSIBLE_SPEED in flag_points(t, lat, lon, [True] * 4, ["adsb_icao"] * 4)


def test_duplicates_and_out_of_order_are_flagged_in_file_order():
    t = [0.0, 10.0, 10.0, 5.0, 20.0]
    lat = [10.0, 10.01, 10.01, 10.005, 10.02]
    flags = flag_points(t, lat, [20.0] * 5, [False] * 5, [None] * 5)
    assert flags == [None, None, DUPLICATE, OUT_OF_ORDER, None]


def test_a_bad_first_point_does_not_condemn_the_whole_track():
    t = [0.0] + [10.0 * i for i in range(1, 12)]
    lat = [60.0] + [10.0 + 0.01 * i for i in range(1, 12)]      # first point 5,500 km away
    flags = flag_points(t, lat, [20.0] * 12, [False] * 12, [None] * 12)
    assert flags.count(IMPOSSIBLE_SPEED) <= 4 and flags[-1] is None
