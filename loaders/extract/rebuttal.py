"""Report and rebuttal: a speaker who reports a proposal and then answers it holds the opposite of it.

Hearings, debates and committee reports argue by quoting the other side first:

    "The Carers Network submit that the module should be divided into three sub-modules. [...]
     In our submission, no such division is necessary."
    "It is further suggested that the scope should be re-worded. My Lady, that is an unnecessary amendment."
    "Some have argued that the duty should be delayed. We do not accept that."

The report is the other side's position (its holder, when named, holds it; an agentless "it is said that" has no
holder here, and is certainly not the speaker's own). The answer, a short anaphoric verdict ("that is
unnecessary", "no such X is necessary", "we do not accept that"), makes the speaker an opponent of *the reported
claim itself*, so that both sides meet on one claim and the dispute shows as a tension. An answer in agreement
("we agree", "that is right") makes the speaker a supporter.

>>> answer("In our submission, no such division is necessary.")
'oppose'
>>> answer("My Lady, in our submission, that is an unnecessary amendment.")
'oppose'
>>> answer("We do not accept that.")
'oppose'
>>> answer("With respect, the rainfall record says otherwise.")
'oppose'
>>> answer("We agree.")
'support'
>>> answer("We do not accept that the pledge has failed.") is None   # a claim of its own: the attribution rules read it
True

A refusal that names what it refuses ("it will not be necessary or proportionate to examine all the settings",
"the Inquiry will be unable to examine every issue") answers a reported proposal it shares words with
(:func:`refusal` gives what is refused; the caller checks the overlap):

>>> refusal("So although there are many settings, it will not be necessary or proportionate to examine all the settings.")
'examine all the settings'
>>> refusal("It is not possible to examine each and every area of concern, nor would it be proportionate to do so.")
'examine each and every area of concern'
>>> refusal("The Inquiry will keep that matter under review.") is None
True
"""

from __future__ import annotations

import re

#: verbs of an agentless report ("it is said that X"): in a speaker's turn, somebody else's claim. Not "it is
#: submitted / accepted / agreed / recognised that", which in a submission are the speaker's own.
REPORTED_VERBS = frozenset({"said", "suggested", "argued", "claimed", "proposed", "contended", "asserted", "alleged"})

_LEAD = re.compile(
    r"^(?:(?:my\s+lady|my\s+lord|sir|madam|chair|mr\s+speaker|madam\s+deputy\s+speaker|with\s+(?:great\s+)?respect|"
    r"however|but|and|so|frankly|respectfully|in\s+(?:our|my)\s+(?:respectful\s+)?(?:submission|view|opinion|judgment)|"
    r"we\s+(?:say|submit)(?:\s+that)?|i\s+(?:say|submit)(?:\s+that)?|it\s+is\s+submitted(?:\s+that)?|"
    r"in\s+(?:short|any\s+event|truth|fact|reality))\s*,?\s*)+", re.I)
_ANAPHOR = r"(?:that|this|it|such\s+an?\s+\w+(?:\s+\w+)?|these\s+\w+|those\s+\w+|this\s+\w+|that\s+\w+)"
_VERDICT_NEG = (r"(?:(?:an?\s+)?(?:wholly\s+|entirely\s+|quite\s+|simply\s+|plainly\s+|clearly\s+)?(?:unnecessary|disproportionate|inappropriate|"
                r"unworkable|premature|misconceived|mistaken|impractical|unrealistic|unjustified|unwarranted|wrong|"
                r"not\s+(?:necessary|needed|required|right|correct|so|the\s+case|justified|appropriate|practical|realistic|"
                r"feasible|possible|proportionate|warranted|accepted))(?:\s+(?:\w+\s+){0,2}?(?:amendment|change|step|"
                r"addition|division|course|proposal|suggestion|approach|request|idea))?)")
