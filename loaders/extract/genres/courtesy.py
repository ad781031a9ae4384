"""What a speaker says to run the proceedings, not to take a position: courtesies and signposts.

Shared by the genres that read speakers' turns (debates and hearings): thanks and congratulations, welcoming a
member "to her place", wishing the House "a good recess", putting thanks "on record", acknowledging "the hon.
Gentleman's point", "let me turn to ...", "I will write to the noble Lord". Each genre adds its own
(a debate's "I beg to move", a hearing's "instructed by").

>>> courtesy("Again, I acknowledge the hon. Gentleman's point and will follow up on it.")
True
>>> courtesy("I welcome the right hon. Member for Malvern Chase to her place and to her first Opposition day debate.")
True
>>> courtesy("I welcome the three-year settlement; it is the right reform.")
False
>>> courtesy("I wish the hon. Gentleman and other Members present a good recess.")
True
>>> courtesy("I wish the Government had listened to the councils.")
False
>>> courtesy("I take the hon. Lady's point, but the figures are wrong.")
False
>>> courtesy("I fear that I will have to write on some of the points raised.")
True
>>> courtesy("First, I should comment on the uniformly thoughtful contributions from Back Benchers.")
True
>>> courtesy("I do not want to detain the House for too long, so I will not go into detail.")
True
>>> courtesy("I will not detain the House, but the cuts are wrong.")
False
>>> courtesy("The Department wishes first to express its deepest sympathy to the families of those who died.")
True
>>> courtesy("My Lords, I should declare that until 2024 I was director of the Institute, whose work is cited.")
True
>>> courtesy("I declare that the Bill is a disgrace.")
False
>>> courtesy("Harlow deeply regrets the harm suffered by patients who received the implant.")
True
>>> courtesy("The Association has one principal concern.")
True
>>> courtesy("I invite Mr. Garvey to make his opening statement.")
True
>>> courtesy("I wish to advise witnesses of parliamentary privilege.")
True
>>> courtesy("I call on the Government to scrap the levy.")
False
>>> courtesy("We invite the Inquiry to find that the Trust ignored the warnings.")
False
>>> courtesy("I now recognize the Ranking Member, Senator Marquardt, for her opening statement.")
True
>>> courtesy("I will now call on the Aggregate Producers of Ontario."), courtesy("I call on the Government to scrap the levy.")
(True, False)
>>> courtesy("Good morning, Chair, and thank you for the invitation."), courtesy("Good morning, everyone.")
(True, True)
>>> courtesy("Good morning. The bill will cost jobs.")
False
"""

from __future__ import annotations

import re

#: what may come before a courtesy: a vocative, a connective, "may I"
_LEAD = (r"^\s*(?:(?:again|first(?:ly)?|finally|lastly|also|so|and|but|now|to\s+conclude|in\s+conclusion|in\s+closing|"
         r"good\s+(?:morning|afternoon|evening)|hello|kia\s+ora|"
         r"my\s+lords?|my\s+lady|sir|madam(?:\s+deputy\s+speaker)?|mr\s+(?:deputy\s+)?speaker|chair|may\s+I|can\s+I|"
         r"I\s+(?:should|must|would)\s+(?:also\s+)?(?:like\s+to|first)|I\s+(?:want|wish)\s+to|I\s+also)\s*,?\s+)*")
#: a member addressed in the House's third person: "the right hon. Member for X", "my noble Friend", "the hon. Lady"
_MEMBER = (r"(?:the|my)\s+(?:right\s+)?(?:hon\.?|honourable|noble|learned|gallant|right\s+reverend)\s+(?:and\s+\w+\s+)?"
           r"(?:Member|Friend|Gentleman|Lady|Lord|Baroness|Prelate|Minister|Lords|Members|Friends)")
