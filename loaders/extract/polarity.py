"""Polarity: a claim stated negatively becomes the positive proposition with the stance turned round.

Holders on opposite sides of one question say it in opposite forms: a committee recommends "a ban on black
trays", an industry body says "a ban should not be necessary", a witness says "a ban would not have much
impact". Read literally, all three *support* three different claims, and nothing conflicts. Turned to their
positive forms (the proposition, and a stance on it), the industry body and the witness *oppose* "a ban" and
"a ban would have much impact", so that merging can put them on the committee's claim and the tension shows,
with its sides the right way round.

Only the main predicate is turned, and only in forms that need no conjugation:

* a modal or a form of *be* with ``not``: "X should not Y" -> "X should Y"; "X would not work" -> "X would work";
  "X is not the answer" -> "X is the answer";
* a verdict on a proposal: "X is unnecessary / premature / disproportionate / a mistake / would be
  disruptive" -> "X" (and "X is not necessary" likewise); "X is essential / welcome / the right approach" keeps
  its stance. Verdicts on amounts ("too little", "insufficient") stay as they are: "£120 million is too
  little" is a proposition of its own, not a proposal;
* "No X should Y" -> "X should Y"; "Nobody should Y" stays;
* a denial: "there is little (or no) evidence that X", "it is not (true | the case | clear | accepted) that X",
  "it is denied that X",
  "they would not want to be limited to X" -> "X".

"not only", "cannot be overstated", "not least" and negations inside a subordinate clause are left alone.

>>> positive_form("A ban should not be necessary")
(True, 'A ban')
>>> positive_form("No ban should take effect before 2029")
(True, 'A ban should take effect before 2029')
>>> positive_form("A ban would not have much impact on the overall recycling rate")
(True, 'A ban would have much impact on the overall recycling rate')
>>> positive_form("There is little evidence that the pledge changed behaviour")
(True, 'The pledge changed behaviour')
>>> positive_form("It is not accepted, however, that the landlord ignored the warnings")
(True, 'The landlord ignored the warnings')
>>> positive_form("Pay must not only rise but keep pace with the NHS")
(False, 'Pay must not only rise but keep pace with the NHS')
"""

from __future__ import annotations

import re

_AUX = r"(?:should|must|would|will|could|can|may|might|shall|is|are|was|were|has|have|had)"
#: words that cannot end a subject (a verb group or clause has begun before the auxiliary)
_SUBJECT = r"(?P<subj>(?!(?:it|there|this|that|we|i|they|he|she|you)\b)[A-Za-z0-9£$%“”\"'‘’(][^,;:.?!]{0,90}?)"
_NOT_PREDICATE = re.compile(r"^" + _SUBJECT + r"\s+(?P<aux>" + _AUX + r")(?:\s+not\b|n['’]t\b)\s+(?!only\b|least\b|merely\b|just\b|"
                            r"simply\b|be\s+(?:overstated|underestimated|ignored)\b)(?P<rest>.+)$", re.I)
_CANNOT = re.compile(r"^" + _SUBJECT + r"\s+(?:cannot|can['’]t)\s+(?!be\s+(?:overstated|underestimated)\b)(?P<rest>.+)$", re.I)
_NEGATIVE_VERDICT = (
    r"(?:unnecessary|not\s+necessary|not\s+needed|not\s+required|not\s+justified|unjustified|premature|disproportionate|"
    r"counter-?productive|unworkable|impractical|unrealistic|ineffective|not\s+effective|inappropriate|not\s+appropriate|"
    r"misguided|misplaced|misconceived|mistaken|untenable|unfounded|flawed|wrong|a\s+mistake|an?\s+(?:serious\s+|grave\s+)?error|disruptive|harmful|damaging|"
    r"unfair|unaffordable|too\s+blunt(?:\s+an?\s+instrument)?|"
    r"not\s+(?:the\s+(?:answer|solution|right\s+approach|way\s+forward)))"
    r"(?:\s+and\s+(?:unnecessary|disruptive|premature|costly|unworkable|disproportionate|unfair|harmful|damaging|misguided|wrong))?")
_POSITIVE_VERDICT = (r"(?:essential|vital|necessary|needed|required|crucial|welcome|the\s+right\s+(?:approach|answer|thing\s+to\s+do)|"
                     r"the\s+(?:answer|solution|way\s+forward)|justified|appropriate|sensible|long\s+overdue|overdue)")
_VERDICT = re.compile(r"^" + _SUBJECT + r"\s+(?:is|are|was|were|(?:would|will|should|could|might|may)(?P<neg>\s+not)?\s+be|seems?|"
                      r"seemed|appears?|appeared|remains?|has\s+been|had\s+been|would\s+have\s+been)\s+(?:(?:also|simply|clearly|both|wholly|"
                      r"entirely|quite|plainly|therefore|now|still)\s+)*(?P<v>" + _NEGATIVE_VERDICT + r"|" + _POSITIVE_VERDICT +
                      r")(?:\s+(?:at\s+this\s+stage|at\s+present|now|yet|in\s+practice))?\s*$", re.I)
