"""Good and bad inputs for every loader, built as bytes (tests/ is on pytest's pythonpath).

:func:`good_sample` gives one small valid input per extension; :data:`CASES` turns each into
the hostile variants the reliability tests feed through the loaders, the CLI and the API:
empty, truncated, binary garbage, the wrong encoding, a huge single line, zip bombs and
traversal names in archives, CSV with missing and extra columns, unbalanced quotes.

Every case says what must happen: ``reject`` (a one-line located error, exit code 1, the store
unchanged) or ``load`` (the input is still valid, e.g. a truncated plain text, and loads).
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

EXTENSIONS = (".txt", ".md", ".rst", ".html", ".pdf", ".docx", ".csv", ".yaml", ".dna", ".qdpx",
              ".ttl", ".nt", ".jsonld", ".json", ".xml")
TEXTUAL = (".txt", ".md", ".rst", ".html", ".csv", ".yaml", ".ttl", ".nt", ".jsonld", ".json", ".xml")
PLAIN = (".txt", ".md", ".rst", ".html")  # a prefix of a valid file is still a valid file

REPORT = (
    "Workforce consultation\n\n"
    "Pay\n\n"
    "Providers argue that pay must rise for care workers. Some commissioners doubt that it is affordable.\n\n"
    "Training\n\n"
    "Unions called for training to be funded nationally.\n"
)
SHEET_HEADER = ["document", "source", "stakeholder", "group", "stance", "claim", "themes", "quantifier", "quote"]
SHEET_ROWS = [
    ["consult.txt", "Workshop", "Providers", "", "support", "Pay must rise", "Pay", "broad agreement", "pay must rise"],
    ["consult.txt", "Workshop", "Unions", "", "support", "Training should be funded nationally", "Training", "", ""],
    ["consult.txt", "Interview", "Commissioners", "", "oppose", "Pay must rise", "Pay", "some", "doubt"],
]


def sheet_csv(rows: list[list[str]] | None = None, header: list[str] | None = None) -> bytes:
    import csv

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header or SHEET_HEADER)
    w.writerows(rows if rows is not None else SHEET_ROWS)
    return buf.getvalue().encode("utf-8")


def sheet_yaml() -> bytes:
    import yaml

    rows = [dict(zip(SHEET_HEADER, r)) for r in SHEET_ROWS]
    return yaml.safe_dump({"positions": rows}, sort_keys=False, allow_unicode=True).encode("utf-8")


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF (Helvetica, one text line per item) written by hand."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 11 Tf 72 740 Td 14 TL " + " ".join(f"({esc(line)}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def docx_bytes(paragraphs: list[str], *, extra: dict[str, bytes] | None = None) -> bytes:
    """A Word file made by python-docx, with optional extra ZIP members added afterwards."""
    import docx

    d = docx.Document()
    d.add_heading("Workforce consultation", level=1)
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    if not extra:
        return buf.getvalue()
    with zipfile.ZipFile(buf, "a", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in extra.items():
            zf.writestr(name, data)
    return buf.getvalue()


ENTITIES = (b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
            b'<!ENTITY x SYSTEM "file:///etc/passwd">]>')


def docx_with_entities() -> bytes:
    """A Word file whose document.xml declares nested entities (a billion laughs) and an external one."""
    src = zipfile.ZipFile(io.BytesIO(docx_bytes(["Providers argue that pay must rise."])))
    xml = src.read("word/document.xml")
    i = xml.index(b"<w:document")
    xml = (xml[:i] + ENTITIES + xml[i:]).replace(b"Providers argue", b"&d; &x; Providers argue")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in src.namelist():
            zf.writestr(name, xml if name == "word/document.xml" else src.read(name))
    return buf.getvalue()


def docx_with_entities_in_utf16() -> bytes:
    """The same, with document.xml in UTF-16: a byte search for '<!DOCTYPE' does not see the declaration."""
    src = zipfile.ZipFile(io.BytesIO(docx_with_entities()))
    xml = src.read("word/document.xml").decode("utf-8")
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').replace("encoding='UTF-8'", "encoding='UTF-16'")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in src.namelist():
            zf.writestr(name, xml.encode("utf-16") if name == "word/document.xml" else src.read(name))
    return buf.getvalue()


def deep_html(depth: int = 200_000) -> bytes:
    return ("<html><body>" + "<div>" * depth + "Providers argue that pay must rise." + "</div>" * depth
            + "</body></html>").encode("utf-8")


QDE_GUIDS = {n: f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 40)}
QDPX_TEXT = "Unions said: Pay should rise for care workers.\n"


def qde_xml() -> str:
    g = QDE_GUIDS
    start = QDPX_TEXT.index("Pay should rise")
    end = start + len("Pay should rise for care workers.")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="Consultation" origin="test">'
        "<CodeBook><Codes>"
        f'<Code guid="{g[10]}" name="Stakeholders" isCodable="true"><Code guid="{g[11]}" name="Unions" isCodable="true"/></Code>'
        f'<Code guid="{g[20]}" name="Claims" isCodable="true"><Code guid="{g[21]}" name="Pay should rise" isCodable="true"/></Code>'
        "</Codes></CodeBook><Sources>"
        f'<TextSource guid="{g[2]}" name="notes.txt"><PlainTextContent>{escape(QDPX_TEXT)}</PlainTextContent>'
        f'<PlainTextSelection guid="{g[30]}" name="pay" startPosition="{start}" endPosition="{end}">'
        f'<Coding guid="{g[31]}"><CodeRef targetGUID="{g[11]}"/><CodeRef targetGUID="{g[21]}"/></Coding>'
        "</PlainTextSelection></TextSource></Sources></Project>"
    )


def qdpx_bytes(*, extra: dict[str, bytes] | None = None, qde: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", qde if qde is not None else qde_xml().encode("utf-8"))
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def parlamint_root_tail() -> bytes:
    """The ParlaMint sample without its XML declaration, with entity references in a speech (for a DOCTYPE before it)."""
    from samples import parlamint_sample

    data = parlamint_sample()
    return data[data.index(b"\n") + 1:].replace(b"Care workers should", b"&d; &x; Care workers should")


def bomb_member() -> bytes:
    """64 MiB of zeros: deflates about 1000 to 1, far past the archive reader's 200x limit."""
    return bytes(64 << 20)


