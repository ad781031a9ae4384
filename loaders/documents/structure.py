"""Document structure: the text cut into headings, paragraphs, bullets, table rows and speaker turns.

Everything here is offsets into the Document text, so a passage quoted from any block is
exactly ``text[start:end]``. Blocks keep their content as *segments* (spans without bullet
markers, speaker labels, stray HTML tags, or the running heads and footnotes a PDF put in the
middle of a paragraph); a :class:`View` joins segments into one string for matching and maps
positions in it back to document spans.

It reads what the corpus and its genre use:

- headings: Markdown ``#``, RST/setext underlines, reader hints (HTML ``<h2>``, Word
  "Heading 2"), numbered (``1. Pay``, ``3 Barriers``, ``2.1 Scope``) and plain short lines
  standing alone between blank lines;
- bullets (``-``, ``*``, ``•``, ``1.``, ``a)``, ``(i)``), with the lead-in sentence that
  introduces them (a paragraph ending in a colon);
- table rows: cells joined by tabs (a text extraction) or pipes (Markdown);
- speaker turns: ``**Name**: text``, ``NAME: text``, ``Mr Smith: text``, Hansard speaker
  lines ``Jane Smith (Barchester) (Lab)``; a turn runs until the next speaker or heading;
- noise: tables of contents, page numbers, running heads, footnotes, rules.

>>> doc = parse_text("Pay\\n\\nProviders argue that pay must rise.\\n\\nThey said:\\n\\n- more staff\\n- better training\\n")
>>> [(b.kind, b.section) for b in doc.blocks]
[('heading', ()), ('paragraph', ('Pay',)), ('paragraph', ('Pay',)), ('bullet', ('Pay',)), ('bullet', ('Pay',))]
>>> doc.blocks[3].lead_in, doc.view(doc.blocks[3]).text
(2, 'more staff')
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .parties import PARTY_TAG
from .reader import Hint

Span = tuple[int, int]

_UNDERLINE = re.compile(r"^([=\-~^*+#:._`'\"])\1{2,}\s*$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)(?:[-*•–·▪◦‣●■□➢►\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8]|o(?=\s+[A-Z])|\(?[a-hj-z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)|\d{1,2}[.)](?!\d))\s+(?=\S)")
_NUMBERED = re.compile(r"^\s*(\d{1,2})(?:\.(\d{1,2}))?(?:[.)]\s+|\s+(?=[A-Z]))")
_MD_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_RULE_ROW = re.compile(r"^\s*\|?[\s:|-]+\|[\s:|-]*$")
_SPEAKER_BOLD = re.compile(r"^\s*\*\*([^*\n]{1,80}?)\*\*\s*:?\s*(?:\*\*)?\s*:?\s*")
_TITLES = (r"(?:Mr\.?|Mrs\.?|Ms\.?|Miss|Mx|Dr\.?|Professor|Prof\.?|Sir|Dame|Lord|Lady|Baroness|Baron|Rt\.? Hon\.?|The Rt\.? Hon\.?|Hon\.?|"
           r"Deputy|Senator|MPP|MHA|MNA|Minister(?:\s+of\s+State)?|Tánaiste|Taoiseach|An\s+(?:Leas-)?Cheann\s+Comhairle|An\s+(?:Leas-)?Chathaoirleach|"
           r"Councillor|Cllr|Judge|Justice|Reverend|Rev\.?|Father|Reeve|Deputy\s+Reeve|Mayor|Deputy\s+Mayor|Warden|Elder|"
           r"(?:Grand\s+)?Chief(?!\s+(?:Executive|Officer|Operating|Financial|Medical|Scientific|Nursing|Technology|Information)\b)|"
           r"(?:The\s+|Deputy\s+)?Chairperson|Chair|Chairman|Chairwoman|The Chair|The Chairman|"
           r"Madam Deputy Speaker|Mr Speaker|Madam Speaker|Mr Deputy Speaker|The Speaker|The Minister|The Secretary of State|"
           r"The Prime Minister|The Deputy Prime Minister|The Solicitor General|The Attorney General)")
_TITLED_TAG = (r"^\s*(" + _TITLES + r"(?:\s+(?:for|of|at)\s+(?:the\s+)?[A-Z][\w’',&-]*(?:\s+(?:and|of|the|for|at|[A-Z][\w’',&-]*))*)?"
               r"(?:\s+[A-Z][\w’'.-]*){0,4})\s*(\([^()\n]{2,120}\))?\s*(\([^()\n]{1,40}\))?\s*:")
_SPEAKER_TITLED = re.compile(_TITLED_TAG + r"\s+(?=\S)")
_SPEAKER_CAPS = re.compile(r"^\s*((?:[A-Z][A-Z’'.-]+)(?:\s+[A-Z][A-Z’'.-]+){0,4})\s*:\s+(?=\S)")
#: an untitled name as a speaker tag ("Martin Dale: ..."): a turn only where the same tag opens other lines too
_SPEAKER_NAME = re.compile(r"^\s*((?:[A-Z][a-z’'-]+(?:-[A-Z][a-z’']+)?|[A-Z]\.)(?:\s+(?:[A-Z][\w’'-]+|de|van|von|du|da|del|al|bin|ap)){1,3})"
                           r"\s*:\s+(?=\S)")  # ("Marie-Claude Ouellet: ...")
#: (an initial and a surname, as British Columbia's Hansard tags a speaker: "G. Feddersen: ...")
#: the same tag alone on its line, over the turn it opens ("Gareth Pilling:" over "Good morning. ..."), as Hansard prints a
#: Public Bill Committee's oral evidence
_NAME_ALONE = re.compile(r"^\s*([A-Z][a-z’'-]+(?:\s+(?:[A-Z][\w’'-]+|de|van|von|du|da|del|al|bin|ap)){1,3})\s*:\s*$")
#: a numbered question's number alone on its line ("Q12"), over the member's tag
_QUESTION_ALONE = re.compile(r"^\s*Qq?\s?\d{1,4}\s*$")
#: words that make a recurring "Xxx Yyy:" line a label, not a speaker's name
_NOT_NAME = re.compile(r"\b(?:Response|Responses|Comment|Comments|Question|Questions|Answer|Answers|Note|Notes|Recommendation|"
                       r"Conclusion|Finding|Findings|Table|Figure|Box|Source|Sources|Key|Summary|Action|Actions|Example|Case|"
                       r"Study|Option|Options|Proposal|Evidence|Issue|Issues|Theme|Themes|Outcome|Status|Decision|Date|Time|"
                       r"Location|Venue|Subject|Title|Reference|Priority|Risk|Step|Stage|Phase|Part|Section|Chapter|Annex|"
                       r"Appendix|Agenda|Item|Minutes|Present|Apologies|Attendees|Members|Witnesses|Panel|Ordered|Published)\b")
#: a US congressional transcript's tag as the GPO prints it, opening an indented paragraph: "The Chairman. Thank you.",
#: "Senator Marquardt. ...", "Mr. Brekke. ...", "Ms. Sato-Greer. ..." (a turn where the document has several)
_SPEAKER_GPO = re.compile(
    r"^\s*((?:The\s+)?(?:Chairman|Chairwoman|Chair|Acting\s+Chair(?:man|woman)?|Vice\s+Chair(?:man|woman)?|Ranking\s+Member|"
    r"Clerk|Speaker|Presiding\s+Officer)|(?:Chairman|Chairwoman|Senator|Representative|Delegate|Mr|Mrs|Ms|Miss|Dr|Governor|"
    r"Secretary|Administrator|Commissioner|Judge|General|Admiral)\.?\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+(?:\s+(?:de|van|von|del|"
    r"la|[A-Z][\w'’-]+))?)\.\s+(?=[A-Z\[\"“'(])")
#: "Q12 " before an evidence session's speaker tag: the turn is a committee member's numbered question
_QUESTION_NO = re.compile(r"^\s*Qq?\s?\d{1,4}\s+(?=[A-Z])")
#: a witness examination's "Q. " and "A. " lines (the examiner's question, the witness's answer)
_QA = re.compile(r"^\s*([QA])[.:]\s+(?=\S)")
_ROMAN = re.compile(r"^[IVXLC]+$")
_HANSARD_LINE = re.compile(
    r"^\s*((?:The\s+)?[A-Z][\w’'.-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'.-]*)){0,12})\s*\(([^()\n]{2,80})\)\s*"
    r"(?:\(([^()\n]{1,40})\))?\s*:?\s*$")
#: the same tag opening a paragraph, as the Scottish Parliament's Official Report prints it: "Name (Place) (SNP): text"
_INLINE_TAG = (r"^\s*((?:The\s+)?[A-ZÀ-ÖØ-Þ][\w’'.-]*(?:\s+(?:of|for|and|the|[A-ZÀ-ÖØ-Þ][\w’',.-]*)){0,12})\s*\(([^()\n]{2,120})\)\s*"
               r"(?:\(([^()\n]{1,40})\))?\s*:")
_SPEAKER_INLINE = re.compile(_INLINE_TAG + r"\s+(?=\S)")
#: a witness's first tag with their post and body after commas, as the Senate of Canada's Evidence prints it: "Tomas
#: Lindgren, Vice-President, Policy, Grain Growers Council of Canada: Thank you ..." (the note: "Vice-President, Policy,
#: Grain Growers Council of Canada")
_SPEAKER_POSTED = re.compile(r"^\s*((?:(?:Mr|Mrs|Ms|Dr|Chief|Grand\s+Chief|Mayor|Reeve|Professor)\.?\s+)?[A-Z][a-z’'-]+(?:\s+(?:[A-Z][\w’'-]+|de|"
                             r"van|von|du|da|del|al|le|la)){1,3}),\s+([A-Z][\w’'&.-]*(?:[ -](?:[A-Z][\w’'&.-]*|of|for|and|the|on|in|"
                             r"de|du|des|la|le|et|&))*(?:,\s+(?:[A-Z][\w’'&.-]*(?:[ -](?:[A-Z][\w’'&.-]*|of|for|and|the|on|in|de|du|"
                             r"des|la|le|et|&))*|as\s+an\s+individual)){0,4})\s*:\s+(?=\S)")
#: the words of a post that open such a note ("Vice-President", "Senior Policy Adviser", "Chair", "Professor")
_POST_WORD = re.compile(r"\b(?:President|Director|Chair|Chairperson|Chief|Officer|Manager|Professor|Minister|Secretary|Head|Mayor|"
                        r"Reeve|Councillor|Counsel|Coordinator|Co-ordinator|Analyst|Economist|Researcher|Spokesperson|"
                        r"Representative|Adviser|Advisor|Lead|Founder|Partner|Commissioner|Inspector|Superintendent|Engineer|"
                        r"Scientist|Lawyer|Advocate|Executive|Administrator|Treasurer|Governor|Fellow|Trustee|Owner|Farmer)\b")
#: the same tags on a line of their own, over the turn they open, as ourcommons.ca's Evidence prints them:
#: "The Chair (Mr. Gilles Arseneault):", "Mr. Douglas Pruett (President and Chief Executive Officer, Canadian Federation of
#: Freight Railways):"
_TITLED_LINE = re.compile(_TITLED_TAG + r"\s*$")
_INLINE_LINE = re.compile(_INLINE_TAG + r"\s*$")
_TOC_LINE = re.compile(r"^.{2,120}?(?:\t+|\s{3,}|\.{3,}\s*|…+\s*)\d{1,4}\s*$")
_PAGE_NO = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.I)
_TIME_MARK = re.compile(r"^\s*[*_(]*\s*\(?\d{1,2}[.:]\d{2}\s*(?:am|pm)?\)?\s*[*_)]*\s*$", re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_FOOTNOTE = re.compile(r"(?:\bAccessed\s+\d|\[para|^(?:\d{1,3}\s+)?Qq?\d+[-–\d;, ]*\[|^(?-i:[A-Z]{2,5}) ?\d{3,4}\b|\((?-i:[A-Z]{2,5})\d{3,4}\)|"
                       r"\bibid\b|\bop\.? cit\b|https?://|www\.)", re.I)
_FOOTNOTE_START = re.compile(r"^\[\d{1,3}\]\s+\S|^\d{1,3}\s+(?!(?:per ?cent|%|million|billion|years?|months?|weeks?|days?|people|of)\b)\S")
_TERMINAL = re.compile(r"[.!?:;\"”’)\]]\s*$")
_TOP_WORDS = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?\s+)?(?:introduction|summary|executive summary|approach|method(?:s|ology)?|background|"
                        r"conclusions?(?: and recommendations)?|recommendations|annex(?:es)?\b.*|appendix\b.*|appendices|"
                        r"references|bibliography|contents|table of contents|foreword|preface|glossary|formal minutes|"
                        r"witnesses|published written evidence|acknowledgements?|about (?:this|the) report|our inquiry|"
                        r"key findings|findings|next steps|overview|context)\s*$", re.I)
_FUNCTION_WORDS = {"the", "a", "an", "of", "to", "and", "or", "in", "for", "with", "by", "that", "on", "from", "as", "is",
                   "are", "was", "were", "be", "this", "their", "its", "our", "his", "her", "at", "which", "who", "not",
                   "but", "than", "into", "has", "have", "had", "will", "would", "should", "could", "can", "may", "must",
                   "every", "each", "any", "all", "no", "per", "such", "both", "either", "neither", "whose", "whom", "your",
                   "my", "these", "those", "between", "about", "under", "over", "through", "across", "after", "before"}
_ABBREV = {"mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "v", "etc", "eg", "e.g", "ie", "i.e", "cf", "al", "rt", "hon",
           "co", "ltd", "inc", "para", "paras", "p", "pp", "fig", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
           "sep", "sept", "oct", "nov", "dec", "approx", "cllr", "rev", "gen", "sr", "jr", "op", "cit", "ibid", "art",
           "sec", "ch", "viz", "est", "dept", "govt", "c", "ca", "incl", "q", "qq",
           "s", "h.r", "h.res", "s.res", "u.s"}  # a US bill's number: "S. 2207", "H.R. 1234"
#: a sentence ends before a capital, a digit, a bullet, or a name written in camel case ("techUK", "eBay", "iPhone")
_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?:\d{1,3}(?=\s+(?:[A-Z]|[a-z]{1,4}[A-Z])))?(?=\s+[\"'“‘(\[]?(?:[A-Z0-9•\-–]|[a-z]{1,4}[A-Z]))|"
                       r"[.!?]+[\"'”’)\]]*\d{0,3}\s*$")
_TRANSLATE = str.maketrans({"\n": " ", "\t": " ", "\r": " ", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                            "\u00a0": " ", "\u2013": "-", "\u2014": "-"})


@dataclass
class Block:
    """A unit of document structure; all positions are offsets into the document text."""

    index: int
    kind: str  # heading, paragraph, bullet, row, quote, toc, noise, footnote, direction (a witness sworn, "Questions by")
    start: int
    end: int
    segments: list[Span] = field(default_factory=list)
    level: int = 0  # heading level, 1 outermost
    cells: list[list[Span]] = field(default_factory=list)  # row cells, each a list of segments
    section: tuple[str, ...] = ()
    lead_in: int | None = None  # the block whose last sentence introduces this one
    speaker: str | None = None  # the speaker of the turn this block belongs to
    speaker_span: Span | None = None
    speaker_note: str | None = None  # constituency and party of a Hansard speaker line, as written
    numbered: bool = False
    gap_before: bool = True  # a blank line (or the start) comes before it
    fixed: bool = False  # a paragraph by the reader's hint: never a heading, noise or continuation of another
    attribution: str | None = None  # a set-apart quotation's attribution line ("– participant, Northtown drop-in")
    question: bool = False  # a numbered question of an evidence session ("Q12 Mr Patel: ..."), or a "Q." line

    def __repr__(self) -> str:
        return f"Block({self.index}, {self.kind}, {self.start}:{self.end})"


@dataclass(frozen=True)
class View:
    """Segments of the document joined into one string; ``clean`` has quotes and whitespace unified (same length)."""

    raw: str
    clean: str
    pieces: tuple[tuple[int, int, int], ...]  # (view start, doc start, length)

    @property
    def text(self) -> str:
        return " ".join(self.raw.split())

    def spans(self, start: int, end: int) -> list[Span]:
        """Document spans covering view[start:end], split where segments join, trimmed of whitespace."""
        out: list[Span] = []
        for vstart, dstart, length in self.pieces:
            s, e = max(start, vstart), min(end, vstart + length)
            if s >= e:
                continue
            out.append((dstart + s - vstart, dstart + e - vstart))
        return out


@dataclass
class Structure:
    """The blocks of one document text."""

    text: str
    blocks: list[Block]

    def view(self, block: Block | Sequence[Span]) -> View:
        segments = block.segments if isinstance(block, Block) else block
        return make_view(self.text, segments)

    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    def heading_text(self, block: Block) -> str:
        return self.view(block).text


def make_view(text: str, segments: Iterable[Span]) -> View:
    raw_parts: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    pos = 0
    for a, b in segments:
        if b <= a:
            continue
        if raw_parts:
            raw_parts.append(" ")
            pos += 1
        raw_parts.append(text[a:b])
        pieces.append((pos, a, b - a))
        pos += b - a
    raw = "".join(raw_parts)
    return View(raw, raw.translate(_TRANSLATE), tuple(pieces))


def trim_spans(text: str, spans: Iterable[Span]) -> list[Span]:
    """Spans with surrounding whitespace removed; empty ones dropped."""
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


# --------------------------------------------------------------------------- sentences

def split_sentences(clean: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``clean[start:end]`` (view offsets), trimmed; abbreviations and initials do not end one."""
    end = len(clean) if end is None else end
    out: list[Span] = []
    s = start
    for m in _SENT_END.finditer(clean, start, end):
        dot = m.start()
        word_m = re.search(r"([A-Za-z][A-Za-z.]*)$", clean[max(s, dot - 12):dot])
        word = word_m.group(1).casefold().rstrip(".") if word_m else ""
        label = len(word) == 1 and re.search(r"\b(?:Option|Plan|Model|Scenario|Appendix|Annex|Part|Schedule|Phase|Group|Class|"
                                             r"Type|Grade|Category|Stage|Tier|Zone|Site|Block|Route|Area|Level)\s+[A-Z]$",
                                             clean[max(s, dot - 16):dot])
        if clean[dot] == "." and not label and (word in _ABBREV or (len(word) == 1 and word.isalpha())):
            if not (word == "etc" and re.match(r"\.\s+[A-Z]", clean[dot:dot + 3])) \
                    and not (word == "no" and clean[dot - 2:dot] == "No" and not re.match(r"\.\s*\d", clean[dot:dot + 4])):
                continue  # "No. 10" abbreviates; "No. The Association ..." answers
        if clean[dot] == "." and dot > 0 and clean[dot - 1].isdigit() and dot + 1 < end and clean[dot + 1].isdigit():
            continue
        e = m.end()
        out.append((s, e))
        s = e
    if s < end:
        out.append((s, end))
    result = []
    for a, b in _cap_lengths(out, clean):
        while a < b and clean[a].isspace():
            a += 1
        while b > a and clean[b - 1].isspace():
            b -= 1
        if b > a:
            result.append((a, b))
    return result


