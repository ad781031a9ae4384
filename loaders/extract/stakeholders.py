"""Stakeholders: who a noun phrase names, from the lexicons and from patterns.

:func:`resolve_holder` reads the subject of a cue ("A wide range of stakeholders", "Emma Carr, Big
Brother Watch,", "people who employed their own PAs", "techUK", "They") and answers a
:class:`Holder` (label, kind, aliases, groups it belongs to, quantifier) or a :class:`Reference`
the caller resolves from context (pronouns, "we", a bare quantifier such as "some", "supporters").

>>> from stancegraph.loaders.extract.lexicon import default_lexicon
>>> r = Resolver(default_lexicon())
>>> h = r.resolve("A wide range of stakeholders"); (h.label, h.quantifier)
('A wide range of stakeholders', 'a wide range of')
>>> r.resolve("provider representatives").label
'Providers'
>>> h = r.resolve("Emma Carr, Big Brother Watch"); (h.label, h.kind, h.member_of)
('Emma Carr', 'person', ('Big Brother Watch',))
>>> r.resolve("Ms Carr").label
'Emma Carr'
>>> r.resolve("They")
Reference(kind='previous', quantifier=None, side=None)
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field, replace

from .lexicon import Entry, Lexicon, norm_phrase

_TITLE = (r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Sir|Dame|Lord|Lady|Baroness|Baron|Rt Hon|The Rt Hon|Right Honourable|"
          r"Councillor|Cllr|Reverend|Rev|Judge|Justice|Chief Executive|Dame)")
_TITLE_RE = re.compile(rf"^(?:{_TITLE}\.?\s+)+", re.I)
_QUANT = re.compile(
    r"^(?P<q>a (?:very )?wide range of|a wide variety of|a (?:large |small |significant |substantial |growing )?number of|"
    r"the (?:vast )?majority of|a (?:small )?minority of|a handful of|a couple of|one or two|at least one|a few|"
    r"almost all|nearly all|virtually all|all|most|many|several|some|certain|various|numerous|few|other|both|"
    r"the remaining|a range of|a variety of|two|three|four|five|"
    r"(?:almost |nearly |over |more than |around |about |fewer than |less than )?(?:\w+|\d+) (?:in|out of) (?:ten|\d+))"
    r"\s+(?:of (?:the )?)?(?P<rest>.+)$", re.I)
_CANON_Q = (
    (re.compile(r"wide range|wide variety", re.I), "a wide range of"),
    (re.compile(r"number of|range of|variety of", re.I), "a number of"),
    (re.compile(r"majority", re.I), "the majority of"),
    (re.compile(r"minority", re.I), "a minority of"),
    (re.compile(r"^(?:a handful of|a couple of|one or two|a few|few|two|three)$", re.I), "a few"),
    (re.compile(r"at least one", re.I), "at least one"),
    (re.compile(r"^(?:almost all|nearly all|virtually all|all|both)$", re.I), "all"),
    (re.compile(r"^most$", re.I), "most"),
    (re.compile(r"^(?:many|numerous|four|five)$|\b(?:in|out of) (?:ten|\d+)$", re.I), "many"),
    (re.compile(r"^several$", re.I), "several"),
    (re.compile(r"^(?:some|certain|various|other|the remaining)$", re.I), "some"),
)
_PRONOUN = re.compile(r"^(?:they|these|those|he|she|this group|these groups|these stakeholders|these organisations|"
                      r"the former|the latter|such stakeholders|both groups)$", re.I)
_WE = re.compile(r"^(?:we|i|us|our clients|our client|our members|my clients|my client|our families|our client group|"
                 r"our organisations?|my organisation|the families (?:we|i) represent|those (?:we|i) represent|"
                 r"(?:our|my) (?:caucus|party|parliamentary party|group)|"
                 # a witness's own evidence: "Our survey found 34 percent was cut residue", "Our monitoring has found that ..."
                 r"(?:our|my) (?:own )?(?:surveys?|research|analysis|modell?ing|data|figures|studies|study|monitoring|records|"
                 r"audits?|polling|assessment|calculations|costings|sampling|inspections|testing|members['’] experience)|"
                 # a member speaking for their constituents: "People in my riding would welcome ..."
                 r"(?:the )?(?:people|residents|families|constituents|businesses|farmers|communities) (?:in|of|across) my "
                 r"(?:riding|constituency|area|community|ward|region|county|district|electorate|seat))$", re.I)
_BARE_Q = re.compile(r"^(?:some|many|most|several|a few|others|other|all|few|a number|one|a minority|the majority)$", re.I)
_SIDE = re.compile(r"^(?:the )?(?P<side>supporters|proponents|advocates|backers|champions|opponents|critics|sceptics|skeptics|"
                   r"detractors)(?: of (?P<of>.+))?$", re.I)
_LITERATURE = re.compile(
    r"^(?:(?:one|a|the|another|other|some|several|many|a few|at least one|a number of|most|recent|major|\w+ major)\s+)*"
    r"(?:(?:major|recent|academic|published|previous|national|international|research)\s+)?"
    r"(?:literature|evidence|research|studies|study|reports?|papers?|reviews?|analys[ie]s|evaluations?|publications|articles)$", re.I)
_PEOPLE_WHO = re.compile(r"^(?:people|those|individuals|persons|organisations|employers|groups|families|staff|workers|providers|"
                         r"carers|users|participants|stakeholders|respondents)\s+(?:who|that|with|from|in|working|drawing|using|"
                         r"living|receiving|providing|employing|representing)\b.+$", re.I)
_REPRESENTATIVES = re.compile(r"^(?:(?P<base>.+?)\s+(?:representatives|organisations|bodies|leaders|groups|sector|"
                              r"representative bodies|members)|representatives of (?P<base2>.+))$", re.I)
_POSSESSIVE = re.compile(r"^(?P<who>.+?)['’]s?\s+(?:own\s+)?(?:report|submission|written submission|evidence|written evidence|"
                         r"response|paper|study|review|analysis|strategy|view|position|survey|research|guidance|proposals?|"
                         r"manifesto|plan|statement)$", re.I)
_LEADING = re.compile(
    r"^(?:(?:and|but|however|also|so|yet|while|whilst|although|though|indeed|instead|similarly|likewise|moreover|further|"
    r"furthermore|finally|firstly|secondly|thirdly|lastly|in addition|in contrast|by contrast|conversely|for example|"
    r"for instance|thus|therefore|meanwhile|again|equally|notably|importantly|crucially|overall|in particular|"
    r"in general|generally|by comparison|on the other hand|at the same time|as a result|in turn|then|now|here|"
    r"as with [^,]+|like [^,]+|in (?:this|that) (?:context|respect|regard)|separately|specifically|in summary|"
    r"in short|in response|in reply|for their part|for its part|on this|on that|as|alongside [^,]+|together with [^,]+|"
    r"my lady|my lord|your ladyship|your lordship|madam|sir|chair|ladies and gentlemen)\s*,?\s+)+", re.I)
_TRAILING = re.compile(
    r"(?:\s+(?:have|has|had|would|will|also|both|all|each|generally|often|sometimes|typically|usually|frequently|"
    r"tended to|tend to|tends to|previously|did|do|does|did not|do not|does not|would not|could|may|might|can|"
    r"readily|fully|certainly|entirely|wholeheartedly|happily|gladly|really|simply|absolutely|genuinely|freely|"
    r"strongly|particularly|in particular|themselves|itself|therefore|clearly|repeatedly|consistently|further|"
    r"rightly|firmly|again|too|not|never|nevertheless|however|still|already|broadly|widely|largely|mostly|mainly|"
    r"overwhelmingly|specifically|explicitly|expressly|openly|publicly|privately|consistently|instead|then|now|"
    r"are|is|were|was|be|been|being|who|which|that|seem to|seemed to|appear to|appeared to|went on to|continue to|"
    r"continued to|came to|come to|went further and|all|universally|unanimously|collectively|jointly|"
    r"in their evidence|in its evidence|in evidence|in written evidence|in oral evidence|in their response|"
    r"in its response|in their submission|in its submission|in their view|in its view)|'(?:d|ll|ve|re))+$", re.I)  # ("We'd")
_ORG_WORDS = re.compile(
    r"\b(?:association|council|trust|foundation|forum|commission|office|institute|institution|university|college|campaign|"
    r"group|union|congress|confederation|federation|society|network|alliance|partnership|board|agency|department|ministry|"
    r"committee|company|corporation|ltd|limited|plc|inc|llp|llc|bank|fund|service|services|authority|council|centre|center|"
    r"party|movement|coalition|consortium|project|programme|organisation|organization|charity|watch|uk|nhs|government|"
    r"parliament|assembly|executive|inspectorate|regulator|tribunal|court|police|school|hospital|cooperative|co-operative|"
    r"club|league|chamber|guild|academy|observatory|lab|laboratory|unit|body|bodies|initiative)\b", re.I)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]{1,9}s?$")
_BRAND = re.compile(r"^[a-z]+[A-Z][A-Za-z]+$")  # techUK, eBay
#: a word of a person's name, accented letters too ("Rāwiri", "Hōhepa", "Ó Briain", "Bélanger")
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſ](?:[^\W\d_]|['’.-])+|van|von|de|der|den|da|du|le|la|Ó|Ní|Nic|Ua|d['’][A-Z][a-z]+|O['’][A-Z][a-z]+|"
                         r"Mc[A-Z][a-z]+|Mac[A-Z][a-z]+)$")
_CAP_SEQ = re.compile(r"^(?:the\s+)?(?:[A-Z0-9][\w'’&.-]*|of|for|and|the|in|on|&|de|du|van|von)(?:\s+(?:[A-Z0-9][\w'’&.-]*|of|for|and|the|in|on|&|de|du|van|von|-|to(?=\s+[A-Z])))*$")
_VERBISH = re.compile(r"\b(?:is|are|was|were|has|have|had|be|been|will|would|should|could|can|may|might|must|do|does|did|"
                      r"it|this|that|there|which|what|when|where|if|because|as|not)\b", re.I)
_DETERMINER_START = re.compile(r"^(?:this|that|these|those|it|its|the (?:issue|question|idea|use|need|extent|case|role|way|fact|"
                               r"impact|importance|approach|aim|goal|focus|scope|level)|an? (?:issue|question|idea|need|way))\b", re.I)


_NOT_HOLDER = re.compile(r"^(?:my lady|my lord|your ladyship|your lordship|madam|sir|ladies and gentlemen|"
                         r"(?:the )?(?:module|rule|paragraph|section|chapter|page|annex|appendix|item|schedule|part|article|"
                         r"clause|table|figure|box|question|issue|phase|stage|option|recommendation|conclusion)s? [\w.]+|"
                         # a survey table's scale read as a subject ("Agree  Neither  Disagree")
                         r"(?:(?:strongly|tend to)\s+)?(?:agree|disagree|neither|neutral|nor)(?:\s+(?:(?:strongly|tend to)\s+)?"
                         r"(?:agree|disagree|neither|neutral|nor))+|"
                         # the text under debate, not an actor: "the Bill says nothing about what he is owed"
                         r"(?:the |this )?(?:bill|act|draft bill|motion|amendment|new clause|clause)s?)$", re.I)
_PLACES = {"england", "wales", "scotland", "northern", "ireland", "uk", "britain", "great", "london", "europe", "eu", "us",
           "america", "united", "kingdom", "states", "and", "the", "of"}


_NOT_NAMES = {"you", "we", "he", "she", "they", "them", "his", "her", "our", "your", "their", "this", "that", "these", "those", "there", "they", "it", "its", "some", "many", "most", "all", "others", "other",
              "here", "such", "each", "both", "one", "none", "nobody", "everyone", "anyone", "someone", "what", "which", "who",
              "however", "although", "though", "while", "whilst", "moreover", "furthermore", "indeed", "also", "again",
              "further", "finally", "first", "firstly", "second", "secondly", "third", "lastly", "then", "now", "thus",
              "therefore", "yet", "still", "instead", "overall", "generally", "similarly", "likewise", "clearly", "evidence",
              "research", "data", "analysis", "government", "people", "everybody", "somebody", "nothing", "something",
              "witnesses", "respondents", "participants", "stakeholders", "members", "experts", "studies", "reports"}


@dataclass(frozen=True)
class Holder:
    """Who holds a position."""

    label: str
    kind: str = "group"
    aliases: tuple[str, ...] = ()
    member_of: tuple[str, ...] = ()  # labels of the groups or organisations it belongs to
    quantifier: str | None = None
    generic: bool = False  # an unnamed collective ("Some participants", "Workshop participants")
    member_kinds: tuple[tuple[str, str], ...] = ()  # kinds of the member_of labels where known
    attributes: tuple[tuple[str, str], ...] = ()  # what the text says of them: party, office, constituency


@dataclass(frozen=True)
class Reference:
    """A subject the caller resolves from context: a previous holder, the speaker, a bare quantifier, a side."""

    kind: str  # previous, we, quantity, side
    quantifier: str | None = None
    side: str | None = None  # support / oppose for "supporters" / "critics"


_ADVERB_Q = (
    (re.compile(r"\b(?:sometimes|occasionally|some|certain|in some|a degree)\b", re.I), "some"),
    (re.compile(r"\b(?:often|frequently|commonly|widely|many|much)\b", re.I), "many"),
    (re.compile(r"\b(?:a few|few|little|rarely|one or two|a handful|a couple)\b", re.I), "a few"),
    (re.compile(r"\bseveral\b", re.I), "several"),
    (re.compile(r"\bnumber of\b", re.I), "a number of"),
    (re.compile(r"\bminority\b", re.I), "a minority of"),
    (re.compile(r"\bnot universally\b", re.I), "some"),
)


def holder_quantifier(q: str | None) -> str | None:
    """The partitive quantifier a holder label takes from a quantifier phrase ('sometimes' -> 'some'); None for
    phrases that speak of the whole group ('broad agreement', 'no agreement', 'generally')."""
    if not q:
        return None
    if re.search(r"\b(?:agreement|consensus|broad|general|generally|widespread|overwhelming|universal|unanimous|all|"
                 r"most|majority|wide range|broadly|strongly|felt strongly|firmly|mixed|divided|tended|tend)\b", q, re.I) \
            and not re.search(r"not universally", q, re.I):
        return None
    for pattern, canon in _ADVERB_Q:
        if pattern.search(q):
            return canon
    return canonical_quantifier(q)


def canonical_quantifier(q: str) -> str:
    q = " ".join(q.casefold().split())
    for pattern, canon in _CANON_Q:
        if pattern.search(q):
            return canon
    return q


_VOCATIVE = re.compile(r"(?:^|,\s*)(?:my\s+lady|my\s+lord|your\s+ladyship|sir|madam|chair|(?:mr\.?|madam|mister)\s+(?:(?:assistant\s+)?"
                       r"deputy\s+|acting\s+)?(?:speaker|chair(?:man|woman)?|president))\s*,\s*", re.I)
_SIGNPOST = re.compile(r"^(?:(?:turning|moving|coming|returning)\b[^,]{0,80},\s*|as\s+(?:you(?:'ve|\s+have)|my\s+lady\s+has|"
                       r"your\s+ladyship\s+has)\s+heard\s*,\s*)+", re.I)

#: the House's way of naming a member before the name itself: "the noble Lord, Lord Giddens", "the right reverend
#: Prelate the Bishop of Oxford", "the noble Baroness, Lady Rock" (not "the hon. Member for X": its place is the name)
_ADDRESS_FORM = re.compile(r"^(?:[Tt]he|[Mm]y)\s+(?:right\s+)?(?:hon\.?|honourable|noble|learned|gallant|reverend|right\s+reverend|"
                           r"most\s+reverend)\s+(?:and\s+(?:learned|gallant|noble)\s+)?(?:Lord|Baroness|Lady|Prelate|"
                           r"Earl|Viscount|Countess|Duke|Marquess)\s*,?\s+(?=(?:the\s+)?[A-Z])")


#: a body named for a portfolio of several subjects: "Department of Infrastructure, Transport and Regional Development"
_PORTFOLIO = re.compile(r"^(?:[Tt]he\s+)?(?:Department|Ministry|Minister|Secretary\s+of\s+State|Office|Commission|Committee)\s+(?:of|for|on)\s+"
                        r"(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*(?:,\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)+,?\s+and\s+"
                        r"(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*$")


@lru_cache(maxsize=50_000)  # (a pure function of its text, called again and again on the same subjects)
def clean_subject(np: str) -> str:
    """Strip connectives before a subject and auxiliaries or adverbs after it."""
    np = " ".join(np.replace("\u2019", "'").split())
    np = re.sub(r"\s*\((?:the\s+)?[A-Z][\w' &-]{1,40}\)$", "", np)  # its short name: "X, Y and Z (the Department)"
    np = np.strip(" ,;:-\"'()")
    np = re.split(r",\s+(?:including|such as|notably|particularly|especially|mainly|mostly|many of them)\b", np, maxsplit=1)[0]
    np = re.sub(r"^(?:including|especially|particularly|notably)\s+", "", np, flags=re.I)
    # a speaker's lead-in: "Turning to my first topic, as you've heard, my Lady, the group" -> "the group"
    np = re.sub(r"^\(?\d{1,3}(?:\.\d{1,3}){0,3}[.)]?\s+(?=[A-Z])", "", np)  # a paragraph number: "5.4 The Action Group"
    np = _VOCATIVE.split(np)[-1]
    np = _SIGNPOST.sub("", np)
    np = re.sub(r"^(?:when|if|once|after|before|while|whilst|asked|questioned|pressed|challenged|in\s+(?:response|reply|answer)\s+to|"
                r"in\s+(?:its|their|his|her)\s+(?:written\s+|oral\s+)?(?:evidence|submission|response))\b[^,]{0,140},\s+(?=\S)", "", np,
                flags=re.I)  # "When asked about the cuts, the Minister": the Minister
    np = re.sub(r"^(?i:in|at|across|within|outside|for)\s+[A-Z][^,]{1,60},\s+(?=\S)", "", np)  # "In Stanmoor, the authority"
    np = re.sub(r"^(?:on|as\s+to|as\s+for|regarding|in\s+relation\s+to|with\s+regard\s+to|in\s+respect\s+of)\s+(?!behalf\b)"
                r"[^,]{1,60},\s+(?=\S)", "", np, flags=re.I)  # "On experts, the Action Group": the Action Group
    np = re.sub(r"^on\s+(?:clause|schedule|section|part|head)\s+\d{1,3}[A-Za-z]?\s+(?=(?:we|I)$)", "", np, flags=re.I)  # "On clause 17 we"
    np = re.sub(r"^for\s+(?:(?:that|this|these|those|the\s+same|similar|other|all\s+th\w+)\s+reasons?|now|once|the\s+record|"
                r"the\s+time\s+being|example|instance|(?:my|our|its|their)\s+(?:own\s+)?part),?\s+(?=\S)", "", np,
                flags=re.I)  # "For that reason we", "For my part, I": we, I
    np = _ADDRESS_FORM.sub("", np)
    np = re.sub(r"^(we|I)\s+(?:on|in)\s+(?:the\s+|this\s+)?[^,]{2,40}?(?:benches|party|group|side(?:\s+of\s+the\s+House)?|House|"
                r"Committee|Chamber)$", r"\1", np, flags=re.I)  # "We on the Government Benches": we
    np = _LEADING.sub("", np)
    prev = None
    while prev != np:
        prev = np
        np = _TRAILING.sub("", np).strip(" ,;:-")
    return np


def capitalise(label: str) -> str:
    return label[:1].upper() + label[1:] if label else label


#: a name the text itself shows to be an organisation's: a company suffix, or ", which ... its"
_ORG_SHOWN = re.compile(r"(?P<name>(?:[A-Z][\w&'’-]+\s+){1,4}[A-Z][\w&'’-]+)(?:\s+(?:Ltd|Limited|plc|PLC|LLP|Inc)\b\.?|"
                        r",\s+which\s+[^.;]{0,80}?\bits\b)")
_SPELT_OUT = re.compile(r"(?P<name>(?:[A-Z][\w'’&.-]*\s+(?:(?:of|for|and|the|on|in|&)\s+){0,2}){1,8})\((?P<abbr>[A-Z][A-Za-z&]{1,9})\)")


#: names spelt out with an acronym that are not bodies that could hold a view
_NOT_BODY = re.compile(r"\b(?:Regulations?|Act|Directive|Bill|Strategy|Framework|Report|Plan|Programme|Scheme|Standards?|"
                       r"Index|Survey|Rate|Price|Tariff|Fund|Policy|Order|Code|System|Model|Protocol)$")


def _capitals(name: str) -> str:
    """The capital initials of a name's words ("British Grocers' Forum" -> "BGF")."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper())


