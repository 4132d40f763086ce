"""Read one photo's bytes once: metadata (raw + normalised), structure, derived images and hashes.

Runs in an import worker process; the result is plain picklable data. Decoding happens once, in
Pillow's draft mode (JPEG DCT scaling), and every derived image and hash comes from that decode.
"""

from __future__ import annotations

import io
import logging
import mmap
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import exifread
import imagehash
import PIL
from PIL import Image, ImageFile, ImageOps, IptcImagePlugin

from casefile.errors import CorruptFile
from casefile.model.photos import FoundValue, PhotoMeta
from casefile.photos import exif as exifnorm
from casefile.photos import ifd, jpeg, makernotes, places, trailers, xmp
from casefile.photos.derive import PREVIEW_PX, THUMB_PX, draft_request, encode_jpeg, fit, phash, shrink
from casefile.reference.zones import zone_at

Buffer = bytes | mmap.mmap
FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "TIFF": "TIFF", "WEBP": "WebP",
           "HEIF": "HEIC", "HEIC": "HEIC", "AVIF": "AVIF"}
#: Pixel count above which a file is refused as a decompression bomb (Pillow's own error limit).
MAX_PIXELS = 2 * Image.MAX_IMAGE_PIXELS if Image.MAX_IMAGE_PIXELS else 178_956_970

logging.getLogger("exifread").setLevel(logging.CRITICAL)

try:
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIF_VERSION: str | None = pillow_heif.__version__
except ImportError:  # pragma: no cover - pillow-heif is a dependency; HEIC then fails per file
    HEIF_VERSION = None


@dataclass
class ParsedPhoto:
    """What parse() hands to store(): metadata, raw tags and the derived images' bytes."""

    meta: PhotoMeta
    raw_tags: dict[str, str]
    thumbnail: bytes | None = None
    preview: bytes | None = None
    exif_thumbnail: bytes | None = None
    derive_params: dict[str, Any] = field(default_factory=dict)
    decode_problem: str | None = None
    tools: dict[str, str] = field(default_factory=dict)
    #: the row's JSON columns (meta, raw_tags, extractor) as stored, written once the reading is
    #: complete (`photos.storage.prepare`, in the import worker), so the recording does not redo them
    texts: dict[str, str] | None = None


def tool_versions() -> dict[str, str]:
    return {"exifread": getattr(exifread, "__version__", "?"), "Pillow": PIL.__version__,
            "imagehash": imagehash.__version__, "pillow-heif": HEIF_VERSION or "absent"}


def _stream(path: Path, data: Buffer) -> BinaryIO:
    """A file object over the photo: the bytes in memory, or the file itself behind a mapping."""
    return io.BytesIO(data) if isinstance(data, bytes) else open(path, "rb")  # noqa: SIM115


def _exif_tags(path: Path, data: Buffer, tiff: bytes | None, meta: PhotoMeta) -> dict[str, Any]:
    """exifread's tags; a failure is noted as an EXIF problem, never fatal."""
    tags: dict[str, Any] = {}
    failed: list[str] = []
    # The EXIF block Pillow found, read from memory, first (much faster than exifread seeking
    # through the file); the whole file when that gives nothing (EXIF where Pillow does not look).
    for label, blob in (("EXIF block", tiff), ("file", data)):
        if blob is None or len(blob) == 0:
            continue
        try:
            with warnings.catch_warnings(), (_stream(path, blob) if label == "file"
                                             else io.BytesIO(blob)) as fh:
                warnings.simplefilter("ignore")
                tags = exifread.process_file(fh, details=True, extract_thumbnail=True)
        except Exception as exc:  # noqa: BLE001 - exifread raises many types on broken files
            failed.append(f"exifread could not read the {label}'s EXIF "
                          f"({type(exc).__name__}: {str(exc)[:120]})")
            tags = {}
        if tags:
            break
    if not tags:
        meta.exif_problems.extend(failed)
    return tags


