"""A photo against what is said about it: the claim it is linked as supporting, the source that
published it, and the analyst's place for it against the file's own GPS.

- `photo-claim`: captured long before (or after) the claimed time, or far from the claimed place,
  is inconsistent ("an older photo", with the gap); unknown time or place is undetermined with why;
  a photo that only the claim's own sources published cannot corroborate it.
- `time-photo-after-source` (publication): captured after the source published it is impossible;
  captured days before it is "an older photo" (recycled, unless the source says it is an archive
  photo); captured shortly before is consistent.
- `photo-place-vs-gps`: the analyst's place and the file's GPS both kept; beyond a stated distance
  apart it is a finding, and every photo finding says which position it used.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from casefile.geo import distance_km
from casefile.model.findings import Finding
from casefile.present.times import fmt_window, time_basis_note
from casefile.reference import places
from casefile.reference.zones import zone_at
from casefile.timeutil import get_zone, parse_offset
from casefile.xref.claims import area_of, claim_label, claim_time
from casefile.xref.confidence import Factors, assess
from casefile.xref.findings import make_finding
from casefile.xref.independence import Provenance
from casefile.xref.model import ClaimIn, PhotoIn, SourceIn
from casefile.xref.windows import describe_time, tv_window

PHOTO_CLAIM = "photo-claim"
PHOTO_VS_SOURCE = "time-photo-after-source"
PLACE_VS_GPS = "photo-place-vs-gps"
#: A photo captured more than this before (or after) the claimed time is not of the claimed event.
CLAIM_SLACK_H = 24
#: A photo captured more than this before a source published it is "an older photo".
OLDER_H = 72
#: An analyst's place and the file's GPS further apart than this are a finding.
PLACE_DIFF_KM = 5.0
#: GPS and placement slack added to a place's reach before a photo is called elsewhere.
PHOTO_SLACK_KM = 2.0


def _gap(seconds: float) -> str:
    """A gap as people say it: '3.2 h', '5 days', '4.0 years (1,461 days)'."""
    h = seconds / 3600
    if h < 48:
        return f"{h:.1f} h"
    days = seconds / 86400
    if days < 366:
        return f"{days:.0f} days"
    return f"{days / 365.25:.1f} years ({days:,.0f} days)"


def position_used(photo: PhotoIn) -> str:
    """Which position a finding used, in words."""
    if photo.place is None:
        return "no position"
    where = f"{photo.place.lat:.5f}, {photo.place.lon:.5f}"
    if photo.place.source == "analyst":
        return f"the analyst's place ({where}), not the file's GPS" if photo.file_place else \
            f"the analyst's place ({where}; the file has no GPS)"
    return f"the file's own GPS ({where})"


def _name(photo: PhotoIn, names: dict[str, str]) -> str:
    return names.get(photo.item_id) or photo.label or "the photo"


def photo_claim(photo: PhotoIn, claim: ClaimIn, prov: Provenance) -> Finding:
    """A photo linked as supporting a claim, against the claim's time window and place."""
    name = _name(photo, prov.names)
    area = area_of(claim)
    # the claim's window as its own finding reads it (a time with no zone in the place's zone)
    cw = None
    if tv_window(claim.window_start) or tv_window(claim.window_end):
        ct = claim_time(claim, area)
        cw = (ct.lo, ct.hi)
    pw = tv_window(photo.capture)
    notes = [n for n in (photo.capture and time_basis_note(photo.capture),) if n]
    notes.append(f"A photo captured more than {CLAIM_SLACK_H} h outside the claimed time is not of "
                 f"the claimed event.")
    bad: list[str] = []
    open_: list[str] = []
    ok: list[str] = []
    gap_s = None
    if pw is None:
        open_.append("the photo has no capture time (stripped or never written), so it cannot "
                     "show when it was taken")
    elif cw is None:
        open_.append("the claim gives no time to compare the capture time with")
    elif pw[1] < cw[0] - CLAIM_SLACK_H * 3600:
        gap_s = cw[0] - pw[1]
        bad.append(f"an older photo: captured ({fmt_window(*pw)}) at least {_gap(gap_s)} before "
                   f"the claimed time ({fmt_window(*cw)})")
    elif pw[0] > cw[1] + CLAIM_SLACK_H * 3600:
        gap_s = pw[0] - cw[1]
        bad.append(f"a later photo: captured ({fmt_window(*pw)}) at least {_gap(gap_s)} after the "
                   f"claimed time ({fmt_window(*cw)})")
    else:
        gap_s = max(0.0, cw[0] - pw[1], pw[0] - cw[1])
        ok.append(f"captured within the claimed time ({fmt_window(*cw)})")
    dist = None
    if photo.place is None:
        open_.append("the photo has no position (no GPS and none set by the analyst)")
    elif area is None:
        open_.append("the claim gives no place to compare the photo's position with")
    else:
        dist = places.distance_to(area, photo.place.lat, photo.place.lon)
        limit = area.radius_km + PHOTO_SLACK_KM
        if dist > limit:
            bad.append(f"taken {dist:,.0f} km from {area.name} (using {position_used(photo)})")
        else:
            ok.append(f"taken {area.describe()} (using {position_used(photo)})")
        own = photo.file_place
        if own is not None and not places.reaches(area, own.lat, own.lon):
            far = places.distance_to(area, own.lat, own.lon)
            (bad if dist > limit else open_).append(
                f"the file's own GPS puts it {far:,.0f} km from {area.name}")
    indep, dep = prov.split(claim, [prov.of_item(photo.item_id)])
    if bad:
        verdict = "inconsistent"
        expl = (f"{name} is not evidence for claim {claim_label(claim)}: " + "; ".join(bad) + "."
                + (f" Also: {'; '.join(open_ + ok)}." if open_ or ok else ""))
        factors = Factors("photo-metadata", distance_km=dist, limit_km=area.radius_km if area and
                          dist is not None and dist > area.radius_km else None, mismatch=True)
    elif open_:
        verdict = "undetermined"
        expl = (f"Whether {name} shows what claim {claim_label(claim)} says cannot be told: "
                + "; ".join(open_) + "." + (f" It was {'; '.join(ok)}." if ok else "")
                + " A capture time and position from the file (or a dated, placed copy) would settle it.")
        factors = Factors("photo-metadata")
    elif not indep:
        verdict = "undetermined"
        expl = (f"Not independently checked: {name} was {'; '.join(ok)}, but it was published only "
                f"by the claim's own source ({prov.claim_sources(claim)}), so it cannot corroborate it.")
        factors = Factors("photo-metadata", independent=0)
    else:
        verdict = "consistent"
        expl = (f"{name} was {'; '.join(ok)}. Rests on: "
                + "; ".join(prov.describe(o, claim) for o in indep) + ".")
        factors = Factors("analyst" if photo.place and photo.place.source == "analyst"
                          else "photo-metadata", time_gap_s=gap_s, distance_km=dist,
                          limit_km=area.radius_km if area and not area.is_area else None,
                          independent=len(indep))
    inputs: dict[str, Any] = {
        "photo": {"item_id": photo.item_id, "name": name, "capture": describe_time(photo.capture),
                  "position_used": position_used(photo),
                  "place": photo.place and {"lat": photo.place.lat, "lon": photo.place.lon,
                                            "source": photo.place.source}},
        "claim": {"id": claim.id, "ref": claim.ref, "text": claim.text,
                  "window_start": describe_time(claim.window_start),
                  "window_end": describe_time(claim.window_end),
                  "place": area and {"kind": area.kind, "key": area.key, "name": area.name,
                                     "reach_km": area.radius_km}},
        "gap_s": round(gap_s) if gap_s is not None else None,
        "distance_km": round(dist, 2) if dist is not None else None,
        "independent_records": [o.record for o in indep], "own_source_records": [o.record for o in dep],
    }
    return make_finding(PHOTO_CLAIM, verdict, assess(verdict, factors), expl,
                        [photo.item_id, claim.id], inputs, notes)