_VERDICT_POS = r"(?:right|correct|a\s+(?:good|sensible|fair)\s+(?:point|suggestion|idea|proposal)|sensible|welcome)"
_OPPOSE = re.compile(
    r"^(?:" + _ANAPHOR + r"\s+(?:is|are|was|would\s+be|will\s+be|seems?|appears?)\s+" + _VERDICT_NEG +
    r"|no\s+such\s+\w+(?:\s+\w+)?\s+(?:is|are|would\s+be|will\s+be|seems?)\s+(?:necessary|needed|required|justified|"
    r"appropriate|warranted|proportionate)"
    r"|(?:we|i)\s+(?:do\s+not|don[’']t|cannot|can[’']t|would\s+not)\s+(?:accept|agree(?:\s+with)?|support)(?:\s+" + _ANAPHOR +
    r"|\s+(?:the|that|this)\s+(?:suggestion|proposal|submission|argument|view|request))?"
    r"|(?:we|i)\s+(?:reject|disagree\s+with|resist|oppose)\s+(?:" + _ANAPHOR + r"|(?:the|that|this)\s+(?:suggestion|proposal|"
    r"submission|argument|view|request))"
    r"|(?:we|i|(?:our|my)\s+members|(?:our|my)\s+(?:colleagues|clients))(?:,[^,]{3,80},)?\s+(?:(?:would|do|must|strongly|"
    r"respectfully|profoundly)\s+)*disagree"
    # the record answers it: "the rainfall record says otherwise", "the evidence shows otherwise"
    r"|(?:the\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,2}(?:record|records|evidence|figures|data|facts|history|science|research|"
    r"documents|statistics)\s+(?:says?|shows?|suggests?|indicates?|tells?\s+(?:us\s+)?)\s*otherwise)\s*[.!]?$", re.I)
_SUPPORT = re.compile(
    r"^(?:(?:we|i)\s+(?:agree|accept\s+" + _ANAPHOR + r"|support\s+" + _ANAPHOR + r"|agree\s+with\s+" + _ANAPHOR + r")"
    r"|" + _ANAPHOR + r"\s+(?:is|would\s+be|seems?)\s+" + _VERDICT_POS + r")\s*[.!]?$", re.I)


def answer(sentence: str) -> str | None:
    """'oppose' or 'support' for a short verdict on something just said, else None."""
    text = _LEAD.sub("", " ".join(sentence.split())).strip()
    if len(text.split()) > 12:
        return None
    if _OPPOSE.match(text):
        return "oppose"
    if _SUPPORT.match(text):
        return "support"
    return None


_REFUSAL = re.compile(
    r"\b(?:it\s+(?:will|would|is|was|could)\s+(?:not|neither)\s+(?:be\s+)?(?:necessary|possible|proportionate|practicable|"
    r"practical|feasible|appropriate|realistic|right|sensible)(?:\s+(?:or|nor)\s+(?:be\s+)?\w+)?\s+(?:for\s+[\w\s]{1,40}?\s+)?to|"
    r"(?:the\s+\w+|we|i)\s+(?:will|shall|would)\s+(?:be\s+)?(?:unable|not\s+be\s+able)\s+to|"
    r"(?:the\s+\w+|we|i)\s+(?:will|shall|can|could|do|does)\s+not\s+(?:intend\s+to|propose\s+to|be\s+able\s+to)|"
    r"(?:the\s+\w+|we|i)\s+(?:cannot|can[’']t|will\s+not|won[’']t|do\s+not\s+intend\s+to|does\s+not\s+intend\s+to))"
    r"\s+(?P<what>(?:examine|consider|investigate|look\s+(?:at|into)|address|cover|include|hear|explore|review|"
    r"accept|adopt|extend|widen|expand|reopen)\b[^,;.]{3,120})", re.I)


def refusal(sentence: str) -> str | None:
    """What a refusal refuses ("to examine all the settings" -> 'examine all the settings'), else None."""
    m = _REFUSAL.search(" ".join(sentence.split()))
    if not m:
        return None
    return re.sub(r",?\s+(?:nor|or|and|but)\s+(?:would|will|is|was|could)\b.*$", "", m.group("what")).strip()


#: what an examiner puts to a witness: "Do you accept that P?", "Is it right that P?", "Would you agree that P?"
_PUT = re.compile(r"^(?:(?:and|but|so|now|then|mr|mrs|ms|dr|[A-Z][a-z]+\.?),?\s+)*(?:would|will|could|do)\s+(?:you|your\s+members|"
                  r"the\s+(?:association|federation|council|union|coalition|department|government))\s+(?:then\s+)?"
                  r"(?:support|accept|back|welcome|favour|favor|agree\s+(?:to|with))\s+(?!that\b|it\b|this\b)(?P<r>[^?]{6,160}?)"
                  r"(?:,\s+(?:then|Senator|Mr\.?|Ms\.?|Dr\.?|Chair|Minister)[^?]{0,40})?\s*\?$|"
                  r"^(?:(?:and|but|so|now|then|mr|mrs|ms|dr|[A-Z][a-z]+),?\s+)*(?:do|would|will|can|did)\s+you\s+(?:now\s+)?"
                  r"(?:accept|agree|acknowledge|concede|recognise|recognize)\s+(?:with\s+\w+\s+)?that\s+(?P<p>.+?)\s*\?$|"
                  r"^(?:(?:and|but|so|now),?\s+)?(?:is|was|would)\s+it\s+(?:be\s+)?(?:right|fair|correct|true|accurate)\s+"
                  r"(?:to\s+say\s+)?that\s+(?P<q>.+?)\s*\?$", re.I)