def _initials_fit(abbr: str, name: str) -> bool:
    """Whether ABBR is made of the capitals of NAME's words, in order ("FPMA": Food Packaging Manufacturers' Association)."""
    initials = _capitals(name)
    caps = "".join(c for c in abbr if c.isupper())
    it = iter(initials)
    return len(caps) >= 2 and all(c in it for c in caps) and caps[0] == initials[:1]


@dataclass
class Resolver:
    """Resolves subject noun phrases to holders, remembering the people a document names (for 'Ms Carr')."""

    lexicon: Lexicon
    strand_noun: str = "stakeholders"
    strand_collective: str | None = None
    persons: dict[str, str] = field(default_factory=dict)  # surname or first name (casefolded) -> person label
    acronyms: dict[str, str] = field(default_factory=dict)  # "FPMA" -> the organisation the document spelt it out for
    organisations: dict[str, str] = field(default_factory=dict)  # names the text shows to be organisations'

    def learn_organisations(self, text: str) -> None:
        """Names the text shows to be organisations' ("Calder Thermoform Ltd", "Larkspur Supermarkets, which removed
        ... its range"), so that the bare name later is not read as a person's."""
        for m in _ORG_SHOWN.finditer(text):
            name = re.sub(r"^(?:The|A|An|In|By|And|But)\s+", "", " ".join(m.group("name").split()))
            if len(name.split()) >= 2 and not _TITLE_RE.match(name):
                self.organisations.setdefault(name, name)

    def learn_acronyms(self, text: str) -> None:
        """Every "Full Name (ABBR)" the text spells out, so that "the ABBR" later is that organisation."""
        for m in _SPELT_OUT.finditer(text):
            name, abbr = re.sub(r"['’]s?$", "", " ".join(m.group("name").split())), m.group("abbr")
            if abbr in self.acronyms:
                continue
            words = name.split()
            for k in range(len(words)):  # the longest tail it fits ("the FPMA and the British Grocers' Forum (BGF)")
                tail = " ".join(words[k:])
                if not words[k][:1].isupper() or not _initials_fit(abbr, tail) or _NOT_BODY.search(tail):
                    continue
                found = self._resolve_one(tail)
                if isinstance(found, Holder) and found.kind == "organisation" and _initials_fit(abbr, found.label):
                    self.acronyms[abbr] = found.label
                elif _capitals(tail) == abbr and len(words) - k >= 2:
                    self.acronyms[abbr] = tail  # a name spelt out letter for letter is an organisation's
                break

    def resolve(self, np: str) -> Holder | Reference | None:
        """A holder for a subject phrase, a Reference to resolve from context, or None (not a stakeholder)."""
        np = clean_subject(np)
        if not np or len(np) > 140 or _NOT_HOLDER.match(np):
            return None
        if _PRONOUN.match(np):
            return Reference("previous")
        if _WE.match(np):
            return Reference("we")
        if _BARE_Q.match(np):
            return Reference("quantity", quantifier=canonical_quantifier(np))
        m = _SIDE.match(np)
        if m:
            side = "oppose" if m.group("side").casefold() in ("opponents", "critics", "sceptics", "skeptics", "detractors") else "support"
            return Reference("side", side=side, quantifier=m.group("of"))
        abbr = re.search(r"\s\((?P<abbr>[A-Z][A-Za-z&]{1,9})\)?$", np)  # "the Food Packaging Association (FPMA)"
        np = re.sub(r"\s*\([^()]*(?:\)|$)", "", np).strip()
        if abbr is not None:
            found = self.resolve(np)
            if isinstance(found, Holder) and found.kind == "organisation" and _initials_fit(abbr.group("abbr"), found.label):
                self.acronyms[abbr.group("abbr")] = found.label
                return replace(found, aliases=tuple(dict.fromkeys((*found.aliases, abbr.group("abbr")))))
            return found
        if _PORTFOLIO.match(np):  # "the Department of Communications, Media and the Arts": one body, commas and all
            return Holder(re.sub(r"^the\s+", "", np, flags=re.I), "organisation")
        parts = [p.strip() for p in re.split(r",\s*", np) if p.strip()]
        if len(parts) > 1 and _NOT_HOLDER.match(parts[0]):
            return None  # "Option B, federation, was the most widely supported": the proposal, not a holder
        if len(parts) > 1:
            last = clean_subject(parts[-1])
            if _PRONOUN.match(last):
                return Reference("previous")
            if _WE.match(last):
                return Reference("we")
            head = self._resolve_one(parts[0])
            if isinstance(head, Holder) and head.kind == "person":
                org = self._affiliation(parts[1:])
                if org is not None:
                    return Holder(head.label, "person", head.aliases, (org,), head.quantifier,
                                  member_kinds=((org, "organisation"),))
                return head
            if head is not None:
                return head
            for part in parts[1:]:
                found = self._resolve_one(part)
                if found is not None:
                    return found
            return None
        return self._resolve_one(np)

    def _affiliation(self, parts: list[str]) -> str | None:
        for part in parts:
            typed = re.match(r"^(?:(?:of|from|at|with)\s+)?(?:the\s+|an?\s+)?(?:think[- ]tank|charity|company|campaign group|"
                             r"organisation|trade body|union|firm|consultancy)\s+(?=[A-Z])", part)
            part = re.sub(r"^(?:of|from|at)\s+(?:the\s+)?(?:think[- ]tank|charity|company|campaign group|organisation|"
                          r"trade body|union|firm|consultancy)?\s*", "", part, flags=re.I).strip()
            if typed and re.fullmatch(r"[A-Z][\w'’&.-]*", part):
                return part
            m = re.search(r"\b(?:at|of|for|from|representing)\s+(?:the\s+)?([A-Z][\w'’&.-]*(?:\s+(?:of|for|and|the|[A-Z][\w'’&.-]*))*)$", part)
            candidate = m.group(1) if m else part
            candidate = re.sub(r"^the\s+", "", candidate, flags=re.I).strip()
            if candidate in self.acronyms:
                return self.acronyms[candidate]
            entry = self.lexicon.lookup(candidate)
            if entry is not None and entry.kind == "organisation":
                return entry.label
            if _CAP_SEQ.match(candidate) and (_ORG_WORDS.search(candidate) or _ACRONYM.match(candidate) or len(candidate.split()) >= 2) \
                    and not _TITLE_RE.match(candidate) and not re.match(r"^(?:Professor|Director|Head|Chief|Senior|Research|"
                                                                        r"Teaching|Managing|Acting|Deputy|Chair)\b", candidate):
                return candidate
        return None

    def _resolve_one(self, np: str) -> Holder | Reference | None:
        np = clean_subject(np)
        if not np:
            return None
        bare = re.sub(r"^the\s+", "", np, flags=re.I)
        bare = re.sub(r"['’]s$", "", bare)
        if bare in self.acronyms:  # "the FPMA", once the document has spelt it out
            return Holder(self.acronyms[bare], "organisation", aliases=(bare,))
        if bare in self.organisations:
            return Holder(self.organisations[bare], "organisation")
        if _PRONOUN.match(np):
            return Reference("previous")
        if _WE.match(np):
            return Reference("we")
        m = _POSSESSIVE.match(np) or (None if ORG_END.search(np) else  # "the Inshore Fishermen's Alliance" is a name
                                      re.match(r"^(?P<who>(?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,5})['’]s\s+"
                                               r"(?:[A-Z][\w-]*\s*){1,5}$", np))
        if m:
            inner = self._resolve_one(m.group("who"))
            if isinstance(inner, Holder):
                return inner
        quant = None
        rest = np
        qm = _QUANT.match(np)
        if qm:
            quant = canonical_quantifier(qm.group("q"))
            rest = qm.group("rest")
        rest_norm = norm_phrase(rest)
        if _LITERATURE.match(rest_norm) or _LITERATURE.match(norm_phrase(np)):
            return Holder("The literature", "group", quantifier=quant or _lit_quant(np), generic=True)
        collective = self._collective(rest_norm, quant)
        if collective is not None:
            return collective
        entry = self.lexicon.lookup(rest)
        if entry is not None:
            return self._from_entry(entry, quant)
        rm = _REPRESENTATIVES.match(rest_norm)
        if rm:
            base = rm.group("base") or rm.group("base2") or ""
            entry = self.lexicon.lookup(base)
            if entry is not None and entry.kind == "group":
                return self._from_entry(entry, quant, alias=rest)
        pw = re.match(r"^(?:[a-z][\w'-]*\s+){0,2}?(?P<head>[a-z][\w'-]*)\s+(?:who|whose|that|with|from|in|at|on|of|across|based|"
                      r"working|drawing|using|living|receiving|providing|employing|representing|we|i)\b", rest_norm)
        if _PEOPLE_WHO.match(rest_norm) or (pw and pw.group("head") in self.lexicon.people_nouns):
            label = _people_label(rest)
            return Holder(capitalise(label), "group", quantifier=quant)
        person = self._person(rest)
        if person is not None:
            return person
        org = self._organisation(rest)
        if org is not None:
            return Holder(org, "organisation", quantifier=quant)
        words = rest_norm.split()
        if 1 <= len(words) <= 6 and words[-1] in self.lexicon.people_nouns and not _VERBISH.search(rest_norm) \
                and not _DETERMINER_START.match(rest_norm) and rest[:1].islower() | rest[:1].isupper():
            label = re.sub(r"^the\s+", "", rest.strip(), flags=re.I)
            return Holder(capitalise(label), "group", quantifier=quant)
        return None

    def _collective(self, rest_norm: str, quant: str | None) -> Holder | None:
        noun = re.sub(r"^the\s+", "", rest_norm)
        noun = re.sub(r"\s+(?:in|at|from|of|to|within|during|across) (?:the |our |these |those )?(?:workshops?|interviews?|events?|"
                      r"sessions?|survey|consultation|discussions?|groups?|roundtables?|inquiry|module|sector)\b.*$", "", noun)
        bases = ("workshop ", "survey ", "consultation ", "interview ", "focus group ", "event ", "roundtable ")
        qualifier = next((b for b in bases if noun.startswith(b)), "")
        core = noun[len(qualifier):]
        if core not in self.lexicon.collectives:
            return None
        group = self._collective_label(core, qualifier)
        if quant and quant not in ("all",):
            label = f"{capitalise(quant)} {core}"
            return Holder(label, "group", quantifier=quant, member_of=(group,) if group != label else (), generic=True)
        return Holder(group, "group", quantifier=quant, generic=True)

    def _collective_label(self, core: str, qualifier: str = "") -> str:
        if qualifier:
            return capitalise(f"{qualifier}{core}")
        if self.strand_collective and (core == self.strand_noun or core in ("participants", "attendees") and
                                       "participants" in self.strand_collective.casefold()):
            return self.strand_collective
        return capitalise(core)

    def collective(self, quantifier: str | None = None, noun: str | None = None) -> Holder:
        """The strand's collective (or 'Some participants' for a quantifier that picks out part of it)."""
        noun = noun or self.strand_noun
        group = self._collective_label(noun)
        q = holder_quantifier(quantifier)
        if q and q not in ("all", "most", "many", "the majority of", "a wide range of"):
            label = f"{'Other' if q in ('other', 'others') else capitalise(q)} {noun}"
            return Holder(label, "group", quantifier=q, member_of=(group,) if group != label else (), generic=True)
        return Holder(group, "group", quantifier=q, generic=True)

    def _from_entry(self, entry: Entry, quant: str | None, alias: str | None = None) -> Holder:
        aliases = (alias,) if alias and norm_phrase(alias) != norm_phrase(entry.label) else ()
        return Holder(entry.label, entry.kind, aliases, entry.member_of, quant,
                      member_kinds=tuple((m, self._kind_of(m)) for m in entry.member_of))

    def _kind_of(self, label: str) -> str:
        e = self.lexicon.lookup(label)
        return e.kind if e is not None else "group"

    def _person(self, np: str) -> Holder | None:
        np = np.strip()
        titled = bool(_TITLE_RE.match(np))
        bare = _TITLE_RE.sub("", np).strip()
        tokens = bare.split()
        if not tokens or not all(_NAME_TOKEN.match(t) for t in tokens) or len(tokens) > 5:
            return None
        if _ORG_WORDS.search(bare) and not titled:
            return None
        if not titled and (len(tokens) < 2 or len(tokens) > 3 or any(t.isupper() and len(t) > 1 for t in tokens)):
            return None
        if not titled and self.lexicon.lookup(bare) is not None:
            return None
        if len(tokens) == 1 or (titled and len(tokens) <= 2 and tokens[0].casefold() in ("van", "von", "de", "du", "le", "la")):
            key = " ".join(tokens).casefold()
            first_name_title = re.match(r"^(?:Sir|Dame|Lord|Lady)\b", np)
            known = self.persons.get(key) or (self.persons.get("first:" + key) if first_name_title else None)
            if known:
                return Holder(known, "person", aliases=(np,) if np != known else ())
            return Holder(np, "person")
        label = bare
        self.persons.setdefault(" ".join(tokens[1:]).casefold(), label)
        self.persons.setdefault(tokens[-1].casefold(), label)
        self.persons.setdefault("first:" + tokens[0].casefold(), label)
        return Holder(label, "person", aliases=(np,) if np != label else ())

    def _organisation(self, np: str) -> str | None:
        np = np.strip()
        core = re.sub(r"^the\s+", "", np, flags=re.I)
        if not core:
            return None
        if _ACRONYM.match(core) and core not in ("I", "A", "UK", "US", "EU", "UN"):
            return core
        if re.fullmatch(r"[A-Z][a-z]{2,}", core) and core.casefold() not in _NOT_NAMES and re.match(r"the\s", np, re.I):
            return core  # "the Treasury"; a bare capitalised word is too often a sentence opener
        if _BRAND.match(core):
            return core
        if _CAP_SEQ.match(core) and core[:1].isupper() and len(core.split()) <= 10:
            tokens = core.split()
            if any(t.isdigit() for t in tokens) or all(t.casefold() in _PLACES for t in tokens):
                return None
            if _ORG_WORDS.search(core) or len(tokens) >= 2:
                if tokens[-1].casefold() in ("of", "for", "and", "the", "in", "on"):
                    return None
                return core
        return None

    def register_person(self, label: str) -> None:
        tokens = _TITLE_RE.sub("", label).split()
        if len(tokens) >= 2:
            self.persons.setdefault(tokens[-1].casefold(), label)
            self.persons.setdefault(" ".join(tokens[1:]).casefold(), label)
            self.persons.setdefault("first:" + tokens[0].casefold(), label)

    def mentions(self, text: str) -> list[Holder]:
        """Lexicon stakeholders named anywhere in a text, in order, each once."""
        seen: set[str] = set()
        out = []
        for _a, _b, entry in self.lexicon.mentions(text):
            if entry.label not in seen:
                seen.add(entry.label)
                out.append(self._from_entry(entry, None))
        return out


