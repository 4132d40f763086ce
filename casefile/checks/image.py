"""Checks comparing the metadata with the picture: EXIF pixel size, embedded thumbnail, damaged data."""

from __future__ import annotations

from casefile.checks.base import CheckInput, finding
from casefile.model.findings import CheckFinding

#: dHash bits (of 64) above which the embedded thumbnail shows a different picture.
THUMBNAIL_DISTANCE = 20


def pixel_size(inp: CheckInput) -> list[CheckFinding]:
    m = inp.meta
    if not m.exif_width or not m.exif_height or not m.width:
        return []
    if {m.exif_width, m.exif_height} == {m.width, m.height}:
        return []
    return [finding(inp, "pixel-size", "notice", "EXIF pixel size differs from the image",
                    f"EXIF says the picture is {m.exif_width}x{m.exif_height} pixels but the image is "
                    f"{m.width}x{m.height}, so it was resized or cropped after the EXIF was written.",
                    "Some cameras record the sensor size instead, and some tools resize while "
                    "copying the EXIF unchanged (for example when making a smaller copy to send).",
                    exif_width=m.exif_width, exif_height=m.exif_height, width=m.width,
                    height=m.height)]


def thumbnail_differs(inp: CheckInput) -> list[CheckFinding]:
    m = inp.meta
    if m.thumbnail_distance is None or m.thumbnail_distance < THUMBNAIL_DISTANCE:
        return []
    return [finding(inp, "thumbnail-differs", "warning", "Embedded thumbnail differs from the image",
                    f"The small preview the camera stored inside the file differs from the main "
                    f"picture ({m.thumbnail_distance} of 64 hash bits), so the picture was changed "
                    "after capture without updating the thumbnail.",
                    "Cropping, rotating or strong colour correction in software that keeps the old "
                    "thumbnail gives the same result.",
                    dhash_distance=m.thumbnail_distance, threshold=THUMBNAIL_DISTANCE,
                    thumbnail_size=list(m.thumbnail_size) if m.thumbnail_size else None)]


def damaged_image(inp: CheckInput) -> list[CheckFinding]:
    jpeg_problems = inp.meta.jpeg.problems if inp.meta.jpeg else []
    problem = inp.decode_problem or next((p for p in inp.meta.exif_problems if "truncated" in p), None) \
        or (jpeg_problems[0] if jpeg_problems else None)
    if not problem:
        return []
    return [finding(inp, "image-damaged", "notice", "Image data damaged or cut short",
                    f"The picture's data does not decode completely ({problem}).",
                    "Interrupted downloads and copies, and failing storage cards, cut files short.",
                    problem=problem)]


CHECKS = (pixel_size, thumbnail_differs, damaged_image)
