"""The demo photos: synthetic pictures whose metadata is chosen so each check and verdict shows up.

Each photo says what it is meant to show (`teaches`), so the tests and the demo's printed summary
can name it. Times are written as a camera would (local wall-clock text, offset tags or not).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from casefile.demo import SYNTHETIC, SYNTHETIC_ASCII
from casefile.demo import jpegbits as jb
from casefile.demo.scenario import AN124, IL62, SVMI
from casefile.demo.scenes import Scene, render

MAKE, MODEL = "Casefile demo", "Synthetic camera (not a real device)"
NOTE_C2PA = ('{"note": "SYNTHETIC placeholder written by the Casefile demo: a C2PA-labelled box, '
             'not a signed manifest"}')
#: A place on Maiquetía's apron (the photographer), and a bogus GPS position as broken firmware writes it.
APRON = (10.5979, -66.9881)


@dataclass(frozen=True)
class DemoPhoto:
    filename: str
    scene: Scene
    teaches: str                          # what it is meant to show, in one line
    taken_local: str | None = None        # "YYYY:MM:DD HH:MM:SS" as the camera wrote it
    offset: str | None = None             # OffsetTimeOriginal, e.g. "-04:00"
    gps: tuple[float, float] | None = None
    gps_utc: tuple[str, str] | None = None   # (GPSDateStamp "YYYY:MM:DD", "HH:MM:SS")
    software: str | None = None
    modify_date: str | None = None
    exif_size: tuple[int, int] | None = None  # PixelX/YDimension as claimed in EXIF
    thumb_scene: Scene | None = None      # embedded thumbnail drawn from another scene
    xmp_history: bool = False
    xmp_date_created: str | None = None   # XMP photoshop:DateCreated as an editor rewrote it (ISO)
    iptc_fbmd: bool = False
    comment: str | None = None
    trailer: bytes = b""
    c2pa: bool = False
    date_in_ifd0: bool = False            # DateTimeOriginal placed in IFD0 (wrong IFD)
    bogus_gps: bool = False
    stripped_gps: bool = False            # a GPS IFD with no position in it
    no_exif: bool = False
    copy_of: str | None = None            # re-encode of another demo photo (file name)
    copy_width: int = 0
    quality: int = 90
    aircraft_tags: tuple[str, ...] = field(default=())
    source: str | None = None             # "social": published by the social-media post
    analyst_place: tuple[float, float] | None = None
    truncate: float = 0.0                 # keep only this fraction of the file (a cut-short copy)
    supports: str | None = None           # the demo claim (key) the analyst links it to as supporting


def _gps_tags(p: DemoPhoto) -> list[jb.Tag]:
    tags = [jb.Tag(0x0000, jb.BYTE, bytes([2, 3, 0, 0]))]
    if p.stripped_gps:
        return tags + [jb.Tag(0x0012, jb.ASCII, "WGS-84")]
    if p.bogus_gps:
        tags += [jb.Tag(0x0002, jb.RATIONAL, [(4294967295, 1), (0, 1), (0, 1)]),
                 jb.Tag(0x0004, jb.RATIONAL, [(4294967295, 1), (0, 1), (0, 1)])]
    elif p.gps:
        lat, lon = p.gps
        tags += [jb.Tag(0x0001, jb.ASCII, "N" if lat >= 0 else "S"), jb.Tag(0x0002, jb.RATIONAL, jb.dms(lat)),
                 jb.Tag(0x0003, jb.ASCII, "E" if lon >= 0 else "W"), jb.Tag(0x0004, jb.RATIONAL, jb.dms(lon)),
                 jb.Tag(0x0005, jb.BYTE, 0),
                 jb.Tag(0x0006, jb.RATIONAL, (int(SVMI.elev_ft * 0.3048 * 10), 10))]
    if p.gps_utc:
        d, t = p.gps_utc
        hh, mm, ss = (int(x) for x in t.split(":"))
        tags += [jb.Tag(0x001D, jb.ASCII, d), jb.Tag(0x0007, jb.RATIONAL, [(hh, 1), (mm, 1), (ss, 1)])]
    return tags


def exif_spec(p: DemoPhoto, size: tuple[int, int]) -> jb.ExifSpec:
    """The EXIF a photo carries: camera, times, offsets, GPS, and the planted oddities."""
    ifd0 = [jb.Tag(0x010F, jb.ASCII, MAKE), jb.Tag(0x0110, jb.ASCII, MODEL),
            jb.Tag(0x010E, jb.ASCII, SYNTHETIC_ASCII), jb.Tag(0x0112, jb.SHORT, 1),
            jb.Tag(0x011A, jb.RATIONAL, (72, 1)), jb.Tag(0x011B, jb.RATIONAL, (72, 1)),
            jb.Tag(0x0128, jb.SHORT, 2), jb.Tag(0x0213, jb.SHORT, 1),
            jb.Tag(0x8298, jb.ASCII, "Synthetic image, Casefile demo (public domain)")]
    exif = [jb.Tag(0x9000, jb.UNDEFINED, b"0232"), jb.Tag(0x9101, jb.UNDEFINED, b"\x01\x02\x03\x00"),
            jb.Tag(0xA000, jb.UNDEFINED, b"0100"), jb.Tag(0xA001, jb.SHORT, 1),
            jb.Tag(0x829A, jb.RATIONAL, (1, 500)), jb.Tag(0x829D, jb.RATIONAL, (80, 10)),
            jb.Tag(0x8827, jb.SHORT, 100), jb.Tag(0x920A, jb.RATIONAL, (50, 1))]
    w, h = p.exif_size or size
    exif += [jb.Tag(0xA002, jb.LONG, w), jb.Tag(0xA003, jb.LONG, h)]
    if p.taken_local:
        dto = jb.Tag(0x9003, jb.ASCII, p.taken_local)
        (ifd0 if p.date_in_ifd0 else exif).append(dto)
        exif += [jb.Tag(0x9004, jb.ASCII, p.taken_local), jb.Tag(0x9291, jb.ASCII, "00")]
        ifd0.append(jb.Tag(0x0132, jb.ASCII, p.modify_date or p.taken_local))
        if p.offset:
            exif += [jb.Tag(0x9011, jb.ASCII, p.offset), jb.Tag(0x9012, jb.ASCII, p.offset),
                     jb.Tag(0x9010, jb.ASCII, p.offset)]
    if p.software:
        ifd0.append(jb.Tag(0x0131, jb.ASCII, p.software))
    thumb = None
    if p.thumb_scene is not None:
        t = render(p.thumb_scene)
        t.thumbnail((160, 120))
        buf = io.BytesIO()
        t.save(buf, "JPEG", quality=75)
        thumb = buf.getvalue()
    gps = _gps_tags(p) if (p.gps or p.bogus_gps or p.stripped_gps or p.gps_utc) else []
    return jb.ExifSpec(ifd0, exif, gps, thumb)


def _xmp(p: DemoPhoto) -> str:
    created = (f'\n xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:DateCreated='
               f'"{p.xmp_date_created}"' if p.xmp_date_created else "")
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmp:CreatorTool="{p.software}"
 xmp:ModifyDate="{(p.modify_date or '').replace(':', '-', 2).replace(' ', 'T')}"{created}>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{SYNTHETIC}</rdf:li></rdf:Alt></dc:description>
<xmpMM:History><rdf:Seq>
<rdf:li rdf:parseType="Resource" stEvt:action="created" stEvt:softwareAgent="{MODEL}"/>
<rdf:li rdf:parseType="Resource" stEvt:action="saved" stEvt:softwareAgent="{p.software}"
 stEvt:changed="/"/>
</rdf:Seq></xmpMM:History></rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""


def encode(p: DemoPhoto, img: Image.Image) -> bytes:
    """The JPEG bytes of one demo photo: pixels by Pillow, metadata segments by jpegbits."""
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=p.quality, optimize=False)
    segs: list[bytes] = []
    if not p.no_exif:
        segs.append(jb.exif_segment(exif_spec(p, img.size)))
    if p.xmp_history:
        segs.append(jb.xmp_segment(_xmp(p)))
    if p.iptc_fbmd:
        iptc = (jb.iptc_record(2, 0, b"\x00\x04")
                + jb.iptc_record(2, 5, b"SYNTHETIC DEMO IMAGE - Casefile training")
                + jb.iptc_record(2, 40, b"FBMD0000000000000000000000000000demo0synthetic"))
        segs.append(jb.photoshop_segment(iptc))
    if p.c2pa:
        segs.append(jb.c2pa_segment(NOTE_C2PA))
    if p.comment:
        segs.append(jb.comment_segment(p.comment))
    data = jb.splice(buf.getvalue(), segs, p.trailer)
    return data[: int(len(data) * p.truncate)] if p.truncate else data


def _sc(seed: int, label: str, **kw: Any) -> Scene:
    return Scene(seed=seed, label=label, **kw)


AN = (AN124.icao24,)
PHOTOS: tuple[DemoPhoto, ...] = (
    DemoPhoto("demo-01-an124-on-apron.jpg",
              _sc(11, "01 An-124 on the apron, Sat 23 Mar 15:20 (UTC-4)", trucks=3),
              "consistent: camera offset tag and GPS at Maiquetía while the An-124's track is on the ground",
              "2019:03:23 15:20:00", "-04:00", APRON, ("2019:03:23", "19:20:00"), aircraft_tags=AN),
    DemoPhoto("demo-02-an124-repost.jpg", _sc(11, ""),
              "no metadata (social-media re-encode) and a near-duplicate of photo 01, posted by the "
              "social-media source", no_exif=True, copy_of="demo-01-an124-on-apron.jpg",
              copy_width=900, quality=72, source="social"),
    DemoPhoto("demo-03-an124-time-airborne.jpg",
              _sc(23, "03 An-124, camera time 09:30 (UTC-4) - the track is still in the air", x=0.38,
                  scale=0.8, facing_left=True, horizon=0.5, sky=((90, 140, 210), (200, 220, 240))),
              "inconsistent: at the photo's time the An-124's track is airborne, hundreds of km away",
              "2019:03:23 09:30:00", "-04:00", APRON, ("2019:03:23", "13:30:00"), aircraft_tags=AN,
              comment="Apron, Maiquetia - SYNTHETIC demo picture"),
    DemoPhoto("demo-04-an124-in-coverage-gap.jpg",
              _sc(37, "04 An-124, camera time 06:00 (UTC-4) - inside the tracker's ocean gap", x=0.62,
                  scale=1.2, horizon=0.38, sky=((70, 80, 130), (230, 170, 120))),
              "inconsistent: the photo's time falls inside the An-124's coverage gap over the Atlantic, "
              "but no path at its top speed joins the positions either side of the gap by way of "
              "Maiquetia (no track data inside the gap, yet the positions around it rule the place "
              "out); and at 06:00 the sun is still below the horizon though the exposure says daylight",
              "2019:03:23 06:00:00", "-04:00", APRON, ("2019:03:23", "10:00:00"), aircraft_tags=AN),
    DemoPhoto("demo-05-no-time-zone.jpg",
              _sc(41, "05 Il-62 - camera time with no zone and no position", aircraft="il62", x=0.45,
                  horizon=0.52, trucks=1),
              "capture time with no zone (local time, basis unknown) and a GPS block with no position",
              "2019:03:24 12:00:00", None, None, None, stripped_gps=True, aircraft_tags=(IL62.icao24,)),
    DemoPhoto("demo-06-edited-in-photoshop.jpg",
              _sc(53, "06 An-124 - edited: picture no longer matches its thumbnail", x=0.55, scale=0.9,
                  trucks=4, horizon=0.42),
              "editing software named, ModifyDate after capture, XMP edit history, thumbnail differs "
              "from the picture, EXIF pixel size differs from the image, and the editor's XMP "
              "DateCreated disagrees with the camera's time",
              "2019:03:23 16:02:10", "-04:00", APRON, ("2019:03:23", "20:02:10"),
              software="Adobe Photoshop 20.0 (Windows)", modify_date="2019:03:25 09:12:44",
              exif_size=(4000, 3000),
              thumb_scene=_sc(54, "", aircraft=None, horizon=0.7, sky=((40, 50, 90), (120, 110, 140))),
              xmp_history=True, xmp_date_created="2019-03-25T09:12:44-04:00", aircraft_tags=AN),
    DemoPhoto("demo-07-bogus-gps.jpg",
              _sc(67, "07 An-124 - GPS receiver wrote an impossible latitude", x=0.3, scale=0.7,
                  facing_left=True, horizon=0.55),
              "bogus GPS (4294967295 degrees, no reference) rejected; the analyst places the photo on "
              "the apron instead, and the An-124 is on the ground there",
              "2019:03:23 15:40:00", "-04:00", None, None, bogus_gps=True,
              analyst_place=SVMI.apron, aircraft_tags=AN),
    DemoPhoto("demo-08-camera-clock-fast.jpg",
              _sc(79, "08 An-124 - camera clock 45 minutes ahead of GPS time", x=0.7, scale=1.1,
                  horizon=0.47, trucks=2, sky=((140, 180, 230), (240, 220, 200))),
              "GPS time and camera time disagree by 45 minutes (camera clock offset)",
              "2019:03:23 17:47:00", "-04:00", APRON, ("2019:03:23", "21:02:00"), aircraft_tags=AN),
    DemoPhoto("demo-09-wrong-year.jpg",
              _sc(83, "09 An-124 - camera year set wrong (2029)", x=0.5, scale=0.6, horizon=0.4),
              "capture time in the future (after the item was acquired); posted by the social-media "
              "source before its own capture time",
              "2029:03:23 14:10:00", "-04:00", None, None, source="social"),
    DemoPhoto("demo-10-platform-reencode.jpg", _sc(37, ""),
              "platform re-encode of photo 04: Facebook FBMD marker in a Photoshop APP13 block, a JPEG "
              "comment naming the encoder, bytes hidden after the end of the image",
              no_exif=True, copy_of="demo-04-an124-in-coverage-gap.jpg", copy_width=1080, quality=71,
              iptc_fbmd=True, comment="CREATOR: gd-jpeg v1.0 (using IJG JPEG v62), quality = 71",
              trailer=b"SYNTHETIC DEMO: bytes after the end-of-image marker\n"),
    DemoPhoto("demo-11-content-credentials.jpg",
              _sc(97, "11 An-124 on departure day, Sun 24 Mar 15:10 (UTC-4)", x=0.48, scale=1.0,
                  horizon=0.44, trucks=1, sky=((110, 160, 220), (225, 235, 245))),
              "consistent with the second tracker file (on the ground before departure); no offset "
              "tag, so the zone comes from the GPS position; a C2PA-labelled box; DateTimeOriginal "
              "in the wrong IFD",
              "2019:03:24 15:10:00", None, APRON, None, c2pa=True,
              date_in_ifd0=True, aircraft_tags=AN),
    DemoPhoto("demo-12-cut-short.jpg",
              _sc(103, "12 Il-62 taxiing - file cut short in transfer", aircraft="il62", x=0.6, scale=1.1,
                  facing_left=True, horizon=0.5),
              "image data cut short (an interrupted copy): only the top of the picture decodes",
              "2019:03:23 15:05:00", "-04:00", APRON, ("2019:03:23", "19:05:00"), truncate=0.6,
              aircraft_tags=(IL62.icao24,)),
    DemoPhoto("demo-13-an124-recycled-2015.jpg",
              _sc(113, "13 An-124 at Maiquetia - camera date June 2015", x=0.42, scale=0.95,
                  horizon=0.46, trucks=2, sky=((120, 170, 225), (235, 230, 215))),
              "recycled: posted as 'today, 23 March 2019' but its camera date is June 2015 (with "
              "Venezuela's UTC-4:30 of the time; no GPS): an older photo for the claim it is linked "
              "to and for the post",
              "2015:06:11 10:25:00", "-04:30", None, None, source="social",
              supports="photo-an124-caracas"),
)


def write_photos(folder: Path) -> list[Path]:
    """Render and write every demo photo into folder; returns their paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    pictures: dict[str, Image.Image] = {}
    paths = []
    for p in PHOTOS:
        if p.copy_of:
            img = pictures[p.copy_of].copy()
            img.thumbnail((p.copy_width, p.copy_width))
        else:
            img = render(p.scene)
        pictures[p.filename] = img
        out = folder / p.filename
        out.write_bytes(encode(p, img))
        paths.append(out)
    return paths
