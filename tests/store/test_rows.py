"""The row types of casefile.store.rows are the tables' columns: a column added by a migration
and not to its row type (or a misspelled field) fails here, not as a KeyError in a listing."""

from __future__ import annotations

from typing import get_type_hints

import pytest

from casefile.errors import NotFound
from casefile.store import rows
from casefile.store.rows import NoteRow, typed

TABLES = {
    "items": rows.ItemRow, "acquisitions": rows.AcquisitionRow, "derived": rows.DerivedRow,
    "case_meta": rows.MetaRow, "sources": rows.SourceRow, "source_items": rows.SourceItemRow,
    "source_relations": rows.SourceRelationRow, "entities": rows.EntityRow, "claims": rows.ClaimRow,
    "claim_sources": rows.ClaimSourceRow, "claim_entities": rows.ClaimEntityRow,
    "claim_links": rows.ClaimLinkRow, "notes": rows.NoteRow, "tags": rows.TagRow,
    "capture_texts": rows.CaptureTextRow, "reported_flights": rows.ReportedFlightRow,
    "flight_segments": rows.FlightSegmentRow, "aircraft": rows.AircraftRow, "tracks": rows.TrackRow,
    "flight_gaps": rows.FlightGapRow, "photos": rows.PhotoRow, "photo_aircraft": rows.PhotoAircraftRow,
    "photo_checks": rows.PhotoCheckRow, "xref_findings": rows.FindingRow, "xref_runs": rows.XrefRunRow,
}
_SQL_TYPES = {"TEXT": str, "INTEGER": int, "REAL": float}


def test_each_row_type_has_its_tables_columns_and_their_types(fresh_case) -> None:
    for table, row_type in TABLES.items():
        info = fresh_case.db.execute(f"PRAGMA table_info([{table}])").fetchall()
        assert info, f"no table {table}"
        hints = get_type_hints(row_type)
        assert set(hints) == {c[1] for c in info}, table
        for _cid, name, sql_type, notnull, _default, pk in info:
            want = _SQL_TYPES[sql_type]
            allowed = set(getattr(hints[name], "__args__", (hints[name],)))
            assert want in allowed, f"{table}.{name} is {sql_type}, typed {hints[name]}"
            if notnull or pk:
                assert type(None) not in allowed, f"{table}.{name} is NOT NULL, typed {hints[name]}"


def test_a_row_read_as_a_type_is_checked_against_its_columns(fresh_case) -> None:
    from casefile.analyst.notes import add_note

    note = add_note(fresh_case, None, "seen at the apron")
    got = fresh_case.select(NoteRow, "SELECT * FROM notes WHERE id = ?", [note["id"]])
    assert got == [note]
    with pytest.raises(TypeError, match="NoteRow needs created_at, created_by, target_id"):
        fresh_case.select(NoteRow, "SELECT id, text, target_kind FROM notes")
    with pytest.raises(NotFound):
        typed(NoteRow, fresh_case.get_row("notes", "no-such-note"))