def rdf_bytes(fmt: str) -> bytes:
    """A small valid bundle in an RDF format (ttl, nt, jsonld) or as interchange JSON (json)."""
    from stancegraph.graph.export import formats as ex
    from stancegraph.graph.rdf.mapping import bundle_triples

    from samples import sample_bundle

    bundle = sample_bundle()
    if fmt == "json":
        return ex.bundle_json_bytes(bundle)
    return ex.serialize_triples(bundle_triples(bundle), fmt)


def offsets_past_text() -> bytes:
    """Interchange JSON whose document text is one character shorter than its passages say."""
    data = json.loads(rdf_bytes("json"))
    data["documents"][0]["text"] = data["documents"][0]["text"][1:]
    return json.dumps(data).encode("utf-8")


def dna_bytes() -> bytes:
    """The DNA sample database from ../shared (the test using it asks for the fixtures folder)."""
    from conftest import FIXTURES

    return (FIXTURES / "dna" / "sample.dna").read_bytes()


def good_sample(ext: str) -> bytes:
    """One small valid input with this extension."""
    if ext in (".txt", ".rst"):
        return REPORT.encode("utf-8")
    if ext == ".md":
        return REPORT.replace("Pay\n", "## Pay\n").replace("Training\n", "## Training\n").encode("utf-8")
    if ext == ".html":
        paras = "".join(f"<p>{escape(p)}</p>" for p in REPORT.split("\n\n")[2::2])
        return f"<!doctype html><html><head><title>Consultation</title></head><body><h1>Pay</h1>{paras}</body></html>".encode()
    if ext == ".pdf":
        return pdf_bytes([p for p in REPORT.splitlines() if p])
    if ext == ".docx":
        return docx_bytes([p for p in REPORT.split("\n\n")[1:] if p.strip()])
    if ext == ".csv":
        return sheet_csv()
    if ext == ".yaml":
        return sheet_yaml()
    if ext == ".dna":
        return dna_bytes()
    if ext == ".qdpx":
        return qdpx_bytes()
    if ext in (".ttl", ".nt", ".jsonld", ".json"):
        return rdf_bytes(ext[1:])
    if ext == ".xml":
        from samples import parlamint_sample

        return parlamint_sample()
    raise ValueError(ext)