#: longest sentence handed on: a "sentence" past this (a text without full stops, a 5 MB line)
#: is cut at the last space before the limit, so that matching stays linear in the text length
MAX_SENTENCE = 1000


def _cap_lengths(spans: list[Span], clean: str) -> Iterable[Span]:
    for a, b in spans:
        while b - a > MAX_SENTENCE:
            cut = clean.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            cut = cut + 1 if cut > a else a + MAX_SENTENCE
            yield a, cut
            a = cut
        yield a, b


# --------------------------------------------------------------------------- parsing

@dataclass
class _Line:
    start: int
    end: int  # excluding the newline
    text: str


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


_LINE_NUMBER = re.compile(r"^\s{0,8}(\d{1,2})(?=\s|$)\s*")


def _strip_line_numbers(lines: list[_Line]) -> list[_Line]:
    """A transcript printed with its line numbers (1 to 25 on every page, as inquiry and court transcripts are) loses
    them, so that speaker tags and "Q." / "A." stand at the start of their lines again; other texts are unchanged."""
    filled = [ln for ln in lines if ln.text.strip()]
    found = (_LINE_NUMBER.match(ln.text) for ln in filled)
    numbers = [int(m.group(1)) for m in found if m and 1 <= int(m.group(1)) <= 30]
    if len(filled) < 20 or len(numbers) < 0.6 * len(filled):
        return lines
    steps = sum(1 for a, b in zip(numbers, numbers[1:]) if b == a + 1 or b == 1)
    if steps < 0.7 * (len(numbers) - 1):
        return lines
    out = []
    for ln in lines:
        m = _LINE_NUMBER.match(ln.text)
        if m and 1 <= int(m.group(1)) <= 30:
            ln = _Line(ln.start + m.end(), ln.end, ln.text[m.end():])
        elif _PAGE_NO.match(ln.text):  # the page's number under its 25 lines: a break the page joins over again
            ln = _Line(ln.end, ln.end, "")
        out.append(ln)
    return out