def photo_vs_source(photo: PhotoIn, source: SourceIn, names: dict[str, str] | None = None) -> Finding | None:
    """A photo against the publication time of a source that published it."""
    pw, sw = tv_window(photo.capture), tv_window(source.published)
    if pw is None or sw is None or photo.capture is None or source.published is None:
        return None
    name = (names or {}).get(photo.item_id) or photo.label or "The photo"
    src = " ".join(x for x in (source.ref, repr(source.title)) if x)
    inputs = {"photo": {"item_id": photo.item_id, "capture": describe_time(photo.capture)},
              "source": {"id": source.id, "title": source.title,
                         "published": describe_time(source.published)}}
    notes = [n for n in (time_basis_note(photo.capture), time_basis_note(source.published)) if n]
    notes.append(f"A photo captured more than {OLDER_H} h before its publication is an older photo.")
    items = [photo.item_id, source.id]
    if pw[0] > sw[1]:
        gap = pw[0] - sw[1]
        return make_finding(PHOTO_VS_SOURCE, "inconsistent",
                            assess("inconsistent", Factors("photo-metadata", mismatch=True)),
                            f"{name}'s capture time ({fmt_window(*pw)}) is at least {_gap(gap)} "
                            f"after the source {src} published it ({fmt_window(*sw)}): the camera "
                            f"clock or its zone is wrong, or the photo is not the one published.",
                            items, inputs, notes)
    if pw[1] < sw[0] - OLDER_H * 3600:
        gap = sw[0] - pw[1]
        return make_finding(PHOTO_VS_SOURCE, "inconsistent",
                            assess("inconsistent", Factors("photo-metadata", mismatch=True)),
                            f"An older photo: {name} was captured ({fmt_window(*pw)}) at least "
                            f"{_gap(gap)} before the source {src} published it ({fmt_window(*sw)}); "
                            f"published as news, it is recycled (unless the source says it is an "
                            f"archive photo).", items, {**inputs, "gap_s": round(gap)}, notes)
    if pw[1] <= sw[0]:
        return make_finding(PHOTO_VS_SOURCE, "consistent",
                            assess("consistent", Factors("photo-metadata", time_gap_s=sw[0] - pw[1])),
                            f"{name} was captured {_gap(sw[0] - pw[1])} or less before the source "
                            f"{src} published it.", items, inputs, notes)
    return make_finding(PHOTO_VS_SOURCE, "undetermined",
                        assess("undetermined", Factors("photo-metadata")),
                        f"{name}'s capture time ({fmt_window(*pw)}) and the publication time of "
                        f"{src} ({fmt_window(*sw)}) overlap, so their order is not certain.",
                        items, inputs, notes)


