"""End to end: sources that published photos -> time sanity and who-published-first, via the CLI."""

from __future__ import annotations

import io
import json

from PIL import Image
from test_xref_end_to_end import make_photo

from casefile.cli import main


def _cli(args: list[str], capsys) -> dict:
    capsys.readouterr()
    assert main(args) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def test_photo_after_its_source_and_reposts_ordered(tmp_path, capsys):
    original = make_photo(tmp_path / "original.jpg", "2019:03:23 14:10:00", "-04:00",
                          (10.5979, -66.9881), (180, 40, 40))
    # A repost: the same picture, resized and recompressed (different file, same look), no EXIF.
    img = Image.open(original)
    buf = io.BytesIO()
    img.resize((200, 150)).save(buf, "JPEG", quality=60)
    repost = tmp_path / "repost.jpg"
    repost.write_bytes(buf.getvalue())
    case = str(tmp_path / "src.casefile")
    assert main(["new", str(tmp_path / "src"), "--title", "sources"]) == 0
    _cli(["add", case, str(original), str(repost), "--json"], capsys)
    from casefile.photos.query import list_photos
    from casefile.store import Case

    with Case.open(case, write=False) as c:
        ids = {p.original_name: p.item_id for p in list_photos(c)}
    # The post that carried the repost was published at 12:00 Caracas time, two hours before the
    # original's camera time: either the camera clock is wrong or the post predates the photo.
    post = _cli(["source", "add", case, "--kind", "social-media-post", "--title", "Post with photo",
                 "--published", "2019-03-23T12:00:00", "--tz", "America/Caracas",
                 "--collected", "2019-03-23T11:00:00Z",
                 "--item", f"{ids['repost.jpg']}:published-photo",
                 "--item", f"{ids['original.jpg']}:published-photo", "--json"], capsys)
    out = _cli(["xref", case, "--json"], capsys)["findings"]

    late = [f for f in out if f["kind"] == "time-photo-after-source"
            and ids["original.jpg"] in f["item_ids"]]
    assert [f["verdict"] for f in late] == ["inconsistent"]
    assert late[0]["inputs"]["source"]["published"]["utc"] == "2019-03-23T16:00:00.000Z"
    assert "2.2 h" in late[0]["explanation"] or "2.1 h" in late[0]["explanation"]

    collected = [f for f in out if f["kind"] == "time-source-vs-capture"]
    assert [f["verdict"] for f in collected] == ["inconsistent"]
    assert post["id"] in collected[0]["item_ids"]

    dups = [f for f in out if f["kind"] == "photo-duplicates"]
    assert len(dups) == 1, [f["explanation"] for f in out]
    assert set(dups[0]["item_ids"]) == {ids["original.jpg"], ids["repost.jpg"]}
    pair = dups[0]["inputs"]["pairs"][0]
    assert pair["phash_bits"] <= 8 and isinstance(pair["dhash_bits"], int)
    # Earliest known appearance: the post (16:00Z), before the original's capture (18:10Z).
    first = dups[0]["inputs"]["order"][0]
    assert first["how"] == "published" and first["source_id"] == post["id"]