_AT_START = re.compile(_LEAD + r"(?:I\s+|we\s+)?(?:(?:also|warmly|sincerely|genuinely|personally)\s+)?(?:"
                       r"thank|congratulate|pay\s+tribute|am\s+(?:very\s+|most\s+|extremely\s+)?grateful|"
                       r"welcome\s+" + _MEMBER + r"[^;]{0,120}?\bto\s+(?:his|her|their)\s+(?:place|new\s+(?:role|post|position))|"
                       r"pass\s+on\s+(?:my|our)\s+(?:\w+\s+)?(?:thanks|gratitude|congratulations)|"
                       r"(?:put|place)\s+on\s+record\s+(?:my|our)|"
                       r"wish\s+(?:the|my|all|every|him|her|them|you|everyone|everybody)\b[^;]{0,120}?\b(?:a\s+(?:good|happy|merry|"
                       r"restful|safe|speedy|successful|peaceful|very)|well\b|every\s+success|all\s+the\s+best)|"
                       r"(?:acknowledge|note|hear|take|understand)\s+" + _MEMBER + r"[’']s\s+points?\b(?![^;]*\bbut\b)|"
                       r"(?:will|shall)\s+give\s+way|it\s+is\s+a\s+(?:great\s+)?(?:pleasure|privilege|honour)|"
                       # a chair giving the floor: "I call Deputy Cullinan", "I invite Mr. Garvey to make his opening statement"
                       r"(?:now\s+)?(?:call|invite)\s+(?:on\s+)?(?-i:(?:Deputy|Senator|Representative|(?:Mr|Mrs|Ms|Miss|Dr)\.?)\s+[A-Z]|"
                       r"[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+)+(?:\s*[.,]|\s+to\s+(?:make|give|speak|respond|move|open|contribute)\b))|"
                       r"(?:now\s+)?(?:call|invite)\s+(?:on\s+)?the\s+(?:Minister|Cabinet\s+Secretary|witness(?:es)?|next\s+speaker)"
                       r"\s+to\s+(?:make|give|speak|respond|move|open|contribute)\b|"
                       r"(?:wish\s+to\s+)?(?:advise|remind)\s+(?:witnesses|members|everyone|those)\b|"
                       # "I will now call on the Aggregate Producers of Ontario.": the floor given to a presenter
                       r"(?:will\s+)?(?:now\s+)?call\s+(?:on|upon)\s+(?:the\s+)?(?-i:[A-Z])(?:(?!\bto\b)[^,;.]){2,80}\.?\s*$|"
                       r"(?:wish\s+to\s+|will\s+|am\s+)?shar(?:e|ing)\s+(?:my\s+)?time\s+with\b|"  # the Dail's time-sharing
                       # "I now recognize the Ranking Member", "I recognize Mr. Okafor"
                       r"(?:now\s+)?recogni[sz]e\s+(?:the\s+(?:gentle(?:man|woman|lady)|ranking\s+member|distinguished|chair(?:man|woman)?|"
                       r"senator|representative|witness)\b|my\s+(?:colleague|friend)\b|Senator\b|Representative\b|(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]))|"
                       # signposts: "let me turn to ...", "I now come to ...", "let me finish with one word"
                       r"(?:(?:again|first(?:ly)?|second(?:ly)?|finally|lastly|so|and|but|now)\s*,?\s+)*"
                       r"(?:let\s+me|allow\s+me\s+to|I\s+(?:will|shall|should|must|want\s+to|wish\s+to|would\s+like\s+to|propose\s+to|now))\s+"
                       r"(?:now\s+|briefly\s+|first\s+)?(?:turn|move|come|return|finish|conclude|end|close|begin|start|deal|touch|address\s+you|"
                       r"say\s+a\s+(?:few\s+)?words?|comment\s+on\s+(?:the|some|a\s+few|one\s+or\s+two)\b[^;]{0,60}\b(?:contributions|speeches|"
                       r"points|remarks|debate))\b|"
                       # a greeting alone: "Good morning.", "Good afternoon, Chair and members."
                       r"(?:good\s+(?:morning|afternoon|evening)|hello|kia\s+ora)\b[^.;]{0,40}[.!]?\s*$",
                       re.I)