def _lit_quant(np: str) -> str | None:
    m = re.match(r"^(one|a few|several|some|many|at least one|a number of|most)\b", np.strip(), re.I)
    return canonical_quantifier(m.group(1)) if m else None


def _people_label(phrase: str) -> str:
    """'people who employed their own PAs, who...' -> 'people who employed their own PAs' (one clause, at most 9 words)."""
    phrase = re.split(r",|;|\s+\(|\s+-\s+", phrase)[0]
    phrase = re.sub(r"\s+(?:(?:that|whom)\s+)?(?:we|I)\s+(?:spoke|talked)\s+(?:to|with)$|\s+(?:that|whom\s+)?(?:we|I)\s+"
                    r"(?:heard from|met|asked|interviewed|surveyed)$", "", phrase)
    words = phrase.split()
    return " ".join(words[:9])


#: a company's legal suffix: "Vale Water plc" is "Vale Water" in running text
COMPANY_SUFFIX = re.compile(r"\s+(?:plc|ltd|limited|llp|inc)\.?$", re.I)

#: last words that end an organisation's name, so that "X Union and Y" names two ("Fire and Rescue Authority" one)
ORG_END = re.compile(r"\b(?:association|council|trust|foundation|forum|commission|office|institute|institution|university|"
                      r"college|campaign|group|union|congress|confederation|federation|society|network|alliance|partnership|"
                      r"guild|chamber|club|league|fellowship|syndicate|co-?operative|collective|institution|"
                      r"board|agency|department|ministry|committee|company|corporation|ltd|limited|plc|inc|llp|bank|fund|"
                      r"authority|centre|center|party|movement|coalition|consortium|charity|watch|uk|nhs|government|parliament|"
                      r"assembly|executive|inspectorate|regulator|families|england|scotland|wales|ireland|cymru|justice|"
                      r"organisations?|groups|unions)['’]?s?$", re.I)


