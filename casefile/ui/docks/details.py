"""Details of the selected record — a claim, source, entity, finding or file — with its edit links.

Links: `select:ID` selects another record, `do:ACTION:ID` asks the window to run an edit.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QDockWidget, QTextBrowser, QWidget

from casefile.analyst import query as analyst
from casefile.errors import CasefileError
from casefile.flights import query as flights
from casefile.model.analyst import CREDIBILITY, RELIABILITY
from casefile.model.findings import Finding
from casefile.photos import query as photos
from casefile.present.findings import title as finding_title
from casefile.present.positions import position_rows
from casefile.present.times import TimeDisplay
from casefile.store import Case
from casefile.timeutil import TimeValue
from casefile.ui import names
from casefile.ui.docks.readable import inputs_html
from casefile.ui.views.records import claim_window_text, seen_aircraft, tracked_aircraft
from casefile.xref.query import findings

VERDICT_COLOR = {"consistent": "#1a7f37", "inconsistent": "#c62828", "undetermined": "#8a6d00"}


def _e(v: object) -> str:
    return html.escape("" if v is None else str(v))


def _tv(tv: TimeValue | None, td: TimeDisplay) -> str:
    return (
        _e(td.value_text(tv.to_dict()))
        if tv is not None and (tv.utc or tv.raw or tv.local)
        else "not stated"
    )


def _rows(rows: list[tuple[str, str]]) -> str:
    """Label/value rows; values are already HTML."""
    body = "".join(f"<tr><td valign='top'><b>{_e(k)}</b></td><td>{v}</td></tr>" for k, v in rows)
    return f"<table cellspacing='0' cellpadding='3'>{body}</table>"


def _actions(rid: str, actions: list[tuple[str, str]]) -> str:
    return "<p>" + " · ".join(f"<a href='do:{a}:{_e(rid)}'>{_e(t)}</a>" for a, t in actions) + "</p>"


class Html:
    """Builds one record's page with links to the records it names."""

    def __init__(self, case: Case, td: TimeDisplay) -> None:
        self.case, self.td = case, td
        self.refs = names.refs(case)

    def link(self, rid: str, kind: str | None = None) -> str:
        text = names.title_of(self.case, rid, kind)
        r = self.refs.get(rid)
        return f"<a href='select:{_e(rid)}'>{_e(f'{r} {text}' if r else text)}</a>"

    def head(self, rid: str, what: str, title: str) -> str:
        r = self.refs.get(rid, "")
        return f"<p><small>{_e(what)}</small></p><h3>{_e((r + ' ' if r else '') + title)}</h3>"

    def notes_tags(self, rid: str) -> list[tuple[str, str]]:
        out = []
        tags = analyst.tags(self.case, rid)
        if tags:
            out.append(("Tags", _e(", ".join(tags))))
        for n in analyst.notes(self.case, rid):
            out.append(
                (
                    "Note",
                    _e(n["text"]) + f" <small>({_e(n['created_by'])}, "
                    f"{_e(self.td.fmt(n['created_at']))})</small>",
                )
            )
        return out

    def findings_list(self, rid: str) -> str:
        found = findings(self.case, rid)
        if not found:
            return "<p><b>Findings:</b> none involve this yet.</p>"
        lis = "".join(
            f"<li><a href='select:{_e(f.id)}' style='color:{VERDICT_COLOR.get(f.verdict, '#000')}'>"
            f"{_e(self.refs.get(f.id, ''))} {_e(f.verdict)}</a> — {_e(f.explanation)}</li>"
            for f in found
        )
        return f"<p><b>Findings about it ({len(found)}):</b></p><ul>{lis}</ul>"

    # ---- one page per kind ---------------------------------------------------------------------
    def claim(self, cid: str) -> str:
        c = analyst.get_claim(self.case, cid)
        cred = f"{c.credibility} — {CREDIBILITY.get(c.credibility, '')}" if c.credibility else "not graded"
        place = c.place_text or c.place_icao or ""
        if c.place_lat is not None and c.place_lon is not None:
            place += f" ({c.place_lat:.4f}, {c.place_lon:.4f})"
        srcs = [
            f"{self.link(s, 'source')} — reliability "
            f"{_e(analyst.get_source(self.case, s).reliability or 'not graded')}"
            for s in c.source_ids
        ]
        links = [
            f"{_e(lk.relation)}: {self.link(lk.item_id, 'item')}" + (f" — {_e(lk.note)}" if lk.note else "")
            for lk in analyst.claim_links(self.case, c.id)
        ]
        rows = [
            ("Claim", _e(c.text) + (" <small>(quoted)</small>" if c.quoted else "")),
            ("When", _e(claim_window_text(c))),
            ("From", _tv(c.window_start, self.td)),
            ("To", _tv(c.window_end, self.td)),
            ("Place", _e(place) or "not stated"),
            ("Credibility", _e(cred)),
            ("Status", f"<b>{_e(c.status)}</b>"),
            ("Kind", _e(c.kind)),
            ("Aircraft", _e(", ".join(c.aircraft_refs)) or "—"),
            ("Sources", "<br>".join(srcs) or "<span style='color:#c62828'><b>Problem: no source yet.</b> "
             "Add the source that makes this claim (Add sources…).</span>"),
            ("Evidence", "<br>".join(links) or "none linked"),
            ("Entities", ", ".join(self.link(e, "entity") for e in c.entity_ids) or "—"),
        ]
        rows += self.notes_tags(c.id)
        acts = [
            ("status", "Set status…"),
            ("credibility", "Grade credibility…"),
            ("edit-claim", "Edit…"),
            ("claim-window", "Window…"),
            ("claim-sources", "Add sources…"),
            ("claim-link", "Link evidence…"),
            ("claim-entities", "Add entities…"),
            ("note", "Note…"),
            ("tag", "Tag…"),
            ("delete-claim", "Delete…"),
        ]
        return (
            self.head(c.id, "Claim", names.shorten(c.text, 90))
            + _actions(c.id, acts)
            + _rows(rows)
            + self.findings_list(c.id)
        )

    def source(self, sid: str) -> str:
        s = analyst.get_source(self.case, sid)
        grade = f"{s.reliability} — {RELIABILITY.get(s.reliability, '')}" if s.reliability else "not graded"
        items = [f"{_e(role)}: {self.link(i, 'item')}" for i, role in s.item_roles.items()]
        claims = [self.link(c.id, "claim") for c in analyst.list_claims(self.case) if sid in c.source_ids]
        rels = analyst.source_relations(self.case)
        uses = [f"{_e(r.relation)} {self.link(r.other_id, 'source')}" for r in rels if r.source_id == sid]
        used = [
            f"{self.link(r.source_id, 'source')} {_e(r.relation)} it" for r in rels if r.other_id == sid
        ]
        rows = [
            ("Title", _e(s.title) or "—"),
            ("Kind", _e(s.kind)),
            ("Publisher", _e(s.publisher) or "—"),
            ("Author", _e(s.author) or "—"),
            ("Address", _e(s.url) or "—"),
            ("Published", _tv(s.published, self.td)),
            ("Collected", _e(self.td.fmt(s.collected_at)) + f" by {_e(s.collected_by)}"),
            ("Reliability", f"<b>{_e(grade)}</b>"),
            ("Why this grade", _e(s.reliability_rationale) or "—"),
            ("Archive links", "<br>".join(_e(u) for u in s.archive_urls) or "—"),
            ("Captures and items", "<br>".join(items) or "none attached"),
            ("Claims it makes", "<br>".join(claims) or "none yet"),
            ("Not independent of", "<br>".join(uses) or "—"),
            ("Used by", "<br>".join(used) or "—"),
        ]
        rows += self.notes_tags(s.id)
        acts = [
            ("grade", "Grade…"),
            ("edit-source", "Edit…"),
            ("archive", "Add archive link…"),
            ("attach", "Attach a file…"),
            ("relate", "Cites / derived from…"),
            ("add-claim", "Add a claim from it…"),
            ("note", "Note…"),
            ("tag", "Tag…"),
            ("delete-source", "Delete…"),
        ]
        return (
            self.head(s.id, "Source", names.shorten(s.title or s.url or "untitled", 90))
            + _actions(s.id, acts)
            + _rows(rows)
            + self.findings_list(s.id)
        )

    def entity(self, eid: str) -> str:
        en = analyst.get_entity(self.case, eid)
        claims = [self.link(c.id, "claim") for c in analyst.list_claims(self.case) if eid in c.entity_ids]
        mentions = [
            self.link(c.id, "claim")
            for c in analyst.list_claims(self.case)
            if eid not in c.entity_ids
            and any(n.casefold() in c.text.casefold() for n in [en.name, *en.aliases] if len(n) > 2)
        ]
        rows = [
            ("Name", _e(en.name)),
            ("Kind", _e(en.kind)),
            ("Also known as", _e(", ".join(en.aliases)) or "—"),
            ("Reference", _e(en.ref) or "—"),
        ]
        if en.lat is not None and en.lon is not None:
            rows.append(("Position", f"{en.lat:.4f}, {en.lon:.4f}" + (f" ({_e(en.tz)})" if en.tz else "")))
        rows += [
            ("Claims about it", "<br>".join(claims) or "none"),
            ("Mentioned in", "<br>".join(mentions) or "no other claim names it"),
        ]
        rows += self.notes_tags(en.id)
        acts = [("alias", "Add alias…"), ("note", "Note…"), ("tag", "Tag…")]
        return self.head(en.id, f"Entity ({en.kind})", en.name) + _actions(en.id, acts) + _rows(rows)

    def finding(self, fid: str) -> str:
        f = next((x for x in findings(self.case) if x.id == fid), None)
        if f is None:
            return "<p>This finding is no longer in the case (the cross-reference was run again).</p>"
        return self.finding_page(f)

    def finding_page(self, f: Finding) -> str:
        color = VERDICT_COLOR.get(f.verdict, "#000")
        about = "<br>".join(self.link(i) for i in f.item_ids)
        try:
            inputs = inputs_html(
                f.inputs, self.td, {i: names.label(self.case, i) for i in f.item_ids}, set()
            )
        except (TypeError, ValueError, KeyError, AttributeError):
            inputs = "<p>(see the exact inputs in the cross-reference panel)</p>"
        assumptions = "".join(f"<li>{_e(a)}</li>" for a in f.assumptions)
        return (
            self.head(f.id, f"Finding: {finding_title(f.kind)}", f.verdict.upper())
            + f"<p style='color:{color}'>{_e(f.explanation)}</p>"
            + _rows([("Confidence", f"{f.confidence:.0%}"), ("About", about or "—")])
            + f"<p><b>Inputs</b></p>{inputs}"
            + (f"<p><b>Assumptions</b></p><ul>{assumptions}</ul>" if assumptions else "")
        )

    def reported(self, rid: str) -> str:
        rf = next((x for x in flights.reported_flights(self.case) if x.id == rid), None)
        if rf is None:
            return "<p>This reported flight is no longer in the case.</p>"
        rows = [
            (
                "Aircraft",
                _e(rf.aircraft_ref) + (f" (type {_e(rf.aircraft_type)})" if rf.aircraft_type else ""),
            ),
            ("From", _e(rf.from_icao) or "not stated"),
            ("Departed", _tv(rf.departed, self.td)),
            ("To", _e(rf.to_icao) or "not stated"),
            ("Arrived", _tv(rf.arrived, self.td)),
            ("Reported by", self.link(rf.source_id, "source") if rf.source_id else "no source recorded"),
            ("Where", _e(rf.source_note) or "—"),
            ("Entered", f"{_e(self.td.fmt(rf.created_at))} by {_e(rf.created_by)}"),
        ]
        return (
            self.head(
                rf.id,
                "Reported flight (reported, not tracked)",
                f"{rf.aircraft_ref} {rf.from_icao or '?'} → {rf.to_icao or '?'}",
            )
            + _rows(rows)
            + self.findings_list(rf.id)
        )

    def aircraft_rows(self, aid: str) -> list[tuple[str, str]]:
        """An aircraft named with the callsigns and flight numbers it flew as."""
        a = next((x for x in flights.list_aircraft(self.case) if x.id == aid), None)
        if a is None:
            return []
        calls = flights.recorded_refs(self.case).get(aid, [])
        return [
            ("Aircraft", _e(flights.aircraft_title(a, calls))),
            ("Callsigns / flights", _e(", ".join(calls)) or "none recorded"),
            ("Registration", _e(a.registration) or "not known"),
            ("ICAO 24-bit", _e(a.icao24) or "not known"),
            ("Type", _e(" — ".join(x for x in (a.type_code, a.description) if x)) or "not known"),
            ("Operator", _e(a.operator) or "not known"),
        ]

    def aircraft(self, aid: str) -> str:
        seen = seen_aircraft(self.case, aid)
        if seen is None:
            return "<p>This aircraft is no longer in the case.</p>"
        legs = [leg for leg in flights.legs(self.case, aid, include_reported=False)]
        legs_text = "<br>".join(
            f"{_e(leg.takeoff.airport_icao or '?')} → {_e(leg.landing.airport_icao or '?')}, "
            f"{_e(self.td.fmt(leg.takeoff.time_utc or leg.first_seen_utc))}" for leg in legs)
        files = "<br>".join(self.link(t["item_id"], "item") for t in flights.tracks(self.case, aid)
                            if t["item_id"])
        adopted = not any(x.id == aid for x in tracked_aircraft(self.case))
        rows = [*self.aircraft_rows(aid), ("Flight files", files or "—"), ("Legs", legs_text or "none"),
                ("Entity", "adopted: an analyst entity names it" if adopted else
                 "seen in the tracks (derived); not yet one of your entities")]
        acts = [] if adopted else [("adopt-aircraft", "Adopt as an entity…")]
        return (self.head(aid, "Aircraft seen in the tracks", seen.name) + _actions(aid, acts)
                + _rows(rows) + self.findings_list(aid))

    def item(self, iid: str) -> str:
        item = self.case.resolve_item(iid)
        claims = [
            f"{_e(rel)}: {self.link(cid, 'claim')}" for cid, rel in analyst.claims_of_item(self.case, iid)
        ]
        srcs = [self.link(s, "source") for s in analyst.sources_of_item(self.case, iid)]
        rows = [
            ("File", _e(item["original_name"])),
            ("Kind", _e(item["kind"])),
            ("Sources", "<br>".join(srcs) or "not attached to a source"),
            ("Claims", "<br>".join(claims) or "not linked to a claim"),
        ]
        acts = [
            ("note", "Note…"),
            ("tag", "Tag…"),
            ("claim-link", "Link to a claim…"),
            ("attach-to-source", "Attach to a source…"),
            ("open", "Open original…"),
        ]
        for t in flights.tracks(self.case):
            if t["item_id"] == iid:
                stated = t["flight"] or {}
                route = " → ".join(str((end or {}).get("icao") or "?")
                                   for end in (stated.get("origin"), stated.get("destination"))
                                   ) if stated else ""
                rows += [(k, f"{v} <a href='select:{_e(t['aircraft_id'])}'>(the aircraft)</a>"
                          if k == "Aircraft" else v) for k, v in self.aircraft_rows(t["aircraft_id"])]
                if route:
                    rows.append(("Stated by the file", _e(f"{stated.get('callsign') or ''} {route}".strip())
                                 + " <small>(what the file says, not observed)</small>"))
        if item["kind"] == "photo":
            info = photos.get_photo(self.case, iid)
            rows += [(k, _e(v)) for k, v in position_rows(info)]
            rows += [
                ("Aircraft tags", _e(", ".join(info.aircraft_tags)) or "—"),
            ]
            acts += [("place-photo", "Place on the map…"), ("aircraft-tag", "Tag an aircraft…")]
        rows += self.notes_tags(iid)
        return (
            self.head(iid, "Evidence file", str(item["original_name"] or "unnamed"))
            + _actions(iid, acts)
            + _rows(rows)
            + self.findings_list(iid)
        )