def _strip_tags(text: str, a: int, b: int) -> list[Span]:
    """Segments of text[a:b] without HTML tags (stray markup in text extractions)."""
    segs = []
    pos = a
    for m in _TAG.finditer(text, a, b):
        segs.append((pos, m.start()))
        pos = m.end()
    segs.append((pos, b))
    return trim_spans(text, segs)


def _speaker(line: _Line, names: frozenset[str] = frozenset(), fresh: bool = True) -> tuple[str, int, str | None] | None:
    """(speaker label, body offset within the line, note) for a speaker-turn line, else None. `names`: untitled
    name tags that open several lines of the document ("Martin Dale:"). A numbered question's tag ("Q12 Chair:")
    gives the note "question"; an examination's "Q. " and "A. " give the speakers "Q." and "A." (who they are is
    read from the witness and examiner lines, :func:`assign_speakers`). A congressional transcript's "Mr. Brekke."
    opens a turn only where it opens a paragraph (`fresh`: indented, or after a blank line) and is one of `names`."""
    t = line.text
    q = _QUESTION_NO.match(t)
    if q:
        inner = _speaker(_Line(line.start + q.end(), line.end, t[q.end():]), names)
        if inner is not None:
            return inner[0], q.end() + inner[1], "question"
    m = _SPEAKER_NAME.match(t) if re.match(r"\s*[QA]\.\s+[A-Z]", t) else None
    if m and m.group(1) in names:  # "A. Lindqvist:", an initialled tag, not an examination's answer
        return m.group(1), m.end(), None
    m = _QA.match(t)
    if m:
        return m.group(1) + ".", m.end(), None
    m = _SPEAKER_BOLD.match(t)
    if m and (":" in t[m.start(1):m.end()] or t[m.end(1):m.end()].strip("* ").startswith(":") or m.group(0).rstrip().endswith(":")):
        return m.group(1).strip().rstrip(":").strip(), m.end(), None
    m = _SPEAKER_TITLED.match(t)
    if m:
        name = m.group(1).strip()
        note = "|".join(g.strip("()") for g in (m.group(2), m.group(3)) if g) or None
        return name, m.end(), note
    m = _SPEAKER_INLINE.match(t)  # the Official Report: "Euan Drysdale (Ettrick Moor) (Con): I thank the ..."
    if m and (_hansard_tag(m.group(1), m.group(2), m.group(3)) or _witness_tag(m.group(1), m.group(2), m.group(3))):
        return m.group(1).strip(), m.end(), "|".join(g.strip() for g in (m.group(2), m.group(3)) if g)
    m = _SPEAKER_CAPS.match(t)
    if m and len(m.group(1)) >= 2 and m.group(1) not in ("NB", "PS", "Q", "A", "NOTE", "URL", "ISBN", "UK", "NHS", "RESOLVED",
                                                         "AGREED", "NOTED", "ACTION", "DECISION", "RECOMMENDATION") \
            and not _ROMAN.match(m.group(1)):
        return m.group(1).strip(), m.end(), None
    m = _SPEAKER_POSTED.match(t)
    if m and (_POST_WORD.search(m.group(2).split(",")[0]) or m.group(2).strip().casefold().endswith("as an individual")) \
            and not _NOT_NAME.search(m.group(1)):
        return m.group(1), m.end(), m.group(2)
    m = _SPEAKER_NAME.match(t)
    if m and m.group(1) in names:
        return m.group(1), m.end(), None
    m = _SPEAKER_GPO.match(t)
    if m and fresh and m.group(1) in names:
        return m.group(1), m.end(), None
    return None