def split_organisations(text: str, resolver: Resolver) -> list[Holder]:
    """'National Care Forum, Homecare Association and Care England' -> three organisations.

    'National Association of Care and Support Workers' stays one (the lexicon knows it, or the
    'and' joins two halves that are not names on their own).
    """
    text = " ".join(text.split()).strip(" .,")
    whole = resolver.lexicon.lookup(text)
    if whole is not None:
        return [resolver._from_entry(whole, None)]
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|;\s*", text) if p.strip()]
    if len(parts) == 2 and ORG_END.search(parts[1]) and not ORG_END.search(parts[0]) and \
            resolver.lexicon.lookup(parts[0]) is None and re.fullmatch(r"(?:the\s+)?(?:[A-Z][\w'’-]*\s*)+", parts[0]):
        # "the Brackwater House Bereaved, Survivors and Residents Group": one name with a comma in it
        return [Holder(capitalise(re.sub(r"^the\s+", "", text, flags=re.I)), "organisation")]
    out: list[Holder] = []
    for part in parts:
        candidates = [part]
        if re.search(r"\s(?:and|&)\s", part) and resolver.lexicon.lookup(part) is None:
            halves = [h.strip() for h in re.split(r"\s+(?:and|&)\s+", part) if h.strip()]
            complete = [bool(ORG_END.search(h)) or resolver.lexicon.lookup(h) is not None for h in halves[:-1]]
            if all(resolver.lexicon.lookup(h) is not None for h in halves) or (
                    all(complete) and all(h[:1].isupper() or h.startswith("the ") for h in halves[1:])):
                candidates = halves  # "the Emergency Services Union and the Wardens' Network"; not "Fire and Rescue Authority"
        for c in candidates:
            c = re.sub(r"^the\s+", "", c, flags=re.I).strip()
            entry = resolver.lexicon.lookup(c)
            if entry is not None:
                out.append(resolver._from_entry(entry, None))
            elif c:
                found = resolver.resolve(c)
                if isinstance(found, Holder):
                    out.append(found if found.kind != "person" else Holder(found.label, "organisation"))
                else:
                    out.append(Holder(capitalise(c), "organisation"))
    return out
