"""Photo commands: `photos` (list with capture time and checks) and `photo` (one photo, all tags)."""

from __future__ import annotations

import argparse
from typing import Any

from casefile.cli.args import add_case_arg, add_json_arg, open_case
from casefile.cli.output import emit, print_table
from casefile.model.findings import CheckFinding
from casefile.model.photos import PhotoInfo


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("photos", help="list photos: metadata, capture time with its basis, checks")
    add_case_arg(p)
    add_json_arg(p)
    p.set_defaults(func=cmd_photos)

    p = sub.add_parser("photo", help="one photo: normalised metadata, checks, and (--raw) every tag")
    add_case_arg(p)
    p.add_argument("id", metavar="ID", help="item id (or 6+ characters of it, or of its SHA-256)")
    p.add_argument("--raw", action="store_true", help="also list every tag as found")
    p.add_argument("--ela", type=int, metavar="QUALITY", nargs="?", const=90,
                   help="make an Error Level Analysis copy (default quality 90) and show its path")
    add_json_arg(p)
    p.set_defaults(func=cmd_photo)

    p = sub.add_parser("photo-place", help="record where the analyst places a photo (or --clear)")
    add_case_arg(p)
    p.add_argument("id", metavar="ID")
    p.add_argument("lat", type=float, nargs="?")
    p.add_argument("lon", type=float, nargs="?")
    p.add_argument("--note", metavar="TEXT", help="how the place was established")
    p.add_argument("--clear", action="store_true", help="remove the analyst's place")
    add_json_arg(p)
    p.set_defaults(func=cmd_photo_place)

    p = sub.add_parser("photo-tag", help="tag a photo with an aircraft (registration, hex, type)")
    add_case_arg(p)
    p.add_argument("id", metavar="ID")
    p.add_argument("ref", metavar="AIRCRAFT")
    p.add_argument("--remove", metavar="REASON", help="remove the tag, for this reason")
    add_json_arg(p)
    p.set_defaults(func=cmd_photo_tag)


def _capture_text(cap: dict[str, Any] | None) -> str:
    if not cap:
        return "no capture time"
    if cap["utc"]:
        unc = f" ±{cap['uncertainty_s']:g}s" if cap["uncertainty_s"] > 1 else ""
        return f"{cap['utc']} ({cap['basis']}{unc})"
    return f"{cap['local']} local, zone unknown"


def _photo_dict(info: PhotoInfo, checks: list[CheckFinding]) -> dict[str, Any]:
    d = info.to_dict()
    d["checks"] = [c.to_dict() for c in checks]
    return d


def cmd_photos(args: argparse.Namespace) -> int:
    from casefile.photos.query import all_photo_checks, list_photos

    with open_case(args, write=False) as case:
        photos = list_photos(case)
        checks = all_photo_checks(case)
        data = [_photo_dict(p, checks.get(p.item_id, [])) for p in photos]

    def human(rows: list[dict[str, Any]]) -> None:
        table = []
        for d in rows:
            gps = d["gps"]
            where = f"{gps['lat']:.5f},{gps['lon']:.5f}" if gps else (
                "rejected" if d["gps_problem"] else "")
            sev = [c["severity"] for c in d["checks"]]
            flags = ", ".join(f"{sev.count(s)} {s}" for s in ("warning", "notice", "info") if s in sev)
            camera = " ".join(x for x in (d["make"], d["model"]) if x)
            table.append([d["item_id"][-8:], d["original_name"], camera, _capture_text(d["capture"]),
                          where, flags])
        print_table(table, ["ID", "FILE", "CAMERA", "CAPTURE (UTC, basis)", "GPS", "CHECKS"])
        print(f"{len(rows)} photo(s)")

    emit(args, data, human)
    return 0


def cmd_photo(args: argparse.Namespace) -> int:
    from casefile.photos.query import get_photo, make_ela, photo_checks, raw_tags

    with open_case(args, write=args.ela is not None) as case:
        item = case.resolve_item(args.id)
        info = get_photo(case, item["id"])
        data = _photo_dict(info, photo_checks(case, item["id"]))
        data["derived"] = [{k: d[k] for k in ("kind", "blob_path", "sha256", "tool", "tool_version",
                                                "params")} for d in case.derivations(item["id"])]
        if args.ela is not None:
            row = make_ela(case, item["id"], args.ela)
            data["ela"] = {"path": str(case.path / row["blob_path"]), "params": row["params"]}
        if args.raw:
            data["raw_tags"] = raw_tags(case, item["id"])

    def human(d: dict[str, Any]) -> None:
        print(f"{d['original_name']}  ({d['item_id']})")
        print(f"  format      {d['format']} {d['width']}x{d['height']}, orientation {d['orientation']}")
        for key in ("make", "model", "lens", "serial", "software"):
            if d[key]:
                print(f"  {key:<11} {d[key]}")
        print(f"  capture     {_capture_text(d['capture'])}")
        if d["capture"]:
            print(f"              raw {d['capture']['raw']!r}")
        for name, raw in d["times"].items():
            print(f"  {name:<11} {raw}" if len(name) <= 11 else f"  {name}: {raw}")
        if d["gps"]:
            g = d["gps"]
            print(f"  gps         {g['lat']:.6f}, {g['lon']:.6f} ({g['source']})"
                  + (f", alt {g['alt_m']:.1f} m" if g["alt_m"] is not None else ""))
        if d["gps_problem"]:
            print(f"  gps         rejected: {d['gps_problem']}")
        print(f"  phash/dhash {d['phash']} / {d['dhash']}")
        if d["aircraft_tags"]:
            print(f"  aircraft    {', '.join(d['aircraft_tags'])}")
        print(f"checks ({len(d['checks'])}):")
        for c in d["checks"]:
            print(f"  [{c['severity']}] {c['title']}: {c['explanation']}")
            print(f"      could also be: {c['innocent_cause']}")
        if "ela" in d:
            print(f"ELA image: {d['ela']['path']}")
        if "raw_tags" in d:
            print(f"tags ({len(d['raw_tags'])}):")
            for k, v in d["raw_tags"].items():
                print(f"  {k} = {v[:200]}")

    emit(args, data, human)
    return 0


def cmd_photo_place(args: argparse.Namespace) -> int:
    from casefile.errors import InvalidInput
    from casefile.photos.query import get_photo, set_photo_location

    if not args.clear and (args.lat is None or args.lon is None):
        raise InvalidInput("give LAT and LON, or --clear", field="location")
    with open_case(args, write=True) as case:
        item = case.resolve_item(args.id)["id"]
        set_photo_location(case, item, None if args.clear else args.lat,
                           None if args.clear else args.lon, args.note)
        data = get_photo(case, item).to_dict()
    emit(args, data, lambda d: print(f"{d['original_name']}: place "
                                     f"{'cleared' if args.clear else f'{args.lat}, {args.lon}'}; "
                                     f"capture {_capture_text(d['capture'])}"))
    return 0


def cmd_photo_tag(args: argparse.Namespace) -> int:
    from casefile.photos.query import get_photo, tag_aircraft, untag_aircraft

    with open_case(args, write=True) as case:
        item = case.resolve_item(args.id)["id"]
        if args.remove:
            untag_aircraft(case, item, args.ref, reason=args.remove)
        else:
            tag_aircraft(case, item, args.ref)
        data = get_photo(case, item).to_dict()
    emit(args, data, lambda d: print(f"{d['original_name']}: aircraft "
                                     f"{', '.join(d['aircraft_tags']) or 'none'}"))
    return 0
