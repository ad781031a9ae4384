"""ParlaMint TEI (Parla-CLARIN): parliamentary sittings with their speakers, parties and offices.

`ParlaMint <https://github.com/clarin-eric/ParlaMint>`_ encodes each sitting as a TEI document
(root ``<TEI>``, namespace ``http://www.tei-c.org/ns/1.0``, ``xml:id`` ``ParlaMint-XX_...``): its
``<body>`` holds ``<div type="debateSection">`` agenda items, each with a ``<head>`` and the
utterances ``<u who="#PersonId" ana="#regular|#chair|#guest">`` spoken under it, split into
``<seg>`` paragraphs. The speakers are in the corpus's ``listPerson`` (``persName`` and dated
``<affiliation role="member" ref="#party.X" from=".." to="..">``), the parties and the government
in its ``listOrg``. Both are XIncluded into the corpus root (``ParlaMint-XX.xml``, root
``<teiCorpus>``), which also XIncludes every sitting. The linguistically annotated variant
(``.ana.xml``: tokens in ``<w>``/``<pc>`` with ``join="right"``) reads the same.

What can be ingested:

* the corpus root: its XIncluded speaker and party lists and every sitting it includes;
* a folder holding a corpus root (the root is read), or a folder of sitting files, with
  ``ParlaMint-XX-listPerson.xml`` and ``ParlaMint-XX-listOrg.xml`` (or a corpus root holding
  them) beside the sittings or in the folder above. A folder of sittings that also holds files
  other than ParlaMint's own and notes (README, SOURCES...) is not claimed, so that the command
  line walks it and misses none of its documents;
* one sitting file, whose lists are found the same way.

Each sitting becomes one :class:`Document` (kind ``debate``; id from its ``xml:id``; title from the
TEI main title, English if several; date from the setting; uri from the source ``idno``) whose text
is the sitting rendered in the layout of Hansard: each agenda item (``<head>``) a heading, each
utterance a speaker line of its own (``Name (Party)``; ``Office (Name)`` for a member of the
government; ``Speaker (Name)`` or ``The Chair (Name)`` for the chair) followed by its ``<seg>``
paragraphs. Transcriber notes, gaps and incidents are not speech and are left out. Every passage
offset indexes that text.

Who speaks is not guessed: a :class:`~stancegraph.loaders.extract.genres.hansard.Roster` is built from
``listPerson`` and ``listOrg`` for the sitting's date (each speaker's name, party and office) and
handed to the debate reader, which then reads the questions, votes and stances of the sitting as it
reads Hansard text (:mod:`stancegraph.loaders.extract.genres.debate`). A speaker's party is their
``member`` affiliation with a ``politicalParty`` (else a ``parliamentaryGroup``) that holds on the
sitting's date, named by its full ``orgName``; for ParlaMint-GB, parties the Hansard reader knows take
its label (``Conservative`` -> ``Conservative Party``) so that both routes meet on one stakeholder,
with the ParlaMint name kept as an alias. An office comes from an affiliation with the government
(``role="member"``, ``"minister"``, ``"head"``...; its ``roleName`` where given, else ``Minister``,
``Prime Minister``...): in ParlaMint-GB every member of ``#GoGB`` holds ministerial office. The head
of a parliament on that date is its Speaker.

XML is parsed with the standard library's expat (:mod:`stancegraph.loaders.documents.safexml`), refusing
any DOCTYPE or entity declaration (no entity expansion, no external fetches); XIncludes are followed only
to files inside the corpus folder. Malformed input is refused with the file and line. A person who
changes party between sittings is a member of both parties in the graph (memberships carry no dates);
each position keeps its sitting's date, and each sitting's text its speakers' parties of that day.

Modules: this one finds the files (corpus root, folders, lists) and loads; :mod:`.people` reads
listPerson and listOrg; :mod:`.sitting` renders a sitting and builds its roster; :mod:`.tei` holds TEI
names and helpers. May import graph, loaders.documents and loaders.extract (the debate reader); never api.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from ....graph.model.errors import MalformedSource
from ....graph.model.records import Bundle, new_stakeholder
from ...documents.reader import DocumentText
from ...documents.safexml import Xml, read_xml
from ...extract.genres.hansard import member_holder
from .people import People, Speaker
from .sitting import Sitting, Turn, read_sitting, speech_text
from .tei import TEI, XI, XML_ID, corpus_prefix, local_name, tei

__all__ = ["People", "Sitting", "Speaker", "Turn", "extract_sitting", "load", "read_sittings", "sniff", "speech_text"]

NAME = "parlamint"
EXTENSIONS = (".xml",)
#: files a ParlaMint folder may hold beside its TEI (its own derivatives start with "ParlaMint")
_NOTE = re.compile(r"^(?:00)?(?:readme|sources|licen[cs]e|changelog|citation)\b", re.I)


def _head_of(path: Path, size: int = 2048) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(size)
    except OSError:
        return b""


def _tei_root(head: bytes) -> str | None:
    """'teiCorpus', 'TEI', 'listPerson' or 'listOrg' for a ParlaMint file's first bytes, else None."""
    if TEI.encode() not in head:
        return None
    m = re.search(rb"<(?:\w+:)?(teiCorpus|TEI|listPerson|listOrg)[\s>]", head)
    if m is None or (b"ParlaMint" not in head and b"parla." not in head):
        return None
    return m.group(1).decode()