def _fresh(lines: Sequence[_Line], i: int) -> bool:
    """Whether line `i` opens a paragraph: the first, after a blank line, or indented."""
    return i == 0 or not lines[i - 1].text.strip() or lines[i].text[:2] in ("  ", "\t")


def _name_tags(lines: Sequence[_Line]) -> frozenset[str]:
    """Untitled names that open two or more lines as a speaker tag ("Martin Dale: ..."; a witness's first tag with the
    body in brackets counts), or one after a question
    number ("Q7 Paul Brennan: ...") or just after a numbered question (the answer); and a congressional transcript's
    tags ("The Chairman.", "Mr. Brekke."), where at least three paragraphs of two speakers or more open with one."""
    seen: Counter[str] = Counter()
    gpo: Counter[str] = Counter()
    asked = False  # the line before was a numbered question: the answer's tag is a turn
    for i, ln in enumerate(lines):
        t = ln.text
        if not t.strip():
            continue
        g = _SPEAKER_GPO.match(t)
        if g and _fresh(lines, i):
            gpo[g.group(1)] += 1
        q = _QUESTION_NO.match(t)
        m = _SPEAKER_NAME.match(t[q.end():] if q else t)
        if m is None and i + 1 < len(lines) and lines[i + 1].text.strip():
            m = _NAME_ALONE.match(t)
        if m and not _NOT_NAME.search(m.group(1)):
            seen[m.group(1)] += 2 if q or asked else 1
        w = _SPEAKER_INLINE.match(t) or _INLINE_LINE.match(t)
        if w and _witness_tag(w.group(1), w.group(2), w.group(3)):  # "Hamish Laird (Inshore Fleet Association):" first,
            seen[w.group(1).strip()] += 1                             # "Hamish Laird:" after
        asked = bool(q) or _QUESTION_ALONE.match(t) is not None
    # (a name that tags one turn only, where a titled tag gives the same surname: "Marie-Claude Ouellet:" first, "Ms.
    # Ouellet:" after, as the Senate of Canada's Evidence tags a witness)
    # or where the text names that person with a title too ("Our last submitter appears as an individual, Mrs Joy Hemara")
    surnames = {m.group(1).split()[-1] for ln in lines if (m := _SPEAKER_TITLED.match(ln.text)) and len(m.group(1).split()) == 2}
    whole = "\n".join(ln.text for ln in lines)
    found = {name for name, k in seen.items() if k >= 2 or not _NOT_NAME.search(name) and (
        name.split()[-1] in surnames or
        re.search(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Chief|Mayor|Reeve)\.?\s+" + re.escape(name) + r"\b", whole) or
        _initialled_in(name, whole))}
    if sum(gpo.values()) >= 3 and len(gpo) >= 2:
        found |= set(gpo)
    return frozenset(found)


def _initialled_in(name: str, whole: str) -> bool:
    """Whether an initialled tag ("L. Hart", a member who speaks once) stands for a full name the document gives
    elsewhere ("Present: ... Lena Hart, MLA (Salt Bay, BC Green)"), as British Columbia's Hansard tags its members."""
    m = re.fullmatch(r"([A-Z])\.\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)", name)
    return m is not None and re.search(rf"\b{m.group(1)}[a-z]+(?:\s+[A-Z]\.)?\s+{re.escape(m.group(2))}\b", whole) is not None


_PARTICLES = frozenset({"ap", "ab", "de", "van", "von", "du", "da", "del", "al", "le", "la", "mac", "nic", "ní", "ó", "ua", "bin"})


def _bare_name(line: str) -> str | None:
    """A line that is only a person's name ("Tomos Pryce-Llewellyn", "Rhun ap Iorwerth", "Éamon Ó Cuív"), else None."""
    s = re.sub(r"\s+(?:MS|AS|AM|MSP|MLA|TD|MP)$", "", line.strip())  # "Tomos Pryce-Llewellyn MS": a member of the Senedd
    words = s.split()
    if not 2 <= len(words) <= 4 or s.isupper() or _NOT_NAME.search(s):
        return None
    for w in words:
        if w.casefold() in _PARTICLES:
            continue
        if not (w[:1].isupper() and all(c.isalpha() or c in "’'-." for c in w) and any(c.islower() for c in w)):
            return None
    return s


def _name_lines(lines: Sequence[_Line]) -> frozenset[str]:
    """Names standing alone on a line just above a turn's first line, as the Senedd's and other parliaments' records
    print a speaker ("Tomos Pryce-Llewellyn" over "Diolch, Dirprwy Lywydd. I move the motion ..."): each such name,
    where at least two names do it twice or more (one such line alone may be a heading)."""
    seen: Counter[str] = Counter()
    for i, ln in enumerate(lines):
        name = _bare_name(ln.text)
        if name is None or not _fresh(lines, i) or i + 1 >= len(lines):
            continue
        nxt = lines[i + 1].text
        if nxt.strip() and _bare_name(nxt) is None and not _TIME_MARK.match(nxt):
            seen[name] += 1
    return frozenset(seen) if sum(k >= 2 for k in seen.values()) >= 2 else frozenset()


def _hansard_tag(name: str, first: str, second: str | None) -> bool:
    """Whether 'name (first) (second)' is a member's tag: a party in the last brackets, or an office with the
    member's name in brackets ('The Minister for X (Jane Smith)')."""
    first, second = first.strip(), (second or "").strip()
    if second:
        return bool(PARTY_TAG.match(second))
    return bool(PARTY_TAG.match(first) or re.match(r"^[A-Z][a-z’'-]+(?: [A-Z][a-z’'.-]+)+$", first) and name.strip().startswith("The "))