#: a witness's first words in reply: yes or no to the proposition put
_YES = re.compile(r"^(?:(?:we|i)(?:['’]d|\s+would)\s+(?:welcome|support|accept|back)\s+(?:it|that)(?:,\s+yes)?\s*[.!,]|"
                  r"(?:yes|yes,?\s+(?:it\s+is|i\s+do|that(?:'s|\s+is)\s+right)|it\s+(?:is|was|did)|correct|that(?:'s|\s+is|"
                  r"\s+was)\s+(?:right|correct|true|fair|so|accurate))\s*[.!,]|(?:i\s+do(?:\s+accept\s+that)?|i\s+accept\s+"
                  r"(?:that|it)|i\s+agree(?:\s+with\s+that)?)\s*[.!])", re.I)  # "I accept that, with hindsight, ...": qualified
_NO = re.compile(r"^(?:(?:we|i)(?:['’]d|\s+would)\s+not(?:\s+(?:support|accept|welcome|back)\s+(?:it|that))?|"
                 r"(?:we|i)\s+(?:could|can)(?:not|n['’]t)\s+(?:support|accept)\s+(?:it|that)|no|not\s+at\s+all|i\s+do\s+not|i\s+don[’']t(?:\s+accept\s+that)?|i\s+do\s+not\s+accept\s+(?:that|it)|"
                 r"i\s+(?:reject|dispute|disagree\s+with)\s+(?:that|it)|i\s+disagree|it\s+(?:is|was|did)\s*(?:not|n[’']t)|"
                 r"that(?:'s|\s+is|\s+was)\s+(?:not\s+(?:right|correct|true|fair|so|accurate)|wrong|untrue))\s*[.!,]", re.I)


def put_to_witness(question: str) -> str | None:
    """The proposition a question puts ("Do you accept that the warning was late?" -> 'the warning was late'; "Would
    you support bringing the seed ban forward to 2028?" -> 'bringing the seed ban forward to 2028'), else None.

    >>> put_to_witness("Ms Ormiston, would you support bringing the seed ban forward to 2028?")
    'bringing the seed ban forward to 2028'
    >>> reply("We'd welcome it."), reply("We would not support that."), reply("No, we could not.")
    ('support', 'oppose', 'oppose')
    """
    m = _PUT.match(" ".join(question.split()))
    return (m.group("p") or m.group("q") or m.group("r")) if m else None


def reply(sentence: str) -> str | None:
    """'support' or 'oppose' for a witness's first words in answer to a proposition put ("Yes.", "I do accept that.",
    "No.", "I don't accept that."), else None."""
    text = " ".join(sentence.split())
    if _NO.match(text):
        return "oppose"
    if _YES.match(text):
        return "support"
    return None


#: a sentence that only takes another holder's side: "We agree with the network.", "I share Ms Halpin's concerns
#: entirely.", "We'd support the federation's call for 2033.", "I disagree with Mr Okafor on this."
_NAME_WORD = r"[\w&-]+(?:['’](?-i:[A-Z])\w*)?\.?"  # ("Mr.", "O'Brien"; not "federation's")
#: a holder named by title, whom "I am with" sides with ("I am with Ms Harrowby"; not "I'm with the Sierra Club", a witness's
#: own body)
_TITLED = (r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Professor|Senator|Deputy|Councillor|Cllr|Sir|Dame|Lord|Lady|Baroness)\b|the\s+(?:noble|hon|"
           r"right\s+hon|honourable|member|minister|senator|deputy|reeve|mayor|chief|councillor|previous\s+speaker|witness|"
           r"chair|convener)\b|my\s+(?:noble|hon|right\s+hon|honourable)\b)")
