"""End to end: cases built through the CLI from real samples plus photos made here, then `casefile xref`.

The readsb trace (N8774Q, 12 Aug 2024) is airborne from 00:00Z, lands at KDJT (Palm Beach) at
02:49:34Z, sits on the ground until 02:54Z, then has no positions (parked) until 10:49Z.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image, ImageDraw

from casefile.cli import main

KDJT = (26.6832, -80.0956)
MIAMI = (25.7933, -80.2906)        # 104 km from KDJT


def _dms(deg: float) -> tuple[float, float, float]:
    deg = abs(deg)
    d = int(deg)
    m = int((deg - d) * 60)
    return (float(d), float(m), round((deg - d - m / 60) * 3600, 2))


def make_photo(path: Path, taken: str, offset: str | None, gps: tuple[float, float] | None,
               colour: tuple[int, int, int]) -> Path:
    """A small JPEG with DateTimeOriginal (camera wall clock), optional offset, optional GPS."""
    img = Image.new("RGB", (320, 240), colour)
    draw = ImageDraw.Draw(img)                     # large shapes: a picture with a stable pHash
    draw.ellipse((40 + colour[1] // 4, 30, 200, 170 + colour[2] // 8), fill=(255 - colour[0], 220, 90))
    draw.rectangle((180, 120 + colour[0] // 10, 300, 220), fill=(20, 60, 255 - colour[2]))
    exif = Image.Exif()
    exif[0x010F] = "TestMake"
    ifd = exif.get_ifd(0x8769)
    ifd[0x9003] = taken                            # DateTimeOriginal
    if offset:
        ifd[0x9011] = offset                       # OffsetTimeOriginal
    if gps:
        g = exif.get_ifd(0x8825)
        g[1] = "N" if gps[0] >= 0 else "S"
        g[2] = _dms(gps[0])
        g[3] = "E" if gps[1] >= 0 else "W"
        g[4] = _dms(gps[1])
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif, quality=90)
    path.write_bytes(buf.getvalue())
    return path


def _cli(*args: str, capsys) -> dict:
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_verdicts_from_real_trace_and_made_photos(tmp_path, corpora, capsys):
    trace = corpora / "flights/readsb/trace_full_ac134a.json"
    real = sorted((corpora / "exif-samples/jpg/gps").glob("*.jpg"))   # Nikon P6000, Tuscany, 2008
    made = {
        "consistent": make_photo(tmp_path / "on_apron.jpg", "2024:08:11 22:51:00", "-04:00", KDJT,
                                 (200, 30, 30)),
        "inconsistent": make_photo(tmp_path / "while_airborne.jpg", "2024:08:11 21:30:00", "-04:00",
                                   KDJT, (30, 200, 30)),
        "gap": make_photo(tmp_path / "miami_in_gap.jpg", "2024:08:12 02:00:00", "-04:00", MIAMI,
                          (30, 30, 200)),
        "unknown-zone": make_photo(tmp_path / "no_zone.jpg", "2024:08:11 22:51:00", None, None,
                                   (200, 200, 30)),
    }
    case = str(tmp_path / "e2e.casefile")
    assert main(["new", str(tmp_path / "e2e"), "--title", "xref end to end"]) == 0
    added = _cli("add", case, str(trace), *map(str, real), *map(str, made.values()), "--json",
                 capsys=capsys)
    assert "failed" not in json.dumps(added).lower() or all(
        o.get("status") != "failed" for o in added.get("outcomes", []))

    photos = _cli("photos", case, "--json", capsys=capsys)
    rows = photos if isinstance(photos, list) else photos.get("photos", [])
    ids = {r["original_name"]: r["item_id"] for r in rows}
    for name in ("on_apron.jpg", "while_airborne.jpg", "miami_in_gap.jpg", "no_zone.jpg"):
        assert main(["tag", "add", case, ids[name], "aircraft:N8774Q"]) == 0

    out = _cli("xref", case, "--json", capsys=capsys)
    found = out["findings"]

    def track(name: str) -> dict:
        hits = [f for f in found if f["kind"] == "photo-aircraft" and ids[name] in f["item_ids"]]
        assert len(hits) == 1, (name, hits)
        return hits[0]

    f = track("on_apron.jpg")
    assert f["verdict"] == "consistent", f["explanation"]
    assert "KDJT" in f["explanation"]
    assert f["inputs"]["photo"]["capture"]["basis"] == "exif-offset"
    assert f["inputs"]["photo"]["window_utc"][0].startswith("2024-08-12T02:5")

    near = f["inputs"]["nearest_observation"]             # the closest fix in the real trace
    assert abs(near["seconds_from_photo_centre"]) < 120 and near["distance_km"] < 3

    f = track("while_airborne.jpg")
    assert f["verdict"] == "inconsistent", f["explanation"]
    assert {s["state"] for s in f["inputs"]["track_spans"]} == {"airborne"}

    f = track("miami_in_gap.jpg")
    assert f["verdict"] == "undetermined", f["explanation"]
    assert "no track data" in f["explanation"]
    assert any(s["state"] == "parked-gap" for s in f["inputs"]["track_spans"])

    f = track("no_zone.jpg")
    assert f["inputs"]["photo"]["capture"]["basis"] == "unknown"
    assert f["inputs"]["photo"]["capture"]["utc"] is None
    lo, hi = f["inputs"]["photo"]["window_utc"]
    # 22:51 wall clock, zone unknown: the window reaches from before 08:51Z to after 10:51Z next day
    assert lo <= "2024-08-11T08:51:00.000Z" and hi >= "2024-08-12T10:51:00.000Z"
    assert "zone is unknown" in f["explanation"]
    assert any("not assumed to be UTC" in a for a in f["assumptions"])

    # The real 2008 Tuscany photos: nothing in the case was there then, and each says so; each
    # also gets the sun's position for its own time and GPS place.
    assert len(real) >= 5
    for path in real:
        f = track(path.name)
        assert f["verdict"] == "undetermined" and "No aircraft in the case" in f["explanation"]
        assert f["inputs"]["aircraft_elsewhere"] == [] and f["inputs"]["aircraft_no_data"]
        sun = [x for x in found if x["kind"] == "sun-position" and ids[path.name] in x["item_ids"]]
        assert len(sun) == 1
        assert 42 < sun[0]["inputs"]["place"]["lat"] < 45          # Tuscany
        assert -90 <= sun[0]["inputs"]["sun_at_centre"]["elevation_deg"] <= 90

    # Same case, same findings; the run is logged with its digest.
    again = _cli("xref", case, "--json", capsys=capsys)
    assert [x["id"] for x in again["findings"]] == [x["id"] for x in found]
    assert again["digest"] == out["digest"]
    log = _cli("log", case, "--json", capsys=capsys)
    events = log if isinstance(log, list) else log.get("events", [])
    # each run is logged with its digest (imports and edits also bring findings up to date)
    runs = [e for e in events if e["action"] == "xref-run"]
    assert [r["details"]["digest"] for r in runs[-2:]] == [out["digest"]] * 2


    # The analyst places the Miami photo at KDJT instead: only its findings are re-evaluated, and
    # the result equals a full recompute.
    moved = ids["miami_in_gap.jpg"]
    assert main(["photo-place", case, moved, str(KDJT[0]), str(KDJT[1]), "--note",
                 "seen on the apron in the picture"]) == 0
    upd = _cli("xref", case, "--update", moved, "--json", capsys=capsys)
    mine = [x for x in upd["findings"] if x["kind"] == "photo-aircraft" and moved in x["item_ids"]]
    assert [x["verdict"] for x in mine] == ["consistent"]
    assert "probably parked" in mine[0]["explanation"]
    assert mine[0]["inputs"]["photo"]["place"]["source"] == "analyst"
    untouched = {x["id"] for x in found if moved not in x["item_ids"]}
    assert untouched <= {x["id"] for x in upd["findings"]}
    full = _cli("xref", case, "--json", capsys=capsys)
    assert sorted(x["id"] for x in full["findings"]) == sorted(x["id"] for x in upd["findings"])

    tl = _cli("timeline", case, "--json", "--tz", "local", capsys=capsys)
    landing = next(e for e in tl["events"] if e["kind"] == "landing")
    assert landing["local_zone"] == "America/New_York"
    assert "-04:00" in landing["display"]