def _offset_note(photo: PhotoIn) -> str | None:
    """When the camera's stated UTC offset is not the one in force at the analyst's place."""
    cap, place = photo.capture, photo.place
    if cap is None or place is None or not cap.utc:
        return None
    when = datetime.fromisoformat(cap.utc.replace("Z", "+00:00")).astimezone(UTC)
    stated: int | None = None
    if cap.basis == "exif-offset" and cap.zone:
        stated, how = parse_offset(cap.zone), f"stated offset ({cap.zone})"
    elif cap.basis == "gps-utc" and cap.local:   # camera clock against the GPS receiver's UTC
        diff = (datetime.fromisoformat(cap.local).replace(tzinfo=UTC) - when).total_seconds()
        stated = int(round(diff / 900) * 900)
        how = f"clock against its GPS time (UTC{stated / 3600:+g})"
    zone = zone_at(place.lat, place.lon)
    if stated is None or zone is None:
        return None
    local = when.astimezone(get_zone(zone)).utcoffset()
    if local is None or int(local.total_seconds()) == stated:
        return None
    hours = local.total_seconds() / 3600
    return (f"The camera's {how} is not the offset in force at the analyst's place "
            f"({zone}, UTC{hours:+g}), which also points away from it.")


def place_vs_gps(photo: PhotoIn, names: dict[str, str] | None = None) -> Finding | None:
    """The analyst's place for a photo against the file's own GPS (both kept)."""
    a, f = photo.place, photo.file_place
    if a is None or f is None or a.source != "analyst":
        return None
    d = distance_km(a.lat, a.lon, f.lat, f.lon)
    name = (names or {}).get(photo.item_id) or photo.label or "The photo"
    inputs = {"analyst_place": {"lat": a.lat, "lon": a.lon}, "file_gps": {"lat": f.lat, "lon": f.lon},
              "distance_km": round(d, 2), "limit_km": PLACE_DIFF_KM}
    notes = [f"Positions more than {PLACE_DIFF_KM:g} km apart disagree; other photo findings use the "
             f"analyst's place and say so."]
    if d <= PLACE_DIFF_KM:
        return make_finding(PLACE_VS_GPS, "consistent",
                            assess("consistent", Factors("photo-metadata", distance_km=d,
                                                         limit_km=PLACE_DIFF_KM)),
                            f"{name}: the analyst's place and the file's own GPS agree ({d:.1f} km "
                            f"apart).", [photo.item_id], inputs, notes)
    expl = (f"{name}: the analyst placed it at {a.lat:.4f}, {a.lon:.4f}, but the file's own GPS says "
            f"{f.lat:.4f}, {f.lon:.4f}, {d:,.0f} km away; one of them is wrong (an analyst error, or "
            f"the clue that the photo is not from where it is said to be).")
    off = _offset_note(photo)
    if off:
        expl += " " + off
        inputs["camera_offset"] = photo.capture.zone if photo.capture else None
    return make_finding(PLACE_VS_GPS, "inconsistent",
                        assess("inconsistent", Factors("photo-metadata", distance_km=d,
                                                       limit_km=PLACE_DIFF_KM, mismatch=True)),
                        expl, [photo.item_id], inputs, notes)