_ENDORSE = re.compile(
    r"^(?:(?:yes|no|well|so|and|but|frankly|again|equally|similarly|for\s+(?:our|my)\s+part)\s*,?\s+)*"
    r"(?P<me>I|we)(?:['’]d|\s+would|\s+do|\s+also|\s+fully|\s+entirely|\s+certainly|\s+strongly|\s+broadly|\s+very\s+much|"
    r"\s+largely|\s+completely|\s+wholeheartedly|\s+therefore|\s+too|\s+have\s+to|\s+must|\s+respectfully)*\s+"
    r"(?P<verb>agree|concur|side|disagree|differ|take\s+issue|part\s+(?:ways|company)|echo|share|endorse|support|back|reject|"
    r"stand(?=\s+with\b)|(?:am|are)(?=\s+with\s+" + _TITLED + r")|"
    r"(?:do\s+not|don['’]t|cannot|can['’]t|could\s+not|couldn['’]t)\s+(?:accept|agree|share|support))\s+"
    r"(?:with\s+)?(?:(?:every\s+word|much|a\s+lot|a\s+great\s+deal|most|all)\s+(?:of\s+)?(?:(?:what|that)\s+)?)?"
    r"(?P<who>(?:the\s+|my\s+|our\s+)?" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,5}?)"
    r"(?:['’]s?\s+(?P<what>calls?|views?|position|proposals?|points?|arguments?|evidence|submission|recommendations?|"
    r"suggestions?|concerns?|figures?|estimates?|case|analysis|assessment|amendments?|objections?|doubts?|reservations?))?"
    r"(?:\s+(?:has\s+|had\s+|just\s+)?(?:said|says|put\s+it|told\s+us|set\s+out))?"
    r"(?P<tail>\s+(?:for|on|about|over|regarding|in\s+relation\s+to)\s+(?!this\b|that\b)[^.;:!?]{1,80}?)?"
    r"(?:\s+(?:entirely|completely|fully|wholeheartedly|on\s+(?:this|that)(?:\s+(?:one|point|issue|question))?|here|there|too|"
    r"as\s+well))*(?:,\s+which\s+(?:may|might|will|would)\s+surprise\s+\w+)?\s*[.!]?$", re.I)
#: taking a side on what a holder said, named after what it is: "We share the concern of Homeowner Help Scotland about
#: owners whose flats ...", "We support the proposal from PMS for a threshold"
_ENDORSE_OF = re.compile(
    r"^(?:(?:yes|well|so|and|but|equally|similarly)\s*,?\s+)*(?:I|we)(?:\s+(?:also|fully|entirely|certainly|strongly|broadly|"
    r"very\s+much|largely|therefore|too))*\s+(?:share|support|echo|endorse|agree\s+with|see\s+(?:some\s+|real\s+|much\s+)?merit\s+in)\s+"
    r"the\s+(?P<what>concerns?|views?|position|proposals?|points?|call|case|arguments?|recommendations?|suggestions?|objections?|"
    r"reservations?)\s+(?:of|from|made\s+by|put\s+(?:forward\s+)?by|raised\s+by|expressed\s+by)\s+"
    r"(?P<who>(?:the\s+)?" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,5}?)"
    r"(?P<tail>\s+(?:for|on|about|over|regarding|that)\s+[^.;:!?]{1,120}?)?"
    r"(?:,?\s+and\s+(?:ask|urge|invite|recommend)\s+[^.;!?]{1,120})?\s*$", re.I)
#: a verdict on another holder, which takes their side (or the other): "Empty Homes Action is right.", "I think that the
#: Partnership is right.", "The noble Baroness is right about that.", "Mr Kerr is wrong about the fares."
_IS_RIGHT = re.compile(
    r"^(?:(?:yes|well|so|and|but|frankly|again|equally|(?:I|we)\s+(?:think|believe)(?:\s+that)?)\s*,?\s+)*"
    r"(?P<who>(?:the\s+|my\s+)?" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,5}?)\s+(?:is|are|was|were)\s+(?:quite\s+|absolutely\s+|"
    r"entirely\s+|exactly\s+|perfectly\s+|surely\s+|simply\s+)?(?P<verdict>right|correct|wrong|mistaken)"
    r"(?P<tail>\s+(?:about|on)\s+(?!this\b|that\b|it\b)[^.;:!?]{1,80}?)?(?:\s+(?:about|on)\s+(?:this|that|it)(?:\s+(?:point|issue))?|"
    r"\s+here|\s+there|\s+too)*\s*$", re.I)
_NOT_SOMEONE = re.compile(r"^(?:(?:the|this|that|these|those|it|its|them|him|her|you|your|what|much|all|everything|"
                          r"some|part|parts|a|an|clause|section|schedule|amendment|bill|motion|proposals?|recommendations?)\b|\d)",
                          re.I)
