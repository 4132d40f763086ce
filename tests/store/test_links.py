"""Import never follows a link or reads a device, pipe or socket: a link is kept as the link it is
(its target path); hard links are noted; verify names an original that became a link."""

from __future__ import annotations

import json
import os
import shutil
import socket
from pathlib import Path

import pytest

from casefile.cli import main
from casefile.importers.pipeline import import_paths
from casefile.store import Case, verify_case


@pytest.fixture
def folder(tmp_path: Path, corpora: Path) -> Path:
    """A folder to import: a real photo, a link to a secret outside it, a link to a folder
    outside it, a link to the photo, a dangling link, a FIFO, a socket and a hard link."""
    src = tmp_path / "in"
    src.mkdir()
    photo = src / "DSCN0010.jpg"
    shutil.copyfile(corpora / "exif-samples/jpg/gps/DSCN0010.jpg", photo)
    secret = tmp_path / "outside" / "shadow"
    secret.parent.mkdir()
    secret.write_text("root:$6$secret-hash:19000:0:99999:7:::\n")
    (src / "passwords").symlink_to(secret)
    (src / "etc").symlink_to(secret.parent, target_is_directory=True)
    (src / "same-photo.jpg").symlink_to(photo.name)
    (src / "dangling").symlink_to(tmp_path / "nowhere")
    os.mkfifo(src / "pipe")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(src / "sock"))
    sock.close()
    os.link(photo, src / "hardlink.jpg")
    return src


def test_folder_with_links_devices_and_pipes(fresh_case: Case, folder: Path) -> None:
    report = import_paths(fresh_case, [folder], recursive=True, workers=1)
    by_name = {Path(o.path).name: o for o in report.outcomes}
    assert by_name["DSCN0010.jpg"].kind == "photo"
    assert "hard links" in (by_name["DSCN0010.jpg"].message or "") + (
        by_name["hardlink.jpg"].message or "")
    for name in ("passwords", "etc", "same-photo.jpg", "dangling"):
        o = by_name[name]
        assert o.status == "imported" and o.kind == "link", (name, o)
        assert "was not read" in (o.message or "")
    for name, what in (("pipe", "named pipe"), ("sock", "socket")):
        assert by_name[name].status == "error" and what in (by_name[name].message or "")
    # the secret's content is nowhere in the case: the link item holds its target path
    blobs = [p.read_bytes() for p in (fresh_case.path / "evidence").rglob("*") if p.is_file()]
    assert not any(b"secret-hash" in b for b in blobs)
    link = next(i for i in fresh_case.items() if i["original_name"] == "passwords")
    assert (fresh_case.path / link["blob_path"]).read_bytes() == os.fsencode(
        folder.parent / "outside" / "shadow")
    assert link["mime"] == "inode/symlink"
    assert verify_case(fresh_case).ok


def test_cli_search_never_shows_what_a_link_points_to(tmp_path: Path, folder: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "c"), "--title", "links"]) == 0
    case = str(tmp_path / "c.casefile")
    assert main(["add", case, str(folder), "-r"]) == 1       # the pipe and socket are errors
    err = capsys.readouterr().err
    assert "a link to" in err and "named pipe" in err
    assert main(["search", case, "secret", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["add", case, str(folder / "passwords"), "--follow-links", "--json"]) == 0
    followed = json.loads(capsys.readouterr().out)["files"][0]
    assert followed["kind"] != "link" and followed["status"] == "imported"   # asked for: read


def test_verify_names_an_original_replaced_by_a_link(fresh_case: Case, corpora: Path,
                                                     tmp_path: Path) -> None:
    """Even a link to identical bytes is named: the case no longer holds the original."""
    import_paths(fresh_case, [corpora / "exif-samples/jpg/gps/DSCN0010.jpg"], workers=1)
    item = fresh_case.items()[0]
    blob = fresh_case.path / item["blob_path"]
    copy = tmp_path / "elsewhere.jpg"
    shutil.copyfile(blob, copy)
    blob.unlink()
    blob.symlink_to(copy)
    [problem] = verify_case(fresh_case).problems
    assert problem.kind == "original-changed" and "replaced by a link" in problem.message
    assert str(copy) in problem.message