#: a person's untitled name: "Fergus Mackinnon", "Mary-Jane O'Neill", "Eilidh Rennie-Scott"
_PERSON_NAME = re.compile(r"[A-Z][a-z’'-]+(?:\s+(?:Mac|Mc|O’|O')?[A-Z][a-z’'-]+){1,3}")


def _witness_tag(name: str, body: str, second: str | None) -> bool:
    """Whether 'name (body)' is a witness's tag, as the Official Report prints it the first time a witness speaks:
    "Fergus Mackinnon (Highland Estates Association): ..." (a person's name, then the body of several words or an
    acronym that they speak for)."""
    body = body.strip()
    return second is None and _PERSON_NAME.fullmatch(name.strip()) is not None and not _NOT_NAME.search(name) and \
        (re.fullmatch(r"[A-Z][\w’'&.-]*(?:\s+(?:of|for|and|the|on|in|[A-Z][\w’'&.,-]*)){1,10}", body) is not None
         or re.fullmatch(r"[A-Z]{2,8}", body) is not None)


def _hansard_line(line: _Line) -> tuple[str, str] | None:
    """A Hansard speaker line on its own: 'Jane Smith (Barchester) (Lab)' -> (name, note); and a titled tag or a
    witness's tag with its colon on a line of its own ('The Chair (Mr. Gilles Arseneault):', 'Mr. Douglas Pruett
    (President, Canadian Federation of Freight Railways):')."""
    m = _HANSARD_LINE.match(line.text)
    if m and _hansard_tag(m.group(1), m.group(2), m.group(3)):
        return m.group(1).strip(), "|".join(g.strip() for g in (m.group(2), m.group(3)) if g)
    m = _TITLED_LINE.match(line.text) or _INLINE_LINE.match(line.text)
    if m and (m.re is _TITLED_LINE or _hansard_tag(m.group(1), m.group(2), m.group(3)) or _witness_tag(m.group(1), m.group(2), m.group(3))):
        return m.group(1).strip(), "|".join(g.strip("() ") for g in (m.group(2), m.group(3)) if g)
    return None


def parse_text(text: str, hints: Sequence[Hint] = (), *, top_level: Callable[[str], bool] | None = None,
               soft_breaks: bool = False) -> Structure:
    """Cut a document text into blocks (see the module docstring).

    `soft_breaks` (PDF text, where paragraphs are not separated by blank lines): a line that ends a
    sentence and falls short of the usual line length ends its paragraph, and a short line without
    closing punctuation stands alone (a heading candidate).
    """
    lines = _strip_line_numbers(_lines(text))
    widths = sorted(len(ln.text.strip()) for ln in lines if len(ln.text.strip()) > 20)
    usual = widths[int(len(widths) * 0.75)] if widths else 80
    hint_at: dict[int, Hint] = {}
    for h in hints:
        hint_at.setdefault(h.start, h)
    speaker_hint = {h.start: h for h in hints if h.kind == "speaker"}
    names = _name_tags(lines)
    name_lines = _name_lines(lines)
    # a text written one paragraph per line (long lines, no blank lines between them): every line break ends one
    filled = [ln for ln in lines if ln.text.strip()]
    line_paragraphs = len(filled) >= 10 and len(lines) - len(filled) <= max(2, 0.05 * len(filled)) and not soft_breaks \
        and sum(len(ln.text.strip()) > 200 for ln in filled) >= 0.15 * len(filled)
    blocks: list[Block] = []
    rst_levels: list[str] = []
    cur: Block | None = None
    i = 0
    n = len(lines)

    def new(kind: str, start: int, end: int, segments: list[Span], **kw: object) -> Block:
        b = Block(len(blocks), kind, start, end, segments, **kw)  # type: ignore[arg-type]
        b.gap_before = start == 0 or text[:start].rstrip(" \t").endswith("\n\n") or not text[:start].strip()
        blocks.append(b)
        return b

    while i < n:
        ln = lines[i]
        stripped = ln.text.strip()
        if not stripped:
            cur = None
            i += 1
            continue
        hint = hint_at.get(ln.start) or hint_at.get(ln.start + len(ln.text) - len(ln.text.lstrip()))
        if hint is not None and hint.kind == "paragraph":
            cur = new("paragraph", ln.start, ln.end, _strip_tags(text, ln.start, ln.end), fixed=True)
            i += 1
            continue
        # RST overline + title + underline, or title + underline
        if _UNDERLINE.match(ln.text) and i + 2 < n and lines[i + 1].text.strip() and _UNDERLINE.match(lines[i + 2].text) \
                and lines[i + 2].text.strip()[0] == stripped[0]:
            key = "o" + stripped[0]
            if key not in rst_levels:
                rst_levels.append(key)
            t = lines[i + 1]
            new("heading", ln.start, lines[i + 2].end, trim_spans(text, [(t.start, t.end)]), level=rst_levels.index(key) + 1)
            cur = None
            i += 3
            continue
        if i + 1 < n and _UNDERLINE.match(lines[i + 1].text) and not _UNDERLINE.match(ln.text) \
                and len(lines[i + 1].text.strip()) >= max(3, int(len(stripped) * 0.6)) and (cur is None or cur.start == ln.start):
            key = lines[i + 1].text.strip()[0]
            if key not in rst_levels:
                rst_levels.append(key)
            new("heading", ln.start, lines[i + 1].end, trim_spans(text, [(ln.start, ln.end)]), level=rst_levels.index(key) + 1)
            cur = None
            i += 2
            continue
        if _UNDERLINE.match(ln.text) or set(stripped) <= set("-=_*~\t |:+"):
            new("noise", ln.start, ln.end, [])
            cur = None
            i += 1
            continue
        if hint is not None and hint.kind == "heading":
            new("heading", ln.start, ln.end, trim_spans(text, [(ln.start, ln.end)]), level=max(1, hint.level))
            cur = None
            i += 1
            continue
        m = _MD_HEADING.match(ln.text)
        if m:
            new("heading", ln.start, ln.end, trim_spans(text, [(ln.start + m.start(2), ln.start + m.end(2))]), level=len(m.group(1)))
            cur = None
            i += 1
            continue
        # table rows: tab-joined cells, or Markdown pipes
        if ("\t" in stripped and len([c for c in ln.text.split("\t") if c.strip()]) >= 2) or _MD_ROW.match(ln.text) \
                or (hint is not None and hint.kind == "row"):
            if _MD_RULE_ROW.match(ln.text):
                new("noise", ln.start, ln.end, [])
            else:
                sep = "\t" if "\t" in ln.text else "|"
                cells: list[list[Span]] = []
                pos = ln.start
                for part in ln.text.split(sep):
                    segs = _strip_tags(text, pos, pos + len(part))
                    if segs and not all(set(text[a:b]) <= set("-–— ") for a, b in segs):
                        cells.append(segs)
                    pos += len(part) + 1
                kind = "row"
                if _TOC_LINE.match(ln.text) and len(cells) == 2 and re.fullmatch(r"\d{1,4}", text[cells[1][0][0]:cells[1][-1][1]].strip()):
                    kind = "toc"
                elif not cells:
                    kind = "noise"
                new(kind, ln.start, ln.end, [s for c in cells for s in c], cells=cells)
            cur = None
            i += 1
            continue
        sp_hint = speaker_hint.get(ln.start)
        sp: tuple[str, int, str | None] | None = None
        if sp_hint is not None:
            label = text[sp_hint.start:sp_hint.end].strip().rstrip(":").strip("*").strip()
            sp = (label, sp_hint.end - ln.start, None)
        elif hint is None or hint.kind != "bullet":
            sp = _speaker(ln, names, _fresh(lines, i))
        if sp is not None:
            label, body, note = sp
            question = note == "question" or label == "Q."
            b = new("paragraph", ln.start, ln.end, _strip_tags(text, ln.start + body, ln.end),
                    speaker=label, speaker_span=(ln.start, ln.start + body),
                    speaker_note=None if note == "question" else note, question=question)
            b.speaker_span = trim_spans(text, [(ln.start, ln.start + body)])[0] if text[ln.start:ln.start + body].strip() else None
            cur = b
            i += 1
            continue
        if _WITNESS_LINE.match(stripped) or _EXAMINER_LINE.match(stripped) and len(stripped) < 160:
            new("direction", ln.start, ln.end, trim_spans(text, [(ln.start, ln.end)]))  # "MR X (sworn)", "Questions by Y"
            cur = None
            i += 1
            continue
        hl = _hansard_line(ln)
        alone = _NAME_ALONE.match(stripped) if hl is None else None
        if alone is not None and alone.group(1) in names:
            hl = (alone.group(1), "")  # "Gareth Pilling:" over the turn it opens
        bare = _bare_name(stripped) if hl is None and name_lines else None
        if bare is not None and bare in name_lines and _fresh(lines, i):
            hl = (bare, "")  # a bare name over the turn it opens ("Name MS": the name)
        if hl is not None:
            name, note = hl
            j = i - 1
            while j >= 0 and not lines[j].text.strip():
                j -= 1
            new("speaker", ln.start, ln.end, trim_spans(text, [(ln.start, ln.end)]), speaker=name, speaker_note=note or None,
                question=j >= 0 and _QUESTION_ALONE.match(lines[j].text) is not None)  # ("Q12" over a member's tag)
            cur = None
            i += 1
            continue
        bm = _BULLET.match(ln.text)
        if bm or (hint is not None and hint.kind == "bullet"):
            body = ln.start + (bm.end() if bm else 0)
            numbered = bool(bm and re.match(r"\s*\d", ln.text))
            cur = new("bullet", ln.start, ln.end, _strip_tags(text, body, ln.end), numbered=numbered)
            i += 1
            continue
        if cur is not None and cur.kind in ("paragraph", "bullet") and soft_breaks and i > 0:
            prev_line = lines[i - 1].text.strip()
            if (re.search(r"[.!?:][\"”’)]?\d{0,3}$", prev_line) and len(prev_line) < 0.85 * usual and stripped[:1].isupper()) \
                    or (len(prev_line) < 0.6 * usual and not re.search(r"[.,;:!?]$", prev_line) and stripped[:1].isupper()
                        and is_heading_like(prev_line) and len(text[cur.start:cur.end].strip()) == len(prev_line)):
                cur = None
        if cur is not None and cur.kind in ("paragraph", "bullet") and not line_paragraphs:
            cur.end = ln.end
            cur.segments.extend(_strip_tags(text, ln.start, ln.end))
            i += 1
            continue
        if _TOC_LINE.match(ln.text) and not re.search(r"[.!?]\s*\S", ln.text.strip()[:-4]):
            new("toc", ln.start, ln.end, trim_spans(text, [(ln.start, ln.end)]))
            cur = None
            i += 1
            continue
        cur = new("paragraph", ln.start, ln.end, _strip_tags(text, ln.start, ln.end))
        i += 1
    blocks = [b for b in blocks if b.segments or b.kind in ("noise", "toc")]
    for k, b in enumerate(blocks):
        b.index = k
    _mark_noise(text, blocks)
    blocks = _join_continuations(text, blocks)
    _classify_paragraphs(text, blocks, top_level)
    _link_lead_ins(text, blocks)
    _mark_attributed_quotes(text, blocks)
    assign_speakers(blocks, text)
    assign_sections(text, blocks)
    return Structure(text, blocks)


