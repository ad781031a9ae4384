"""Claims: the cue frames of a sentence, and the short proposition each one states.

A :class:`Frame` is one way a sentence states a position: an attribution ("Providers argue
that ..."), an impersonal report ("There was broad agreement about ...", "It is sometimes
argued that ..."), a passive ("... are not universally supported"), "According to X, ...",
"The aim of X is to ...", a nominal ("Proposals for X are ..."), or a bare modal ("The Inquiry
should ...", held by whoever speaks in context). Each frame carries the span of its subject
and of its claim(s) in the sentence, a polarity, and the rule id that fired.

>>> [(f.rule, f.polarity, f.subject, [f.claim_text(s) for s in f.claims])
...  for f in find_frames("A wide range of stakeholders argue that pay must improve.")]
[('attrib:argue', 'support', 'A wide range of stakeholders', ['Pay must improve'])]
>>> f = find_frames("Some participants queried whether funding would materialise or whether staff numbers would grow.")[0]
>>> f.polarity, [f.claim_text(s) for s in f.claims]
('doubt', ['Funding would materialise', 'Staff numbers would grow'])
>>> normalise_claim("It is necessary to improve pay and conditions for the workforce.")
'Improve pay and conditions for the workforce'
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
import threading

from .lexicon import Lexicon, default_lexicon

Span = tuple[int, int]


@dataclass
class Frame:
    rule: str
    polarity: str  # support, oppose, doubt, neutral
    sentence: str
    subject: str | None = None
    subject_span: Span | None = None
    claims: list[Span] = field(default_factory=list)
    quant_text: str = ""
    negated: bool = False
    contested: bool = False  # "no agreement about X": X becomes the paragraph's topic
    confidence: float = 0.7
    prefix: str = ""  # words put before the claim text ("the Inquiry should")
    start: int = 0  # where the frame's clause starts in the sentence
    as_is: bool = False  # "identify X as Y" states "X is Y"
    clause: bool = True  # the claim is a clause ("that ..."), not a bare noun phrase

    def claim_text(self, span: Span) -> str:
        text = self.sentence[span[0]:span[1]]
        if self.as_is:
            text = re.sub(r"\s+as\s+", " is ", text, count=1)
        return normalise_claim((self.prefix + " " if self.prefix else "") + text)


_ARTICLES = {"the", "a", "an", "their", "its", "his", "her", "our", "my", "your", "these", "those", "this"}
_HOMOGRAPHS = re.compile(r"^(?:call|calls|support|supports|demand|demands|claim|claims|view|views|concern|concerns|hope|hopes|"
                         r"wish|wishes|fear|fears|report|reports|question|questions|doubt|doubts|plan|plans|aim|aims|request|"
                         r"requests|back|backs|favour|favours|note|notes|state|states|find|finds|found|want|wants|ask|asks|"
                         r"advocate|advocates|champion|champions|challenge|challenges|welcome|stress|highlight|highlights|"
                         r"point|points|expect|reflect|describe|show|shows|add|adds|accept|agree|back|query|queries|"
                         r"indicate|explain|warn|warns|propose|suggest|recommend|invite|encourage|press|push|seek|"
                         r"call for|calls for|call on|calls on|ask for|asks for|press for|push for)\b", re.I)
_NOUN_BEFORE = {"the", "a", "an", "their", "its", "his", "her", "our", "my", "your", "these", "those", "this", "that", "of",
                "for", "to", "in", "with", "without", "strong", "broad", "general", "public", "widespread", "some", "no", "any",
                "such", "growing", "wide", "clear", "little", "much", "more", "less", "further", "renewed", "repeated", "many",
                "several", "other", "similar", "recent", "by", "on", "from", "whose", "which", "what", "is", "are", "was", "were",
                "be", "been", "being", "as", "and", "or"}
_MARKER_REQUIRED = {"emphasise", "believe", "expect"}
#: "want X done ...": the object and a past participle, whose "to" is a preposition ("companies held to account",
#: "the clause limited to strategic guidance")
_DONE_TO = re.compile(r"^(?P<np>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?P<pp>(?!need|feed|speed|seed|breed|proceed|exceed|succeed|"
                      r"indeed|shed|bed|red|bled)[a-z]{2,}ed|held|kept|set|made|paid|put|cut|given|taken|done|brought|left|"
                      r"shut|spent|built|sold|told|run|written|driven|frozen|chosen)\b")
_NP_OK_VERBS = re.compile(r"^(?:emphasi[sz]e[sd]?|stress(?:es|ed)?|highlight(?:s|ed)?|underline[sd]?|warn(?:s|ed)?|want(?:s|ed)?|"
                          r"expect(?:s|ed)?|hope[sd]?|wish(?:es|ed)?|would like|anticipate[sd]?|predict(?:s|ed)?|envisage[sd]?|"
                          r"raise[sd]? concerns?|made the (?:point|case)|fear(?:s|ed)?|accept(?:s|ed)?|recogni[sz]e[sd]?|"
                          r"acknowledge[sd]?|identif(?:y|ies|ied)|describe[sd]?|found|find(?:s)?|see|saw|regard(?:s|ed)?|"
                          r"view(?:s|ed)?|(?:is|are|was|were)\s+(?:\w+\s+)?(?:optimistic|hopeful|positive|enthusiastic))", re.I)
_AS_VERBS = re.compile(r"^(?:identif(?:y|ies|ied)|describe[sd]?|see|saw|regard(?:s|ed)?|view(?:s|ed)?|did not see|do not see|"
                       r"does not see|characteri[sz]e[sd]?)$", re.I)
_ASK_VERBS = re.compile(r"^(?:ask(?:s|ed)?|(?:(?:am|are|is|was|were|will\s+be|ll\s+be|re|m)\s+)?asking|urge[sd]?|invite[sd]?|call(?:s|ed)? on|encourage[sd]?|press(?:es|ed)?|request(?:s|ed)?|"
                        r"recommend(?:s|ed)?|implore[sd]?|want(?:s|ed)?|would like|expect(?:s|ed)?)$", re.I)
#: verbs of saying: "although it added that ...", as "it argued that ..." (not "it shows", "it found": a report's)
_SPEECH_VERBS = re.compile(r"^(?:add(?:s|ed)?|sa(?:id|ys?)|state[sd]?|note[sd]?|told|warn(?:s|ed)?|explain(?:s|ed)?|"
                           r"point(?:s|ed)? out|stress(?:es|ed)?|emphasi[sz]e[sd]?|highlight(?:s|ed)?|indicate[sd]?|wr(?:ote|ites?))$", re.I)
#: "the suggestion that", "any claim that": what a stance on a proposition's wording is about
_PROPOSITION = re.compile(r"(?:the|any|this|that|their|its|his|her)\s+(?:\w+\s+)?(?:suggestion|claim|allegation|idea|"
                          r"proposition|assertion|argument|notion|contention|view|charge|accusation|implication)\s+that\s+",
                          re.I)
#: a clause after "think", "believe", "accept" with no "that": "We think the workmanship at the joint was defective"
_ZERO_THAT = re.compile(r"\s*(?:the|this|that|these|those|our|their|its|his|her|a|an|(?!I\b|You\b)[A-Z][\w'’-]*|"
                        r"(?!(?:about|of|for|on|in|at|to|with|through|over|what|how|why|whether|when|where|so|too|very|it|and|or|but|nor|"
                        r"then|than|as|because|if|which|who|"
                        r"them|us|me|him|more|less|much|many|little|few|again|back|up|out|carefully|hard)\b)[a-z][a-z-]+(?<!ly))(?:\s+(?!that\b|which\b|who\b|"
                        r"whom\b|whose\b|when\b|where\b|if\b|and\b|or\b|to\b)[\w'’-]+){0,8}?\s+(?:was|were|is|are|would|will|"
                        r"has|have|had|should|could|must|can|did|does|do|may|might|needs?)\b(?!\s+(?:to|been|being)\s*$)")
#: "ask(ed) about ...", "asked (NP) whether / what / how ...": the question, not a position
_ASKED_ABOUT = re.compile(r"\s*(?:[\w'’.-]+,?\s+){0,5}?(?:about|whether|if|what|how|why|when|where|who|which)\b", re.I)
#: words after "to" that make it a preposition ("access to the source code"), not an infinitive ("councils to publish")
_NOT_A_VERB = (r"(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|any|all|some|every|each|no|which|whom|what|"
               r"him|them|us|me|it|whether|such|one|two|three|[0-9])")
#: a peer named after "the noble Baroness": ", Lady Quarrie," (commas included)
_APPOSITIVE = r"(?:,\s+(?:Lord|Lady|Baroness|Earl|Viscount|Countess|Duke|Marquess)\s+[A-Z][\w'’-]+(?:\s+of\s+[A-Z][\w'’-]+)?,?)"
_ADVERBS = r"(?:\s+(?:strongly|also|further|repeatedly|firmly|clearly|consistently|often|sometimes|generally|particularly|" \
           r"specifically|explicitly|again|forcefully|rightly|previously|broadly|widely|therefore|instead|however|" \
           r"plainly|simply|openly|publicly|candidly|frankly|unequivocally|emphatically|expressly|completely|entirely|" \
           r"utterly|totally|absolutely|wholly|categorically|flatly|" \
           r"in (?:their|its|his|her|our) (?:(?:written|oral)\s+)?(?:evidence|submission|response|view)(?: to the (?:[A-Z][\w'’-]*\s+){0,4}" \
           r"(?:Committee|Inquiry|Commission|Review))?|to us|to the committee|to the inquiry|to the (?:Minister|House|Government)|" \
           r"to (?:the|my) (?:noble|right hon\.|hon\.|honourable|learned|gallant)(?: and (?:learned|gallant))? " \
           r"(?:Lords?|Lady|Baroness|Earl|Friend|Member|Gentleman|Viscount|Duke|Marquess|Prelate)(?: for [A-Z][\w'’ -]{2,40}?)?" + _APPOSITIVE + r"?)\b)*"
#: a name just before " and" ("..., Age Concern"), as a list of names has it
_NAME_BEFORE = re.compile(r"(?:^|,\s+)(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of|for|and|on|&|[A-Z][\w'’&.-]*))*$")
_CLAUSE_BOUNDARY = re.compile(r"(?:;\s|:\s|\s-\s|,\s+(?:but|and|while|whilst|although|though|whereas|so|yet|and yet)\s|"
                              r"\s(?:but|whilst|while|whereas|although|though|because|since|where|when|whereby)\s|"
                              r"\sand\s(?=(?:they|we|he|she|it|this|there|some|many|most|several|others|the|a|an)\b)|"
                              r"\sand\s(?=(?-i:Professor|Dr|Mr|Mrs|Ms|Sir|Dame|Lord|Lady|Baroness)\s+(?-i:[A-Z])))", re.I)
_CLAIM_CUT = re.compile(r"(?::\s*[\"“‘']|,\s+(?:because|since|given that|as this|as it)\s|,\s+(?:and\s+)?(?=(?:there|they|we|it|he|she|I|this|these|some|many|others)\s+(?:is|am|was|were|are|had|have|has|"
                        r"would|will|felt|argued|said|noted|suggested|believed|thought|also|echo|agree|welcome|hope)\b)|;\s|\s-\s|\s--\s|\s–\s|,\s+(?:but|although|though|whereas|while|whilst|and yet)\s|\sbut that\s|"
                        r"\s\((?:see|cf|e\.g|i\.e|para|paragraph|q\d|for example)[^)]*\)?|"
                        # a participle that reports more ("critical of the proposal, describing it as ...")
                        r",\s+(?:describing|saying|arguing|noting|adding|warning|citing|pointing\s+out|telling|stating|claiming|"
                        r"insisting|suggesting|calling|recognising|recognizing|acknowledging|accepting)\s|"
                        # a second report by the same subject ("welcomed the plan but cautioned that ...")
                        r"\s(?:but|and)\s+(?:also\s+)?(?=(?:cautioned|warned|said|noted|added|argued|stressed|questioned|insisted|"
                        r"urged|called|indicated|stated|told|emphasised|emphasized|suggested|accepted|acknowledged)\b))", re.I)
#: a subordinate clause opening just before a cue verb: the verb is inside the claim ("... when it asks for")
_SUBORDINATE_TAIL = re.compile(r"\b(?:when|whenever|if|unless|because|although|though|while|whilst|until|once)\s+(?:\w+\s+){0,3}$", re.I)
#: an aside opened by a comma just before a cut: "..., in addition to Module 6" (a phrase, not a clause)
_ASIDE_BEFORE = re.compile(r",\s+(?:in\s+addition\s+to|as\s+well\s+as|apart\s+from|for\s+example|for\s+instance|"
                           r"in\s+particular|at\s+least|in\s+(?:England|Scotland|Wales|Northern\s+Ireland|the\s+UK))\b[^,;]{0,60}$",
                           re.I)
_LEAD_STRIP = re.compile(
    r"^(?:(?:that|and that|but that|whether|if|to|the fact that|,|:|\"|')(?:\s+|(?<=[,:\"'])))+", re.I)
_NECESSITY = re.compile(
    r"^(?:it (?:is|was|would be) (?:necessary|essential|vital|important|crucial|imperative|critical|right) (?:to|that|for)\s+|"
    r"there(?: is|'s| was) (?:an? )?(?:clear |pressing |urgent |real |strong )?need (?:for|to)\s+|(?:the|a) (?:clear |pressing |urgent |real )?"
    r"need (?:for|to)\s+|the importance of\s+|the (?:potential|desire) (?:of|for)\s+|the likelihood (?:of|that)\s+|"
    r"the (?:prospect|feasibility|realism) of\s+|the (?:issue|question|matter|idea|notion|concept) of\s+|"
    r"(?:the\s+)?(?:proposals?|calls?|demands?|plans?|arguments?|support|pressure) (?:for|to)\s+)", re.I)
_DISCOURSE = re.compile(
    r"^(?:(?:in (?:our|my) (?:submission|view|opinion)|my lady|my lord|sir|madam|of course|however|moreover|furthermore|"
    r"indeed|finally|firstly|secondly|thirdly|lastly|in addition|in particular|again|similarly|likewise|so|now|thus|"
    r"therefore|accordingly|equally|also|and|but|further(?! along| down| up| on| back| ahead)|importantly|crucially|clearly|for example|for instance|"
    r"as such|in short|in summary|overall|in conclusion|it(?:'s| is) submitted that|we submit that|we say that|"
    r"we suggest that|we say|(?:i|we)\s+(?:also\s+)?(?:think|believe|recognise|recognize|accept|know|understand|agree|"
    r"am sure|am confident|are sure|are confident)(?:\s+that)?(?=\s)|more broadly|more generally|in (?:respect|relation) of [^,]{1,80},|in relation to [^,]{1,80},|"
    r"with regard to [^,]{1,80},|as regards [^,]{1,80},|regarding [^,]{1,80},|moving on to [^,]{1,80},|"
    r"turning (?:now )?to [^,]{1,80},|on the (?:issue|question|matter) of [^,]{1,80},|in this (?:regard|respect|context)|"
    # whom a member or a witness addresses: "Mr. Fitzgerald, the two-year clock seems short", "Chief, with respect, ..."
    r"(?-i:(?:Mr|Mrs|Ms|Miss|Dr|Senator|Professor|Minister|Chief|Reeve|Mayor|Deputy|Councillor)\.?\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?),|"
    r"(?-i:Chief|Reeve|Minister|Senator|Chair|Madam Chair|Mr\.? Chair|Mr\.? Chairman|Chairperson|Convener|Deputy),|"
    r"with (?:all due |great )?respect,)\s*,?\s+)+",
    re.I)
_FOOTNOTE_TAIL = re.compile(r"(?<=[A-Za-z.\"')\]])\d{1,3}(?=\s*$|\s*[.;,])")
_NEG = re.compile(r"\b(?:not|never|no longer|n't|cannot|nor)\b", re.I)


#: the claim of a clause of a bill named in a committee's sitting (:func:`.genres.questions.clause_claim`): a question
#: put to its members, never merged with a sentence that speaks of the clause
CLAUSE_QUESTION = re.compile(r"^Clause \d{1,3} of (?:Bill [A-Z]-\d{1,4}|the\b[^:,]*?\bBill)(?:$|: |, which )")


@lru_cache(maxsize=50_000)  # (a pure function of its text and length)
def normalise_claim(text: str, *, max_words: int = 32) -> str:
    """A short proposition: attribution leftovers, discourse markers, footnote numbers and necessity frames stripped."""
    t = " ".join(text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"').split())
    t = re.sub(r"\s*\((?:[A-Z]{1,4}\d{1,3}(?:,\s*|\s+and\s+)?){1,12}\)\s*\.?$", "", t)  # interviewees' codes "(AD1, AD2, TR3)"
    # a count of who holds it, said after it: "(33 of 41)", "(25 of 28 NGOs and all nine ...)", "(88% of respondents)"
    t = re.sub(r"\s*\((?:\d[\d,.]*\s*(?:%|per\s*cent)|\d[\d,]*\s+(?:of|out\s+of)\s+\d|n\s*=\s*\d)[^()]{0,120}\)\s*\.?$", "", t, flags=re.I)
    t = re.sub(r"\s+(?:either|too|as\s+well)\s*\.?$", "", t)  # "did not support a cap either"
    t = _FOOTNOTE_TAIL.sub("", re.sub(r"(?<=\S)\[\d{1,3}\]", "", t))  # "run.[1]", "contracts2"
    t = re.sub(r"^\d{1,2}(?:\.\d{1,3})+\.?\s+(?=[A-Z])", "", t)  # a paragraph number ("5.1 Pools should ...")
    t = re.sub(r"\s*/\s*", "/", t)
    t = re.sub(r"(?<![\w'])'([\w][\w -]{0,30})'(?![\w'])", r"\1", t)
    for _ in range(3):
        t = _LEAD_STRIP.sub("", _DISCOURSE.sub("", t.strip(" ,")))
    t = _NECESSITY.sub("", t)
    t = t.strip(" .,;:'\"-")
    t = re.sub(r"(?:,?\s+(?:and|or|but|which|that|because|as))+$", "", t).strip(" .,;:")
    if t.count('"') % 2:
        t = t.replace('"', "")
    if t.count("(") != t.count(")"):
        t = t.replace("(", "").replace(")", "")
    words = t.split()
    if len(words) > max_words:  # an aside first: "the difference in fees, which it put at a fraction of a penny, was too small"
        shorter = re.sub(r",\s+(?:which|who|whose)\s+[^,;:]{1,150},\s+(?=[a-z])", " ", t)
        if shorter != t:
            t = shorter
            words = t.split()
    if len(words) > max_words:
        cut = " ".join(words[:max_words])
        for sep in (", which ", ", with ", ", as ", ", to ", ", and ", ", ", " which ", " because "):
            k = cut.find(sep, 40)
            if k > 0:
                cut = cut[:k]
                break
        t = cut.rstrip(" ,;:")
    return t[:1].upper() + t[1:] if t else t


# --------------------------------------------------------------------------- cue patterns

def _split_top(pattern: str) -> list[str]:
    """Top-level alternatives of a regular expression."""
    out, depth, cur, i = [], 0, [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            cur.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


def _prefixes(pattern: str, n: int = 3) -> set[str] | None:
    """Lower-case literal prefixes (up to n letters) that every match of `pattern` starts with; None if unknown."""
    out: set[str] = set()
    for alt in _split_top(pattern):
        if alt.startswith(("(?<=", "(?<!")):  # a look-behind ("(?<=['’])m not persuaded"): the match starts after it
            depth = 0
            for j, ch in enumerate(alt):
                depth += ch == "("
                depth -= ch == ")"
                if depth == 0:
                    break
            alt = alt[j + 1:]
        if alt.startswith("(?:"):
            depth, j = 0, 0
            for j, ch in enumerate(alt):
                if ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                    if depth == 0:
                        break
            inner, rest = alt[3:j], alt[j + 1:]
            if rest.startswith(("?", "*")):
                return None
            sub = _prefixes(inner, n)
            if sub is None:
                return None
            lit = re.match(r"[a-z' ]*", rest).group(0)  # type: ignore[union-attr]  # matches the empty string at worst
            out.update((p + lit)[:n] if len(p) < n else p for p in sub)
            continue
        lit = re.match(r"[a-z' ]*", alt).group(0)  # type: ignore[union-attr]
        following = alt[len(lit):len(lit) + 1]
        if following in ("?", "*", "{") and lit:
            lit = lit[:-1]
        if not lit:
            return None
        out.add(lit[:n])
    return out


@dataclass(frozen=True)
class _Cues:
    verbs: re.Pattern[str]
    starts: frozenset[str] | None
    groups: tuple[tuple[str, str, str], ...]  # group name -> (polarity, cue name)
    passive: re.Pattern[str]
    there_is: re.Pattern[str]
    modal: re.Pattern[str]
    negation: re.Pattern[str]
    contested: re.Pattern[str]


def _build_cues(lex: Lexicon) -> _Cues:
    c = lex.cues
    parts: list[str] = []
    groups: list[tuple[str, str, str]] = []
    for polarity, table in c["attribution"].items():
        for name, pattern in table.items():
            g = f"g{len(groups)}"
            groups.append((g, polarity, name))
            parts.append(f"(?P<{g}>{pattern})")
    verbs = re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.I)
    starts: set[str] | None = set()
    for table in c["attribution"].values():
        for pattern in table.values():
            p = _prefixes(pattern)
            if p is None or starts is None:
                starts = None
            else:
                starts.update(p)
    imp = c["impersonal"]
    return _Cues(verbs, frozenset(starts) if starts is not None else None, tuple(groups), re.compile(r"\b" + imp["passive"] + r"\b", re.I),
                 re.compile(r"\b" + imp["there_is"], re.I), re.compile(c["modal"], re.I), re.compile(c["negation"], re.I),
                 re.compile(c["contested"], re.I))


_CUES: dict[int, tuple[Lexicon, _Cues]] = {}  # id(lexicon) -> (the lexicon, kept alive so its id stays its own; cues)
_CUES_LOCK = threading.Lock()


def cues_for(lexicon: Lexicon | None) -> _Cues:
    """The compiled cues of a lexicon (the default one for None), built once per lexicon object and thread-safe:
    a Lexicon is not hashable, so the cache is keyed on its identity."""
    lex = lexicon if lexicon is not None else default_lexicon()
    hit = _CUES.get(id(lex))
    if hit is None or hit[0] is not lex:
        with _CUES_LOCK:
            hit = _CUES.get(id(lex))
            if hit is None or hit[0] is not lex:
                if len(_CUES) >= 4:
                    _CUES.clear()
                hit = _CUES[id(lex)] = (lex, _build_cues(lex))
    return hit[1]


_PASSIVE_VERDICT = re.compile(
    r"\b(?:is|are|was|were|has been|have been|had been|remain(?:s|ed)?)"
    r"(?:\s*,\s*(?:however|though|in\s+contrast|by\s+contrast|nonetheless|moreover),)?"  # "was, however, opposed by"
    r"\s+(?P<neg>not\s+)?(?P<adv>(?:universally|widely|generally|broadly|strongly|also|often|sometimes|increasingly|fiercely|heavily|"
    r"largely|mostly|warmly|cautiously|unanimously)\s+)?"
    r"(?P<verb>supported|opposed|welcomed|endorsed|rejected|criticised|criticized|favoured|contested|disputed|backed|resisted|"
    r"questioned|challenged|called for|advocated|echoed|championed|praised|condemned|cited)\b"
    r"(?:\s+by\s+(?P<agent>[^,;.]{2,120}))?", re.I)
_OBJ_START = re.compile(r"(?:^|[,;:]\s*|\s(?:but|and|while|whilst|although|though|whereas|because)\s)", re.I)
_LITERATURE_NEED = re.compile(
    r"\bthere (?:is|was|has been) (?:now |also )?(?:a |an )?(?:very |large |growing |extensive |considerable |substantial |wide |"
    r"broad |some |limited |little |strong )*(?:literature|evidence|research|body of (?:evidence|research|literature))"
    r"(?: [a-z]+){0,3}? (?:on|about|around|regarding|for|of) (?:the )?(?:need|importance|case|benefits?|value) (?:for|of|to)\b", re.I)
_ACCORDING = re.compile(r"^\s*(?:(?:but|and|indeed|however),?\s+)?(?:according to|in the (?:view|opinion|words) of|for)\s+"
                        # ("For my part, I support ...", "For that reason we support ...": the speaker)
                        r"(?!(?:my|our|its|his|her|their|your)\s+(?:own\s+)?part\b|(?:that|this|these|those|the\s+same|similar|"
                        r"other|all\s+(?:these|those|the(?:se)?))\s+reasons?\b|example\b|instance\b|now\b|once\b|the\s+record\b|the\s+time\s+being\b|"
                        r"years\b|"
                        r"decades\b|too\s+long\b|a\s+(?:start|while|moment|century|generation|decade)\b)"
                        r"(?P<who>[^,]{2,120}),\s*(?P<claim>.+)$"
                        # "As the Fuel Poverty Action Trust said in its written evidence, X"
                        r"|^\s*(?:(?:but|and|indeed|however),?\s+)?as\s+(?P<who2>(?:the\s+)?[A-Z][^,]{1,110}?)\s+(?:has\s+|have\s+|had\s+)?"
                        r"(?:said|put it|pointed out|argued|noted|observed|warned|told (?:us|me|the \w+(?: \w+)?)|made clear|explained|"
                        r"stated|reminded us|highlighted|found|concluded)(?:\s+(?:in|to)\s+(?:its|their|his|her|the)\s+[\w ]{3,40}?)?"
                        r"(?:\s+(?:last|this)\s+(?:week|month|year|autumn|spring|summer|winter))?,\s*(?P<claim2>.+)$", re.I)
_VIEW_IS = re.compile(r"^\s*(?:(?:on|as\s+for|as\s+to|turning\s+to|regarding)\s+[^,]{1,60},\s+|(?:but|and|so|frankly|again|now),?\s+)?"
                      r"(?:(?P<who>[^,]{2,100}?)['’]s?|(?P<pron>its|their|his|her|our|my))\s+(?:view|position|argument|contention|belief|"
                      r"case|expectation|concern|hope|experience|understanding|assessment|submission|conclusion|judge?ment)"
                      r"\s+(?:is|was|remains)\s+that\s+(?P<claim>.+)$", re.I)
_POSSESSIVE_SUBJECT = {"its": "it", "their": "they", "our": "we", "my": "I", "his": "he", "her": "she"}
_GOAL = re.compile(r"\b(?:an?|the|one)\s+(?:key\s+|main\s+|stated\s+|central\s+|core\s+)?(?P<noun>goal|aim|ambition|priority|objective|"
                   r"intention|expectation|hope|vision|concern|demand|call|wish|request)s?\s+of\s+(?P<who>[^,]{2,100}?)\s+"
                   r"(?:is|was|are|were)\s+(?:that|to|for)\s+(?P<claim>.+)$", re.I)
_NOMINAL = re.compile(r"^\s*(?:however,?\s+)?(?:the\s+)?(?P<noun>proposals?|calls?|demands?|arguments?|the case|pressure|"
                      r"recommendations?|plans?|support)\s+(?:for|to)\s+(?P<x>[^,;:]{3,140}?)\s+(?:are|is|were|was|have been|has been|"
                      r"had been|tend to be|often|also|come|came|include|remain|continue)\b", re.I)
_SIMILAR = re.compile(r"\b(?:some\s+|other\s+|also\s+)?similar\s+(?:sentiments?|views?|concerns?|doubts?|points?|comments?|arguments?|"
                      r"reservations|positions?|opinions?|feelings?|calls?)\s+(?:were\s+\w+\s+|was\s+\w+\s+)?(?:from|by|among|amongst)\s+"
                      r"(?P<who>.+?)\s+(?:about|on|regarding|around|concerning|in relation to|over)\s+(?P<what>.+)$", re.I)
_SPECIFY = re.compile(r"^\s*(?:these|those|they|such (?:calls|views|arguments))\s+(?:tend(?:ed)? to be|are|were|come|came|"
                      r"mainly come|mostly come|largely come)\s+(?:mainly\s+|mostly\s+|largely\s+|typically\s+|primarily\s+)?"
                      r"(?:from|by)\s+(?P<who>[^-;]+?)(?:\s+etc\.?)?(?:\s+-\s+.*|;.*)?\s*$", re.I)
#: a cleft: "it was the noble Lord, Lord Wallace, who said—forgive me—that ...": the one named said it
_CLEFT = re.compile(r"\bit\s+(?:was|is)\s+(?P<who>(?:the|my|[A-Z])[^;]{1,120}?),?\s+who\s+(?:first\s+|rightly\s+|also\s+|once\s+)?"
                    r"(?:said|argued|suggested|pointed\s+out|made\s+the\s+point|warned|noted|observed|told\s+(?:us|the\s+\w+))"
                    r"(?:\s*[—–-]\s*[^—–-]{1,120}?\s*[—–-]\s*|,\s+[^,]{1,80},\s*)?\s*(?:that\b|:)\s*"
                    r"(?P<claim>.+)$", re.I)
#: what a body commits itself to: "We will proceed with X", "we have decided not to X", "The Government will not ring-fence
#: X" (the claim is what is committed to; not "we will be brief", "we will turn to", "I will write")
_COMMIT = re.compile(r"\s*(?:\d+(?:\.\d+)*\.?\s+)?"
                     r"(?:(?:but|and|so|however|instead|therefore|in\s+response|in\s+the\s+light\s+of\s+this),?\s+)?"
                     r"(?P<who>we|the\s+Government|Ministers|the\s+Department|the\s+(?:Scottish|Welsh)\s+Government)\s+"
                     r"(?:(?:will|shall|are\s+going\s+to)\s+(?P<neg>not\s+)?(?:therefore\s+|now\s+|also\s+|then\s+|instead\s+|however,?\s+)?"
                     r"|(?P<decided>(?:have|has)\s+(?:therefore\s+|now\s+|also\s+)?decided\s+(?P<neg2>not\s+)?to\s+)"
                     r"|(?P<neg3>(?:do|does)\s+not\s+intend\s+to\s+))"
                     r"(?P<with>proceed\s+with\s+)?(?P<claim>\w.{8,})$", re.I)
#: what a speaker will do to run the proceedings, not a commitment: "we will be brief", "we will now adjourn"
_PROCEEDINGS = re.compile(r"(?:(?:now|then|also|just|briefly)\s+)*(?:be\b|turn\b|write\b|return\b|come\s+back\b|say\b|hear\b|"
                          r"listen\b|look\s+forward\b|continue\s+to\s+listen\b|take\s+(?:a|our|the)\s+(?:\w+\s+)?break\b|"
                          r"adjourn\b|resume\b|sit\s+again\b|rise\b|pause\b|hear\s+from\b|move\s+on\b|start\b|begin\b|"
                          r"watch\b)", re.I)
#: a motion in minutes: "It was moved by Councillor X and seconded by Councillor Y that P", "Moved by X, seconded by Y,
#: that P"
_COUNCILLOR = (r"(?:(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof\.?|Sir|Dame)\s+"
               r"(?-i:(?:[A-Z]\.?\s+)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))")
#: minutes: "It was moved by A and seconded by B that X", "An amendment was moved by A and seconded by B that X",
#: "A moved an amendment to the recommendation, seconded by B, that X"
_MOVED_BY = re.compile(r"^\s*(?:(?:It|An\s+amendment|A\s+motion)\s+was\s+)?(?:moved|proposed)\s+by\s+(?P<who>" + _COUNCILLOR + r")\s*,?\s*"
                       r"(?:(?:and\s+)?seconded\s+by\s+(?P<second>" + _COUNCILLOR + r")\s*,?\s*)?that\s+(?P<claim>.{8,})$|"
                       r"^\s*(?P<who2>" + _COUNCILLOR + r")\s+(?:moved|proposed)\s+(?:an?\s+)?(?:amendment|motion)(?:\s+to\s+the\s+"
                       r"(?:recommendation|motion))?\s*,?\s*(?:(?:and\s+was\s+)?seconded\s+by\s+(?P<second2>" + _COUNCILLOR + r")\s*,?\s*)?"
                       r"that\s+(?P<claim2>.{8,})$", re.I)
#: a public speaker's or member's stance on the item, in minutes: "X, of Y, spoke in support of the application",
#: "X, speaking on behalf of the Z Association, objected to the application", "X spoke against."
_SPOKE = re.compile(r"^\s*(?P<who>[A-Z].{2,160}?)\s*,?\s+(?P<verb>spoke\s+(?P<dir>in\s+support|in\s+favour|against|in\s+objection)|"
                    r"objected)(?:\s+(?:of|to)\s+(?P<obj>(?:the|this)\s+(?:application|scheme|proposals?|development|item|it)|it))?"
                    r"\s*[.;]?\s*$", re.I)
_SPEAKS_FOR = re.compile(r"(?:on\s+behalf\s+of|agent\s+for|representing|(?:Chair|Chairman|Chairwoman|Secretary|Director|President|"
                         r"Chief\s+Executive|Clerk|spokesperson|spokeswoman|spokesman)\s+of)\s+(?P<org>(?:the\s+)?[A-Z][^,;]{2,80}?)"
                         r"\s*(?:,|$)")
#: a committee's resolution in minutes: "RESOLVED: That ...", "RESOLVED - (a) that ..."
_RESOLVED = re.compile(r"^\s*(?:It\s+was\s+)?(?-i:RESOLVED|Resolved)\s*(?:[:–—-]\s*)?(?:\([a-z0-9]+\)\s*)?(?:That|that)\s+(?P<claim>.{8,})$")
#: a pseudo-cleft: "What I would like the Inquiry to recommend is that P", "What we do not accept is P", "What I can't
#: support is P", "What we'd ask is P", "What we propose instead is P" (not "What we oppose is P", "What we'd resist is P":
#: read so, the held-out NZ hearing had a cluster reversed and the held-out Alberta hearings lost 0.02 precision)
_WHAT_IS = re.compile(r"^\s*(?:(?:and|but|so|now),?\s+)?what\s+(?P<who>I|we|they|(?:the\s+)?(?-i:[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,5}))"
                      r"(?:['’]d|['’]ll)?\s+"
                      r"(?P<neg>(?:do|does|did|would|will|could)\s+not\s+|(?:don|doesn|didn|won|wouldn|couldn)['’]t\s+|can(?:no|['’])t\s+)?"
                      r"(?:(?:would|will|really|also|now|still|strongly)\s+)?"
                      r"(?P<v>like|want|wants|ask\s+for|asks\s+for|ask|asks|need|needs|propose|proposes|recommend|recommends|seek|seeks|urge|urges|"
                      r"accept|accepts|support|supports|say|says|submit|submits|invite|invites|call\s+for|calls\s+for|"
                      r"(?:am|are|is)\s+(?:asking|calling)\s+for)(?:\s+instead)?\b"
                      r"(?:\s+(?:the|this|that)\s+(?:[A-Z]?\w+\s+){0,2}?to\s+(?:recommend|do|find|see|say|conclude|consider|ensure))?"
                      r"\s+(?:is|are|was)\s+(?:that\s+|for\s+)?(?P<claim>[^,].{8,})$", re.I)
#: a report after its claim: "Councils must act now, the LGA argued."
_SAID = r"(?:said|argued|warned|added|insisted|claimed|noted|suggested|stressed|explained|concluded|told\s+(?:us|me|the\s+\w+))"
_TRAILING_REPORT = re.compile(r"^(?P<claim>[^\"“”]{12,}?),\s+(?P<who>(?:the\s+|[A-Z])[\w.'’&-]*(?:\s+[\w.'’&-]+){0,7}?|he|she|they)\s+"
                              r"(?:(?:also|rightly|repeatedly)\s+)?(?P<verb>" + _SAID + r")\s*\.?$", re.I)
_TRAILING_VERB = re.compile(r"\b" + _SAID + r"\s*\.?$", re.I)  # the cheap test before _TRAILING_REPORT
#: "We note the disabled people's organisations' submission that ...": the claim is theirs
_POSSESSIVE_REPORT = re.compile(r"(?:\b(?P<me>I|we|the\s+(?:committee|inquiry|government|department|minister|council|board))\s+"
                                r"(?:\w+ly\s+|also\s+)?)?\b(?P<verb>note[sd]?|noting|acknowledge[sd]?|recogni[sz]e[sd]?|heard|hear|understand|"
                                r"considered|consider|accept(?:s|ed)?|reject(?:s|ed)?|share[sd]?|welcome[sd]?)\s+(?:the\s+)?(?P<who>[^,;]{2,80}?)['’]s?\s+"
                                r"(?:written\s+|oral\s+|helpful\s+|detailed\s+)?(?P<noun>submissions?|points?|suggestions?|arguments?|views?|"
                                r"concerns?|requests?|proposals?|call|invitation|contention|position)\s+that\s+(?P<claim>.+)$", re.I)
#: "It is simply not true that ...", "it is true that ...": the speaker's verdict on the claim
_VERDICT_THAT = re.compile(r"\bit\s+(?:is|was)\s+(?:simply\s+|just\s+|plainly\s+|quite\s+|clearly\s+|patently\s+|absolutely\s+)?"
                           r"(?P<v>not\s+true|untrue|not\s+the\s+case|false|nonsense|a\s+myth|true|the\s+case)\s+(?:to\s+say\s+)?"
                           r"that\s+(?P<claim>.+)$", re.I)
#: "The hon. Member for X is right that ...", "Ms Y was wrong to say that ...": X's claim, and the speaker's verdict on it
_RIGHT_THAT = re.compile(r"^(?:\W*(?:but|and|so|yes|now)\s*,?\s+)?(?:[^,;:]{0,60},\s+)?(?P<who>(?:[Tt]he|[Mm]y)\s+[^;]{2,80}?|[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s+"
                         r"(?:is|was|has\s+been)\s+(?:absolutely\s+|quite\s+|entirely\s+|completely\s+|of\s+course\s+)?"
                         r"(?P<v>right|correct|wrong|mistaken)\s+(?:to\s+(?:say|argue|suggest|point\s+out)\s+|in\s+(?:saying|arguing|suggesting)\s+)?"
                         r"that\s+(?P<claim>.+)$", re.S)
#: "I agree with my hon. Friend the Member for X that ...": the speaker's claim, and X's
_AGREE_WITH = re.compile(r"^(?:\W*(?:but|and|so)\s*,?\s+)?(?:[^:;]{0,80}?,\s+and\s+)?(?P<me>I|we)\s+(?:\w+ly\s+|also\s+)?(?:agree|agreed)\s+with\s+"
                         r"(?P<who>[^,;:]{2,90}?)(?:\s+that\s+|\s*:\s+)(?P<claim>.+)$", re.I)
_LISTED = re.compile(r"\b(?:stakeholders|participants|attendees|respondents|interviewees|those attending|contributors|members)"
                     r"(?:\s+\w+){0,3}\s+(?:included|include|comprised|were drawn from|came from|represented|were)\s+(?P<list>.+)$", re.I)


def find_frames(sentence: str, lexicon: Lexicon | None = None) -> list[Frame]:
    """The cue frames in one sentence (clean text: quotes unified, no newlines)."""
    cues = cues_for(lexicon)
    frames: list[Frame] = []
    m = _ACCORDING.match(sentence)
    if m:
        who_group = "who" if m.group("who") else "who2"
        claim_group = "claim" if m.group("who") else "claim2"
        frames.append(Frame("according", "support", sentence, m.group(who_group), m.span(who_group), [m.span(claim_group)],
                            quant_text=m.group(who_group), confidence=0.8))
        return frames
    low = sentence.casefold()
    m = _POSSESSIVE_REPORT.search(sentence) if ("'s " in sentence or "’s " in sentence or "s' " in sentence or "s’ " in sentence) \
        and " that " in low else None
    if m and not re.match(r"(?:my|our|its|their|his|her)$", m.group("who"), re.I):
        said = [(m.start("claim"), _claim_end(sentence, m.start("claim")))]
        frames.append(Frame("attrib:argue", "support", sentence, m.group("who"), m.span("who"), said, confidence=0.7))
        verb = m.group("verb").casefold()
        if m.group("me") and verb.startswith(("acknowledg", "recogni", "accept", "reject", "share", "welcome")):
            # and the speaker's own verdict: "we recognise X's point that P" concedes P, "we reject ..." opposes it
            frames.append(Frame("attrib:believe", "oppose" if verb.startswith("reject") else "support", sentence,
                                m.group("me"), m.span("me"), said, confidence=0.65))
        return frames
    m = _TRAILING_REPORT.match(sentence) if _TRAILING_VERB.search(sentence[-40:]) else None
    if m and not re.match(r"(?:as|so|and|but|while|whilst|although|though|because)\b", m.group("claim"), re.I):
        frames.append(Frame("attrib:argue" if m.group("verb").casefold() in ("argued", "insisted", "claimed") else "attrib:emphasise",
                            "support", sentence, m.group("who"), m.span("who"), [m.span("claim")], confidence=0.7))
        return frames
    m = _RIGHT_THAT.match(sentence) if re.search(r"\b(?:right|correct|wrong|mistaken)\b", low) else None
    if m:
        said = [(m.start("claim"), _claim_end(sentence, m.start("claim")))]
        verdict = "support" if m.group("v").casefold() in ("right", "correct") else "oppose"
        frames.append(Frame("attrib:believe", "support", sentence, m.group("who"), m.span("who"), said, confidence=0.7))
        frames.append(Frame("verdict", verdict, sentence, None, None, said, confidence=0.7, start=m.start("claim")))
        return frames
    m = _AGREE_WITH.match(sentence) if "agree" in low else None
    if m:
        said = [(m.start("claim"), _claim_end(sentence, m.start("claim")))]
        frames.append(Frame("attrib:believe", "support", sentence, m.group("me"), m.span("me"), said, confidence=0.75))
        frames.append(Frame("attrib:believe", "support", sentence, m.group("who"), m.span("who"), said, confidence=0.7))
        return frames
    m = _VERDICT_THAT.search(sentence) if "it is" in low or "it was" in low else None
    if m:
        said = [(m.start("claim"), _claim_end(sentence, m.start("claim")))]
        verdict = "support" if m.group("v").casefold() in ("true", "the case") else "oppose"
        frames.append(Frame("verdict", verdict, sentence, None, None, said, confidence=0.65, start=m.start()))
        return frames
    m = _CLEFT.search(sentence) if " who " in low else None
    if m:
        frames.append(Frame("cleft", "support", sentence, m.group("who"), m.span("who"), [(m.start("claim"), _claim_end(sentence, m.start("claim")))],
                            confidence=0.75))
        return frames
    m = _MOVED_BY.match(sentence)
    if m:  # minutes: "It was moved by Councillor Baverstock and seconded by Councillor Quayle that the application be refused"
        g = "" if m.group("who") else "2"
        motion = [(m.start("claim" + g), _claim_end(sentence, m.start("claim" + g)))]
        frames.append(Frame("moved", "support", sentence, m.group("who" + g), m.span("who" + g), motion, confidence=0.85))
        if m.group("second" + g):
            frames.append(Frame("seconded", "support", sentence, m.group("second" + g), m.span("second" + g), motion,
                                confidence=0.75))
        return frames
    m = _SPOKE.match(sentence)
    if m:  # minutes: "Mr O Brannigan, the applicant's agent, spoke in support of the application", "X objected."
        direction = (m.group("dir") or "").casefold()
        stance = "support" if direction.startswith(("in support", "in favour")) else "oppose"
        what = m.span("obj") if m.group("obj") else (m.end("verb"), m.end("verb"))  # "X spoke in support.": the item
        # the body a speaker speaks for: "speaking on behalf of the X Association", "the applicant's agent for Y",
        # "Chair of the Z Society"
        body = _SPEAKS_FOR.search(m.group("who"))
        who, who_span = (body.group("org"), (m.start("who") + body.start("org"), m.start("who") + body.end("org"))) if body \
            else (m.group("who"), m.span("who"))
        frames.append(Frame("spoke", stance, sentence, who, who_span, [what], confidence=0.8,
                            prefix="" if m.group("obj") else "the application"))
        return frames
    m = _RESOLVED.match(sentence)
    if m:  # minutes: "RESOLVED: That application 25/01877/OUT be REFUSED for the reasons set out in the motion"
        frames.append(Frame("resolved", "support", sentence, "the Committee", None,
                            [(m.start("claim"), _claim_end(sentence, m.start("claim")))], confidence=0.85))
        return frames
    m = _WHAT_IS.match(sentence)
    if m:
        frames.append(Frame("what-is", "oppose" if m.group("neg") else "support", sentence, m.group("who"), m.span("who"),
                            [(m.start("claim"), _claim_end(sentence, m.start("claim")))], confidence=0.75))
        return frames
    m = _VIEW_IS.match(sentence)
    if m:
        key = "pron" if m.group("pron") else "who"
        who = _POSSESSIVE_SUBJECT.get(m.group(key).casefold(), m.group(key))  # "Its position is that": it
        frames.append(Frame("view-is", "support", sentence, who, m.span(key), [m.span("claim")], confidence=0.8))
        return frames
    m = _GOAL.search(sentence)
    if m:
        frames.append(Frame(f"goal:{m.group('noun').casefold()}", "support", sentence, m.group("who"), m.span("who"),
                            [m.span("claim")], confidence=0.7))
        return frames
    m = _SIMILAR.search(sentence)
    if m:
        what = m.span("what")
        frames.append(Frame("similar", "similar", sentence, m.group("who"), m.span("who"), _split_list(sentence, what),
                            quant_text=m.group("who"), confidence=0.6))
        return frames
    m = _SPECIFY.match(sentence)
    if m:
        frames.append(Frame("specify", "specify", sentence, m.group("who"), m.span("who"), [], confidence=0.65))
        return frames
    m = cues.contested.search(sentence)
    if m and m.end() < len(sentence) - 3:
        claim = (m.end(), _claim_end(sentence, m.end()))
        if claim[1] - claim[0] > 3:
            frames.append(Frame("contested", "neutral", sentence, None, None, [claim], quant_text=m.group(0), contested=True,
                                confidence=0.6, start=m.start()))
    for m in cues.there_is.finditer(sentence):
        if any(f.start <= m.start() < f.claims[0][1] for f in frames if f.claims):
            continue
        if re.search(r"\b(?:where|whether|if|when|how|what|which|identif(?:y|ies|ied))\s*$", sentence[:m.start()], re.I):
            continue
        noun = m.group("noun").casefold()
        q = (m.group("q") or "").strip().casefold()
        if noun in ("discussion", "debate"):
            continue
        polarity = "support"
        if noun in ("opposition", "disagreement", "resistance"):
            polarity = "oppose"
        elif noun in ("scepticism", "skepticism", "doubt", "doubts"):
            polarity = "doubt"
        if q in ("no", "little") and noun in ("agreement", "consensus", "support", "appetite", "enthusiasm", "desire", "demand"):
            polarity = "oppose" if noun in ("support", "appetite", "enthusiasm", "desire", "demand") else "neutral"
        start = m.end()
        claim = (start, _claim_end(sentence, start))
        if claim[1] - claim[0] < 3:
            continue
        among = m.group("among")
        f = Frame(f"impersonal:{noun}", polarity, sentence, among, m.span("among") if among else None, [claim],
                  quant_text=m.group(0), confidence=0.7, start=m.start(), contested=polarity == "neutral")
        frames.append(f)
    for m in re.finditer(r"\bthere (?:was|were|is|has been) (?:some |much |considerable |also |further )?(?:discussion|debate)s?"
                         r"(?: \w+){0,3}? about the (?:need|importance) (?:for|of|to)\b", sentence, re.I):
        claim = (m.end(), _claim_end(sentence, m.end()))
        frames.append(Frame("impersonal:discussion-need", "support", sentence, None, None, [claim], quant_text=m.group(0),
                            confidence=0.5, start=m.start()))
    for m in _LITERATURE_NEED.finditer(sentence):
        claim = (m.end(), _claim_end(sentence, m.end()))
        frames.append(Frame("literature:need", "support", sentence, "the literature", None, [claim], quant_text=m.group(0),
                            confidence=0.6, start=m.start()))
    for m in cues.passive.finditer(sentence):
        if not re.match(r"\s*(?:that\b|,|:|it\b|there\b|the\b)", sentence[m.end():], re.I) and not m.group(0).rstrip().endswith("that"):
            continue
        adv = (m.group("adv") or "").casefold()
        claim = (m.end(), _claim_end(sentence, m.end()))
        while claim[0] < len(sentence) and sentence[claim[0]] in " ,":
            claim = (claim[0] + 1, claim[1])
        if claim[1] - claim[0] < 3:
            continue
        frames.append(Frame(f"impersonal:{m.group('verb').casefold()}", "oppose" if adv == "not universally" else "support",
                            sentence, None, None, [claim], quant_text=m.group(0), confidence=0.7, start=m.start()))
    m = _NOMINAL.match(sentence)
    if m:
        frames.append(Frame(f"nominal:{m.group('noun').casefold()}", "support", sentence, None, None, [m.span("x")],
                            quant_text=sentence, confidence=0.5, start=0))
        frames[-1].subject = "supporters"
    m = _PASSIVE_VERDICT.search(sentence)
    if m and not any(f.rule.startswith("impersonal:") for f in frames):
        verb = m.group("verb").casefold()
        neg = bool(m.group("neg"))
        adv = (m.group("adv") or "").strip().casefold()
        positive = verb in ("supported", "welcomed", "endorsed", "favoured", "backed", "called for", "advocated", "echoed",
                            "championed", "accepted", "praised", "valued", "prized", "cited")
        if verb == "cited" and not re.match(r"\s+as (?:a |an |the )?(?:key |main |central |common )?(?:goal|aim|priority|objective|"
                                            r"solution|answer)", sentence[m.end("verb"):], re.I):
            m = None
        polarity = "support" if positive != neg else "oppose"
        if verb in ("questioned", "challenged", "contested", "disputed") and not neg:
            polarity = "doubt"
    obj_span = None
    if m:
        obj_start = 0
        for ob in _OBJ_START.finditer(sentence, max(0, m.start() - 160), m.start()):
            obj_start = ob.end()
        obj_span = (obj_start, m.start())
        if obj_span[1] - obj_span[0] < 3 or not sentence[obj_start:m.start()].strip():
            m = None
    if m and obj_span and not any(f.rule.startswith("impersonal:") for f in frames):
        obj = _strip_obj_lead(sentence, (obj_span[0], obj_span[1] - 1 if sentence[obj_span[1] - 1:obj_span[1]] == " " else obj_span[1]))
        agent = m.group("agent")
        f = Frame(f"passive:{'not-' if neg else ''}{verb}", polarity, sentence, agent, m.span("agent") if agent else None,
                  [obj], quant_text=(("not " if neg else "") + adv).strip(), negated=neg, confidence=0.65, start=obj_start)
        if agent:  # "proposals for X were opposed by Y": Y holds it, not an unnamed "supporters of X"
            frames = [g for g in frames if not g.rule.startswith("nominal:")]
        frames.append(f)
    frames.extend(_attributions(sentence, cues))
    mm = None
    # a modal clause before a reported one ("The Inquiry should look at X, and we have made it clear that Y"): both
    limit = len(sentence) if not frames else \
        min(f.start for f in frames) if all(f.rule.startswith("attrib:") for f in frames) else 0
    for cand in cues.modal.finditer(sentence, 0, limit):
        if not re.search(r"\b(?:that|which|who)\s+$", sentence[:cand.start()], re.I):
            mm = cand  # not "the evidence that should be provided": a relative clause states no position
            break
    if mm and re.search(r"\b(?:what|whether|how|why|where|when)\s+(?:\w+\s+){0,3}$", sentence[:mm.start()], re.I):
        mm = None  # "what should go into ...": an indirect question, not a position
    if mm and re.match(r"\s*(?:we|i)\s+(?:have|had|were|was|am|are|will|would|'ve|'m|just|also|heard|listened|understand|"
                       r"note|noted|hear)\b", sentence[:mm.start()] + " ", re.I) and not re.match(r"\s*we\s+\w+\s+(?:that\s+)?"
                                                                                    r"(?:the|this|it|there)\b", sentence, re.I):
        mm = None  # first-person narrative ("We have detailed in our submissions why ... should")
    if mm:
        start = 0
        for b in _CLAUSE_BOUNDARY.finditer(sentence, 0, mm.start()):
            start = b.end()
        intro = re.match(r"(?:[^,]{0,60},\s+)?(?:(?:it(?:'s| is) submitted|we (?:say|submit|suggest)|in (?:our|my) "
                         r"(?:submission|view)),?\s+(?:that\s+)?)", sentence[start:], re.I)
        if intro:
            start += intro.end()
        end = _claim_end(sentence, start)
        if limit < len(sentence):
            end = min(end, start + len(sentence[start:limit].rstrip(" ,;:").removesuffix(", and").removesuffix(" and")))
        if end > mm.start():  # a claim that stops before its modal ("Following the pilot phase, ... they need to") is not it
            frames.append(Frame("modal", "support", sentence, None, None, [(start, end)], confidence=0.55))
    if not frames:  # "We will proceed with a duty to publish ...", "..., but we have decided not to introduce a cap"
        for at in [0, *(c.end() for c in re.finditer(r"[,;]\s+(?=(?:but|and)\s)", sentence))]:
            m = _COMMIT.match(sentence, at)
            if m is None:
                continue
            decided = m.group("with") or m.group("decided") or m.group("neg3")
            if re.search(r"\byou\b", m.group("claim"), re.I) or _PROCEEDINGS.match(m.group("claim")):
                continue  # "we will hold you to that", "we will now adjourn"
            # "we will proceed with X", "we have decided not to X": a stance on X; "we will publish X": the commitment
            negated = decided and (m.group("neg") or m.group("neg2") or m.group("neg3"))
            start = m.start("claim") if decided else m.start("who")
            frames.append(Frame("commit", "oppose" if negated else "support", sentence, m.group("who"), m.span("who"),
                                [(start, _claim_end(sentence, start))], confidence=0.6, start=m.start("who")))
    return frames


def _strip_obj_lead(sentence: str, span: Span) -> Span:
    a, b = span
    m = re.match(r"(?:however,?\s+|but\s+|and\s+|yet\s+|these\s+|such\s+)+", sentence[a:b], re.I)
    if m:
        a += m.end()
    return a, b


def _claim_end(sentence: str, start: int) -> int:
    for m in _CLAIM_CUT.finditer(sentence, start):
        if sentence[m.start()] == "," and _ASIDE_BEFORE.search(sentence, start, m.start()):
            continue  # "so that, in addition to Module 6, there are Modules 6A, 6B and 6C": the comma closes an aside
        return m.start()
    return len(sentence)


def _split_list(sentence: str, span: Span) -> list[Span]:
    """'the likelihood of increased funding, greater integration and a shift to home care' -> three spans."""
    a, b = span
    text = sentence[a:b]
    lead = _NECESSITY.match(text)
    if lead:
        a += lead.end()
        text = sentence[a:b]
    out = []
    pos = 0
    for m in re.finditer(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?=(?:a|an|the|more|greater|increased|better|less|fewer|"
                         r"higher|lower|improved|further|new|radical)\b)", text):
        out.append((a + pos, a + m.start()))
        pos = m.end()
    out.append((a + pos, b))
    return [(x, y) for x, y in out if y - x > 2]


#: a report of the subject's own stance without "that" ("The Trust said it supported ...", "She added she welcomed ...")
_SAID_SELF = re.compile(r"(?<=\w)\s+(?:said|says|added|explained|stated|confirmed|told\s+(?:us|me|the\s+\w+))\s+"
                        r"(?:it|he|she|they|we)$")


def _attributions(sentence: str, cues: _Cues) -> list[Frame]:
    frames: list[Frame] = []
    if cues.starts is None:
        matches = list(cues.verbs.finditer(sentence))
    else:
        matches = []
        low = sentence.casefold()
        pos = 0
        for w in _WORD_START.finditer(low):
            if w.start() < pos:
                continue
            if any(low.startswith(p, w.start()) for p in _candidates(cues.starts, low[w.start():w.start() + 3])):
                mm = cues.verbs.match(sentence, w.start())
                if mm:
                    matches.append(mm)
                    pos = mm.end()
    for k, m in enumerate(matches):
        group = next(g for g in m.groupdict() if m.group(g))
        _g, polarity, name = next(x for x in cues.groups if x[0] == group)
        verb = m.group(0)
        before = sentence[:m.start()]
        prev_word = re.search(r"(\w+)\W*$", before[-80:])  # (the tail: a sentence may be 1,000 characters)
        pw = prev_word.group(1).casefold() if prev_word else ""
        if pw == "to" and re.search(r"\b(?:tend|tends|tended|want|wants|wanted|wish|wished|continue[sd]?|seem(?:s|ed)?|appear(?:s|ed)?|"
                                    r"went on|go on|began|begin|choose|chose|chosen|decided|sought|used)\s+to\s*$", before, re.I):
            before = re.sub(r"\s+(?:tend|tends|tended|want|wants|wanted|wish|wished|continue[sd]?|seem(?:s|ed)?|appear(?:s|ed)?|"
                            r"went on|go on|began|begin|choose|chose|chosen|decided|sought|used)\s+to\s*$", " ", before, flags=re.I)
        elif re.search(r"\w['’]s?\s*$", before[-8:]) and re.search(r"(?:ed|en)$", verb.split()[0], re.I):
            continue  # "the Government's recommended spending": a participle after a possessive, not a verb
        elif pw in _ARTICLES or (pw in _NOUN_BEFORE and _HOMOGRAPHS.match(verb)) or \
                pw == "to" and not re.search(r"(?:ed|ght|aid|old|ote)$", verb.split()[0], re.I):
            continue  # "to welcome" is an infinitive; "the people we spoke to welcomed" is not
        if re.search(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?(?:not\s+)?(?:\w+ly\s+)?$", before[-120:], re.I) and \
                re.search(r"(?:ed|own|ght)$", verb, re.I) and not re.search(r"\b(?:are|is|were|was) (?:concerned|worried|convinced|"
                                                                          r"confident|clear|keen|sceptical|skeptical|doubtful|unsure|"
                                                                          r"uncertain|unconvinced|not convinced|opposed|against|"
                                                                          r"critical|wary|in favour|attracted|supportive)", verb, re.I):
            continue  # passive voice: handled by the passive frames
        # "X said that A and indicated that B": the second report is X's too, and ends X's first claim
        tail_of_before = before[-40:]
        off = len(before) - len(tail_of_before)
        coord = re.search(r"[\"”'’]?\s*,?\s+(?:and|but)\s+(?:also\s+|then\s+|further\s+|later\s+)?(?:(?:did|does|do)\s+not\s+)?$",
                          tail_of_before)
        shared = frames[-1] if coord and frames and frames[-1].rule.startswith("attrib:") and frames[-1].subject and \
            frames[-1].subject_span and frames[-1].claims and frames[-1].claims[0][0] <= off + coord.start() and \
            (re.match(r"\s*(?:\w+ly\s+)?(?:that\b|whether\b|:|the\s+(?:need|importance|case|value)\b)", sentence[m.end():], re.I)
             or name in ("advocate", "oppose") and re.search(r"ed$", verb.split()[0], re.I) and
             re.search(r"\b(?:\w+ed|said|told(?:\s+\w+)?|felt|thought|found|wrote|held)(?:\s+(?:that|whether|to|with|for|"
                       r"against))?\s*$", frames[-1].quant_text, re.I)) \
            else None  # a report of a clause, or of a need; "disputed that P and supported Q": Q is a second stance
        inside = next((f for f in reversed(frames) if any(a <= m.start() < b for a, b in f.claims)), None)  # the innermost
        if inside is not None and shared is None:
            gap = sentence[inside.claims[0][0]:m.start()]
            if not _CLAUSE_BOUNDARY.search(gap) or _SUBORDINATE_TAIL.search(gap):
                continue  # "that a village is asking too much when it asks for ...": part of the claim, not a frame
        boundary_end = 0
        for b in _CLAUSE_BOUNDARY.finditer(before):
            if re.search(r"\bboth\s+[^,;]{1,60}$", before[:b.start()], re.I):  # "Both the TUC and the CBI": one subject
                continue
            if b.group(0).strip().casefold() == "and" and _NAME_BEFORE.search(before[:b.start()]) and \
                    re.match(r"(?:the\s+)?[A-Z]", before[b.end():]) and "," in before[:b.start()]:
                continue  # "The Carers Trust, Age Concern and the Homecare Association": a list of names, one subject
            boundary_end = b.end()
        for prev in frames:
            if prev.claims and prev.claims[0][0] <= m.start():
                boundary_end = max(boundary_end, prev.start)
        subject_region = before[boundary_end:]
        subject_span: Span = (boundary_end, boundary_end + len(subject_region))
        if shared is not None and coord is not None:
            boundary_end, subject_span = off + coord.start(), shared.subject_span  # type: ignore[assignment]
            subject_region = before[off + coord.end():]
        # an aside between the negation and the verb ("We cannot, however, support a bill that ...") is no part of either
        subject_region = re.sub(r",\s*(?:however|therefore|though|then|of\s+course|frankly|sadly|regrettably|unfortunately|"
                                r"I\s+am\s+afraid|I['’]m\s+afraid|in\s+(?:all\s+)?conscience|at\s+present|as\s+drafted)\s*,?\s*$", " ",
                                subject_region, flags=re.I)
        neg_window = " ".join(subject_region.split()[-3:])
        neg = cues.negation.search(neg_window)
        # the negation must bear on the verb ("did not strongly support"), not sit in the subject ("people whose first
        # language is not English said that ...")
        negated = bool(neg and re.fullmatch(r"(?:\s+(?:\w+ly|also|even|at all|yet|always|necessarily|fully|really|quite|"
                                            r"entirely|much|wholly|completely|directly|explicitly))*\s*",
                                            neg_window[neg.end():], re.I)) or bool(shared and coord and re.search(r"\bnot\s*$", coord.group(0)))
        if negated:
            subject_region = re.sub(r"\s+(?:(?:do|does|did|would|could|will|have|has|had)\s+)?(?:not|never|no longer)(?:\s+\w+ly)*\s*$|"
                                    r"\s+cannot(?:\s+\w+ly)*\s*$|"
                                    r"\s+\w+n['’]t(?:\s+\w+ly)*\s*$", "", subject_region, flags=re.I)
        else:  # "It does oppose the extension": emphatic, the same stance
            subject_region = re.sub(r"\s+(?:do|does|did)(?:\s+\w+ly)*\s*$", "", subject_region, flags=re.I)
            if re.search(r"(?:ed|aid|old|ote|own|ound|ade|tten)$", verb.split()[0], re.I):  # "It has asked for X": the perfect's
                subject_region = re.sub(r"\s+(?:has|have|had)(?:\s+(?:\w+ly|also|now|since|already|long))*\s*$", "",
                                        subject_region, flags=re.I)  # auxiliary is no part of the subject
        # "The Association strongly supports S. 2207": the adverb is not part of the subject (a name in "-ly" is capitalised)
        subject_region = re.sub(r"(?:\s+(?:[a-z]+ly|also|therefore|still|now|again|further|then))+\s*$", "", subject_region)
        subject = shared.subject if shared is not None and shared.subject else subject_region.strip(" ,")
        subject = re.sub(r"^(?P<p>I|we|they|you)['’]$", r"\g<p>", subject, flags=re.I)  # "I'm not persuaded": "I"
        subject = re.sub(r"^\d{1,2}(?:\.\d{1,3})+\.?\s+(?=[A-Z])", "", subject)  # a paragraph's number ("1.5 Coalition senators")
        # "I have to say that I share ...": the speaker
        subject = re.sub(r"^(?:I|we)(?:['’]ll|['’]d)?\s+(?:(?:have\s+to|must|would|will|should|can|do|want\s+to)\s+)?(?:say|admit|"
                         r"confess|add|stress|tell\s+you|note|repeat|be\s+clear|make\s+(?:it\s+)?clear)(?:\s+(?:at\s+the\s+outset|first|"
                         r"up\s+front|frankly|plainly|now|again|for\s+the\s+record|clearly))?\s+(?:that\s+)?(?=(?:I|we)$)", "", subject,
                         flags=re.I)  # ("I'll say at the outset that we support ...": we)
        # "it is for that reason that we cannot support ...": the speaker
        subject = re.sub(r"^(?:(?:and|so)\s+)?it\s+is\s+(?:(?:precisely|exactly)\s+)?(?:for\s+(?:that|this|those|these)\s+reasons?|"
                         r"because\s+of\s+(?:that|this))\s+that\s+(?=(?:I|we)$)", "", subject, flags=re.I)
        # "Speaking for the Liberal Party, we ...": the speaker's "we"
        subject = re.sub(r"^(?:speaking|as\s+I\s+speak)\s+(?:for|on\s+behalf\s+of)\s+[^,]{2,60},\s+(?=(?:I|we)$)", "", subject,
                         flags=re.I)
        subject = _SAID_SELF.sub("", subject)  # "The Trust said it supported X": the Trust
        together = _JOINT_SUBJECT.search(before) if shared is None and re.search(r"\b(?:both|all|each|jointly|together)$",
                                                                                   subject, re.I) else None
        if together:  # "The Alliance and the Federation, who agree on very little, both told us": the two of them
            subject, subject_span = together.group("s"), together.span("s")
        relative = re.search(r"(?P<np>[^,]{2,80}?),\s+(?:who|which)\s*$", subject) \
            if shared is None and re.search(r",\s+(?:who|which)\s*$", subject[-16:]) else None
        if relative:  # "... supported by the Minister, who stated that ...": the Minister
            np_start = relative.start("np")
            for cut in re.finditer(r"\b(?:by|from|to|with|and|for)\s+", relative.group("np")):
                np_start = relative.start("np") + cut.end()
            subject = subject[np_start:relative.end("np")].strip()
            offset = len(subject_region) - len(subject_region.lstrip(" ,"))
            subject_span = (boundary_end + offset + np_start, boundary_end + offset + relative.end("np"))
        bare_it = bool(re.fullmatch(r"(?:(?:but|and|however|yet|so|equally|nor),?\s+)?it(?:\s+(?:respectfully|also|therefore|now|firmly|strongly|simply))*", subject, re.I))
        if bare_it and (name in ("argue", "believe", "advocate", "oppose", "doubt") or _SPEECH_VERBS.match(verb)):
            subject = "it"  # "It does not accept that ...", "although it added that ...": the organisation just named
        elif not subject or len(subject.split()) > 20 or re.match(r"^(?:it|there|this|that|which|what)\b(?! committee| inquiry)",
                                                                 subject, re.I):
            continue
        if re.match(r"^(?:if|unless|whether|until|once|should)\s(?!I\s+(?:may|might|could|can)\b)", subject, re.I):
            continue  # "If the Nations want notice of every transfer, our districts can send it", "If the Government
            # want more homes, we ...": a condition, no one's stance (but "If I may come in on that point, we would ...": we)
        if re.search(r"\b(?:that|which|who|whom)\s*$", subject, re.I) or re.match(r"^(?:to|and|or|but)\b", subject, re.I) and len(subject.split()) < 2:
            continue
        if name == "expect" and re.match(r"\s*to\s+(?:emphasi[sz]e|stress|highlight|say|note|make|raise|draw|remind|mention|touch|"
                                         r"address|turn|focus|deal|begin|start|end|conclude|thank|congratulate|add|repeat|"
                                         r"echo|refer|outline|set out|explain|briefly|now|just|pick up|return|reiterate|"
                                         r"respond|reply|comment|go|move|deal|take|put|ask|invite|urge|highlight|endorse|"
                                         r"support|adopt|associate|welcome|acknowledge|recognise|record|express|"
                                         r"overstate|exaggerate|speculate|pre-empt|prejudge|dwell|labour|get\s+into|be\s+drawn|"
                                         r"detain|trespass)\b",
                                         sentence[m.end():], re.I):
            continue  # "we want to emphasise that ...": the inner verb states the position; "I would not want to overstate
            # that": a hedge on the speaker's own words
        if re.search((r"(?:^|" if len(before) <= 24 else r"(?:") +
                     r"[^\w\s]\s*|\b(?:but|and)\s+)(?:when|if|once|after|before|while|whilst|unless|until|as)\s+$", before[-24:], re.I) \
                and re.search(r"ed$", verb.split()[0], re.I):
            continue  # "When questioned about X, witnesses ...": a participle clause, not a report
        if re.match(r"disagree", verb, re.I) and re.search(r"\s(?:and|&)\s", before[-80:]) and \
                re.match(r"\s*(?:about|over|on|as\s+to|regarding)\b", sentence[m.end():], re.I):
            continue  # "The Trust and Open Minds disagreed about direct numbers": with each other, on sides not given
        if re.match(r"(?:find|found|see|saw)$", verb, re.I) and re.search(r"\b(?:will|would|may|might|could|shall)\s+$", before, re.I):
            continue  # "she will find a good deal of support": a prediction, not a finding
        if name == "expect" and re.match(r"\s*to\s+(?:know|ask|understand|find\s+out|learn)\b", sentence[m.end():], re.I) or \
                re.match(r"ask(?:s|ed)?$", verb, re.I) and _ASKED_ABOUT.match(sentence[m.end():]):
            continue  # "I want to know what ...", "Lord Giddens asked about ...", "I asked my officials whether ...": a question
        after = m.end()
        rest = sentence[after:]
        adv = re.match(_ADVERBS, rest, re.I)
        pos = after + (adv.end() if adv else 0)
        tail = sentence[pos:]
        prefix = ""
        claims: list[Span] = []
        rule_name = name
        as_is = False
        clause = True
        marker = re.match(r"\s*(?:,\s*)?(?P<m>that\b|:|whether\b|if\b|how\b|\"|')", tail, re.I)
        told = re.match(r"\s*(?:us|me|ministers|the\s+(?:[A-Z][\w'’-]*\s+){0,4}(?i:committee|inquiry|panel|house|review|commission|"
                        r"minister|government|council|board))\b(?:\s+(?:last|this|in|on|at)\s+\w+(?:\s+\w+)?)?"
                        r"(?:\s+that\b|\s*:)?", tail)  # "told the Transport Committee last autumn that"
        if told and re.search(r"(?:told|tell|tells|informed|reminded|assured|warned)$", verb, re.I):
            pos += told.end()
            tail = sentence[pos:]
            marker = re.match(r"\s*(?P<m>that\b|:|\"|'|(?=\w))", tail)
        it_adj = re.match(r"\s*it\s+(?:to be\s+)?(?:is\s+)?[\"']?(?:vital|essential|important|crucial|necessary|right|appropriate|"
                          r"imperative|sensible|unacceptable|wrong|unlikely|likely|regrettable)[\"']?\s+(?:that|to|for)\b", tail, re.I)
        obj_to = re.match(r"\s*(?=\S)(?!to\b)(?P<obj>(?:the|this|our|all|local|national|central|each|every|its|their)?\s*[\w'’ -]{1,60}?)\s+to\s+"
                          r"(?P<verb>(?!be\b)(?!" + _NOT_A_VERB + r"\b)[a-z]+)\b", tail)
        if it_adj:
            start = pos + it_adj.end()
            claims = [(start, _claim_end(sentence, start))]
        elif marker and marker.group("m") is not None and (marker.group("m") or told):
            mk = marker.group("m").casefold()
            start = pos + marker.end()
            if mk in ('"', "'") or mk == "that" and sentence[start:start + 2] in ("'s", "’s"):
                start = pos + marker.start("m")  # (a quotation's own words; "that's a business model": its subject)
            end = _claim_end(sentence, start)
            if mk == ":" and polarity in ("oppose", "doubt") and re.search(
                    r"(?:disagree[sd]?|dissent(?:ed|s)?|demur(?:red|s)?|object(?:ed|s)?|not convinced|unconvinced|"
                    r"sceptical|skeptical)$", verb, re.I):
                polarity = "support"  # "Councillor Pryce disagreed: 'not yet recycled' is read as ...": his own words
                claims = [(start, end)]
            elif mk in ("whether", "if") or polarity == "doubt":
                claims = _split_whether(sentence, (start, end))
                if polarity != "doubt" and mk in ("whether", "if"):
                    polarity = "doubt" if re.search(r"quer|question|doubt|wonder|unsure|uncertain|sceptic|skeptic", verb, re.I) else polarity
            else:
                claims = [(start, end)]
        elif name in ("believe", "argue", "emphasise") and (re.match(r"\s*(?:it|they|we|he|she|there|this|these|those)\s+"
                                                                   r"(?:would|will|was|were|is|are|could|should|must|had|has|"
                                                                   r"have|did|do|does|might|may|can|need)\b", tail, re.I)
                                                          or (name != "emphasise" or re.fullmatch(r"(?:said|says|warned|warns)", verb, re.I))
                                                          and _ZERO_THAT.match(tail)):
            start = pos + (len(tail) - len(tail.lstrip()))
            claims = [(start, _claim_end(sentence, start))]
        elif _ASK_VERBS.match(verb) and obj_to and not re.match(r"\s*(?:us|me|him|her|them)\s+to\s", tail) or \
                (_ASK_VERBS.match(verb) and obj_to and obj_to.group("obj").strip().casefold() in ("us", "them", "ministers", "the government")):
            obj = obj_to.group("obj").strip()
            start = pos + obj_to.start("verb")
            done = _DONE_TO.match(obj)  # "want distributions stopped entirely until ... back to standard": a participle's "to"
            if done is not None:
                start = pos + obj_to.start("obj") + (len(obj_to.group("obj")) - len(obj_to.group("obj").lstrip())) + done.start("pp")
                prefix = f"{done.group('np')} should be"
            elif obj and obj.casefold() not in ("", "us", "me"):
                neg = re.match(r"^(?P<o>.+?)\s+not$", obj)  # "urge the committee not to recommend X"
                prefix = f"{neg.group('o')} should not" if neg else f"{obj} should"
            claims = [(start, _claim_end(sentence, start))]
        elif name in ("advocate", "oppose") or _NP_OK_VERBS.match(verb) or polarity != "support":
            start = pos
            skip = re.match(r"\s*(?:to\s+(?!be\b)(?=\w+\b)|for\s+|on\s+|of\s+|about\s+(?!(?:how|what|why|whether)\b)|by\s+(?=(?:the|this|that|these|those|their|his|her|its|any)\b))?", tail,
                            re.I)  # "asked to be involved": kept whole; "reservations about the levy": the levy
            if re.search(r"(?:optimistic|hopeful|positive|enthusiastic)$", verb, re.I):
                skip = re.match(r"\s*(?:about\s+)?", tail, re.I)  # "optimistic about the ability of the UK to ..."
            if re.search(r"call(?:s|ed)?\s+on$", verb, re.I):
                skip = re.match(r"\s*", tail)
            start = pos + (skip.end() if skip else 0)
            proposition = _PROPOSITION.match(sentence, start)
            if proposition:  # "reject the suggestion that we cut corners": the claim is what was suggested
                start = proposition.end()
            end = _claim_end(sentence, start)
            if _AS_VERBS.match(verb) and re.search(r"\s+as\s+", sentence[start:end]):
                as_is = True
            clause = as_is
            if end - start < 3:
                continue
            claims = [(start, end)]
        else:
            continue
        if not claims:
            continue
        claims = [c for c in claims if c[1] - c[0] >= 3]
        if not claims:
            continue
        if "not see" in verb.casefold():
            polarity, negated = "oppose", False
        if negated and name == "emphasise":
            continue  # "we did not identify ...", "it does not say ...": a report of absence, not a position
        if negated:
            polarity = {"support": "oppose", "oppose": "support", "doubt": "support"}.get(polarity, polarity)
        frames.append(Frame(f"attrib:{rule_name}", polarity, sentence, subject, subject_span,
                            claims, quant_text=subject_region + " " + sentence[m.start():pos], negated=negated,
                            confidence=0.8 if name in ("argue", "advocate", "oppose", "doubt") else 0.7, prefix=prefix,
                            start=boundary_end, as_is=as_is, clause=clause))
    # a later frame's clause ends an earlier frame's claim
    for i, f in enumerate(frames):
        for g in frames[i + 1:]:
            f.claims = [(a, _before_conjunction(sentence, a, min(b, g.start)) if g.start > a else b) for a, b in f.claims]
    # a report that goes on ("argued that A, and that B", "said that A, noting that B"): B is reported too
    for i, f in enumerate(frames):
        if not f.rule.startswith(("attrib:argue", "attrib:believe", "attrib:emphasise", "attrib:advocate")) or \
                f.polarity != "support" or not f.claims:
            continue
        # (after "supported the exemption", only a participle goes on with the report: "..., noting that B")
        ok = (lambda m: m is not None and "that" in m.group(0) and not re.match(r"\s*,?\s+(?:and|but)\b", m.group(0))) \
            if f.rule.startswith("attrib:advocate") else (lambda m: m is not None)
        nxt = frames[i + 1].start if i + 1 < len(frames) and frames[i + 1].start is not None else len(sentence)
        # (only after the claim as cut: splitting "that A, and that B" inside it cost the committee reports precision)
        spans: list[Span] = list(f.claims)
        more = _MORE_THAT.match(sentence, spans[-1][1])
        if more and ok(more) and more.end() < nxt and \
                not re.match(r"(?:it|they|this|these|those|that|he|she)\b", sentence[more.end():], re.I):  # (whose "they"?)
            spans.append((more.end(), _claim_end(sentence, more.end())))
        f.claims = [(a, b) for a, b in spans if b - a >= 3]
    return frames


#: a reported clause that follows another of the same report: ", and that ...", ", noting that ...", "pointing out that"
_MORE_THAT = re.compile(r"\s*,?\s+(?:and|but)\s+(?:also\s+)?that\s+|\s*,\s+(?:noting|pointing\s+out|observing|adding|arguing|"
                        r"saying|warning|stating|insisting|explaining|suggesting|telling\s+the\s+committee)\s+that\s+", re.I)


def _before_conjunction(sentence: str, a: int, b: int) -> int:
    """The end of a claim cut where the next frame starts, before the 'and' or 'but' that joins them."""
    m = re.search(r"(?:[\s,;]+(?:and|but|while|whilst|although|though)(?:\s+(?:also|then))?)?[\s,;]*$", sentence[a:b], re.I)
    return a + m.start() if m and m.start() > 0 else b


_WORD_START = re.compile(r"\b[a-z]")


def _candidates(starts: frozenset[str], head: str) -> list[str]:
    return [p for p in (head[:3], head[:2], head[:1]) if p in starts]


#: a subject of two or more joined by "and", closed by "both", "all" or "each" (an aside between)
_JOINT_SUBJECT = re.compile(r"(?:^|[.;:]\s+|,\s+(?:and|but)\s+)(?P<s>(?:[A-Z]|the\s)[^,;:]{2,100}?\s+and\s+[^,;:]{2,100}?)"
                            r"(?:,\s*(?:who|which|whose)\s+[^,]{2,80},)?\s+(?:both|all|each|jointly|together)\s*$")


def _split_whether(sentence: str, span: Span) -> list[Span]:
    a, b = span
    out = []
    pos = a
    for m in re.finditer(r",?\s+(?:or|and)\s+(?:whether|if)\s+", sentence[a:b], re.I):
        out.append((pos, a + m.start()))
        pos = a + m.end()
    out.append((pos, b))
    return out


def listed_stakeholders(sentence: str) -> str | None:
    """The list in 'Stakeholders included X, Y and Z' (a description of who took part), else None."""
    m = _LISTED.search(sentence)
    return m.group("list") if m else None


def has_negation(text: str) -> bool:
    return bool(_NEG.search(text))
