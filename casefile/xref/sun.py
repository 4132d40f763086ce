"""Sun position at a photo's time and place, against what its metadata says about the light."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from fractions import Fraction
from functools import lru_cache

from astral import Observer
from astral.sun import zenith_and_azimuth

from casefile.geo import latlon_text
from casefile.model.findings import Finding
from casefile.present.times import people_time, time_basis_note
from casefile.timeutil import from_epoch
from casefile.xref.findings import make_finding
from casefile.xref.model import LightHint, PhotoIn
from casefile.xref.windows import tv_window

KIND = "sun-position"
#: Exposure value (at ISO 100) from which a scene is sunlit daylight (overcast day is about 12-13,
#: sunny 15; a lit street at night about 3-5).
DAYLIGHT_EV = 11.0
DARK_EV = 4.0
#: Below this sun elevation it is dark outdoors (end of civil twilight).
NIGHT_ELEVATION = -6.0
DAY_ELEVATION = 6.0


def _num(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return float(Fraction(text.strip().split()[0]))
    except (ValueError, ZeroDivisionError):
        return None


def light_hint(tags: dict[str, str]) -> LightHint | None:
    """What the EXIF tags say about the light: a night scene mode, or the exposure value."""
    scene = (tags.get("EXIF SceneCaptureType") or "").lower()
    if "night" in scene:
        return LightHint("dark", f"EXIF SceneCaptureType = {tags['EXIF SceneCaptureType']!r}")
    t = _num(tags.get("EXIF ExposureTime"))
    n = _num(tags.get("EXIF FNumber"))
    iso = _num(tags.get("EXIF ISOSpeedRatings") or tags.get("EXIF PhotographicSensitivity"))
    if not t or not n or t <= 0 or n <= 0:
        return None
    ev = math.log2(n * n / t) - math.log2((iso or 100) / 100)
    why = (f"exposure value {ev:.1f} at ISO 100 from ExposureTime {tags.get('EXIF ExposureTime')}, "
           f"FNumber {tags.get('EXIF FNumber')}, ISO {iso if iso else 'not recorded (100 assumed)'}")
    flash = (tags.get("EXIF Flash") or "").lower()
    if ev >= DAYLIGHT_EV:
        return LightHint("daylight", why)
    if ev <= DARK_EV:
        return LightHint("dark", why + (f"; flash {tags['EXIF Flash']!r}" if "fired" in flash
                                        and "not" not in flash else ""))
    return None


@lru_cache(maxsize=64)
def _observer(lat: float, lon: float) -> Observer:
    """One astral observer per place (a photo's samples share it; never changed once made)."""
    return Observer(latitude=lat, longitude=lon)


def sun_at(t: float, lat: float, lon: float) -> tuple[float, float]:
    """Sun azimuth and elevation in degrees (astral, refraction-corrected)."""
    when = datetime.fromtimestamp(t, UTC)
    zen, az = zenith_and_azimuth(_observer(lat, lon), when, with_refraction=True)
    return round(az, 2), round(90.0 - zen, 2)


def sun_finding(photo: PhotoIn) -> Finding | None:
    """Sun azimuth/elevation over the photo's time window; flagged when the light disagrees."""
    win = tv_window(photo.capture)
    if win is None or photo.place is None or photo.capture is None:
        return None
    lo, hi = win
    lat, lon = photo.place.lat, photo.place.lon
    mid = (lo + hi) / 2
    az, el = sun_at(mid, lat, lon)
    # The sun's range over the window. Within a few hours elevation rises or falls steadily except
    # around solar noon, where it is high anyway, so the ends and the centre bound it for the
    # thresholds used here; long windows (an unknown zone) are sampled every 3 h.
    if hi - lo <= 120:
        samples = [el]
    elif hi - lo <= 4 * 3600:
        samples = [el, sun_at(lo, lat, lon)[1], sun_at(hi, lat, lon)[1]]
    else:
        steps = max(1, int(math.ceil((hi - lo) / (3 * 3600.0))))
        samples = [el] + [sun_at(lo + (hi - lo) * k / steps, lat, lon)[1] for k in range(steps + 1)]
    el_min, el_max = min(samples), max(samples)
    inputs = {"photo": {"item_id": photo.item_id, "capture_utc": photo.capture.utc,
                        "basis": photo.capture.basis, "raw": photo.capture.raw,
                        "window_utc": [from_epoch(lo), from_epoch(hi)]},
              "place": {"lat": lat, "lon": lon, "source": photo.place.source},
              "sun_at_centre": {"time_utc": from_epoch(mid), "azimuth_deg": az, "elevation_deg": el},
              "elevation_range_deg": [el_min, el_max],
              "light_hint": photo.light and {"kind": photo.light.kind, "reason": photo.light.reason},
              "thresholds": {"night_below_deg": NIGHT_ELEVATION, "day_above_deg": DAY_ELEVATION,
                             "daylight_ev": DAYLIGHT_EV, "dark_ev": DARK_EV}}
    notes = [n for n in [time_basis_note(photo.capture)] if n]
    notes.append("Sun position from astral (NOAA formulas) for the place, ignoring terrain and clouds.")
    where = f"at {latlon_text(lat, lon)}"
    pos = f"the sun was at azimuth {az:.0f}° and elevation {el:.0f}° {where} at {people_time(mid)}"
    hint = photo.light
    if hint is None:
        expl = (f"For shadow checks: {pos} (over the photo's time window the elevation ranges "
                f"{el_min:.0f}° to {el_max:.0f}°). The photo's metadata says nothing about the light.")
        return make_finding(KIND, "undetermined", 0.5, expl, [photo.item_id], inputs, notes)
    if hint.kind == "daylight":
        if el_max < NIGHT_ELEVATION:
            return make_finding(KIND, "inconsistent", 0.75,
                                f"The metadata suggests a daylit scene ({hint.reason}), but the sun "
                                f"was below the horizon for the whole time window: {pos}. Artificial "
                                f"light or a wrong clock/zone could explain it.",
                                [photo.item_id], inputs, notes)
        verdict = "consistent" if el_min > NIGHT_ELEVATION else "undetermined"
    else:
        if el_min > DAY_ELEVATION:
            return make_finding(KIND, "inconsistent", 0.35,
                                f"The metadata suggests a dark scene ({hint.reason}), but the sun was "
                                f"up for the whole time window: {pos}. An indoor or shaded scene "
                                f"would also explain it.", [photo.item_id], inputs, notes)
        verdict = "consistent" if el_max < DAY_ELEVATION else "undetermined"
    expl = (f"The metadata suggests {'a daylit' if hint.kind == 'daylight' else 'a dark'} scene "
            f"({hint.reason}); {pos}, " + (f"elevation {el_min:.0f}° to {el_max:.0f}° over the window."
                                           if round(el_min) != round(el_max) else
                                           "the same over the whole window."))
    return make_finding(KIND, verdict, 0.6 if verdict == "consistent" else 0.4, expl,
                        [photo.item_id], inputs, notes)