def garbage(n: int = 4096, *, seed: int = 8) -> bytes:
    return random.Random(seed).randbytes(n)


def truncated(ext: str) -> bytes:
    data = good_sample(ext)
    if ext == ".csv":  # cut inside a quoted cell: an unbalanced quote at the end
        return sheet_csv([["consult.txt", "Workshop", "Providers", "", "support", 'Pay "must" rise']])[:-6]
    return data[: len(data) // 2]


def wrong_encoding(ext: str) -> bytes:
    """The valid sample (with a non-ASCII character) as UTF-16 without a byte-order mark."""
    text = good_sample(ext).decode("utf-8").replace("Providers", "Prov\u00efders")
    return text.encode("utf-16-le")


def huge_line(ext: str, size: int = 5 << 20) -> bytes:
    """One line of `size` bytes with no newline: words for text formats, the format's own shape otherwise."""
    words = (b"pay must rise for care workers and providers argue that training matters " * (size // 70 + 1))[:size]
    if ext == ".html":
        return b"<html><body><p>" + words + b"</p></body></html>"
    if ext == ".json":
        return b'{"claims": [' + b",".join([b'{"id": "c", "text": "x"}'] * (size // 24)) + b"]"  # never closed
    if ext == ".jsonld":
        return b'{"@context": {}, "@graph": [' + b'{"@id": "x"},' * (size // 13)  # never closed
    if ext == ".yaml":
        return b"positions: " + words
    return words


def zip_with(ext: str, extra: dict[str, bytes]) -> bytes:
    return docx_bytes(["Providers argue that pay must rise."], extra=extra) if ext == ".docx" else qdpx_bytes(extra=extra)


@dataclass(frozen=True)
class Case:
    id: str
    ext: str
    build: Callable[[], bytes]
    expect: str = "reject"  # or "load"
    needs_shared: bool = False

    @property
    def name(self) -> str:
        return f"{self.id}{self.ext}"


def _cases() -> list[Case]:
    out: list[Case] = []
    for ext in EXTENSIONS:
        shared = ext == ".dna"
        out.append(Case("empty", ext, lambda: b""))
        out.append(Case("truncated", ext, lambda e=ext: truncated(e), "load" if ext in PLAIN else "reject", shared))
        out.append(Case("garbage", ext, garbage))
        if ext in TEXTUAL:  # JSON may be UTF-16 (RFC 8259 readers detect it), so JSON-LD still loads
            out.append(Case("utf16-no-bom", ext, lambda e=ext: wrong_encoding(e), "load" if ext == ".jsonld" else "reject"))
    out.append(Case("huge-line", ".txt", lambda: huge_line(".txt"), "load"))  # 5 MB: about 30 s to extract
    for ext in (".md", ".html"):
        out.append(Case("huge-line", ext, lambda e=ext: huge_line(e, 1 << 20), "load"))
    for ext in (".csv", ".yaml", ".ttl", ".nt", ".jsonld", ".json"):
        out.append(Case("huge-line", ext, lambda e=ext: huge_line(e)))
    for ext in (".docx", ".qdpx"):
        out.append(Case("zip-bomb", ext, lambda e=ext: zip_with(e, {"media/zeros.bin": bomb_member()})))
        out.append(Case("zip-traversal", ext, lambda e=ext: zip_with(e, {"../../outside.txt": b"x"})))
        out.append(Case("zip-absolute", ext, lambda e=ext: zip_with(e, {"/etc/cron.d/x": b"x"})))
    out.append(Case("xml-entities", ".docx", docx_with_entities))
    out.append(Case("xml-entities", ".qdpx", lambda: qdpx_bytes(
        qde=b'<?xml version="1.0"?>' + ENTITIES + b'<Project xmlns="urn:QDA-XML:project:1.0" name="&d;&x;"/>')))
    out.append(Case("xml-entities", ".xml", lambda: b'<?xml version="1.0"?>' + ENTITIES + parlamint_root_tail()))
    out.append(Case("xml-entities-utf16", ".xml", lambda: ('<?xml version="1.0" encoding="UTF-16"?>' + ENTITIES.decode()
                                                           + parlamint_root_tail().decode()).encode("utf-16")))
    out.append(Case("xml-entities-utf16", ".docx", docx_with_entities_in_utf16))
    out.append(Case("xml-entities-utf16", ".qdpx", lambda: qdpx_bytes(
        qde=('<?xml version="1.0" encoding="UTF-16"?>' + ENTITIES.decode()
             + '<Project xmlns="urn:QDA-XML:project:1.0" name="&d;&x;"/>').encode("utf-16"))))
    out.append(Case("deep-nesting", ".html", deep_html))
    out.append(Case("control-char-in-name", ".csv", lambda: sheet_csv(
        [["consult.txt", "W", "Care\x0bEngland", "", "support", "Pay must rise", "", "", ""]])))
    out.append(Case("control-char-in-name", ".json", lambda: json.dumps(
        {"documents": [], "stakeholders": [{"id": "sh-x", "label": "Care \x1b[31mEngland", "kind": "group"}]}).encode()))
    out.append(Case("control-char-in-text", ".txt", lambda: REPORT.replace("Providers", "Pro\x1bviders").encode(), "load"))
    out.append(Case("missing-columns", ".csv", lambda: sheet_csv([r[:3] for r in SHEET_ROWS], SHEET_HEADER[:3] + ["stance"])))
    out.append(Case("extra-cells", ".csv", lambda: sheet_csv([*SHEET_ROWS, [*SHEET_ROWS[0], "extra", "cells"]])))
    out.append(Case("short-row", ".csv", lambda: sheet_csv([*SHEET_ROWS, SHEET_ROWS[0][:2]])))
    out.append(Case("unbalanced-quote", ".csv", lambda: sheet_csv()[:-1] + b',"never closed\n'
                    + b"consult.txt,W,Unions,,support,Another claim,,,\n"))
    out.append(Case("nul-in-cell", ".csv", lambda: sheet_csv([["consult.txt", "W", "Pro\x00viders", "", "support", "Pay", "", "", ""]])))
    out.append(Case("not-json", ".json", lambda: b'{"claims": [1, 2'))
    out.append(Case("offsets-past-text", ".json", offsets_past_text))
    out.append(Case("yaml-lone-surrogate", ".yaml", lambda: (
        b'positions:\n  - {document: x.txt, stakeholder: "A\\ud800b", stance: support, claim: Pay}\n')))
    out.append(Case("surrogate-bytes", ".csv", lambda: sheet_csv()[:-1] + b"\xed\xa0\x80\n", "load"))  # read as Windows-1252
    out.append(Case("json-lone-surrogate", ".json", lambda: json.dumps(
        {"documents": [], "stakeholders": [{"id": "sh-x", "label": "\ud800", "kind": "group"}]}).encode("ascii")))
    return out


CASES: list[Case] = _cases()
