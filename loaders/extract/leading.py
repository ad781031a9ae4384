"""Leading questions: a question put so that it asserts its answer.

In a debate or a hearing, "Does the hon. Gentleman not accept that allocating quota on track record alone rewards
those who already hold the most?" is no request for information: the member asserts what follows "that". The
same holds for "Is it not the case that ...?", "Would she agree that ...?" and "Is that not an argument for ...?".
A question that asks what the other side thinks ("Does the Minister intend to ...?", "What will she do about
...?") asserts nothing and stays a question.

>>> s = "Does the hon. Gentleman not accept that quota rewards those who already hold the most?"
>>> s[slice(*leading_question(s))]
'quota rewards those who already hold the most'
>>> s = "Is it not the case that the developers, who make the profits, should be paying?"
>>> s[slice(*leading_question(s))]
'the developers, who make the profits, should be paying'
>>> s = "Is that not an argument for treating each site on its merits?"
>>> s[slice(*leading_question(s))]
'treating each site on its merits'
>>> leading_question("Does the Minister intend to publish the criteria?") is None
True
"""

from __future__ import annotations

import re

#: who is asked: the member addressed, the Minister, a pronoun for either
_ADDRESSEE = (r"(?:the\s+(?:right\s+)?(?:hon\.?|honourable|noble|learned)\s+(?:and\s+\w+\s+)?(?:Gentleman|Lady|Member|Friend|Lord|"
              r"Baroness)(?:\s+for\s+[^?,]{2,60}?)?|my\s+(?:right\s+)?(?:hon\.?|honourable|noble)\s+Friend(?:\s+the\s+Member\s+for"
              r"\s+[^?,]{2,60}?)?|the\s+Minister|the\s+Secretary\s+of\s+State|the\s+witness|she|he|you|they)")
_AGREE = r"(?:accept|agree|recognise|recognize|acknowledge|concede|think|believe|share\s+my\s+view|understand)"
_LEADING = (
    # "Does the hon. Gentleman (not) accept that P?", "Would she agree with me that P?"
    re.compile(r"^\s*(?:(?:but|and|so|surely|however|then),?\s+)?(?:does|do|would|will|did|can|could|doesn['’]t|won['’]t|"
               r"wouldn['’]t)\s+" + _ADDRESSEE + r"\s+(?:not\s+)?(?:at\s+least\s+|also\s+|now\s+)?" + _AGREE +
               r"(?:\s+with\s+me)?\s+that\s+(?P<p>.+?)\s*\?\s*$", re.I),
    # "Is it not the case that P?", "Is it not true that P?", "Isn't it a fact that P?"
    re.compile(r"^\s*(?:(?:but|and|so|surely),?\s+)?(?:is|was|isn['’]t|wasn['’]t)\s+it\s+(?:not\s+)?(?:the\s+case|true|right|"
               r"a\s+fact|clear|obvious|the\s+reality)\s+that\s+(?P<p>.+?)\s*\?\s*$", re.I),
    # "Is that not an argument for X?", "Is this not the case for X?"
    re.compile(r"^\s*(?:(?:but|and|so|surely),?\s+)?(?:is|isn['’]t)\s+(?:that|this)\s+(?:not\s+)?(?:an?|the)\s+(?:(?:strong|good|"
               r"powerful)\s+)?(?:argument|case|reason)\s+for\s+(?P<p>.+?)\s*\?\s*$", re.I),
)


def leading_question(sentence: str) -> tuple[int, int] | None:
    """The span, in `sentence`, of what a leading question asserts; None for any other sentence."""
    for pattern in _LEADING:
        m = pattern.match(sentence)
        if m and len(m.group("p").split()) >= 3:
            return m.span("p")
    return None
