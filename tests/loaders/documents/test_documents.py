"""Document readers: every format gives one Document text, offsets index it exactly, bad input is one clear error."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from stancegraph.graph.model.errors import LoaderError, MalformedSource, UnsupportedFormat
from stancegraph.loaders import detect_loader, load_path
from stancegraph.loaders.documents.reader import read_document, read_document_text
from stancegraph.loaders.documents.structure import parse_text

REPORT_MD = """# Workforce consultation

## Pay

Providers argue that pay must improve.

The key themes identified from councils were:

- more staff
- better training

| Theme | Finding |
|---|---|
| Pay | Unions call for a pay rise. |
"""


def _all_passages_exact(bundle, text: str) -> int:
    n = 0
    for pos in bundle.positions.values():
        for p in pos.evidence:
            assert text[p.start:p.end] == p.quote
            n += 1
    return n


def test_text_utf8_bom_and_cp1252_decode(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffCare workers’ pay – a review\n\nProviders argue that pay must rise.\n".encode("utf-8"))
    doc = read_document(bom)
    assert doc.text.startswith("Care workers’ pay – a review")  # BOM gone, curly quote and dash kept
    win = tmp_path / "win.txt"
    win.write_bytes("Care workers\x92 pay \x96 a review\r\n\r\nCaf\xe9 owners argue that rents must fall.\r\n".encode("latin-1"))
    doc = read_document(win)
    assert "workers’ pay – a review" in doc.text  # 0x92 and 0x96 are Windows-1252 quote and dash
    assert "Café" in doc.text and "\r" not in doc.text


def test_document_id_comes_from_the_file_name(tmp_path: Path) -> None:
    a = tmp_path / "v1" / "report.txt"
    b = tmp_path / "v2" / "report.txt"
    for p, body in ((a, "First version.\n"), (b, "Second version, different text.\n")):
        p.parent.mkdir()
        p.write_text(body, encoding="utf-8")
    assert read_document(a).id == read_document(b).id
    assert read_document(a).sha256 != read_document(b).sha256


def test_markdown_structure_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "consultation.md"
    path.write_text(REPORT_MD, encoding="utf-8")
    dt = read_document_text(path)
    st = parse_text(dt.text, dt.hints)
    kinds = [(b.kind, st.view(b).text) for b in st.blocks if b.kind != "noise"]
    assert ("heading", "Workforce consultation") in kinds and ("heading", "Pay") in kinds
    bullets = [b for b in st.blocks if b.kind == "bullet"]
    assert [st.view(b).text for b in bullets] == ["more staff", "better training"]
    assert all(b.lead_in is not None and st.view(st.blocks[b.lead_in]).text.endswith("were:") for b in bullets)
    rows = [b for b in st.blocks if b.kind == "row"]
    assert [st.view(c).text for c in rows[-1].cells] == ["Pay", "Unions call for a pay rise."]
    bundle = load_path(path)
    assert _all_passages_exact(bundle, dt.text) >= 3
    labels = {bundle.stakeholders[p.stakeholder].label for p in bundle.positions.values()}
    assert {"Providers", "Local authorities", "Trade unions"} <= labels


def test_html_reader_text_hints_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "hearing.html"
    path.write_text("""<!doctype html><html><head><title>Hearing notes</title><style>p{}</style></head><body>
    <nav>Home | About</nav>
    <h1>Hearing notes</h1><h2>Scope</h2>
    <p><strong>Ms Jones:</strong> I appear on behalf of the Carers Alliance. The Inquiry should examine visiting.</p>
    <p>We urge the panel to hear from families &amp; carers.</p>
    <ul><li>More testing</li><li>Earlier PPE</li></ul>
    <table><tr><th>Group</th><th>View</th></tr><tr><td>Unions</td><td>Unions argued that pay must rise.</td></tr></table>
    <script>var x = "Providers argue that this is hidden";</script>
    </body></html>""", encoding="utf-8")
    dt = read_document_text(path)
    assert dt.document.title == "Hearing notes"
    assert "hidden" not in dt.text and "Home | About" not in dt.text
    assert "families & carers" in dt.text
    assert "- More testing" in dt.text and "Unions\tUnions argued that pay must rise." in dt.text
    st = parse_text(dt.text, dt.hints)
    turn = next(b for b in st.blocks if b.speaker)
    assert turn.speaker == "Ms Jones"
    bundle = load_path(path)
    assert _all_passages_exact(bundle, dt.text) >= 2
    holders = {bundle.stakeholders[p.stakeholder].label for p in bundle.positions.values()}
    assert "Carers Alliance" in holders  # the organisation the speaker appears for, not the speaker


def test_pdf_reader(make_pdf) -> None:
    path = make_pdf(["Care workforce review", "Providers argue that pay must improve.",
                     "Some participants doubted that funding would rise."])
    dt = read_document_text(path)
    assert "Providers argue that pay must improve." in dt.text
    bundle = load_path(path)
    assert _all_passages_exact(bundle, dt.text) == 2
    stances = sorted((bundle.stakeholders[p.stakeholder].label, p.stance.value) for p in bundle.positions.values())
    assert stances == [("Providers", "support"), ("Some participants", "oppose")]


def test_docx_reader(make_docx) -> None:
    path = make_docx([
        ("heading", "Consultation on pay", 1),
        ("para", "The key themes identified from employers were:"),
        ("bullet", "Flexible hours"),
        ("bullet", "Better induction"),
        ("table", [["Theme", "Finding"], ["Training", "Unions argued that training must be funded."]]),
        ("speaker", "Mr Patel", "Councils should pay the real living wage."),
    ])
    dt = read_document_text(path)
    assert dt.document.title == "Consultation on pay" or dt.text.startswith("Consultation on pay")
    assert "- Flexible hours" in dt.text and "Training\tUnions argued that training must be funded." in dt.text
    st = parse_text(dt.text, dt.hints)
    assert st.blocks[0].kind == "heading" and st.blocks[0].level == 1
    assert any(b.speaker == "Mr Patel" for b in st.blocks)
    bundle = load_path(path)
    assert _all_passages_exact(bundle, dt.text) >= 3
    found = {(bundle.stakeholders[p.stakeholder].label, bundle.claims[p.claim].text) for p in bundle.positions.values()}
    assert ("Employers", "Flexible hours") in found
    assert ("Trade unions", "Training must be funded") in found


# --------------------------------------------------------------------------- bad input

@pytest.mark.parametrize("name,data,expected", [
    ("empty.txt", b"", "empty"),
    ("blank.md", b"  \n\n \t\n", "empty"),
    ("binary.txt", b"\x00\x01\x02\x03binary", "binary"),
    ("bad.txt", b"caf\xc3 \x81\x8d\x8f", "cannot decode"),
    ("corrupt.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF", "PDF"),
    ("notpdf.pdf", b"just text pretending", "PDF"),
    ("renamed.docx", b"\x89PNG\r\n\x1a\nnot a word file", "Word"),
    ("broken.docx", b"PK\x03\x04garbage-zip", "Word"),
])
def test_bad_input_is_one_line_naming_the_file(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoaderError) as info:
        load_path(path)
    msg = str(info.value)
    assert "\n" not in msg and name in msg and expected.casefold() in msg.casefold()


def test_encrypted_pdf_is_rejected(make_pdf, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(["Providers argue that pay must improve."])
    writer = PdfWriter()
    writer.append(PdfReader(plain))
    writer.encrypt("secret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    path = tmp_path / "locked.pdf"
    path.write_bytes(buf.getvalue())
    with pytest.raises(MalformedSource, match="encrypted"):
        load_path(path)


def test_unknown_extension_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "notes.odt"
    path.write_bytes(b"some content")
    with pytest.raises(UnsupportedFormat) as info:
        detect_loader(path)
    assert "notes.odt" in str(info.value) and ".odt" in str(info.value)


def test_cli_rejects_bad_input_and_leaves_store_unchanged(tmp_path: Path) -> None:
    from stancegraph.api.cli.main import main

    good = tmp_path / "good.txt"
    good.write_text("Pay\n\nProviders argue that pay must improve.\n", encoding="utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 nothing else")
    store = tmp_path / "store"
    with pytest.raises(SystemExit) as info:
        main(["ingest", str(good), "--store", str(store), "-q"])
    assert info.value.code == 0
    from stancegraph.graph.rdf.store import Store

    with Store(store) as st:
        before = st.stats()
    with pytest.raises(SystemExit) as info:
        main(["ingest", str(bad), "--store", str(store), "-q"])
    assert info.value.code == 1
    with Store(store) as st:
        assert st.stats() == before


@pytest.mark.parametrize(("name", "title"), [
    ("select-committee-report.txt", "Black plastic food trays: ban or pledge?"),  # not 'House of Commons'
    ("public-engagement-report.txt", "Shaping Care in West Glenmarrow"),  # not the board that publishes it
    ("northshire-home-care-hearing.txt", "Northshire Home Care Inquiry: preliminary hearing, 4 June 2025"),
    ("hansard-commons-debate.txt", "Rural Bus Services"),
    ("riverside-libraries-consultation.md", "The future of Riverside's libraries: what people told us"),
])
def test_documents_take_their_real_title(name: str, title: str) -> None:
    from stancegraph.loaders.documents.reader import read_document

    root = Path(__file__).resolve().parents[3]
    assert read_document(root / "examples" / name).title == title


def test_the_committee_report_is_titled_by_its_title_block() -> None:
    from stancegraph.loaders.documents.reader import guess_title

    corpus = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "hc-st-responsible-use-of-data-2014.txt"
    if not corpus.is_file():
        pytest.skip("../shared/corpus is not here")
    assert guess_title(corpus.read_text(encoding="utf-8")) == "Responsible Use of Data"  # not 'House of Commons'
