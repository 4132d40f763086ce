"""Print the raw points of a flight file for labelling by hand (not Casefile's readers: a few lines
per format, so the labels never come from the code they judge).

    python tests/data/truth/rawdump.py FILE [--all] [--icao HEX] [--every S]

One line per point: UTC time, lat, lon, baro alt ft, geometric alt ft, gs kt, vrate fpm, the
on-ground flag, the source. Without --all, cruise points (above 5,000 ft, nothing changing) are
thinned to one every --every seconds (default 300); every point below 5,000 ft, every flag change
and every hole over 60 s is printed (--thin: low points are thinned too).
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

M_FT = 3.28084
MS_KT = 1.943844


def _iso(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d %H:%M:%S")


def _f(x: object) -> float | None:
    try:
        return None if x in (None, "") else float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def read(path: Path) -> dict[str, list[dict]]:
    """{aircraft key: [{t, lat, lon, alt, geo, gs, vr, gnd, src}]} in file order."""
    name = path.name
    out: dict[str, list[dict]] = {}
    if name.endswith(".json.gz") and "traffic" in str(path):
        doc = json.load(gzip.open(path))
        if isinstance(doc, dict):      # pandas "columns" layout: {column: {row: value}}
            rows = sorted(doc["timestamp"], key=int)
            doc = [{c: doc[c].get(k) for c in doc} for k in rows]
        for r in doc:
            if r.get("latitude") is None:
                continue
            key = r["icao24"]
            ts = r["timestamp"]
            t = ts / 1000 if isinstance(ts, (int, float)) else datetime.fromisoformat(
                str(ts).replace("Z", "+00:00")).timestamp()
            out.setdefault(key, []).append(dict(
                t=t, lat=r.get("latitude"), lon=r.get("longitude"), alt=r.get("altitude"),
                geo=r.get("geoaltitude"), gs=r.get("groundspeed"), vr=r.get("vertical_rate"),
                gnd=r.get("onground"), src=("stale" if r.get("last_position") and ts
                                            and r["last_position"] < ts - 1000 else "")))
    elif name.startswith("fr24-") and name.endswith(".json"):
        f = json.load(open(path))["result"]["response"]["data"]["flight"]
        key = (f.get("aircraft") or {}).get("hex") or "fr24"
        for p in f["track"]:
            out.setdefault(str(key), []).append(dict(
                t=p["timestamp"], lat=p["latitude"], lon=p["longitude"], alt=p["altitude"]["feet"],
                geo=None, gs=p["speed"]["kts"], vr=(p.get("verticalSpeed") or {}).get("fpm"),
                gnd=None, src="fr24"))
    elif path.parent.name == "readsb":
        doc = json.loads(path.read_bytes())
        for p in doc["trace"]:
            alt = p[3]
            out.setdefault(doc["icao"], []).append(dict(
                t=doc["timestamp"] + p[0], lat=p[1], lon=p[2], alt=None if alt == "ground" else alt,
                geo=p[10] if len(p) > 10 else None, gs=p[4], vr=p[7], gnd=alt == "ground",
                src=f"{p[9]}{' NEWLEG' if (p[6] or 0) & 2 else ''}{' stale' if (p[6] or 0) & 1 else ''}"))
    elif name.endswith(".csv") and "fr24" in str(path):
        for r in csv.DictReader(open(path)):
            lat, lon = map(float, r["Position"].split(","))
            out.setdefault(r["Callsign"], []).append(dict(
                t=float(r["Timestamp"]), lat=lat, lon=lon, alt=_f(r["Altitude"]), geo=None,
                gs=_f(r["Speed"]), vr=None, gnd=None, src="fr24csv"))
    elif name.endswith(".csv"):
        for r in csv.DictReader(open(path)):
            if not r["lat"]:
                continue
            g = _f(r["geoaltitude"])
            a = _f(r["baroaltitude"])
            v = _f(r["vertrate"])
            s = _f(r["velocity"])
            out.setdefault(r["icao24"], []).append(dict(
                t=float(r["time"]), lat=float(r["lat"]), lon=float(r["lon"]),
                alt=a * M_FT if a is not None else None, geo=g * M_FT if g is not None else None,
                gs=s * MS_KT if s is not None else None, vr=v * M_FT * 60 if v is not None else None,
                gnd=r["onground"] == "True", src="pos@" + r["lastposupdate"]))
    elif name.endswith("states.json"):
        doc = json.load(open(path))
        for s in doc.get("states") or []:
            if s[5] is None:
                continue
            out.setdefault(s[0], []).append(dict(
                t=s[3] or s[4], lat=s[6], lon=s[5], alt=s[7] * M_FT if s[7] is not None else None,
                geo=s[13] * M_FT if s[13] is not None else None, gs=s[9] * MS_KT if s[9] else None,
                vr=s[11] * M_FT * 60 if s[11] is not None else None, gnd=s[8],
                src=f"contact {s[4]} possrc {s[16]}"))
    elif name.endswith(".kml"):
        text = path.read_text()
        if "gx:Track" in text:
            whens = re.findall(r"<when>([^<]+)</when>", text)
            coords = re.findall(r"<gx:coord>([^<]+)</gx:coord>", text)
            for w, c in zip(whens, coords, strict=False):
                lon, lat, alt = map(float, c.split())
                out.setdefault("track", []).append(dict(
                    t=datetime.fromisoformat(w.replace("Z", "+00:00")).timestamp(), lat=lat,
                    lon=lon, alt=alt * M_FT, geo=None, gs=None, vr=None, gnd=None, src="kml"))
        else:
            for pm in re.findall(r"<Placemark>(.*?)</Placemark>", text, re.S):
                w = re.search(r"<when>([^<]+)</when>", pm)
                c = re.search(r"<coordinates>\s*([^<\s]+)\s*</coordinates>", pm)
                if not (w and c):
                    continue
                lon, lat, alt = (list(map(float, c.group(1).split(","))) + [0.0])[:3]
                sp = re.search(r"Speed:.*?(\d+)\s*kt", pm, re.S)
                al = re.search(r"Altitude:.*?([\d,]+)\s*ft", pm, re.S)
                out.setdefault("route", []).append(dict(
                    t=datetime.fromisoformat(w.group(1).replace("Z", "+00:00")).timestamp(),
                    lat=lat, lon=lon, alt=float(al.group(1).replace(",", "")) if al else alt * M_FT,
                    geo=None, gs=_f(sp.group(1)) if sp else None, vr=None, gnd=None, src="kml"))
    elif name.endswith(".gpx"):
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        for m in re.finditer(r"<trkpt([^>]*)>(.*?)</trkpt>", text, re.S):
            la = re.search(r'lat="([^"]+)"', m.group(1))
            lo = re.search(r'lon="([^"]+)"', m.group(1))
            tm = re.search(r"<time>([^<]+)</time>", m.group(2))
            el = re.search(r"<ele>([^<]+)</ele>", m.group(2))
            if not (la and lo):
                continue
            t = (datetime.fromisoformat(tm.group(1).strip().replace("Z", "+00:00")).timestamp()
                 if tm else None)
            out.setdefault("gpx", []).append(dict(
                t=t, lat=float(la.group(1)), lon=float(lo.group(1)),
                alt=float(el.group(1)) * M_FT if el else None, geo=None, gs=None, vr=None,
                gnd=None, src="gpx"))
    return out


def _s(x: object, fmt: str = "{:.0f}") -> str:
    return "-" if x is None else fmt.format(x) if isinstance(x, (int, float)) else str(x)


def main() -> None:
    args = sys.argv[1:]
    path = Path(args[0])
    every = float(args[args.index("--every") + 1]) if "--every" in args else 300.0
    only = args[args.index("--icao") + 1] if "--icao" in args else None
    for key, pts in read(path).items():
        if only and only not in key:
            continue
        print(f"== {key}: {len(pts)} points")
        last_t, last_gnd, shown = None, None, -1e18
        for p in pts:
            t = p["t"]
            low = p["alt"] is None or p["alt"] < 5000 or p["gnd"]
            hole = last_t is not None and t is not None and t - last_t > 60
            if "--thin" in args:
                low = False
            keep = ("--all" in args or low or p["gnd"] != last_gnd or hole
                    or t is None or t - shown >= every)
            if keep:
                if hole:
                    print(f"   ... hole {t - last_t:.0f} s")
                print(f"{_iso(t) if t is not None else 'no-time':19} {p['lat']:.5f} {p['lon']:.5f} "
                      f"a={_s(p['alt'])} g={_s(p['geo'])} gs={_s(p['gs'])} vr={_s(p['vr'])} "
                      f"gnd={_s(p['gnd'])} {p['src']}")
                shown = t if t is not None else shown
            last_t, last_gnd = t, p["gnd"]


if __name__ == "__main__":
    main()