def sniff(path: Path, head: bytes) -> bool:
    """A ParlaMint TEI file (any ``.xml`` too, so that a damaged one gets a clear error) or a ParlaMint folder."""
    if path.is_dir():
        return _is_parlamint_folder(path)
    if not path.is_file():
        return False
    return path.suffix.lower() in EXTENSIONS or _tei_root(head[:2048]) is not None


def _is_parlamint_folder(folder: Path) -> bool:
    """A folder holding a corpus root (a ParlaMint distribution, read whole); or sittings and nothing but ParlaMint's
    own files and notes. A folder that also holds other documents is walked file by file instead, so none is missed."""
    files = _folder_files(folder)
    if files.get("teiCorpus"):
        return True
    if not files.get("TEI"):
        return False
    ours = {p for found in files.values() for p in found}
    try:
        others = [p for p in folder.iterdir() if p.is_file() and p not in ours and not p.name.startswith(".")]
    except OSError:
        return False
    return all(p.name.startswith("ParlaMint") or _NOTE.match(p.name) for p in others)


def _folder_files(folder: Path) -> dict[str, list[Path]]:
    """The ParlaMint files directly in a folder, by root element; .ana.xml only where no plain version exists."""
    found: dict[str, list[Path]] = {}
    try:
        names = sorted(p for p in folder.iterdir() if p.is_file() and p.name.lower().endswith(".xml"))
    except OSError:
        return {}
    plain = {p.name[: -len(".xml")] for p in names if not p.name.lower().endswith(".ana.xml")}
    for p in names:
        if p.name.lower().endswith(".ana.xml") and p.name[: -len(".ana.xml")] in plain:
            continue
        kind = _tei_root(_head_of(p))
        if kind is not None:
            found.setdefault(kind, []).append(p)
    return found


