"""The REFI-QDA loader on projects built in tmp_path by the ``make_qdpx`` fixture (tests/loaders/conftest.py).

The expected positions are read off the fixture by hand: in the notes, the Unions selection contains
"Pay should rise for care workers." (coded Pay should rise + Support) and "opposed cuts to training"
(Cuts to training + Oppose + theme Funding); Home Care Ltd's selection carries its own claim code
and no stance (default support); the interview is linked to the case Alice (group variable Workers).
Offsets are code points: the notes start with "Café owners’ forum – notes\n" (27 code points, 33 bytes
in UTF-8), so "Pay" is at 27 + len("Unions said: ") = 40; the interview's "training" follows "—" at 42.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from stancegraph.graph.model.errors import MalformedSource
from stancegraph.graph.model.records import Bundle
from stancegraph.loaders.documents import archive
from stancegraph.loaders import detect_loader, load_path
from stancegraph.loaders.formats import qdpx


def _positions(b: Bundle) -> list[tuple[str, str, str, str, int, int]]:
    return sorted((b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text, e.quote, e.start, e.end)
                  for p in b.positions.values() for e in p.evidence)


EXPECTED = [
    ("Alice", "support", "Training is underfunded", "training is underfunded", 42, 65),
    ("Home Care Ltd", "support", "Training is underfunded", "Home Care Ltd argued that training is underfunded.", 105, 155),
    ("Unions", "oppose", "Cuts to training", "opposed cuts to training", 79, 103),
    ("Unions", "support", "Pay should rise", "Pay should rise for care workers.", 40, 73),
]


def test_positions_offsets_and_quotes(make_qdpx):
    b = load_path(make_qdpx())
    assert _positions(b) == EXPECTED
    for p in b.positions.values():
        for e in p.evidence:
            assert b.documents[e.document].text[e.start:e.end] == e.quote
    assert {p.coder for p in b.positions.values()} == {"Rita"}


def test_stakeholders_groups_cases_and_themes(make_qdpx):
    b = load_path(make_qdpx())
    sh = {s.label: s for s in b.stakeholders.values()}
    assert {k: v.kind for k, v in sh.items()} == {
        "Unions": "organisation", "Care providers": "group", "Home Care Ltd": "organisation",
        "Alice": "person", "Workers": "group"}
    assert sh["Home Care Ltd"].member_of == (sh["Care providers"].id,)
    assert sh["Alice"].member_of == (sh["Workers"].id,)
    assert dict(sh["Alice"].attributes) == {"group": "Workers", "role": "carer"}
    themes = {t.id: t.label for t in b.themes.values()}
    claim_themes = {c.text: sorted(themes[t] for t in c.themes) for c in b.claims.values()}
    assert claim_themes == {"Pay should rise": ["Workforce"], "Training is underfunded": ["Workforce"],
                            "Cuts to training": ["Funding"]}
    assert {d.title for d in b.documents.values()} == {"notes", "interview-alice"}


def test_known_deviations_are_tolerated(make_qdpx):
    standard = load_path(make_qdpx("a.qdpx"))
    deviant = load_path(make_qdpx("b.qdpx", qde_name="Trial.qde", sources_dir="Sources",
                                  style=lambda g: "{" + g.upper() + "}"))
    assert _positions(deviant) == _positions(standard) == EXPECTED
    assert set(deviant.stakeholders) == set(standard.stakeholders)


def test_mapping_file_beside_the_project(make_qdpx, tmp_path):
    names = {"stakeholders": "Akteure", "claims": "Aussagen", "stances": "Haltung", "themes": "Themen",
             "support": "dafür", "oppose": "dagegen"}
    project = make_qdpx("studie.qdpx", names=names)
    without = load_path(project)
    assert without.positions == {}  # nothing maps with the defaults
    mapping = tmp_path / "studie.mapping.yaml"
    mapping.write_text("stakeholders: [Akteure]\nclaims: [Aussagen]\nthemes: [Themen]\n"
                       "stances: {support: [dafür], oppose: [dagegen]}\n", encoding="utf-8")
    assert _positions(load_path(project)) == EXPECTED
    assert detect_loader(mapping) is qdpx  # ingesting the mapping file loads its project
    assert _positions(load_path(mapping)) == EXPECTED


def test_explicit_mapping_and_no_default_stance(make_qdpx, tmp_path):
    mapping = tmp_path / "strict.yaml"
    mapping.write_text("default_stance: none\n", encoding="utf-8")
    b = qdpx.load(make_qdpx(), mapping=mapping)
    assert [row[:3] for row in _positions(b)] == [("Unions", "oppose", "Cuts to training"),
                                                 ("Unions", "support", "Pay should rise")]


def test_bad_mapping_key_is_named(make_qdpx, tmp_path):
    mapping = tmp_path / "m.yaml"
    mapping.write_text("stakeholder: [Actors]\n", encoding="utf-8")
    with pytest.raises(MalformedSource, match=r"m\.yaml \[stakeholder\]: unknown key 'stakeholder'"):
        qdpx.load(make_qdpx(), mapping=mapping)


# --------------------------------------------------------------------------- malformed and hostile archives

def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_zip_that_is_not_a_project(tmp_path):
    path = _zip(tmp_path / "notes.qdpx", {"readme.txt": b"hello"})
    with pytest.raises(MalformedSource) as err:
        load_path(path)
    assert str(err.value) == f"{path} [project.qde]: not a REFI-QDA project: no project.qde at the top of the archive"


def test_not_a_zip_at_all(tmp_path):
    path = tmp_path / "broken.qdpx"
    path.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(MalformedSource, match=r"broken\.qdpx: not a ZIP archive"):
        load_path(path)


def test_path_traversal_is_refused(make_qdpx):
    path = make_qdpx(extra={"../../etc/evil.txt": b"x"})
    with pytest.raises(MalformedSource) as err:
        load_path(path)
    assert "refused: member '../../etc/evil.txt' has a path that climbs out of the archive" in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("name", ["/etc/passwd", "C:/windows/win.ini", "sources\\..\\..\\x.txt"])
def test_other_unsafe_names(name):
    assert archive.unsafe_name(name) is not None
    assert archive.unsafe_name("sources/0000.txt") is None


def test_zip_bomb_is_refused(make_qdpx):
    path = make_qdpx(extra={"sources/big.txt": b"\0" * (4 << 20)})  # 4 MiB of zeros deflate to about 4 KB
    with pytest.raises(MalformedSource, match=r"refused: member 'sources/big\.txt' expands \d+x \(a zip bomb\?"):
        load_path(path)


def test_total_size_limit(make_qdpx, monkeypatch):
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 1000)
    with pytest.raises(MalformedSource, match=r"refused: the archive expands to \d+ bytes \(at most 1000\)"):
        load_path(make_qdpx())


def test_doctype_is_refused(make_qdpx):
    xml = '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><Project>&a;</Project>'
    with pytest.raises(MalformedSource, match="refused: the XML declares a DOCTYPE"):
        load_path(make_qdpx(xml=xml))


def test_bad_xml_names_its_line(make_qdpx):
    with pytest.raises(MalformedSource, match=r"project\.qde:2: bad XML"):
        load_path(make_qdpx(xml='<?xml version="1.0"?>\n<Project><CodeBook></Project>'))


def test_selection_outside_its_source_is_named(make_qdpx):
    with pytest.raises(MalformedSource) as err:
        load_path(make_qdpx(selection_end=10_000))
    assert str(err.value).endswith("[PlainTextSelection 00000000-0000-4000-8000-000000000101]: selection 40:10000 "
                                   "lies outside source 'notes.txt' (156 characters)")


def test_sniff_by_content(tmp_path, make_qdpx):
    renamed = tmp_path / "export.zip"
    renamed.write_bytes(make_qdpx().read_bytes())
    assert detect_loader(renamed) is qdpx
    plain = _zip(tmp_path / "other.zip", {"a.txt": b"x"})
    assert not qdpx.sniff(plain, plain.read_bytes()[:4096])