def _block_text(text: str, b: Block) -> str:
    return " ".join(text[a:c] for a, c in b.segments)


def _mark_noise(text: str, blocks: list[Block]) -> None:
    """Page numbers, time marks, running heads (a short line repeated 3+ times), footnotes."""
    singles = [b for b in blocks if b.kind == "paragraph" and "\n" not in text[b.start:b.end] and b.speaker is None]
    norm = Counter(re.sub(r"\d+", "", _block_text(text, b)).strip().casefold() for b in singles
                   if re.search(r"\d", _block_text(text, b)))
    # a page's running head as a PDF conversion lays it out ("Dunmere County Council      Harlow Moor: what we heard"),
    # the same line on three pages or more, digits or none
    laid_out = Counter(" ".join(text[b.start:b.end].split()).casefold() for b in singles
                       if re.search(r"\S\s{3,}\S", text[b.start:b.end].strip()))
    previous_number = False
    for b in blocks:
        if b.kind != "paragraph" or b.speaker is not None or b.fixed:
            previous_number = False
            continue
        if laid_out.get(" ".join(text[b.start:b.end].split()).casefold(), 0) >= 3 and len(text[b.start:b.end].strip()) < 160:
            b.kind = "noise"
            continue
        t = _block_text(text, b).strip()
        key = re.sub(r"\d+", "", t).strip().casefold()
        if _PAGE_NO.match(t) or _TIME_MARK.match(t) or re.fullmatch(r"[*_\[(]*\(?[^()\n]{0,40}\)?[*_\])]*", t) and t[:2] in ("*(", "(", "[") and t[-1:] in (")", "*", "]") and len(t) < 50:
            b.kind = "noise"
            previous_number = bool(_PAGE_NO.match(t))
            continue
        if "\n" not in text[b.start:b.end] and re.search(r"\d", t) and norm[key] >= 3 and len(t) < 80 and key:
            b.kind = "noise"
        elif _FOOTNOTE_START.match(t) and (_FOOTNOTE.search(t) or len(t) < 200 or re.search(r",\s+(?:\d{1,2}\s+\w+\s+)?(?:19|20)\d\d\b", t[:300])) \
                and not re.match(r"^\d{1,3}\.\s", t) \
                and not re.match(r"^\d{1,3}\s+[A-Z][\w ]{2,80}$", t):
            b.kind = "footnote"
        elif _FOOTNOTE.search(t[:60]) and len(t) < 400 and not t.endswith(":") and not _SECTION_OPENER.match(t):
            b.kind = "footnote"
        elif previous_number and len(t) < 600 and (_FOOTNOTE.search(t) or re.search(
                r",\s+(?:\d{1,2}\s+[A-Z][a-z]+\s+)(?:19|20)\d\d\b", t)):  # a note whose number stands on the line before
            b.kind = "footnote"
        elif _footnote_lines(text[b.start:b.end]):
            b.kind = "footnote"
        previous_number = False


def _footnote_lines(raw: str) -> bool:
    """A page's footnotes set as one block: two or more lines, each a note number and a short note, with
    numbers that rise ("24 Q9 [Gareth Pollock]" / "25 Recycling Operators' Association (BPT0011)").

    >>> _footnote_lines("24 Q9 [Gareth Pollock]\\n25 Recycling Operators' Association (BPT0011)")
    True
    >>> _footnote_lines("12 councils replied to the survey.\\n9 said they had no plan.")
    False
    """
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    if len(lines) < 2 or any(len(ln) > 160 for ln in lines):
        return False
    nums = [re.match(r"^(\d{1,3})\s+\S", ln) for ln in lines]
    if not all(nums):
        return False
    values = [int(m.group(1)) for m in nums if m]
    return all(b == a + 1 for a, b in zip(values, values[1:]))