class Corpus:
    """Reads the files of one ingest: the sittings to load and the person and party lists they need."""

    def __init__(self) -> None:
        self.parsed: dict[Path, Xml] = {}  # lists and corpus roots, read once; sittings are not kept
        self.people: dict[tuple[Path, ...], People] = {}

    def xml(self, path: Path, *, keep: bool = True) -> Xml:
        key = path.resolve()
        if key in self.parsed:
            return self.parsed[key]
        parsed = read_xml(path)
        if keep:
            self.parsed[key] = parsed
        return parsed

    def sittings(self, path: Path) -> Iterator[tuple[Xml, People, str | None]]:
        """(parsed sitting, its people, sha256 of its file) for every sitting `path` stands for, one at a time."""
        if path.is_dir():
            files = _folder_files(path)
            if files.get("teiCorpus"):
                yield from self.sittings(files["teiCorpus"][0])
                return
            if not files.get("TEI"):
                raise MalformedSource("the folder holds no ParlaMint corpus root or sitting file", path=path)
            for f in files["TEI"]:
                yield from self.sittings(f)
            return
        xml = self.xml(path, keep=False)
        kind = local_name(xml.root)
        if not xml.root.tag.startswith(f"{{{TEI}}}"):
            what = f"<{kind}> is not in the TEI namespace ({TEI})" if kind in ("TEI", "teiCorpus") else \
                f"the root element is <{kind}>, not <TEI> or <teiCorpus>"
            raise xml.error(f"not a ParlaMint TEI document: {what}", xml.root)
        if kind == "teiCorpus":
            yield from self._corpus_root(xml)
            return
        if kind == "TEI":
            yield xml, self._people_near(xml), _sha256(path)
            return
        if kind in ("listPerson", "listOrg"):
            raise xml.error(f"a ParlaMint {kind} holds no sitting: ingest the corpus root, a folder of sittings "
                            "or a sitting file, which find it beside them", xml.root)
        raise xml.error(f"not a ParlaMint corpus root or sitting: the root element is <{kind}>", xml.root)

    def _corpus_root(self, xml: Xml) -> Iterator[tuple[Xml, People, str | None]]:
        header = xml.root.find(tei("teiHeader"))
        partic = header.find(f"{tei('profileDesc')}/{tei('particDesc')}") if header is not None else None
        if partic is None:
            raise xml.error("the corpus root has no teiHeader/profileDesc/particDesc with listPerson and listOrg", xml.root)
        people = self._people_of(xml, partic)
        found = False
        for child in xml.root:
            if child.tag == f"{{{XI}}}include":
                target = self._include(xml, child)
                sitting = self.xml(target, keep=False)
                if sitting.root.tag != tei("TEI"):
                    raise sitting.error("the corpus root includes this file as a sitting, but its root is not <TEI>",
                                        sitting.root)
                found = True
                yield sitting, people, _sha256(target)
            elif child.tag == tei("TEI"):
                found = True
                yield Xml(child, xml.path, xml.lines), people, None
        if not found:
            raise xml.error("the corpus root includes no sitting (<xi:include href=...> or <TEI>)", xml.root)

    def _include(self, xml: Xml, inc: ET.Element) -> Path:
        href = (inc.get("href") or "").strip()
        base = xml.path.parent.resolve()
        target = (base / href).resolve()
        if not href or re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) or not target.is_relative_to(base):
            raise xml.error(f"refused: xi:include href {href!r} (only files inside the corpus folder are read)", inc,
                            field="href")
        if not target.is_file():
            raise xml.error(f"the included file {href} is missing", inc, field="href")
        return target

    def _people_of(self, xml: Xml, partic: ET.Element) -> People:
        """listPerson and listOrg of a corpus root's particDesc, inline or XIncluded."""
        found: dict[str, list[tuple[ET.Element, Xml]]] = {"listPerson": [], "listOrg": []}
        files: list[Path] = [xml.path]
        for child in partic:
            local = local_name(child)
            if local in found:
                found[local].append((child, xml))
            elif child.tag == f"{{{XI}}}include":
                target = self._include(xml, child)
                listed = self.xml(target)
                kind = local_name(listed.root)
                if kind not in found:
                    raise listed.error(f"included as a speaker or party list, but the root is <{kind}>", listed.root)
                found[kind].append((listed.root, listed))
                files.append(target)
        for kind, lists in found.items():
            if not lists:
                raise xml.error(f"the corpus root's particDesc has no {kind}", partic)
        key = tuple(files)
        if key not in self.people:
            self.people[key] = People(found["listPerson"], found["listOrg"], str(xml.path))
        return self.people[key]

    def _people_near(self, sitting: Xml) -> People:
        """The lists of a sitting file: ParlaMint-XX-listPerson.xml and -listOrg.xml (or the corpus root holding them)
        in the sitting's folder or the one above."""
        prefix = corpus_prefix(sitting.root.get(XML_ID) or sitting.path.name)
        folders = [sitting.path.parent, sitting.path.parent.parent]
        for folder in folders:
            person = _one(folder, [f"{prefix}-listPerson.xml"], "*-listPerson.xml")
            org = _one(folder, [f"{prefix}-listOrg.xml"], "*-listOrg.xml")
            if person is not None and org is not None:
                key = (person.resolve(), org.resolve())
                if key not in self.people:
                    lists = [self.xml(person), self.xml(org)]
                    for lst, want in zip(lists, ("listPerson", "listOrg")):
                        if lst.root.tag != tei(want):
                            raise lst.error(f"expected a ParlaMint {want}, found <{local_name(lst.root)}>",
                                            lst.root)
                    self.people[key] = People([(lists[0].root, lists[0])], [(lists[1].root, lists[1])], str(person))
                return self.people[key]
            root = _one(folder, [f"{prefix}.xml", f"{prefix}.ana.xml"], None)
            if root is not None:
                corpus = self.xml(root)
                partic = corpus.root.find(f"{tei('teiHeader')}/{tei('profileDesc')}/{tei('particDesc')}")
                if corpus.root.tag == tei("teiCorpus") and partic is not None:
                    return self._people_of(corpus, partic)
        where = " or ".join(str(f) for f in folders)
        raise MalformedSource(f"no {prefix}-listPerson.xml and {prefix}-listOrg.xml (nor a corpus root {prefix}.xml) "
                              f"in {where}: the speakers' names and parties come from them", path=sitting.path)