#: a Minister's promise to answer in writing, wherever it stands in the sentence
_WRITE = re.compile(r"\b(?:I|we)\s+(?:will|shall)\s+(?:have\s+to\s+|certainly\s+|happily\s+|gladly\s+)?write\s+(?:to|on)\b", re.I)


#: the time and patience of the House: "I do not want to detain the House", "I will spend a couple of minutes on ..."
_TIME = re.compile(r"^(?!.*\bbut\b).*(?:\b(?:detain|delay|keep)\s+(?:the\s+)?(?:House|Committee|Chamber|hon\.?\s+Members)\b|"
                   r"\binterrupt\s+(?:the|my|his|her)\b[^.;]{0,40}\b(?:thread|flow|argument|speech|remarks)\b|"
                   r"\b(?:spend|take)\s+(?:just\s+)?(?:a|a\s+few|a\s+couple\s+of|one\s+or\s+two|two|three|five)\s+minutes\b|"
                   r"\btest\s+the\s+patience\b)", re.I)


#: a declaration of interest: "My Lords, I declare my interest as the owner of an estate", "I should declare that until
#: 2024 I was director of ...", "I refer the House to my entry in the register"
_INTEREST = re.compile(_LEAD + r"(?:I\s+|we\s+)?(?:(?:should|must|will|shall|have\s+to|ought\s+to|need\s+to)\s+)?(?:first\s+|also\s+)?"
                       r"(?:declare\s+(?:(?:my|an|our|a)\s+(?:\w+\s+)?interests?\b|(?:at\s+the\s+outset\s+)?that\s+(?:I|until|since|for)\b)|refer\s+(?:the\s+House|noble\s+Lords|the\s+Committee|Members)\s+to\s+(?:my|our)\s+"
                       r"(?:\w+\s+){0,3}(?:interests?|entry|register))\b", re.I)


#: condolence and sympathy: "The Department wishes first to express its deepest sympathy to the families"
_SYMPATHY = re.compile(r"\b(?:express|extend|offer|convey|send)(?:es|ed|s)?\s+(?:once\s+again\s+|again\s+)?(?:its|our|my|their|his|her)"
                       r"\s+(?:(?:deepest|deep|sincere|sincerest|heartfelt|profound|great)\s+)?(?:sympathy|sympathies|condolences|"
                       r"sorrow|regret)\b(?![^.;]*\bbut\b)", re.I)


#: an apology for harm done ("Harlow deeply regrets the harm suffered by patients"), and a count of what is to come ("The
#: Association has one principal concern", "I have three points")
_REGRET = re.compile(r"\b(?:deeply\s+|sincerely\s+|profoundly\s+|greatly\s+)?regret(?:s|ted)?\s+(?:the\s+|all\s+the\s+)?"
                     r"(?:harm|loss|losses|suffering|distress|pain|hurt|deaths?)\b", re.I)
_COUNT = re.compile(r"^\s*(?:\S+\s+){0,4}(?:has|have)\s+(?:one|two|three|four|five|a\s+few|several|some)\s+(?:principal\s+|main\s+|"
                    r"key\s+|central\s+|particular\s+|brief\s+|short\s+)?(?:concerns?|points?|observations?|submissions?|issues?|"
                    r"matters?|remarks|questions?)\s*[.:]?\s*$", re.I)


def courtesy(sentence: str) -> bool:
    """Whether `sentence` runs the proceedings (thanks, welcomes, wishes, signposts, a promise to write, the House's
    time)."""
    return _AT_START.match(sentence) is not None or _WRITE.search(sentence) is not None or _INTEREST.match(sentence) is not None or \
        _TIME.match(sentence) is not None or _SYMPATHY.search(sentence) is not None or _REGRET.search(sentence) is not None \
        or _COUNT.match(sentence) is not None