def _join_continuations(text: str, blocks: list[Block]) -> list[Block]:
    """A paragraph broken by a page (running head, page number, footnotes between) is joined again."""
    out: list[Block] = []
    skipped: list[Block] = []
    for b in blocks:
        if b.kind in ("noise", "footnote", "toc"):
            skipped.append(b)
            continue
        prev = out[-1] if out else None
        if prev is not None and b.kind == "paragraph" and prev.kind in ("paragraph", "bullet") and b.speaker is None \
                and prev.segments and b.segments and not b.fixed:
            prev_text = text[prev.segments[-1][0]:prev.segments[-1][1]]
            first = text[b.segments[0][0]:b.segments[0][1]]
            last_word = prev_text.rsplit(None, 1)[-1].casefold() if prev_text.split() else ""
            if not _TERMINAL.search(prev_text) and (first[:1].islower() or last_word in _FUNCTION_WORDS) and len(skipped) <= 40:
                prev.segments.extend(b.segments)
                prev.end = b.end
                continue
        out.extend(skipped)
        skipped = []
        out.append(b)
    out.extend(skipped)
    out.sort(key=lambda b: b.start)
    for k, b in enumerate(out):
        b.index = k
    return out


def is_heading_like(t: str) -> bool:
    """A short standalone line that reads as a heading: capitalised, no sentence punctuation at its end."""
    words = t.split()
    if not (1 <= len(words) <= 14) or len(t) > 110 or len(t) < 2:
        return False
    body = re.sub(r"^\d+(?:\.\d+)*[.)]?\s+", "", t)
    if not body or not (body[0].isupper() or body[0].isdigit() or body[0] in "'\"‘“"):
        return False
    bare = t.rstrip("\"'”’)")
    if re.search(r"[.,;:]$", bare) or (bare.endswith("?") and len(words) > 12) or (bare != t and bare.endswith(("!", "?"))):
        return False
    if re.search(r"[.!?\"”’)]\d{1,3}$", t) or re.search(r"[.!?]\s+[A-Z]", body) or t.count("“") + t.count('"') == 1:
        return False
    if len(words) > 1 and words[-1].casefold() in _FUNCTION_WORDS:
        return False
    if sum(ch.isalpha() for ch in t) < max(2, len(t) // 3):
        return False
    if re.search(r"https?://|www\.|@\w|\.(?:com|uk|org)\b", t):
        return False
    if _PERSON_ENTRY.match(t):  # "Rhys Makinen, National Legislative Director": an entry in a list of witnesses
        return False
    return True


#: a person's name, a comma and their post: a list entry, not a heading
_PERSON_ENTRY = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Sir|Dame|Councillor|Cllr)\.?\s+)?[A-Z][a-z’'-]+"
                           r"(?:\s+(?:Mac|Mc|O’|O'|de|van|von|la|le)?[A-Z][\w’'-]+){1,3},\s+(?:[\w-]+\s+){0,4}?"
                           r"(?:Director|President|Vice-President|Officer|Professor|Chair|Chairman|Chairwoman|Mayor|Manager|"
                           r"Secretary|Executive|Adviser|Advisor|Head|Lead|Counsel|Analyst|Economist|Researcher|Coordinator|"
                           r"Co-ordinator|Founder|Partner|Trustee|Commissioner|Chief|Leader|Member|Councillor|Representative)\b")


#: a line that opens a party's part of a hearing: a heading however many parties it names
#: (also the heading of published written evidence, whose reference number "(KPP0040)" is not a footnote's)
_SECTION_OPENER = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?\s+)?(?i:(?:(?:oral|written|closing|opening|further|reply|supplementary)\s+)?"
                             r"(?:submissions?|statement|evidence|response|representations?|remarks|address)\s+"
                             r"(?:on\s+behalf\s+of|from|(?:submitted\s+)?by)\s+(?:the\s+)?|(?:(?:opening|prepared|joint)\s+)?"
                             r"(?:statement|testimony)\s+of\s+)[A-Z][^\n]{2,400}$")


#: a letter's salutation and its close
SALUTATION = re.compile(r"^\s*Dear\s+[A-Z][^\n]{0,120}[,:]\s*$")
_SIGN_OFF = re.compile(r"^\s*(?:Yours\s+(?:sincerely|faithfully|truly)|Sincerely(?:\s+yours)?|Respectfully(?:\s+(?:yours|submitted))?|"
                       r"(?:With\s+)?(?:kind|best|warm)\s+regards|Regards)\s*,?(?:\s+[A-Z][^\n]{0,120})?\s*$", re.I)