_AGAINST = re.compile(r"^(?:disagree|differ|take\s+issue|part|reject|do\s+not|don|cannot|can|could|couldn)", re.I)


def endorsement(sentence: str) -> tuple[str, bool, str, str] | None:
    """(whom, against, about, what) for a sentence that only takes another holder's side, else None: `against` when
    it disagrees, `about` what the sentence narrows it to ("for 2033"), `what` the kind of point it takes ("figure",
    "concerns"; "" for the holder alone).
    Supporting or sharing needs something of theirs to take ("the federation's call"); agreeing may name the holder
    alone.

    >>> endorsement("We agree with the network.")
    ('the network', False, '', '')
    >>> endorsement("We'd support the federation's call for 2033.")
    ('the federation', False, 'for 2033', 'call')
    >>> endorsement("I share Ms Halpin's concerns entirely.")
    ('Ms Halpin', False, '', 'concerns')
    >>> endorsement("I disagree with Mr Okafor on this point.")
    ('Mr Okafor', True, '', '')
    >>> endorsement("But we part ways with Gordon on security.")
    ('Gordon', True, 'on security', '')
    >>> endorsement("We don't accept the federation's figure.")
    ('the federation', True, '', 'figure')
    >>> endorsement("We share the concern of Homeowner Help Scotland about owners whose flats may become hard to sell.")
    ('Homeowner Help Scotland', False, 'about owners whose flats may become hard to sell', 'concern')
    >>> endorsement("We see merit in the proposal from PMS for a threshold, and ask the Government to consider it.")
    ('PMS', False, 'for a threshold', 'proposal')
    >>> endorsement("I am with Ms Harrowby on this one, which may surprise her.")
    ('Ms Harrowby', False, '', '')
    >>> endorsement("We stand with the reeve.")
    ('the reeve', False, '', '')
    >>> endorsement("I'm with the Sierra Club.") is None, endorsement("We are with you.") is None
    (True, True)
    >>> endorsement("I think that the Partnership is right.")
    ('the Partnership', False, '', '')
    >>> endorsement("Mr Kerr is wrong about the fares.")
    ('Mr Kerr', True, 'about the fares', '')
    >>> endorsement("That is right.") is None, endorsement("They are right.") is None
    (True, True)
    >>> endorsement("We support the bill.") is None, endorsement("I agree with that.") is None
    (True, True)
    """
    flat = " ".join(sentence.split()).rstrip(".! ")
    flat = re.sub(r"\b(I|we)['’](m|re)\b", lambda m: f"{m.group(1)} {'am' if m.group(2) == 'm' else 'are'}", flat, flags=re.I)
    of = _ENDORSE_OF.match(flat)
    if of is not None and not _NOT_SOMEONE.match(re.sub(r"^(?:the|my|our)\s+", "", of.group("who"), flags=re.I)):
        # "We share the concern of Homeowner Help Scotland about ...": theirs named after what it is
        return of.group("who"), False, (of.group("tail") or "").strip(), of.group("what").casefold()
    right = _IS_RIGHT.match(flat)
    if right is not None:  # "Empty Homes Action is right.": their side; "Mr Kerr is wrong about the fares.": the other
        who = right.group("who")
        bare = re.sub(r"^(?:the|my)\s+", "", who, flags=re.I)
        if _NOT_SOMEONE.match(bare) or re.match(r"(?:they|he|she|we|I|you|everyone|everybody|nobody|people|who)\b", bare, re.I) \
                or bare == who and who[:1].islower():
            return None
        return who, right.group("verdict").casefold() in ("wrong", "mistaken"), (right.group("tail") or "").strip(), ""
    m = _ENDORSE.match(flat)
    if m is None:
        return None
    who, verb = m.group("who"), m.group("verb").casefold()
    needs_theirs = not verb.startswith(("agree", "concur", "side", "disagree", "differ", "take", "part", "echo", "don", "do not",
                                        "cannot", "can", "could", "stand", "am", "are")) or verb.endswith(("share", "support"))
    if needs_theirs and not m.group("what"):
        return None
    bare = re.sub(r"^(?:the|my|our)\s+", "", who, flags=re.I)
    if _NOT_SOMEONE.match(bare) or (bare == who and who[:1].islower()):
        return None
    return who, _AGAINST.match(verb) is not None, (m.group("tail") or "").strip(), (m.group("what") or "").casefold()
