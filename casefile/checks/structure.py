"""Structural signs of a re-save: EXIF that breaks the standard, library quantization tables, JPEG
comments, a Photoshop APP13 segment, data after the end of the image, platform markers."""

from __future__ import annotations

from casefile.checks.base import CheckInput, finding
from casefile.checks.metadata import editor_named
from casefile.model.findings import CheckFinding

#: Comment texts that name the library or program that wrote the JPEG.
WRITER_HINTS = ("CREATOR:", "gd-jpeg", "LEAD Technologies", "Intel(R) JPEG", "Created with",
                "File written by", "Optimized by", "Handmade Software", "AppleMark", "Lavc", "libjpeg")


def exif_structure(inp: CheckInput) -> list[CheckFinding]:
    problems = [p for p in inp.meta.exif_problems if "truncated" not in p]
    if not problems:
        return []
    return [finding(inp, "exif-structure", "notice", "EXIF structure breaks the standard",
                    f"The EXIF block has {len(problems)} structural problem(s), e.g. {problems[0]}; "
                    "a camera writes a clean structure, so software may have rewritten it.",
                    "Some camera firmware and phone apps have known EXIF bugs, and files damaged "
                    "in transfer show the same problems.",
                    problems=problems)]


def library_quant_tables(inp: CheckInput) -> list[CheckFinding]:
    m = inp.meta
    j = m.jpeg
    if j is None or j.standard_quality is None or not (m.make or m.model):
        return []
    camera = " ".join(x for x in (m.make, m.model) if x)
    return [finding(inp, "library-quantization", "notice", "Re-saved with standard library settings",
                    f"The JPEG uses the standard libjpeg quantization tables at quality about "
                    f"{j.standard_quality}, while the EXIF names a camera ({camera}); cameras usually "
                    "use their own tables, so the file was probably re-saved by software.",
                    "Some cameras and many phones do use the standard tables, so compare with "
                    "other photos from the same model before relying on this.",
                    make=m.make, model=m.model, estimated_quality=j.standard_quality,
                    tables=j.quant_tables)]


def jpeg_comment(inp: CheckInput) -> list[CheckFinding]:
    j = inp.meta.jpeg
    if j is None or not j.comments:
        return []
    out = []
    for text in j.comments:
        if not text:
            continue
        writer = editor_named(text) or next((h for h in WRITER_HINTS if h.lower() in text.lower()), None)
        if writer:
            out.append(finding(inp, "jpeg-comment-software", "notice", "JPEG comment names software",
                               f"A JPEG comment reads {text[:120]!r}, which names the program or "
                               "library that wrote this file rather than a camera.",
                               "Web servers and upload tools re-save pictures routinely, and some "
                               "scanners and cameras add comments too.",
                               comment=text[:2000], writer=writer))
        else:
            out.append(finding(inp, "jpeg-comment", "info", "JPEG comment present",
                               f"The file carries a JPEG comment: {text[:120]!r}.",
                               "Cameras and editors both write comments; read it for context.",
                               comment=text[:2000]))
    return out


def photoshop_segment(inp: CheckInput) -> list[CheckFinding]:
    j = inp.meta.jpeg
    if j is None or not j.photoshop_app13:
        return []
    return [finding(inp, "photoshop-app13", "notice", "Photoshop (APP13) segment present",
                    "The file has a 'Photoshop 3.0' segment, which Adobe software and some other "
                    "programs write when they save a JPEG, so it was not written only by a camera.",
                    "The same segment carries IPTC captions, so news agencies and photo managers "
                    "add it when captioning an unedited picture.",
                    iptc_present=inp.meta.iptc_present)]


def trailing_data(inp: CheckInput) -> list[CheckFinding]:
    j = inp.meta.jpeg
    if j is None or not j.trailing_bytes:
        return []
    fields = {"trailing_bytes": j.trailing_bytes, "kind": j.trailing_kind, "eoi_offset": j.eoi_offset,
              "mpf_index": j.mpf}
    if j.trailing_kind == "padding":
        return [finding(inp, "trailing-data", "info", "Padding after the end of the image",
                        f"{j.trailing_bytes} bytes of zero or filler follow the end-of-image marker.",
                        "Cameras and card writers pad files to a block size.", **fields)]
    if j.trailing_kind == "jpeg" and j.mpf:
        return [finding(inp, "trailing-data", "info", "Extra images after the main image",
                        f"{j.trailing_bytes} bytes after the end of the image hold further JPEG images "
                        "declared in the Multi-Picture index (a large preview, depth or HDR map).",
                        "Phones and cameras write these extra images routinely.", **fields)]
    what = "another JPEG image" if j.trailing_kind == "jpeg" else "data"
    return [finding(inp, "trailing-data", "warning", "Data hidden after the end of the image",
                    f"{j.trailing_bytes} bytes of {what} follow the end-of-image marker, where no "
                    "viewer shows them.",
                    "Some cameras and phone apps append previews or maker data there; extract and "
                    "examine it before drawing conclusions.", **fields)]


def platform_markers(inp: CheckInput) -> list[CheckFinding]:
    j = inp.meta.jpeg
    if j is None or not j.fbmd:
        return []
    return [finding(inp, "platform-facebook", "notice", "Facebook marker (FBMD)",
                    f"The IPTC data holds the instruction {j.fbmd[:40]!r} that Facebook writes when "
                    "it re-encodes an upload, so this copy passed through Facebook or Instagram.",
                    "It says nothing about whether the picture was edited, only where this copy "
                    "came from.", fbmd=j.fbmd)]


CHECKS = (exif_structure, library_quant_tables, jpeg_comment, photoshop_segment, trailing_data,
          platform_markers)