def _open(path: Path, data: Buffer) -> ImageFile.ImageFile:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(_stream(path, data))
    except Image.DecompressionBombError as exc:
        raise CorruptFile(f"refused as a possible decompression bomb ({exc})", path) from None
    except PIL.UnidentifiedImageError:
        raise CorruptFile("not a readable image: Pillow cannot identify its format (header damaged "
                          "or not an image)", path) from None
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types for unreadable headers
        raise CorruptFile(f"not a readable image ({type(exc).__name__}: {str(exc)[:160]})", path) from None
    w, h = im.size
    if w <= 0 or h <= 0:
        raise CorruptFile(f"image claims an impossible size {w}x{h}", path)
    if w * h > MAX_PIXELS:
        raise CorruptFile(f"refused as a possible decompression bomb: {w}x{h} = {w * h} pixels "
                          f"(limit {MAX_PIXELS})", path)
    return im


def _decode(im: Image.Image, meta: PhotoMeta) -> tuple[Image.Image | None, int, str | None]:
    """The image decoded once at the smallest DCT scale that still fills a preview."""
    scale = 1
    if im.format == "JPEG":
        full_w = im.size[0]
        try:
            im.draft("RGB", draft_request(im.size))
            scale = max(1, round(full_w / max(1, im.size[0])))
        except Exception:  # noqa: BLE001 - draft is an optimisation only
            scale = 1
    try:
        im.load()
    except OSError as exc:
        if "truncated" not in str(exc):
            return None, scale, f"pixels cannot be decoded ({str(exc)[:160]})"
        ImageFile.LOAD_TRUNCATED_IMAGES = True
        try:
            im.load()
        except Exception as exc2:  # noqa: BLE001
            return None, scale, f"pixels cannot be decoded ({str(exc2)[:160]})"
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = False
        meta.exif_problems.append("image data is truncated: the preview shows only what decodes")
    except Exception as exc:  # noqa: BLE001 - any decoder failure is a per-file problem
        return None, scale, f"pixels cannot be decoded ({type(exc).__name__}: {str(exc)[:160]})"
    return im, scale, None


def _rgb(im: Image.Image) -> Image.Image:
    if im.mode in ("RGB", "L"):
        return im
    if im.mode in ("RGBA", "LA", "P", "PA"):
        base = Image.new("RGB", im.size, (255, 255, 255))
        rgba = im.convert("RGBA")
        base.paste(rgba, mask=rgba.getchannel("A"))
        return base
    if im.mode.startswith("I;16") or im.mode in ("I", "F"):
        return ImageOps.autocontrast(im.convert("I").point(lambda v: v / 256).convert("L"))
    return im.convert("RGB")