def _one(folder: Path, names: list[str], pattern: str | None) -> Path | None:
    for name in names:
        if (folder / name).is_file():
            return folder / name
    if pattern is not None:
        matches = sorted(folder.glob(pattern))
        if len(matches) == 1:
            return matches[0]
    return None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_sittings(path: str | Path) -> list[Sitting]:
    """Every sitting a path stands for (corpus root, folder or sitting file), rendered, with its roster."""
    corpus = Corpus()
    return [read_sitting(xml, people, sha256=sha) for xml, people, sha in corpus.sittings(Path(path))]


# --------------------------------------------------------------------------- loading

def extract_sitting(sitting: Sitting) -> Bundle:
    """Positions of one sitting, read by the debate reader with the sitting's roster; speakers and parties keep
    their ParlaMint ids (attribute ``parlamint-id``) and full names (aliases)."""
    from ...extract import extract_document

    bundle = extract_document(DocumentText(sitting.document, "parlamint", sitting.hints), roster=sitting.roster)
    for turn in sitting.turns:
        holder = member_holder(turn.member, None)
        sp = turn.speaker
        person = new_stakeholder(holder.label, kind="person", aliases=[sp.full_name], attributes=[("parlamint-id", sp.id)])
        if person.id in bundle.stakeholders:
            bundle.add(person)
        if sp.party is not None and turn.member.party:
            party = new_stakeholder(turn.member.party, kind="organisation",
                                    aliases=[a for a in (sp.party.name, sp.party.abbreviation) if a],
                                    attributes=[("parlamint-id", sp.party.id)])
            if party.id in bundle.stakeholders:
                bundle.add(party)
    return bundle


def load(path: Path) -> Bundle:
    """Read a ParlaMint corpus root, folder or sitting file: one Document per sitting, positions from the debate reader."""
    from ...extract import merge_bundles

    corpus = Corpus()
    bundles = [extract_sitting(read_sitting(xml, people, sha256=sha)) for xml, people, sha in corpus.sittings(Path(path))]
    out = Bundle()
    for b in merge_bundles(bundles):
        out.update(b)
    return out
