"""Case bundles: round trip, tamper detection without unpacking, refusal of malicious zips."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest

from casefile.errors import CorruptFile, InvalidInput
from casefile.report.bundle import bundle_case, unbundle, verify_bundle
from casefile.store import Case, verify_case


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes()
            for sub in ("evidence", "derived") for p in sorted((root / sub).rglob("*")) if p.is_file()}


def test_round_trip_bit_for_bit(real_case, tmp_path: Path) -> None:
    out = tmp_path / "case.zip"
    res = bundle_case(real_case, out)
    report = verify_bundle(out)
    assert report.ok, [p.message for p in report.problems]
    assert report.head_hash == res.head_hash
    assert report.counts["originals"] == len(real_case.items())
    dest = tmp_path / "restored.casefile"
    restored_info = unbundle(out, dest)
    assert restored_info["verify"]["ok"], restored_info["verify"]["problems"]
    assert _files(dest) == _files(real_case.path)
    with zipfile.ZipFile(out) as zf:
        assert (dest / "case.sqlite").read_bytes() == zf.read("case.sqlite")
    with Case.open(dest, write=False) as restored:
        again = verify_case(restored, record=False)
        assert again.ok, [p.message for p in again.problems]
        assert restored.head_hash() == res.head_hash
        assert [i["sha256"] for i in restored.items()] == [i["sha256"] for i in real_case.items()]
    bundled = [e for e in real_case.events() if e["action"] == "bundled"]
    assert bundled[-1]["details"]["sha256"] == res.sha256


def _rewrite(src: Path, dst: Path, change) -> None:
    """Copy a zip member by member, letting `change(name, data)` alter or drop members."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info, data)


def test_one_flipped_byte_fails_naming_the_file(real_case, tmp_path: Path) -> None:
    out = tmp_path / "case.zip"
    bundle_case(real_case, out)
    victim = real_case.items()[2]["blob_path"]
    bad = tmp_path / "bad.zip"

    def flip(name: str, data: bytes) -> bytes:
        if name == victim:
            return data[:100] + bytes([data[100] ^ 1]) + data[101:]
        return data

    _rewrite(out, bad, flip)
    report = verify_bundle(bad)
    assert not report.ok
    assert any(victim in p.message and p.kind == "bundle-member-changed" for p in report.problems)
    with pytest.raises(CorruptFile, match=victim):
        unbundle(bad, tmp_path / "x")
    assert not (tmp_path / "x").exists()


def test_flipped_byte_in_raw_zip_is_caught(real_case, tmp_path: Path) -> None:
    """Flip a byte of the zip file itself (inside a member's compressed data)."""
    out = tmp_path / "case.zip"
    bundle_case(real_case, out)
    with zipfile.ZipFile(out) as zf:
        info = zf.getinfo(real_case.items()[0]["blob_path"])
        offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 50
    raw = bytearray(out.read_bytes())
    raw[offset] ^= 0xFF
    out.write_bytes(bytes(raw))
    report = verify_bundle(out)
    assert not report.ok
    assert any(info.filename in p.message for p in report.problems)


def _evil(tmp_path: Path, members: list[tuple[zipfile.ZipInfo | str, bytes]],
          manifest: list[dict] | None = None) -> Path:
    import hashlib

    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as zf:
        entries = manifest if manifest is not None else [
            {"name": i if isinstance(i, str) else i.filename, "size": len(d),
             "sha256": hashlib.sha256(d).hexdigest()} for i, d in members]
        zf.writestr("manifest.json", json.dumps({"format": "casefile-bundle", "members": entries,
                                                 "ledger_head": {"seq": 0, "hash": "0" * 64}}))
        for info, data in members:
            zf.writestr(info, data)
    return path