def _thumb_distance(thumb_bytes: bytes, main: Image.Image) -> tuple[int | None, tuple[int, int] | None]:
    """dHash bits differing between the embedded thumbnail and the main image (letterbox removed)."""
    try:
        with Image.open(io.BytesIO(thumb_bytes)) as t:
            t.load()
            size = t.size
            thumb = _rgb(t)
            main_aspect = main.width / main.height
            tw, th = thumb.size
            if abs(tw / th - main_aspect) > 0.05 * main_aspect:   # letterboxed or cropped thumbnail
                if tw / th > main_aspect:
                    nw = int(round(th * main_aspect))
                    thumb = thumb.crop(((tw - nw) // 2, 0, (tw - nw) // 2 + nw, th))
                else:
                    nh = int(round(tw / main_aspect))
                    thumb = thumb.crop((0, (th - nh) // 2, tw, (th - nh) // 2 + nh))
            return int(imagehash.dhash(thumb) - imagehash.dhash(main)), size
    except Exception:  # noqa: BLE001 - an unreadable thumbnail is noted by its absence of a distance
        return None, None


def parse_photo(path: Path, data: bytes) -> ParsedPhoto:
    """Everything the case keeps about one photo, from its bytes (read once)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return _parse(path, data)


def extract_metadata(path: Path, data: bytes) -> tuple[PhotoMeta, dict[str, str]]:
    """Metadata only (no pixel decoding): normalised fields and every raw tag."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        _, meta, raw, _ = _read_metadata(path, data)
    return meta, raw


def extract_metadata_file(path: Path) -> tuple[PhotoMeta, dict[str, str]]:
    """Tags and header structure of a photo on disk, through a memory mapping: like ExifTool, it
    does not read the image data (so the end-of-image / trailing-data scan is left to the import)."""
    with open(path, "rb") as fh:
        try:
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:
            raise CorruptFile("empty file", path) from None
        with mm, warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            im, meta, raw, _ = _read_metadata(path, mm, find_end=False)
            im.close()
    return meta, raw


def _read_metadata(path: Path, data: Buffer, *, find_end: bool = True
                   ) -> tuple[ImageFile.ImageFile, PhotoMeta, dict[str, str], dict[str, Any]]:
    im = _open(path, data)
    meta = PhotoMeta(format=FORMATS.get(im.format or "", im.format or "?"))
    meta.width, meta.height = im.size
    info = dict(im.info)
    tiff = ifd.tiff_block(info.get("exif") if isinstance(info.get("exif"), bytes) else None)
    if meta.format == "TIFF":
        tiff = bytes(data)
    tags = _exif_tags(path, data, tiff, meta)
    exifnorm.normalise(tags, meta)
    found = places.exif_values(meta) + makernotes.read(tiff, tags, meta.make)
    raw = exifnorm.raw_tag_texts(tags)
    if tiff and meta.format != "TIFF":
        meta.exif_problems.extend(ifd.validate(tiff))
    if meta.format == "JPEG":
        meta.jpeg = jpeg.read_structure(data, find_end=find_end)
        meta.jpeg.quant_tables = jpeg.quant_tables(im)
        meta.jpeg.standard_quality = jpeg.standard_quality(meta.jpeg.quant_tables)
        if meta.jpeg.ciff_make_model:
            raw["CIFF Make"], raw["CIFF Model"] = meta.jpeg.ciff_make_model
        if meta.jpeg.ciff_taken:
            raw["CIFF TimeStamp"] = " ".join(str(v) for v in meta.jpeg.ciff_taken)
        for label, text in (meta.jpeg.picture_info or {}).items():
            raw[f"PictureInfo {label}"] = text
        found += places.container_values(meta.jpeg) + trailers.samsung(data)
        for i, c in enumerate(meta.jpeg.comments):
            raw[f"JPEG Comment{i + 1 if i else ''}"] = c
    if meta.format in ("JPEG", "TIFF"):
        found += places.iptc_values(_iptc(im, raw, meta))
    # JPEG: Pillow has already read the XMP segment; other containers are searched.
    packet = xmp.find_packet(b"" if meta.jpeg else data, info.get("xmp") or info.get("XML:com.adobe.xmp"))
    if packet:
        meta.xmp_present = True
        props = xmp.properties(packet)
        for k, v in props.items():
            raw[f"XMP {k}"] = v[:2000]
        meta.xmp_creator_tool = next((v for k, v in props.items() if k.endswith(":CreatorTool")), None)
        meta.xmp_history = xmp.history(packet)
        named = xmp.named_values(packet)
        for name in places.XMP_TIMES:
            if named.get(name):
                meta.times[f"XMP {name}"] = named[name]
        found += places.xmp_values(named)
    _settle(meta, found)
    meta.creator_tool = meta.xmp_creator_tool
    if meta.jpeg:
        meta.c2pa = any(s.get("c2pa") for s in meta.jpeg.segments)
    else:
        meta.c2pa = data.find(b"jumb") >= 0 and data.find(b"c2pa") >= 0
    for key, value in info.items():
        if key not in ("exif", "xmp", "icc_profile", "XML:com.adobe.xmp", "photoshop", "thumbnails",
                     "depth_images", "aux", "metadata", "primary", "tiling") and \
                isinstance(value, (str, int, float, tuple)):
            raw.setdefault(f"{meta.format} {key}", str(value)[:2000])
    return im, meta, raw, tags


_TRANSPOSE = {2: [Image.Transpose.FLIP_LEFT_RIGHT], 3: [Image.Transpose.ROTATE_180],
              4: [Image.Transpose.FLIP_TOP_BOTTOM], 5: [Image.Transpose.TRANSPOSE],
              6: [Image.Transpose.ROTATE_270], 7: [Image.Transpose.TRANSVERSE],
              8: [Image.Transpose.ROTATE_90]}


def _orient(im: Image.Image, orientation: int | None) -> Image.Image:
    """The picture as it should be seen, per the EXIF orientation tag."""
    for op in _TRANSPOSE.get(orientation or 1, []):
        im = im.transpose(op)
    return im


def _parse(path: Path, data: bytes) -> ParsedPhoto:
    im, meta, raw, tags = _read_metadata(path, data)
    parsed = ParsedPhoto(meta=meta, raw_tags=raw, tools=tool_versions())
    thumb_bytes = tags.get("JPEGThumbnail")
    if isinstance(thumb_bytes, bytes) and thumb_bytes.startswith(b"\xff\xd8"):
        meta.thumbnail_present = True
        parsed.exif_thumbnail = thumb_bytes
    decoded, scale, problem = _decode(im, meta)
    if decoded is None:
        parsed.decode_problem = problem
        return parsed
    base = _rgb(shrink(decoded))
    small = fit(base, THUMB_PX)                 # as stored (not yet turned upright)
    if parsed.exif_thumbnail:
        meta.thumbnail_distance, meta.thumbnail_size = _thumb_distance(parsed.exif_thumbnail, small)
    preview = _orient(fit(base, PREVIEW_PX), meta.orientation)
    thumb = _orient(small, meta.orientation)
    # Perceptual hashes shrink the picture to 32x32 / 9x8 anyway: the upright thumbnail is enough.
    meta.phash = phash(thumb)
    meta.dhash = str(imagehash.dhash(thumb))
    parsed.preview = encode_jpeg(preview)
    parsed.thumbnail = encode_jpeg(thumb)
    parsed.derive_params = {"decode_scale": f"1/{scale}", "preview_size": list(preview.size),
                            "thumbnail_size": list(thumb.size),
                            "oriented": (meta.orientation or 1) != 1, "hashes_from": "thumbnail"}
    return parsed


def _settle(meta: PhotoMeta, found: list[FoundValue]) -> None:
    """Keep every place's value; fill camera names and position from the first place that has them."""
    meta.found = found = places.ordered(found)
    for kind in ("make", "model"):
        if getattr(meta, kind) is None:
            best = places.chosen(found, kind, places.NAME_ORDER)
            setattr(meta, kind, best.value if best else None)
    pos = places.position(found)
    if meta.gps.lat is None and pos is not None and pos.value:
        lat, lon = (float(x) for x in pos.value.split(","))
        meta.gps.lat, meta.gps.lon = lat, lon
        meta.gps.read_from = places.read_from(pos)
    elif meta.gps.lat is not None:
        meta.gps.read_from = "exif GPS"
    if meta.gps.lat is not None and meta.gps.lon is not None:
        meta.gps.tz_at_position = zone_at(meta.gps.lat, meta.gps.lon)
    stamp = next((v for v in found if v.kind == "gps-time" and v.value and v.offset), None)
    if meta.gps.utc is None and stamp is not None and stamp.value and len(stamp.value) > 10:
        parsed = places.instant(stamp.value, stamp.offset)
        if parsed is not None:
            meta.gps.utc, meta.gps.time_raw, meta.gps.utc_read_from = parsed, stamp.raw, stamp.where


def _iptc(im: ImageFile.ImageFile, raw: dict[str, str], meta: PhotoMeta) -> dict[tuple[int, int], Any]:
    try:
        info = IptcImagePlugin.getiptcinfo(im) or {}
    except Exception:  # noqa: BLE001 - broken IPTC is left out of the raw tags
        info = {}
    for (rec, ds), value in info.items():
        vals = value if isinstance(value, list) else [value]
        raw[f"IPTC {rec}:{ds:03d}"] = "; ".join(v.decode("utf-8", "replace") for v in vals)[:2000]
    meta.iptc_present = bool(info)
    return info
