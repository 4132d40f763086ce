"""Photo commands, one noun group: `photo list` (capture time and checks), `photo show` (one photo,
all tags), `photo tag` (an aircraft on it; `--remove` takes it off), `photo place` (where the analyst
places it; `--remove` takes it away). The old spellings (`photos`, `photo CASE P3`, `photo-tag`,
`photo-place`) still work, hidden."""

from __future__ import annotations

from typing import Any

import click

from casefile.analyst import names
from casefile.cli.base import Out, cli, command, group
from casefile.cli.naming import add_ref, add_refs
from casefile.cli.output import print_table
from casefile.model.findings import CheckFinding
from casefile.model.photos import PhotoInfo
from casefile.present.times import listing
from casefile.store import Case


def _capture_text(cap: dict[str, Any] | None) -> str:
    return listing(cap) if cap else "no capture time"


def _photo_dict(info: PhotoInfo, checks: list[CheckFinding]) -> dict[str, Any]:
    d = info.to_dict()
    d["checks"] = [c.to_dict() for c in checks]
    return d


class PhotoGroup(click.Group):
    """`photo` subcommands; `photo CASE PHOTO ...` (the old spelling of `photo show`) still works."""

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None,
                                                                         list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "show", self.commands["show"], args
        return super().resolve_command(ctx, args)


photo = group(cli, "photo", help="photos: list, show one, tag an aircraft, place it", cls=PhotoGroup)
LIST_HELP = "list photos: metadata, capture time with its basis, checks"


@command(photo, "list", help=LIST_HELP)
def photo_list(case: Case) -> Out:
    return photos(case)


@command(cli, "photos", help=LIST_HELP, hidden=True)
def photos(case: Case) -> Out:
    from casefile.photos.query import all_photo_checks, list_photos

    checks = all_photo_checks(case)
    data = add_refs(case, [_photo_dict(p, checks.get(p.item_id, [])) for p in list_photos(case)],
                    "item_id")

    def human(rows: list[dict[str, Any]]) -> None:
        table = []
        for d in rows:
            gps = d["gps"]
            where = f"{gps['lat']:.5f},{gps['lon']:.5f}" if gps else (
                "rejected" if d["gps_problem"] else "")
            sev = [c["severity"] for c in d["checks"]]
            flags = ", ".join(f"{sev.count(s)} {s}" for s in ("warning", "notice", "info") if s in sev)
            camera = " ".join(x for x in (d["make"], d["model"]) if x)
            table.append([d["ref"], d["original_name"], camera, _capture_text(d["capture"]),
                          where, flags])
        print_table(table, ["REF", "FILE", "CAMERA", "CAPTURE (UTC, basis)", "GPS", "CHECKS"])
        print(f"{len(rows)} photo(s)")

    return Out(data, human)


PHOTO = click.argument("photo_ref", metavar="PHOTO")


def _photo_id(case: Case, text: str) -> str:
    """A photo by reference (P3), file name, or id/SHA-256 prefix."""
    return names.resolve(case, text, names.ITEMS, lists="casefile photo list CASE")


@command(photo, "show", help="one photo: normalised metadata, checks, and (--raw) every tag",
         write=lambda o: o["ela"] is not None)
@PHOTO
@click.option("--raw", is_flag=True, help="also list every tag as found")
@click.option("--ela", type=int, metavar="QUALITY", is_flag=False, flag_value=90,
              help="make an Error Level Analysis copy (default quality 90) and show its path")
def photo_show(case: Case, photo_ref: str, raw: bool, ela: int | None) -> Out:
    """PHOTO: the photo's reference (P3), file name, or 6+ characters of its id or SHA-256."""
    from casefile.photos.query import get_photo, make_ela, photo_checks, raw_tags

    pid = _photo_id(case, photo_ref)
    data = add_ref(case, _photo_dict(get_photo(case, pid), photo_checks(case, pid)),
                   "item_id")
    data["derived"] = [{k: d[k] for k in ("kind", "blob_path", "sha256", "tool", "tool_version",
                                            "params")} for d in case.derivations(pid)]
    if ela is not None:
        row = make_ela(case, pid, ela)
        data["ela"] = {"path": str(case.path / row["blob_path"]), "params": row["params"]}
    if raw:
        data["raw_tags"] = raw_tags(case, pid)

    def human(d: dict[str, Any]) -> None:
        print(f"{d['ref']} {d['original_name']}")
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
            print(f"  {'place' if g['source'] == 'analyst' else 'gps':<11} {g['lat']:.6f}, "
                  f"{g['lon']:.6f} ({'set by the analyst' if g['source'] == 'analyst' else g['source']})"
                  + (f", alt {g['alt_m']:.1f} m" if g["alt_m"] is not None else ""))
            own = d.get("exif_gps")
            if g["source"] == "analyst" and own:
                from casefile.geo import distance_km

                km = distance_km(g["lat"], g["lon"], own["lat"], own["lon"])
                print(f"  file gps    {own['lat']:.6f}, {own['lon']:.6f} (the file's own GPS, "
                      f"{km:,.1f} km from the analyst's place)")
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

    return Out(data, human)