def _symlink(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


@pytest.mark.parametrize("members, why", [
    ([("../escape.txt", b"x")], "outside"),
    ([("evidence/../../escape.txt", b"x")], "outside"),
    (["/etc/evil", b"x"], "absolute"),
    ([("C:/evil", b"x")], "absolute"),
    ([(_symlink("evidence/ab/link"), b"/etc/passwd")], "symbolic link"),
    ([("case.sqlite", b"a"), ("case.sqlite", b"b")], "duplicate"),
    ([("evidence\\..\\x", b"a")], "backslash"),
])
def test_malicious_bundles_are_refused(tmp_path: Path, members, why: str) -> None:
    if isinstance(members[0], str):
        members = [tuple(members)]
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name we make on purpose
        path = _evil(tmp_path, members)
    dest = tmp_path / "out"
    with pytest.raises(CorruptFile, match=why):
        unbundle(path, dest)
    assert not dest.exists()
    assert not (tmp_path / "escape.txt").exists()
    report = verify_bundle(path)
    assert not report.ok and any(p.kind == "bundle-unsafe" for p in report.problems)


def test_size_not_matching_manifest_is_refused(tmp_path: Path) -> None:
    import hashlib

    data = b"0123456789"
    path = _evil(tmp_path, [("case.sqlite", data)],
                 manifest=[{"name": "case.sqlite", "size": 4,
                            "sha256": hashlib.sha256(data[:4]).hexdigest()}])
    with pytest.raises(CorruptFile, match="10 bytes, the manifest says 4"):
        unbundle(path, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    report = verify_bundle(path)
    assert any(p.kind == "bundle-member-size" for p in report.problems)


def test_member_not_in_manifest_is_refused(tmp_path: Path) -> None:
    path = _evil(tmp_path, [("case.sqlite", b"x"), ("evidence/zz/extra", b"y")],
                 manifest=[{"name": "case.sqlite", "size": 1,
                            "sha256": "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"}])
    with pytest.raises(CorruptFile, match="not listed in the manifest"):
        unbundle(path, tmp_path / "out")


def test_not_a_zip_and_non_empty_destination(tmp_path: Path, real_case) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip at all")
    report = verify_bundle(junk)
    assert not report.ok and "junk.zip" in report.problems[0].message
    with pytest.raises(CorruptFile, match="junk.zip"):
        unbundle(junk, tmp_path / "out")
    out = tmp_path / "case.zip"
    bundle_case(real_case, out)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "x").write_text("keep me")
    with pytest.raises(InvalidInput, match="not an empty folder"):
        unbundle(out, busy)
    assert (busy / "x").read_text() == "keep me"


def test_tampered_database_row_is_reported(real_case, tmp_path: Path) -> None:
    """A bundle whose database was edited behind the ledger's back fails like the case would."""
    import sqlite3

    out = tmp_path / "case.zip"
    bundle_case(real_case, out)
    with zipfile.ZipFile(out) as zf:
        db = tmp_path / "db.sqlite"
        db.write_bytes(zf.read("case.sqlite"))
    conn = sqlite3.connect(db)
    conn.execute("UPDATE items SET original_name = 'renamed.jpg' WHERE rowid = 1")
    conn.commit()
    conn.close()
    bad = tmp_path / "bad.zip"
    _rewrite(out, bad, lambda n, d: db.read_bytes() if n == "case.sqlite" else d)
    report = verify_bundle(bad)
    kinds = {p.kind for p in report.problems}
    assert "bundle-member-changed" in kinds   # the manifest catches the file
    assert "row-changed" in kinds              # and the ledger catches the row


def test_consistent_manifest_over_edited_rows_still_fails_verification(real_case,
                                                                       tmp_path: Path) -> None:
    """Someone edits a row and rewrites the manifest to match: the ledger still names the row."""
    import hashlib
    import sqlite3

    out = tmp_path / "case.zip"
    bundle_case(real_case, out)
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        db = tmp_path / "db.sqlite"
        db.write_bytes(zf.read("case.sqlite"))
    conn = sqlite3.connect(db)
    conn.execute("UPDATE acquisitions SET acquired_by = 'Someone Else'")
    conn.commit()
    conn.close()
    data = db.read_bytes()
    for m in manifest["members"]:
        if m["name"] == "case.sqlite":
            m.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
    forged = tmp_path / "forged.zip"
    _rewrite(out, forged, lambda n, d: data if n == "case.sqlite" else
             json.dumps(manifest).encode() if n == "manifest.json" else d)
    report = verify_bundle(forged)
    assert not report.ok
    assert {p.kind for p in report.problems} == {"row-changed"}
    with pytest.raises(CorruptFile, match="does not verify") as refused:   # refused, not restored
        unbundle(forged, tmp_path / "r")
    assert "Someone Else" in str(refused.value)
    assert not (tmp_path / "r").exists() and not list(tmp_path.glob(".casefile-unbundle-*"))


def test_accepted_member_names_always_stay_inside(tmp_path: Path) -> None:
    """Whatever name a zip carries, a name the checks accept resolves inside the destination."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from casefile.report.bundle_safety import unsafe_name

    root = (tmp_path / "dest").resolve()
    parts = st.sampled_from(["..", ".", "", "a", "evidence", "ab", "C:", "\\", "x\\..", "..\\y",
                             "/", "~", "b.txt", "\x00"])

    @settings(max_examples=400, deadline=None)
    @given(st.lists(parts, min_size=1, max_size=6).map("/".join))
    def check(name: str) -> None:
        if unsafe_name(name) is None:
            target = (root / name).resolve()
            assert target == root or root in target.parents, name

    check()
