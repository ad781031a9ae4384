"""Pol.is conversation exports: a folder with ``comments.csv`` and ``votes.csv`` and/or
``participants-votes.csv`` (``participant-votes.csv`` in the 2025 exporter), plus ``summary.csv``.

What becomes what (file dictionary in research/polis.md, section 1.3):

* the conversation -> one :class:`Document` (kind ``dataset``, title = the topic, uri = the
  Pol.is URL) whose text is the topic, the description and every comment on its own line, so
  each comment is a :class:`Passage` of it; one :class:`Source` with method ``vote``;
* each comment -> a :class:`Claim` of its own (two comments with the same words stay two
  claims: their ids include the conversation and comment id), flagged ``moderated-out``
  (moderated = -1), ``unmoderated`` (0), ``meta`` and ``seed`` where the export says so;
* each participant -> a :class:`Stakeholder` of kind ``person`` labelled
  ``Pol.is participant <pid> (<conversation>)``, a member of its opinion group
  ``Pol.is group <group-id> (<conversation>)`` (kind ``group``) when Pol.is clustered it;
* each participant's latest vote on a comment -> a :class:`Position`: exported 1 = agree ->
  support, -1 = disagree -> oppose, 0 = pass -> neutral (the exporters already flipped the sign
  Pol.is stores internally), dated by the vote, with the comment as evidence.

``votes.csv`` is an event log with re-votes; the row with the latest timestamp wins. Without it,
the cells of ``participants-votes.csv`` (already the latest votes) are used. Timestamps are
epoch milliseconds (Clojure exports) or seconds (2025 exports), told apart by size.
Reading is vectorised with numpy (one pass per file; no per-vote work beyond making records).
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from ...graph.model.errors import MalformedSource
from ...graph.model.ids import PREFIXES, make_id
from ...graph.model.records import (
    Bundle, Claim, Passage, Stance, new_claim, new_document, new_position, new_source, new_stakeholder,
)
from ..documents.reader import decode_text

NAME = "polis"
EXTENSIONS: tuple[str, ...] = ()  # a folder
VOTE_MATRIX_FILES = ("participants-votes.csv", "participant-votes.csv")
STANCE_OF_VOTE = {1: Stance.SUPPORT, -1: Stance.OPPOSE, 0: Stance.NEUTRAL}
GROUP_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

log = logging.getLogger(__name__)


def sniff(path: Path, head: bytes) -> bool:
    return path.is_dir() and (path / "comments.csv").is_file() and (
        (path / "votes.csv").is_file() or any((path / n).is_file() for n in VOTE_MATRIX_FILES))


# --------------------------------------------------------------------------- reading the files

@dataclass
class _Table:
    path: Path
    header: list[str]
    rows: list[list[str]]
    lines: list[int]  # the line each row starts on

    def column(self, name: str) -> int:
        return self.header.index(name)


def _read_csv(path: Path, required: tuple[str, ...]) -> _Table:
    text = decode_text(path.read_bytes(), path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise MalformedSource("the file is empty", path=path, line=1) from None
    except csv.Error as exc:
        raise MalformedSource(f"bad CSV: {exc}", path=path, line=1) from None
    missing = [c for c in required if c not in header]
    if missing:
        raise MalformedSource(f"missing column {missing[0]!r} (a Pol.is export has {', '.join(required)})",
                              path=path, line=1, field=missing[0])
    rows: list[list[str]] = []
    lines: list[int] = []
    last = 1
    try:
        for cells in reader:
            if not any(cells):
                last = reader.line_num
                continue
            if len(cells) < len(header):
                raise MalformedSource(f"row has {len(cells)} cells but the header has {len(header)}",
                                      path=path, line=last + 1)
            rows.append(cells)
            lines.append(last + 1)
            last = reader.line_num
    except csv.Error as exc:
        raise MalformedSource(f"bad CSV: {exc}", path=path, line=reader.line_num) from None
    return _Table(path, header, rows, lines)


def _ints(table: _Table, name: str, *, blank: int | None = None) -> np.ndarray:
    """One column as int64; blank cells become `blank` (an error when None)."""
    i = table.column(name)
    cells = [r[i].strip() for r in table.rows]
    if blank is not None:
        cells = [c if c else str(blank) for c in cells]
    try:
        return np.array(cells, dtype=np.int64) if cells else np.zeros(0, dtype=np.int64)
    except (ValueError, OverflowError):
        for k, c in enumerate(cells):
            try:
                int(c)
            except ValueError:
                raise MalformedSource(f"{name} must be an integer, not {c!r}", path=table.path,
                                      line=table.lines[k], field=name) from None
        raise  # pragma: no cover - numpy rejected what int() accepts


def read_summary(path: Path) -> dict[str, str]:
    """``summary.csv``: key,value rows without a header (values may span lines)."""
    if not path.is_file():
        return {}
    text = decode_text(path.read_bytes(), path)
    try:
        return {row[0].strip(): row[1] for row in csv.reader(io.StringIO(text, newline="")) if len(row) >= 2}
    except csv.Error as exc:
        raise MalformedSource(f"bad CSV: {exc}", path=path) from None


def _seconds(ts: np.ndarray) -> np.ndarray:
    """Epoch timestamps as float seconds: values above 1e11 are milliseconds (older exports)."""
    if ts.size and np.abs(ts).max() > 100_000_000_000:
        return ts / 1000.0
    return ts.astype(np.float64)


def _iso(seconds: float) -> str:
    moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    ms = int(round((seconds - int(seconds)) * 1000)) if seconds != int(seconds) else 0
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + (f".{ms:03d}Z" if ms else "Z")


@dataclass
class _Votes:
    """Latest vote per (participant, comment): parallel arrays."""

    participant: np.ndarray
    comment: np.ndarray
    vote: np.ndarray
    seconds: np.ndarray | None  # None when only the matrix was read
    lines: np.ndarray | None
    path: Path


def _read_vote_log(path: Path) -> _Votes:
    t = _read_csv(path, ("timestamp", "comment-id", "voter-id", "vote"))
    ts = _ints(t, "timestamp")
    comment = _ints(t, "comment-id")
    voter = _ints(t, "voter-id")
    vote = _ints(t, "vote")
    lines = np.array(t.lines, dtype=np.int64)
    bad = np.flatnonzero(~np.isin(vote, (-1, 0, 1)))
    if bad.size:
        k = int(bad[0])
        raise MalformedSource(f"vote must be 1, -1 or 0, not {int(vote[k])}", path=path, line=int(lines[k]),
                              field="vote")
    # latest vote per pair: sort by (comment, voter, timestamp, row) and keep each pair's last row
    order = np.lexsort((lines, ts, voter, comment))
    c, v = comment[order], voter[order]
    last = np.ones(order.size, dtype=bool)
    if order.size:
        last[:-1] = (c[1:] != c[:-1]) | (v[1:] != v[:-1])
    keep = order[last]
    return _Votes(voter[keep], comment[keep], vote[keep], _seconds(ts)[keep], lines[keep], path)


def _read_matrix(t: _Table) -> tuple[dict[int, int | None], dict[int, str], _Votes]:
    """participants-votes.csv: group per participant, xids, and the latest votes from its cells."""
    pids = _ints(t, "participant")
    groups_raw = [r[t.column("group-id")].strip() for r in t.rows]
    groups: dict[int, int | None] = {}
    for k, (pid, g) in enumerate(zip(pids.tolist(), groups_raw)):
        try:
            groups[pid] = int(g) if g else None
        except ValueError:
            raise MalformedSource(f"group-id must be an integer or blank, not {g!r}", path=t.path,
                                  line=t.lines[k], field="group-id") from None
    xids = {}
    if "xid" in t.header:
        xi = t.column("xid")
        xids = {pid: r[xi].strip() for pid, r in zip(pids.tolist(), t.rows) if r[xi].strip()}
    comment_cols = [(j, int(h)) for j, h in enumerate(t.header) if h.strip().lstrip("-").isdigit()]
    if not t.rows or not comment_cols:
        return groups, xids, _Votes(*(np.zeros(0, dtype=np.int64),) * 3, None, None, t.path)
    cells = np.array([[r[j].strip() if j < len(r) else "" for j, _ in comment_cols] for r in t.rows], dtype=object)
    filled = cells != ""
    rows_i, cols_i = np.nonzero(filled)
    values = cells[rows_i, cols_i]
    try:
        vote = np.array(values.tolist(), dtype=np.int64)
    except ValueError:
        k = next(k for k, val in enumerate(values.tolist()) if val not in ("1", "-1", "0"))
        raise MalformedSource(f"vote cells must be 1, -1, 0 or blank, not {values[k]!r}", path=t.path,
                              line=t.lines[int(rows_i[k])], field=str(comment_cols[int(cols_i[k])][1])) from None
    bad = np.flatnonzero(~np.isin(vote, (-1, 0, 1)))
    if bad.size:
        k = int(bad[0])
        raise MalformedSource(f"vote cells must be 1, -1, 0 or blank, not {int(vote[k])}", path=t.path,
                              line=t.lines[int(rows_i[k])], field=str(comment_cols[int(cols_i[k])][1]))
    comment_ids = np.array([c for _, c in comment_cols], dtype=np.int64)
    return groups, xids, _Votes(pids[rows_i], comment_ids[cols_i], vote, None, None, t.path)


@dataclass
class _Comment:
    id: int
    text: str
    author: int | None
    seconds: float | None
    flags: tuple[str, ...]


def _read_comments(path: Path) -> list[_Comment]:
    t = _read_csv(path, ("comment-id", "comment-body"))
    ids = _ints(t, "comment-id")
    seconds = _seconds(_ints(t, "timestamp", blank=0)) if "timestamp" in t.header else None
    authors = _ints(t, "author-id", blank=-1) if "author-id" in t.header else None
    moderated = _ints(t, "moderated", blank=1) if "moderated" in t.header else None
    body = t.column("comment-body")
    flag_cols = [(name, t.column(f"is-{name}")) for name in ("meta", "seed") if f"is-{name}" in t.header]
    seen: dict[int, int] = {}
    out = []
    for k, row in enumerate(t.rows):
        cid = int(ids[k])
        if cid in seen:
            raise MalformedSource(f"comment-id {cid} appears twice (first on line {seen[cid]})", path=path,
                                  line=t.lines[k], field="comment-id")
        seen[cid] = t.lines[k]
        flags = []
        if moderated is not None:
            flags += {-1: ["moderated-out"], 0: ["unmoderated"]}.get(int(moderated[k]), [])
        flags += [name for name, j in flag_cols if row[j].strip().casefold() in ("true", "1", "t", "yes")]
        out.append(_Comment(cid, row[body], None if authors is None or authors[k] < 0 else int(authors[k]),
                            None if seconds is None or not seconds[k] else float(seconds[k]), tuple(flags)))
    return out


# --------------------------------------------------------------------------- building records

def conversation_key(folder: Path, summary: dict[str, str]) -> str:
    """The conversation id from the Pol.is URL (``https://pol.is/2demo`` -> ``2demo``), else the folder name."""
    url = summary.get("url", "").strip().rstrip("/")
    if url and "/" in url:
        return url.rsplit("/", 1)[1]
    return folder.resolve().name


def load(path: str | Path) -> Bundle:
    """Read a Pol.is export folder into a Bundle (see the module docstring)."""
    folder = Path(path)
    if not sniff(folder, b""):
        raise MalformedSource("not a Pol.is export: expected comments.csv and votes.csv or participants-votes.csv",
                              path=folder)
    summary = read_summary(folder / "summary.csv")
    conv = conversation_key(folder, summary)
    comments = _read_comments(folder / "comments.csv")
    matrix_path = next((folder / n for n in VOTE_MATRIX_FILES if (folder / n).is_file()), None)
    groups: dict[int, int | None] = {}
    xids: dict[int, str] = {}
    votes: _Votes | None = None
    if matrix_path is not None:
        groups, xids, votes = _read_matrix(_read_csv(matrix_path, ("participant", "group-id")))
    if (folder / "votes.csv").is_file():
        votes = _read_vote_log(folder / "votes.csv")
    if votes is None:  # pragma: no cover - sniff guarantees one of the two files
        raise MalformedSource("no votes", path=folder)

    known = {c.id for c in comments}
    unknown = np.flatnonzero(~np.isin(votes.comment, np.array(sorted(known), dtype=np.int64)))
    if unknown.size:
        k = int(unknown[0])
        raise MalformedSource(f"a vote on comment {int(votes.comment[k])}, which is not in comments.csv",
                              path=votes.path, line=None if votes.lines is None else int(votes.lines[k]),
                              field="comment-id")

    # the conversation as one document: topic, description, then one comment per line
    topic = summary.get("topic", "").strip() or conv
    parts = [topic, "", summary.get("conversation-description", "").strip(), ""]
    offset = sum(len(x) + 1 for x in parts)
    spans: dict[int, tuple[int, int]] = {}
    for c in sorted(comments, key=lambda c: c.id):
        label = f"[comment {c.id}] "
        body = c.text if c.text.strip() else "(empty comment)"
        spans[c.id] = (offset + len(label), offset + len(label) + len(body))
        parts.append(label + body)
        offset += len(label) + len(body) + 1
    text = "\n".join(parts) + "\n"
    first = [c.seconds for c in comments if c.seconds] + ([float(votes.seconds.min())] if votes.seconds is not None
                                                           and votes.seconds.size else [])
    doc = new_document(f"polis:{conv}", title=topic, uri=summary.get("url", "").strip() or None, kind="dataset",
                       publisher="Pol.is", date=_iso(min(first))[:10] if first else None, text=text)
    source = new_source("Pol.is votes", "vote", doc.id)

    claims: dict[int, Claim] = {}
    passages: dict[int, Passage] = {}
    for c in comments:
        start, end = spans[c.id]
        claim = new_claim(text[start:end], flags=c.flags)
        claims[c.id] = replace(claim, id=make_id(PREFIXES["claim"], claim.text, "polis", conv, c.id))
        passages[c.id] = Passage(document=doc.id, quote=text[start:end], start=start, end=end, source=source.id)

    group_sh = {}
    for g in sorted({g for g in groups.values() if g is not None}):
        letter = GROUP_LETTERS[g] if 0 <= g < len(GROUP_LETTERS) else str(g)
        group_sh[g] = new_stakeholder(f"Pol.is group {g} ({conv})", kind="group",
                                      aliases=[f"Pol.is group {letter} ({conv})"],
                                      attributes=[("polis-group-id", str(g)), ("polis-conversation", conv)])
    participants = sorted(set(votes.participant.tolist()) | set(groups))
    people = {}
    for pid in participants:
        group = groups.get(pid)
        attrs = [("polis-participant", str(pid)), ("polis-conversation", conv)]
        if pid in xids:
            attrs.append(("polis-xid", xids[pid]))
        people[pid] = new_stakeholder(f"Pol.is participant {pid} ({conv})", kind="person",
                                      member_of=[group_sh[group].id] if group is not None else [], attributes=attrs)

    bundle = Bundle()
    bundle.add(doc, source, *group_sh.values(), *people.values(), *claims.values())
    dates = [None] * votes.vote.size if votes.seconds is None else [_iso(s) for s in votes.seconds.tolist()]
    positions = bundle.positions
    for pid, cid, v, date in zip(votes.participant.tolist(), votes.comment.tolist(), votes.vote.tolist(), dates):
        pos = new_position(people[pid].id, claims[cid].id, STANCE_OF_VOTE[v], document=doc.id,
                           evidence=(passages[cid],), date=date)
        positions[pos.id] = pos  # ids are unique: one latest vote per pair
    log.info("%s: %d participants, %d comments, %d votes", folder, len(people), len(claims), len(positions))
    return bundle