def details_html(case: Case, rid: str, td: TimeDisplay) -> str:
    """The page for one selected record (any kind)."""
    kind = names.kind_of(case, rid)
    page = Html(case, td)
    pages: dict[str, Callable[[str], str]] = {
        "claim": page.claim,
        "source": page.source,
        "entity": page.entity,
        "finding": page.finding,
        "item": page.item,
        "reported flight": page.reported,
        "aircraft": page.aircraft,
    }
    fn = pages.get(kind or "")
    if fn is None:
        return f"<p>{_e(names.label(case, rid, kind))}</p>" if kind else "<p>Nothing selected.</p>"
    try:
        return fn(rid)
    except CasefileError as exc:
        return f"<p>{_e(exc)}</p>"


class DetailsDock(QDockWidget):
    """The selected record; emits selectRequested(id) and actionRequested(action, id)."""

    selectRequested = Signal(str)
    actionRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Details", parent)
        self.setObjectName("DetailsDock")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Details of the selected record")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._clicked)
        self.setWidget(self.browser)
        self.shown: str | None = None

    def show_record(self, case: Case | None, rid: str | None, td: TimeDisplay) -> None:
        self.shown = rid
        if case is None or rid is None:
            self.browser.setHtml(
                "<p>Select a claim, source, entity, finding or file to see it here, "
                "with what you can do to it.</p>"
            )
            return
        bar = self.browser.verticalScrollBar()
        keep = bar.value() if rid == self.shown else 0
        self.browser.setHtml(details_html(case, rid, td))
        bar.setValue(keep)

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("select:"):
            self.selectRequested.emit(text[len("select:") :])
        elif text.startswith("do:"):
            _, action, rid = text.split(":", 2)
            self.actionRequested.emit(action, rid)