def in_capitals(text: str, least: int = 1) -> bool:
    """Whether a text is set in capitals ("STATEMENT OF HELEN MARCHETTI, Ph.D., SENIOR FELLOW"): nine letters in ten,
    of at least `least` letters."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= max(least, 1) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _classify_paragraphs(text: str, blocks: list[Block], top_level: Callable[[str], bool] | None) -> None:
    """Single-line paragraphs that look like headings become headings; levels for plain headings."""
    numbered_open = False
    for k, b in enumerate(blocks):
        if b.kind == "heading":
            if b.level == 1:
                numbered_open = False
            continue
        if b.kind == "bullet" and b.numbered:
            t = _block_text(text, b)
            full = text[b.start:b.end].strip()
            nxt_b = blocks[k + 1] if k + 1 < len(blocks) else None
            alone = (k == 0 or blocks[k - 1].kind != "bullet" or b.gap_before) and (
                nxt_b is None or nxt_b.kind != "bullet" or (nxt_b.gap_before and not nxt_b.numbered))
            if alone and is_heading_like(full) and len(t.split()) <= 12 and b.lead_in is None \
                    and not (k > 0 and _block_text(text, blocks[k - 1]).rstrip().endswith(":")):
                b.kind, b.segments = "heading", trim_spans(text, [(b.start, b.end)])
                b.level = 2
                numbered_open = True
            elif len(t) > 160 and not (k > 0 and _block_text(text, blocks[k - 1]).rstrip().endswith(":")) \
                    and not (k > 0 and blocks[k - 1].kind == "bullet" and not b.gap_before):
                b.kind = "paragraph"  # a numbered paragraph (committee reports)
            continue
        if b.kind != "paragraph" or b.speaker is not None or b.fixed:
            continue
        t = _block_text(text, b)
        if _SIGN_OFF.match(t):  # "Sincerely, Karl Dornbusch, President": a letter's close
            b.kind = "noise"
            continue
        nxt_text = _block_text(text, blocks[k + 1]) if k + 1 < len(blocks) else ""
        if SALUTATION.match(nxt_text) and len(b.segments) <= 4 and len(t) <= 200 \
                and not re.search(r"[.!?]", text[b.segments[0][0]:b.segments[0][1]]):
            b.kind, b.level = "heading", 2  # a letter's letterhead: the sender, above "Dear Chairman Ashby:"
            continue
        # (a congressional hearing's "STATEMENT OF X, ROLE, ORGANISATION, PLACE" is set in capitals over several lines)
        if (len(b.segments) == 1 or len(b.segments) <= 4 and in_capitals(t, least=8)) and _SECTION_OPENER.match(t.strip()) \
                and not re.search(r"[.,;:]$", t.strip()):
            b.kind, b.level = "heading", 2  # "Submissions on behalf of A and B by Ms Y KC", however long the list
            continue
        if len(b.segments) > 2 or not is_heading_like(t):
            continue
        prev = next((blocks[j] for j in range(k - 1, -1, -1) if blocks[j].kind not in ("noise", "footnote")), None)
        if prev is not None and prev.kind == "paragraph" and _block_text(text, prev).rstrip().endswith(":"):
            continue
        if k > 0 and blocks[k - 1].kind == "speaker":
            continue  # the first line of a turn ("Will the Member take an intervention?")
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if nxt is not None and nxt.kind == "paragraph" and nxt.segments and text[nxt.segments[0][0]].islower():
            continue
        if t.endswith("?") and nxt is None:
            continue
        b.kind = "heading"
        m = _NUMBERED.match(t)
        if (top_level and top_level(t)) or _TOP_WORDS.match(t):
            b.level = 1
            numbered_open = False
        elif m and m.group(2):
            b.level = 3
        elif m:
            b.level = 2
            numbered_open = True
        else:
            b.level = 3 if numbered_open else 2


def _link_lead_ins(text: str, blocks: list[Block]) -> None:
    """Bullets and rows under a paragraph ending in a colon take it as their lead-in; so does one quoted paragraph."""
    lead: int | None = None
    for k, b in enumerate(blocks):
        if b.kind in ("noise", "footnote", "toc"):
            continue
        if b.kind == "heading":
            lead = None
            continue
        if b.kind in ("bullet", "row"):
            b.lead_in = lead
            continue
        if b.kind == "paragraph":
            prev = next((blocks[j] for j in range(k - 1, -1, -1) if blocks[j].kind not in ("noise", "footnote")), None)
            opens_quoted = bool(b.segments) and text[b.segments[0][0]] in "\"“'‘"
            if lead is not None and prev is not None and prev.index == lead and (b.speaker is None \
                    and (not b.segments or not text[b.segments[0][0]].isupper() or opens_quoted or blocks[lead].speaker is None)
                    # in a speech, a paragraph in quotation marks after "It reads:" (a petition, a letter) is quoted too
                    or b.speaker is not None and b.speaker == blocks[lead].speaker and opens_quoted):
                if _is_quote_intro(_block_text(text, blocks[lead])):
                    b.kind = "quote"
                    b.lead_in = lead
                    lead = None
                    continue
            t = _block_text(text, b).rstrip()
            lead = b.index if t.endswith(":") else None
        elif b.kind == "speaker":
            lead = None


_CONTENTS = re.compile(r"^(?:table of\s+)?contents\s*$", re.I)
_ATTRIBUTION = re.compile(r"^\s*[-–—―]\s*(?P<who>[^.!?\n]{2,90})$")


def _mark_attributed_quotes(text: str, blocks: list[Block]) -> None:
    """A quotation set apart in quotation marks with a dash line under it ("“We can't get there without a car.”" /
    "– participant, Northtown drop-in") is a quote; the dash line is its attribution, not a bullet.

    >>> s = parse_text("Rural areas\\n\\nPeople told us the bus was too slow.\\n\\n“We can't get there.”\\n– participant, Northtown drop-in\\n")
    >>> [(b.kind, b.attribution) for b in s.blocks]
    [('heading', None), ('paragraph', None), ('quote', 'participant, Northtown drop-in'), ('noise', None)]
    """
    for k, b in enumerate(blocks[:-1]):
        if b.kind != "paragraph" or b.speaker is not None:
            continue
        body = _block_text(text, b).strip()
        nxt = blocks[k + 1]
        if not body or body[0] not in "“\"‘'" or not re.search(r"[”\"’']\d{0,2}$", body) or nxt.kind != "bullet":
            continue
        m = _ATTRIBUTION.match(text[nxt.start:nxt.end])
        if m is None:
            continue
        b.kind, b.attribution = "quote", " ".join(m.group("who").split())
        nxt.kind = "noise"


def _is_quote_intro(t: str) -> bool:
    """'X said:', 'pointed out that the:', 'told us:' introduce a block quote (a list lead-in does not count)."""
    last = t.rstrip()[-120:].casefold()
    return bool(re.search(r"\b(?:said|says|told us|stated|states|reads|read|wrote|writes|explained|argued|added|commented|noted|"
                          r"put it|observed|pointed out|warned|concluded|suggested|remarked|that(?: the)?|as follows)\s*:$", last))


#: a witness called: "MR DAVID OKAFOR (sworn)", "Dr Jane Roe (affirmed)"
_WITNESS_LINE = re.compile(r"^\s*(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,5})\s*\((?:[Ss]worn|[Aa]ffirmed|[Rr]ecalled|"
                           r"[Rr]e-sworn|[Oo]n (?:her|his|their) former (?:oath|affirmation)|SWORN|AFFIRMED|RECALLED)\)\s*$")
#: who asks the questions from here on: "Questions by MR LEE on behalf of ...", "Examination by Counsel to the Inquiry"
_EXAMINER_LINE = re.compile(r"^\s*(?:Further\s+|FURTHER\s+)?(?:Questions?|QUESTIONS?|Questioned|Examination|EXAMINATION|Examined|"
                            r"Cross-examination|CROSS-EXAMINATION|Cross-examined|Re-examination|RE-EXAMINATION|Re-examined)\s+"
                            r"(?:by|BY|from|FROM)\s+(?P<name>(?:[A-Z]{2,}|(?:the\s+)?(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Sir|Dame|"
                            r"Lord|Lady|Counsel|Chair|Chairman|Chairwoman)\b).*?)(?:\s*\(continued\))?\s*$")


def assign_speakers(blocks: list[Block], text: str = "") -> None:
    """A speaker turn (or a Hansard speaker line) runs until the next speaker or heading. In a witness examination
    a "Q." line is the current examiner's and an "A." line the current witness's: the witness is the one last called
    ("MR X (sworn)"), the examiner the one named by "Questions by ...", else whoever called the witness."""
    current: tuple[str, str | None, bool] | None = None  # the turn's speaker, their note, whether a question
    witness: str | None = None
    examiner: str | None = None
    for b in blocks:
        line = " ".join(_block_text(text, b).split()) if text and b.kind in ("heading", "paragraph", "direction") else ""
        if (m := _WITNESS_LINE.match(line)) is not None:
            witness = m.group("name")
            examiner = current[0] if current is not None else examiner  # who called the witness asks first
            current = None
            continue
        if (m := _EXAMINER_LINE.match(line)) is not None:
            examiner = re.sub(r"\s+on behalf of\b.*$", "", m.group("name"), flags=re.I).strip()
            current = None
            continue
        if b.kind == "heading":
            current = None
            continue
        if b.kind == "speaker":
            current = (b.speaker or "", b.speaker_note, b.question)
            continue
        if b.speaker in ("Q.", "A."):
            who = (examiner or "Examiner") if b.speaker == "Q." else witness
            b.speaker = who
            current = (who, None, b.question) if who else None
            continue
        if b.speaker is not None:
            current = (b.speaker, b.speaker_note, b.question)
            continue
        if current is not None and b.kind in ("paragraph", "bullet", "row", "quote"):
            b.speaker, b.speaker_note, b.question = current


def assign_sections(text: str, blocks: list[Block]) -> None:
    """Each block's heading path (the titles of the headings it sits under)."""
    stack: list[tuple[int, str]] = []
    for b in blocks:
        if b.kind == "heading":
            title = " ".join(_block_text(text, b).split())
            while stack and stack[-1][0] >= b.level:
                stack.pop()
            b.section = tuple(t for _, t in stack)
            if not _CONTENTS.match(title):  # the contents list holds no section of the body under it
                stack.append((b.level, title))
        else:
            b.section = tuple(t for _, t in stack)


def offsets_of(text: str, view: View, start: int, end: int) -> list[Span]:
    """Document spans for view[start:end], trimmed of whitespace (each satisfies text[a:b] == quote)."""
    return trim_spans(text, view.spans(start, end))


def line_of(text: str, offset: int) -> int:
    """1-based line number of a document offset."""
    return text.count("\n", 0, offset) + 1


def position_index(blocks: Sequence[Block]) -> Callable[[int], Block | None]:
    """A lookup from a document offset to the block containing it."""
    starts = [b.start for b in blocks]

    def find(offset: int) -> Block | None:
        k = bisect_right(starts, offset) - 1
        return blocks[k] if k >= 0 and blocks[k].start <= offset <= blocks[k].end else None

    return find
