"""Survey results: "64% of respondents disagreed with X" is the survey respondents' position on X.

Consultation and engagement reports give the survey's verdict on each proposal as shares of respondents:

    "In the survey, 64% of respondents disagreed with moving consultant-led births to Kelderby and 69% disagreed
     with the change to overnight emergency care at Ashfield. 78% agreed with the proposal for Community Health Hubs."
    "In the staff survey, 47% agreed with the proposal, 38% disagreed and 15% were unsure."

Each object gets one position, held by the respondents, with the stance of the largest share stated for it and that
share as the quantifier; "unsure" and "neither" shares state no stance. A bare share ("78% agreed") continues the
respondents of the sentence before. An object that only points back ("the proposal", "it", "this") is left to the
caller, which knows the proposal in hand.

>>> [(r.share, r.stance, r.claim) for r in survey_results("In the survey, 64% of respondents disagreed with moving "
...     "births to Kelderby and 69% disagreed with the change to overnight care at Ashfield.")]
[('64%', 'oppose', 'moving births to Kelderby'), ('69%', 'oppose', 'the change to overnight care at Ashfield')]
>>> [(r.share, r.stance, r.claim, r.staff) for r in survey_results("In the staff survey, 47% agreed with the proposal, "
...     "38% disagreed and 15% were unsure.")]
[('47%', 'support', 'the proposal', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SHARE = r"(?P<pct>\d{1,3}(?:\.\d)?)\s?(?:%|per\s?cent)"
_WHO = (r"(?:\s+of\s+(?P<who>(?:all\s+|the\s+)?(?:survey\s+|questionnaire\s+|online\s+)?(?:respondents|those\s+who\s+(?:responded|"
        r"answered|replied|took\s+part)|people\s+who\s+(?:responded|answered)|responses|staff|residents|members)"
        r"(?:\s+(?:in|from)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?))?")
_VERB = (r"(?P<verb>(?:strongly\s+|broadly\s+|tended\s+to\s+)?(?:agreed|disagreed|supported|opposed|favoured|favored|"
         r"backed|rejected)|were\s+(?:in\s+favour|against|opposed|supportive|unsure|undecided|neutral)|"
         r"(?:said|answered)\s+(?:yes|no)|neither\s+agreed\s+nor\s+disagreed|did\s+not\s+know)")
_OBJECT = r"(?:\s+(?:with|of|to)\b)?(?:\s+(?!and\s+\d)(?P<what>(?:(?!\s+and\s+\d|\s*[,;.:](?:\s|$)).){2,160}))?"
_RESULT = re.compile(_SHARE + _WHO + r"\s+" + _VERB + _OBJECT + r"(?=\s*[,;.:](?:\s|$)|\s+and\s+\d|\s*$)", re.I)
_STANCE = {"agreed": "support", "supported": "support", "favoured": "support", "favored": "support", "backed": "support",
           "in favour": "support", "supportive": "support", "yes": "support",
           "disagreed": "oppose", "opposed": "oppose", "rejected": "oppose", "against": "oppose", "no": "oppose"}


@dataclass(frozen=True)
class SurveyResult:
    share: str  # "64%"
    stance: str  # support | oppose
    claim: str  # what the share agreed or disagreed with, as written ("the proposal" when it points back)
    staff: bool  # the staff survey, not the public's
    span: tuple[int, int]  # where the share's clause is, in the sentence


def _stance(verb: str) -> str | None:
    words = verb.casefold().split()
    for n in (2, 1):
        key = " ".join(words[-n:])
        if key in _STANCE:
            return _STANCE[key]
    return None


def survey_results(sentence: str) -> list[SurveyResult]:
    """The survey shares a sentence reports, one per object (its largest share with a stance)."""
    staff = re.search(r"\bstaff\s+(?:survey|questionnaire)\b", sentence, re.I) is not None
    found: list[tuple[float, SurveyResult]] = []
    last_what: str | None = None
    for m in _RESULT.finditer(sentence):
        what = (m.group("what") or "").strip(" \"'“”")
        if not what:
            what = last_what or ""  # "38% disagreed": the object of the share before
        else:
            last_what = what
        stance = _stance(m.group("verb"))
        if stance is None or not what:
            continue
        found.append((float(m.group("pct")), SurveyResult(f"{m.group('pct')}%", stance, what, staff, m.span())))
    best: dict[str, tuple[float, SurveyResult]] = {}
    for pct, r in found:
        key = r.claim.casefold()
        if key not in best or pct > best[key][0]:
            best[key] = (pct, r)
    return [r for _pct, r in sorted(best.values(), key=lambda x: x[1].span)]