_NO_SUBJECT = re.compile(r"^No\s+(?P<rest>(?!one\b|longer\b|doubt\b|matter\b)[a-z][^,;:]*?\s+" + _AUX + r"\b.+)$", re.I)
_DENIAL = re.compile(r"^(?:there\s+(?:is|was|has\s+been)\s+(?:very\s+)?(?:little|no|scant|limited)\s+(?:hard\s+|robust\s+|real\s+|clear\s+)?"
                     r"evidence\s+(?:that|of)\s+|it\s+is\s+not(?:,\s+however,)?\s+(?:true|the\s+case|clear|obvious|evident|right|accepted|admitted|"
                     r"conceded|agreed)(?:,\s+however,)?\s+that\s+|it\s+is\s+(?:denied|disputed)\s+that\s+|"
                     r"(?:(?:they|we|he|she|it|people|participants|some|many|these|those|respondents)\s+)?(?:would|do|did|does|could|will)\s+"
                     r"not\s+(?:want|wish|like|support|accept|agree(?:\s+with)?|favour|welcome|back|endorse)\s+(?:to\s+)?|"
                     # a plea against an act: "Please don't give the industry three years", "Do not weaken clause 8"
                     r"(?:(?:and|so|but)\s+)?(?:please\s+)?(?:do\s+not|don['’]t|never)\s+(?=(?:give|let|allow|grant|pass|approve|accept|"
                     r"delay|weaken|water\s+down|scrap|cut|remove|drop|extend|raise|lower|impose|introduce|repeal|exempt|"
                     r"put\s+off|push\s+back)\b))(?P<rest>.+)$",
                     re.I)


def _cap(text: str) -> str:
    text = text.strip(" ,;:")
    return text[:1].upper() + text[1:] if text else text


def _article(subject: str) -> str:
    """'ban should ...' after 'No' takes an article again: 'A ban should ...'."""
    word = subject.split()[0] if subject.split() else ""
    if word.endswith("s") and not word.endswith("ss") or word[:1].isupper():
        return subject
    return ("An " if word[:1].casefold() in "aeiou" else "A ") + subject


def denied(claim: str) -> tuple[bool, str]:
    """(True, X) for a denial of X ("there is little evidence that X", "they would not want to be limited to X"):
    the claim is X and the stance on it the opposite, always."""
    text = " ".join(claim.split()).strip(" .")
    m = _DENIAL.match(text)
    if m and len(m.group("rest").split()) >= 2:
        return True, _cap(m.group("rest"))
    return False, claim


def apply_denial(claim: str, stance: str) -> tuple[str, str]:
    """(claim, stance) with a denial read: denying X is the opposite stance on X ("neutral" stays).

    >>> apply_denial("It is denied that the landlord ignored the warnings", "support")
    ('The landlord ignored the warnings', 'oppose')
    >>> apply_denial("And please don't give the industry three years", "support")
    ('Give the industry three years', 'oppose')
    >>> apply_denial("Don't get me wrong, the levy matters", "support")
    ("Don't get me wrong, the levy matters", 'support')
    """
    negated, inner = denied(claim)
    if not negated or stance not in ("support", "oppose"):
        return claim, stance
    return inner, "oppose" if stance == "support" else "support"


def positive_form(claim: str) -> tuple[bool, str]:
    """(turned, text): the claim's positive proposition, and whether the stance on it is the opposite.

    The extractor turns a denial always (:func:`denied`), the other forms only where the positive
    proposition is what another holder states, so that the two meet on one claim.
    """
    text = " ".join(claim.split()).strip(" .")
    if not text:
        return False, claim
    turned, rest = denied(text)
    if turned:
        return True, rest
    m = _VERDICT.match(text)
    if m and len(m.group("subj").split()) <= 14:
        negative = (re.match(_NEGATIVE_VERDICT, m.group("v"), re.I) is not None) != bool(m.group("neg"))
        return negative, _cap(m.group("subj"))
    m = _NO_SUBJECT.match(text)
    if m:
        return True, _cap(_article(m.group("rest")))
    for pattern in (_NOT_PREDICATE, _CANNOT):
        m = pattern.match(text)
        if m and len(m.group("subj").split()) <= 14 and not re.search(r"\b(?:who|which|that|if|when|where|because|although)\b",
                                                                       m.group("subj"), re.I):
            aux = m.groupdict().get("aux") or "can"
            return True, _cap(f"{m.group('subj')} {aux.casefold()} {m.group('rest')}")
    return False, claim