def _place(case: Case, photo_ref: str, lat: float | None, lon: float | None, note: str | None,
           remove: bool) -> Out:
    from casefile.commands import PhotoPlace, submit
    from casefile.errors import InvalidInput
    from casefile.photos.query import get_photo

    if not remove and (lat is None or lon is None):
        raise InvalidInput("give LAT and LON, or --remove", field="location")
    item = _photo_id(case, photo_ref)
    submit(case, PhotoPlace(item=item, lat=None if remove else lat, lon=None if remove else lon,
                            note=note))
    return Out(add_ref(case, get_photo(case, item).to_dict(), "item_id"), lambda d: print(
        f"{d['ref']} {d['original_name']}: place {'removed' if remove else f'{lat}, {lon}'}; "
        f"capture {_capture_text(d['capture'])}"))


@command(photo, "place", help="record where the analyst places a photo (--remove: take it away)",
         write=True, ignore_unknown_options=True)
@PHOTO
@click.argument("lat", type=float, required=False)
@click.argument("lon", type=float, required=False)
@click.option("--note", metavar="TEXT", help="how the place was established")
@click.option("--remove", is_flag=True, help="remove the analyst's place")
def photo_place(case: Case, photo_ref: str, lat: float | None, lon: float | None, note: str | None,
                remove: bool) -> Out:
    """LAT LON: decimal degrees (south and west negative: 10.6 -66.99)."""
    return _place(case, photo_ref, lat, lon, note, remove)


@command(cli, "photo-place", help="old spelling of `photo place`", write=True,
         ignore_unknown_options=True, hidden=True)
@PHOTO
@click.argument("lat", type=float, required=False)
@click.argument("lon", type=float, required=False)
@click.option("--note", metavar="TEXT")
@click.option("--clear", is_flag=True)
def photo_place_old(case: Case, photo_ref: str, lat: float | None, lon: float | None, note: str | None,
                    clear: bool) -> Out:
    return _place(case, photo_ref, lat, lon, note, clear)


def _tag(case: Case, photo_ref: str, ref: str, remove: str | None) -> Out:
    from casefile.commands import PhotoTag, PhotoUntag, submit
    from casefile.photos.query import get_photo

    item = _photo_id(case, photo_ref)
    if remove is not None:
        submit(case, PhotoUntag(item=item, aircraft=ref, reason=remove))
    else:
        submit(case, PhotoTag(item=item, aircraft=ref))
    return Out(add_ref(case, get_photo(case, item).to_dict(), "item_id"), lambda d: print(
        f"{d['ref']} {d['original_name']}: aircraft {', '.join(d['aircraft_tags']) or 'none'}"))


@command(photo, "tag", help="tag a photo with an aircraft (registration, hex, type); --remove takes it off",
         write=True)
@PHOTO
@click.argument("ref", metavar="AIRCRAFT")
@click.option("--remove", is_flag=True, help="remove the tag (give --reason)")
@click.option("--reason", metavar="TEXT", help="why it is removed (kept in the ledger)")
def photo_tag(case: Case, photo_ref: str, ref: str, remove: bool, reason: str | None) -> Out:
    from casefile.errors import InvalidInput

    if remove and not (reason or "").strip():
        raise InvalidInput("--remove needs --reason (why the tag is taken off)", field="--reason")
    return _tag(case, photo_ref, ref, reason if remove else None)


@command(cli, "photo-tag", help="old spelling of `photo tag`", write=True, hidden=True)
@PHOTO
@click.argument("ref", metavar="AIRCRAFT")
@click.option("--remove", metavar="REASON")
def photo_tag_old(case: Case, photo_ref: str, ref: str, remove: str | None) -> Out:
    return _tag(case, photo_ref, ref, remove)
