"""Structure: headings, bullets with lead-ins, rows, speaker turns, noise, sentences; offsets always exact."""

from __future__ import annotations

from stancegraph.loaders.documents.reader import Hint
from stancegraph.loaders.documents.structure import parse_text, split_sentences

TEXT = """Annual review of care

Contents
Introduction\t2
Findings\t4

Introduction

This review asks what stakeholders expect.

1. Findings from interviews

Pay
===

Interviewees argued that pay must rise (see Dr. Smith et al. for details). Most agreed.

The priorities raised by councils were:

- recruitment
- retention, especially in rural areas
  and coastal towns

Regulation\tProviders opposed a licence.
Training\t<p>Unions want more training.</p> <p>Employers agree.</p>
---------------\t--

**Ms Khan**: I appear on behalf of Carers Together. We ask for respite.

Our second point is about pay.

MR JONES: We oppose the plan.

Jane Smith (Barchester) (Lab)
I beg to move, That this House calls on the Government to fund social care.
"""


def test_blocks_and_sections() -> None:
    st = parse_text(TEXT)
    view = {b.index: st.view(b).text for b in st.blocks}
    headings = [(view[b.index], b.level) for b in st.headings()]
    assert ("Introduction", 1) in headings
    assert ("1. Findings from interviews", 2) in headings
    assert any(h == "Pay" for h, _ in headings)  # RST-style underline
    assert [b.kind for b in st.blocks if view[b.index] in ("Introduction 2", "Findings 4")] == ["toc", "toc"]
    para = next(b for b in st.blocks if view[b.index].startswith("Interviewees argued"))
    assert para.section[-1] == "Pay"
    bullets = [b for b in st.blocks if b.kind == "bullet"]
    assert [view[b.index] for b in bullets] == ["recruitment", "retention, especially in rural areas and coastal towns"]
    assert all(view[b.lead_in].endswith("were:") for b in bullets)


def test_rows_strip_html_and_rules() -> None:
    st = parse_text(TEXT)
    rows = [b for b in st.blocks if b.kind == "row"]
    assert [[st.view(c).text for c in r.cells] for r in rows] == [
        ["Regulation", "Providers opposed a licence."],
        ["Training", "Unions want more training. Employers agree."],
    ]
    dashed = [b for b in st.blocks if TEXT[b.start:b.end].startswith("-----")]
    assert dashed and dashed[0].kind == "noise"


def test_speaker_turns_run_until_the_next_speaker() -> None:
    st = parse_text(TEXT)
    speakers = [(b.speaker, st.view(b).text[:20]) for b in st.blocks if b.speaker]
    assert ("Ms Khan", "I appear on behalf o") in speakers
    assert ("Ms Khan", "Our second point is ") in speakers  # a turn continues over paragraphs
    assert ("MR JONES", "We oppose the plan.") in speakers
    hansard = [b for b in st.blocks if b.speaker == "Jane Smith"]
    assert hansard and hansard[0].speaker_note == "Barchester|Lab"


def test_offsets_exact_for_every_segment() -> None:
    st = parse_text(TEXT)
    for b in st.blocks:
        view = st.view(b)
        for s, e in split_sentences(view.clean):
            for a, z in view.spans(s, e):
                assert TEXT[a:z] in view.raw  # every sentence span is a piece of the document text
                assert TEXT[a:z].strip() == TEXT[a:z] or TEXT[a:z] == ""


def test_sentences_respect_abbreviations_and_footnote_markers() -> None:
    text = "Dr. Smith et al. argued that pay must rise. Mr Jones said so.12 The Committee agreed e.g. on pay. Done."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Dr. Smith et al. argued that pay must rise.", "Mr Jones said so.12", "The Committee agreed e.g. on pay.", "Done."]


def test_page_breaks_rejoin_a_paragraph() -> None:
    text = ("Intro\n\nThe committee heard that the link between data sharing\n\n14 Responsible Use of Data\n\n"
            "and better services was weak.\n\n3\n\nResponsible Use of Data 15\n\nNext paragraph.\n\n"
            "Responsible Use of Data 16\n")
    st = parse_text(text)
    para = next(b for b in st.blocks if st.view(b).text.startswith("The committee heard"))
    assert st.view(para).text == "The committee heard that the link between data sharing and better services was weak."
    assert len(para.segments) == 2
    running = [b for b in st.blocks if b is not para and "Responsible Use of Data" in text[b.start:b.end]]
    assert running and all(b.kind == "noise" for b in running)


def test_a_paragraph_hint_keeps_a_block_as_the_reader_says() -> None:
    """Without hints the short question reads as a heading and 'the' as a page break; hinted, both stay paragraphs."""
    text = "Pay\n\nWill the Minister give way?\n\nThe point is that the\n\nand the rest follows.\n"
    plain = parse_text(text)
    assert [b.kind for b in plain.blocks] == ["heading", "heading", "paragraph"]  # the last two joined as one
    starts = [text.index(p) for p in ("Will", "The point", "and the rest")]
    hinted = parse_text(text, [Hint(s, text.index("\n", s), "paragraph") for s in starts])
    assert [(b.kind, text[b.start:b.end]) for b in hinted.blocks] == [
        ("heading", "Pay"), ("paragraph", "Will the Minister give way?"), ("paragraph", "The point is that the"),
        ("paragraph", "and the rest follows.")]
    assert all(b.section == ("Pay",) for b in hinted.blocks[1:])


def test_members_tagged_with_the_parties_of_other_westminster_parliaments_open_their_turns() -> None:
    """New Zealand's select committees tag a member "Name (ACT):" or "Name (Te Pāti Māori):", Canada's "(NDP)", Ireland's
    "(Fianna Fáil)": each opens the member's turn, with the party as the tag's note; the witness before keeps only her
    own words. (Fictional names.)"""
    text = ("Chairperson: Thank you. Questions from members.\n\n"
            "Mrs Hōhepa: We plant pine as a nurse crop and take it out in stages.\n\n"
            "Rāwiri Heke (Te Pāti Māori): Kia ora. Te Pāti Māori backs your call on clause 17.\n\n"
            "Priya Raman-Hale (ACT): A right to be heard on every harvest plan adds another layer of consenting.\n\n"
            "Claire Dubois (NDP): We support the amendment.\n\n"
            "Seán Ó Briain (Fianna Fáil): I support Head 11.\n")
    st = parse_text(text)
    turns = {b.speaker: (b.speaker_note, st.view(b).text) for b in st.blocks if b.speaker}
    assert turns["Rāwiri Heke"][0] == "Te Pāti Māori", turns
    assert turns["Priya Raman-Hale"][0] == "ACT", turns
    assert turns["Claire Dubois"][0] == "NDP", turns
    assert turns["Seán Ó Briain"][0] == "Fianna Fáil", turns
    assert "backs your call" not in turns["Mrs Hōhepa"][1], turns
