"""The extraction pipeline: document text -> structure -> sources -> frames -> holders, claims, stances -> Bundle.

Every position records the rule that produced it (``rule``, e.g. ``attrib:argue``,
``impersonal:agreement``, ``lead-in:themes``, ``turn:modal``, ``contested+topic``, ``doubt+aim``),
a confidence, the quantifier and its strength, and the passage(s) it rests on, each with its
evidence strand (source) and heading path (section). Passages are exact document spans.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...graph.model.records import Bundle
from ..documents.reader import DocumentText
from ..documents.structure import Block, Structure, parse_text, split_sentences, trim_spans
from .assembly import build_bundle
from .claims import Frame, find_frames, listed_stakeholders, normalise_claim
from .genres import Context, read_genre
from .genres.hansard import Roster
from .genres.questions import ANNOUNCED_LIST, ORDINAL, bill_claim
from .genres.turns import last_word
from .hits import (
    Hit, turned_form, align_claims, merge_company_names, merge_hit_claims, merge_person_names, opposite_claims, part_of, retarget_doubts,
    settle_polarity, side_object,
)
from .leading import leading_question
from .provisions import PROVISION, names_parts, part_claims, part_verdict, provision_hits, their_points
from .lexicon import Lexicon, default_lexicon, singular
from .merging import content_tokens
from .polarity import apply_denial
from .proposals import evaluation
from .rebuttal import REPORTED_VERBS, answer, endorsement, put_to_witness, refusal, reply
from .survey import survey_results
from .sources import SourcePlan, StrandState, is_strand_heading, plan_sources
from .genres.witnesses import organisation_named
from .stakeholders import ORG_END, Holder, Reference, Resolver, clean_subject, split_organisations
from .strength import find_quantifier
from .themes import ThemeMatcher

Span = tuple[int, int]

_LEAD_THEMES = re.compile(
    r"(?:^|\b)(?:the\s+)?(?:(?:key|main|common|recurring|emerging|top|principal)\s+)?(?P<noun>themes?|findings?|priorities|issues?|"
    r"points?|concerns?|messages?|expectations?|recommendations?|asks?|demands?|proposals?|calls?|views?|suggestions?|"
    r"requests?|areas? of (?:agreement|concern|focus))(?:\s+(?:identified|raised|emerging|expressed|set out|highlighted|made|"
    r"put forward|coming|arising|drawn))?\s+(?:from|by|in|of|among|amongst)\s+(?P<who>.+?)\s+(?:were|are|was|is|included|include|"
    r"includes|comprised|covered)(?:\s+(?:as follows|the following))?\s*:?\s*$", re.I)
_SAID = re.compile(r"^(?P<who>.{2,160}?)\s+(?:said|says|told us|told the committee|stated|reads|wrote|writes|explained|argued|added|"
                   r"commented|noted|put it|observed|pointed out|warned|concluded|suggested|remarked|submitted|described it|"
                   r"summed it up|went on)(?:\s+(?:that|as follows|in (?:its|their|his|her) (?:evidence|submission)))?(?:\s+the)?$", re.I)
_PETITION = re.compile(r"\b(?:e-)?petition\b", re.I)
#: how counsel names those they speak for, in a submission made on their behalf
_CLIENTS = re.compile(r"^(?:(?:the|our|my)\s+(?:group|groups|clients?|families|organisations|coalition|campaign|"
                      r"core\s+participants?|bereaved(?:\s+families)?)(?:\s+(?:that\s+|whom\s+)?(?:i|we)\s+represent)?|"
                      r"(?:those|the\s+people|the\s+organisations)\s+(?:that\s+|whom\s+)?(?:i|we)\s+represent)$", re.I)
#: a speaker's own local authority named as a subject ("council supports ...", "our county", "the district")
_OWN_AUTHORITY = re.compile(r"(?:(?:the|our|this)\s+)?(?:council|county|district|municipality|township|borough|shire)", re.I)
_LOCAL_AUTHORITY = re.compile(r"\b(?:County|District|Council|Town|Township|City|Municipality|Municipal|Village|Borough|Shire|"
                              r"Regional|Reeve|Mayor)\b")
#: a subject that carries a first predicate of its own, before the "and added that" of the frame
_FIRST_PREDICATE = re.compile(r"^(?P<who>[A-Z](?:\S+\s+){0,7}?\S+?)\s+(?<!\bwho )(?<!\bthat )(?<!\bwhich )"
                              r"(?:[a-z]{2,}ed|felt|made|gave|took|saw|thought|spoke|wrote|met|held|found|brought|set out)\s+"
                              r"(?:these|this|that|the|their|its|his|her|our|a|an|some|many|similar|strong|concerns?|views?)\b.*$")
#: a short name counsel gives a client: "the Cymru group", "the Scottish bereaved", "our NI families"
_NICKNAME = re.compile(r"(?:the|our|my)\s+(?P<w>[A-Z][\w'’-]+)\s+(?:group|groups|families|bereaved|clients?|members|"
                       r"organisations?|campaign|network|coalition)", re.I)
def _name_words(text: str) -> set[str]:
    """The words of a name or phrase, case-folded and singular ("Bereaved Families" -> {"bereaved", "family"})."""
    return {singular(w.casefold()) for w in re.findall(r"[\w'’-]+", text)}


_CLIENT_NOUN_SKIP = _name_words("the our my that whom i we represent core client group organisation coalition campaign "
                                "participant those people")


def _clients_named(phrase: str, holders: list[Holder]) -> list[Holder]:
    """Those of a submission's holders that counsel's phrase names: "the families we represent" is the bereaved
    families' group alone when the submission is also made for a residents' association; "our clients", or a noun
    that fits none or several of them, is every holder."""
    nouns = _name_words(phrase) - _CLIENT_NOUN_SKIP
    if not nouns or len(holders) < 2:
        return list(holders)
    named = [h for h in holders if nouns & _name_words(h.label)]
    return named if len(named) == 1 else list(holders)


#: words every proposal to an inquiry or committee shares: no evidence that a refusal answers this one
_PROCEDURAL_WORDS = frozenset(content_tokens("inquiry module committee scope examine consider investigate look address cover "
                                             "include hear explore review matter issue area government minister"))
_INDIRECT_QUESTION = re.compile(r"^(?:[\w'’-]+\s+){1,6}?(?:what|whether|how|which)\s+(?:they|he|she|people|we|you|residents|"
                                r"members|staff)\s+(?:thought|felt|think|feel|wanted|want|would\s+like|preferred|prefer|"
                                r"valued|value)\b", re.I)
#: "Larkspur disputed this:", "The ROA agreed, and noted that ...", "The Council strongly disagreed."
_RESPONSE = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?P<who>[A-Z][^,:;.]{1,80}?)\s+(?:strongly\s+|also\s+|firmly\s+)?"
                       r"(?P<verb>disputed|rejected|challenged|contested|questioned|denied|disagreed|agreed|concurred|"
                       r"endorsed|echoed|shared)(?:\s+(?:with\s+)?(?:this|that|it|(?:these|this|that|the|those)\s+(?P<noun>claims?|views?|"
                       r"points?|suggestions?|arguments?|figures?|assessments?|analys[ie]s|concerns?|characteri[sz]ations?|"
                       r"assertions?|conclusions?|estimates?|findings?|interpretations?|accounts?|criticisms?)))?\s*(?:[:,.;]|$)", re.I)
#: a survey result's object that points back at the proposal ("agreed with it", "the proposal")
_POINTS_BACK = re.compile(r"^(?:it|this|that|them|these|those|(?:the|this|that|these)\s+(?:proposals?|changes?|plans?|options?|"
                          r"ideas?|moves?|approach))$", re.I)
#: the question in hand, named short: "the motion", "this bill", a US bill's number ("S. 2207", "H.R. 4418 as introduced")
#: what a supporter adds after naming the bill: "we support Bill 31 and hope to see it back in the House this spring"
_HOPE_TAIL = r"(?:,?\s+and\s+(?:we\s+|I\s+)?(?:hope|want|would\s+like|look\s+forward|urge|wish)\b[^;]*)?"
_MOTION_REF = re.compile(r"^(?:(?:the|this|our|their)\s+(?:(?:Government|Opposition|Conservative|Labour|Liberal\s+Democrat|SNP|"
                         r"Plaid(?:\s+Cymru)?|Reform|Green)(?:['’]s)?\s+)?(?:motion|amendment|bill|proposal)s?|(?:(?:S|H\.\s?R)\.\s?|"
                         r"(?:HB|SB|AB|LD|HF|SF)\s?|(?:House|Senate|Assembly)\s+Bill\s+)\d{1,5})(?:\s+(?:as\s+"
                         r"(?:introduced|drafted|written|amended|it\s+stands)|in\s+full|in\s+its\s+(?:current|present)\s+form|without\s+reservation))?"
                         + _HOPE_TAIL + "$", re.I)


def _names_motion(text: str, motion: str) -> bool:
    """Whether a claim is only a name of the motion or bill in hand: "the bill", "HB 2217 as drafted", and "Bill 88"
    where the bill in hand is "Bill 88, An Act to ..."."""
    if _MOTION_REF.match(text):
        return True
    m = re.fullmatch(r"Bill\s+([A-Z]-?\d{1,4}|\d{1,4})(?:\s+as\s+(?:introduced|drafted|written|amended)|\s+in\s+full)?" + _HOPE_TAIL,
                     text.strip(), re.I)
    # ("Bill 88, An Act to ...", "Bill 17 — Critical Minerals ...", "Bill C-61 (Rail Corridor Safety Act)")
    return m is not None and re.match(rf"bill\s+{re.escape(m.group(1))}(?:\s*[,(—–:]|\s+-\s|$)", motion, re.I) is not None


#: a witness announcing objections: "What we oppose is HB 2217 as drafted", "We have three serious concerns"
_OBJECTIONS = re.compile(r"^\s*(?:(?:But|And|However),?\s+)?what\s+(?:we|I)\s+(?:oppose|object\s+to|cannot\s+support|can(?:no|['’])t\s+"
                         r"support)\s+is\b|" + ANNOUNCED_LIST + r"(?:concerns|objections)\b", re.I)
#: a number as written ("2033", "1,900", "0.5")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
#: a concern put as a clause: "My concern is that ...", "What worries us more is that ...", "The difficulty is that ..."
_CONCERN_THAT = re.compile(r"^\s*(?:(?:but|and|so|however),?\s+)?(?:(?:my|our)\s+(?:\w+\s+)?(?:concern|worry|objection|difficulty|problem)"
                           r"\s+is\s+that|what\s+(?:worries|concerns|troubles)\s+(?:us|me)\s+(?:\w+\s+)?is\s+that|the\s+"
                           r"(?:difficulty|problem|trouble)\s+is\s+that)\s+", re.I)
#: an aside set off by commas: "on the other hand", "in our view", "frankly"
_ASIDE = re.compile(r",\s+(?:on\s+the\s+other\s+hand|in\s+(?:our|my)\s+view|frankly|however|though|by\s+contrast|for\s+"
                    r"(?:its|their|our)\s+part|as\s+(?:drafted|written|it\s+stands)|I\s+(?:think|believe|fear)|we\s+(?:think|"
                    r"believe|fear))\s*,\s*", re.I)
#: a numbered part as a sentence's subject ("Clause 6 catches ..."), and one named anywhere ("On clause 6, ...")
_PART_SUBJECT = re.compile(r"^(clause|schedule|section|part)\s+(\d{1,3}[A-Za-z]?)\b(?!\s+of\s+(?:the\s+)?[A-Z])", re.I)
#: the rest of a sentence that opened on a part of the bill, taking a side on "it": ", and we oppose it", ", so I support it"
_WE_IT = (r"(?:we|I)\s+(?P<neg>(?:will\s+not|won['’]t|cannot|can['’]t|do\s+not|don['’]t)\s+)?(?:(?:will|would|must|therefore|"
          r"also|strongly|fully|firmly)\s+)*(?P<verb>oppose|reject|resist|vote\s+against|support|back|welcome|endorse|vote\s+for)"
          r"\s+it\s*[.!]?$")
_IT_STANCE = re.compile(r"^,?\s+(?:and|so|which\s+is\s+why)\s+" + _WE_IT, re.I)
#: "... we support it" after a sentence's opening on what it is about (:data:`_ON_TOPIC`)
_WE_IT_STANCE = re.compile(_WE_IT, re.I)
_PART_NAMED_IN = re.compile(r"\b(clause|schedule)\s+(\d{1,3}[A-Za-z]?)\b", re.I)
#: an objection's item that names a part of the bill first: "Section 4 turns ...", "Third, Section 5 would put ..."
_PART_OPENS = r"^\s*(?:(?:" + ORDINAL + r"|And|Then|Next),?\s+)?"  # "Third, Section 5 ...", "And clause 4 ..."
_PART_FIRST = re.compile(_PART_OPENS +
                         r"(?:the\s+(?:[\w-]+\s+){0,4}?in\s+)?(?P<kind>Section|Clause|Schedule|Part|Head)\s+(?P<n>\d{1,3}[A-Za-z]?)\b"
                         r"(?!\s*,\s*(?:which|that))\s+(?:would|will|could|turns|puts|makes|requires|gives|creates|forces|"
                         r"imposes|lets|allows|means|goes|takes|applies|sets|bans)\b", re.I)
#: a part of the bill said to do something, first in a sentence, as the minister who brings it puts it: "Clause 8 provides
#: that ...", "Part 2 allows councils to ..." (what it does, not what it would do: :data:`_PART_FIRST`)
_PART_DOES = re.compile(_PART_OPENS + r"(?:Part|Clause|Schedule|Section)\s+\d{1,3}[A-Za-z]?\b(?:\s+of\s+the\s+Bill)?\s+(?:provides|"
                        r"requires|sets|creates|lets|allows|gives|places|establishes|makes|introduces|bans|caps|extends|replaces|"
                        r"puts|brings|ends|abolishes|removes|restores|strengthens|amends|empowers|obliges|guarantees)\b", re.I)
#: a sentence that opens on what it is about: "On the levy, we support the principle", "On clause 17 we support the
#: restriction", "On the register, we support it" (not "On behalf of ...", "On balance, ...", "On that point, ...")
_ON_TOPIC = re.compile(r"^\s*(?:(?:And|But|So|Then|Now|Finally|Second(?:ly)?|Third(?:ly)?),?\s+)?On\s+(?!behalf\b|balance\b|"
                       r"reflection\b|average\b|the\s+(?:whole|other\s+hand|contrary|face\s+of\s+it|record)\b|(?:this|that|these|those|"
                       r"my|our|your|its|his|her|their)\b|top\b|occasion\b|the\s+basis\b)(?P<topic>(?:(?!(?:we|I|and|but|or|is|are|was|were|would|will|"
                       r"should|can|could|which|that)\b)[\w'’-]+\s+){0,5}?(?!(?:we|I|and|but|or)\b)[\w'’-]+)"
                       r"(?:,\s+|\s+(?=(?:we|I)\s))", re.I)
#: what a stance taken after such an opening names only by pointing back at it: "it", "the principle", "the restriction"
_BACK_TO_TOPIC = re.compile(r"^(?:it|that|this|them|those|these|the\s+(?:principle|idea|proposal|change|changes|restriction|"
                          r"approach|measure|provision|policy|power|move|plan|intent|intention|direction|thrust|concept|aim)"
                          r"(?:\s+of\s+it)?)(?:\s+(?:in\s+principle|in\s+full|entirely|fully|wholeheartedly|too|also|as\s+well|"
                          r"without\s+reservation))?(?:$|\s*[,;:]\s)", re.I)
_AND_WE = re.compile(r",?\s+and\s+(?:I|we)\s+(?:also\s+|would\s+|will\s+|equally\s+)?(?P<verb>support|back|welcome|endorse|oppose|"
                     r"reject|resist)\s+(?P<rest>\S.*)$", re.I)


def _second_stance(text: str, c: Span, polarity: str) -> list[tuple[str, Span]]:
    """A claim that runs on into the speaker's second stance ("the levy and I support Head 11") is two claims when the
    two stances are alike, and only the first when they are not (the second is read as a frame of its own)."""
    m = _AND_WE.search(text)
    if m is None or not text[:m.start()].strip():
        return [(text, c)]
    alike = (m.group("verb").casefold() in ("oppose", "reject", "resist")) == (polarity in ("oppose", "doubt"))
    return [(text[:m.start()], c)] + ([(normalise_claim(m.group("rest")), c)] if alike else [])


#: a turn that opens by agreeing and names no one: "I agree entirely.", "We agree."
_BARE_AGREE = re.compile(r"^\s*(?:(?:Yes|Well|Indeed|Absolutely|And|But|So),?\s+)?"
                         # (whom it is said to, and on what: "Ms. Liu, on this point I agree with you.")
                         r"(?:(?:(?:Mr|Mrs|Ms|Dr|Professor|Senator|Reeve|Mayor|Chief|Minister)\.?\s+)?[A-Z][\w'’-]+,\s+)?"
                         r"(?:on\s+(?:this|that)\s+(?:point|one),?\s+|on\s+[\w'’ -]{2,40},\s+)?"
                         r"(?:(?:I|we)\s+(?:(?:entirely|completely|fully|wholeheartedly|"
                         r"absolutely|certainly)\s+)?(?:agree|concur)(?:\s+(?:entirely|completely|fully|wholeheartedly|absolutely|"
                         r"with\s+(?:that|you|him|her|them|all\s+of\s+that)))*|you(?:['’]re|\s+are)\s+(?:absolutely\s+|quite\s+|entirely\s+)?"
                         r"right|(?:I\s+am|I['’]m|we\s+are|we['’]re)\s+with\s+you)\s*[.!]?\s*$", re.I)
#: a courtesy or a signpost ("I am grateful ...", "I want to start with the speed cap"), or a question put as a statement
#: ("I would like to know ..."): no position of its own
_COURTESY = re.compile(r"\s*(?:I|we)\s+(?:am|are|were|was|have|had|will|would|shall)\s+(?:grateful|pleased|conscious|aware|"
                       r"going|now|here|turning|moving)\b|\s*(?:I|we)\s+(?:(?:want|wish|would\s+like|need)\s+to\s+(?:know|ask|"
                       r"understand)|wonder)\b|\s*(?:I|we)(?:['’]ll|['’]d\s+like\s+to|\s+(?:will|want\s+to|wish\s+to|would\s+like\s+to|"
                       r"shall))\s+(?:start|begin|focus|concentrate|turn|come\s+back)\s+(?:with|on|to)\b", re.I)
#: a conclusion drawn from what was just said: "That is why ...", "This is exactly why ...", "And that's partly why ..."
_THAT_IS_WHY = re.compile(r"^\s*(?:(?:And|So|But),?\s+)?(?:That|This)(?:\s+is|['’]s)\s+(?:(?:exactly|precisely|partly|also|"
                          r"largely|one\s+reason|the\s+reason)\s+)?why\s+(?=\S)", re.I)
#: a stance's object that only points back at what the paragraph has just put: "it", "this change", "the proposal"
_POINTS_BACK_HERE = re.compile(r"(?:it|this|that|(?:the|this|that)\s+(?:proposed\s+|suggested\s+)?(?:changes?|proposals?|idea|plan|move|"
                               r"suggestion|approach|option))", re.I)
#: how close before it the point agreed with must be (characters)
AGREE_REACH = 800
#: a hearing's bill, as a witness puts it when taking a side ("we cannot support a bill that sets arbitrary dates")
_BILL_THAT = re.compile(r"^(?:a|the|this)\s+bill\s+(?:that|which)\s+\w", re.I)
_SIDE_OF = re.compile(r"^(?:the\s+)?(?:supporters|proponents|advocates|opponents|critics|sceptics)\s+of\s+", re.I)
# what a witness says of their own post and standing ("I have chaired the Association since 2018", "My directorate covers
# planning", "On behalf of the Agency I want to say to the families ..."): no position
_OWN_POST = re.compile(r"\s*(?:(?:and|but|so),?\s+)?(?:(?:I|my\s+(?:role|job|post|directorate|team|department|remit|"
                       r"responsibilit(?:y|ies)))\b[^.;]{0,80}?(?:\bsince\s+(?:19|20)\d\d\b|\bfor\s+(?:\w+\s+)?(?:years|months)\b|"
                       r"\b(?:cover|covers|covered|include|includes|included)\b|\b(?:lived|live|joined|retired|qualified)\b|"
                       r"\b(?:have|had)\s+(?:been|worked|chaired|led|served|held|run)\b|\bam\s+(?:the|a|an)\s|\bspeak\s+(?:for|on\s+behalf)\b)"
                       # a witness's introduction: "I am Fiona Strachan, director of policy at ...", "My name is X, and I am ...",
                       # "For the record, I'm Dr. Mei-Lin Forsberg, Deputy Director ...", "For the record, Joanna Beauchamp, ..."
                       r"|for\s+the\s+record,?\s+(?:(?:I\s+am|I['’]m|my\s+name\s+is)\s+)?(?:(?:Dr|Mr|Mrs|Ms|Mx|Professor)\.?\s+)?"
                       r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3},"
                       r"|(?:(?:good\s+(?:morning|afternoon|evening)|thank\s+you(?:,\s+\w+)?)[.,!]?\s+)?(?:I\s+am|I['’]m|my\s+name\s+is)\s+"
                       r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3},"
                       r"|on\s+behalf\s+of\s+[^,.]{2,60}?,?\s+I\s+(?:want|wish|would\s+like)\s+to\s+(?:say|begin|start|express))",
                       re.I)
#: a list of one side's holders: "Supporters of a ban included A, B and C", "Opponents of the cap were X and Y"
_SIDE_LIST = re.compile(r"^\s*(?P<side>Supporters|Proponents|Advocates|Opponents|Critics)\s+of\s+(?P<x>.{3,160}?)\s+"
                        r"(?:included|include|were|are|comprised)\s+(?P<list>(?:the\s+)?[A-Z].{2,300}?)\s*[.;]?\s*$")
#: a definite noun phrase naming a thing ("the levy", "the Bill"), not a pronoun or a description ("that description")
_TOPIC_NP = re.compile(r"^(?:the|this)\s+(?!(?:description|point|view|idea|approach|argument|suggestion|case|issue|matter|one)\b)[a-z][\w-]+$", re.I)
#: a person's title opening a name ("Mr Smith", "Dr. Okafor"): a person, never an organisation in a list
_TITLED = re.compile(r"^\s*(?:the\s+)?(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Sir|Dame|Lord|Lady|Baroness|Councillor|Cllr|"
                     r"Senator|Deputy|Representative)\b\.?", re.I)
#: a member's statement that may be their position without a cue: not about members, the debate or its procedure, not
#: first-person or anaphoric narrative, not what a clause of the Bill says
_DEBATE_CLAIM = re.compile(r"(?!.*\b(?:hon\.|noble\b|right\s+reverend\b|constituen\w*|thank\w*|congratulat\w*|debate\b|speech\b|"
                           r"intervention\b|give\s+way\b|Chair\b|Speaker\b))"
                           r"(?!\s*(?:sub)?(?:section|clause|amendment|new\s+clause|schedule|part)\s+[\d(]\S*\s+(?:\(\w+\)\s+)?(?:requires|allows|"
                           r"would|will|provides|sets|places|gives|does|establishes|enables|is|makes)\b)"
                           r"(?!\s*(?:(?:on|and|but|so|now)\b[^,]{0,40},?\s+)?(?:let\s+me|I|we|my|our|this|that|these|those|it|he|she|they|"
                           r"here|there|one|another|in\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
                           r"december|\d{4}))\b)", re.I)
#: a statement that something is a worry: "Losing the direct number to 'your' team was a big worry"
_A_WORRY = re.compile(r"^\s*(?P<x>.{8,150}?)\s+(?:was|is|were|are|remains?|became)\s+(?:also\s+)?(?:(?:a|an|the)\s+"
                      r"(?:(?:big|major|real|serious|key|particular|common|significant|main|great|recurring)\s+)*"
                      r"(?:worry|concern|fear|anxiety)(?:\s+(?:for|to|among|amongst)\s+[^.;]{1,60})?|"
                      # "The moratorium is the part of the motion that worries me most"
                      r"the\s+(?:part|bit|aspect|element|provision)\s+(?:of\s+[^.;]{3,40}?\s+)?that\s+(?:worries|concerns|troubles)\s+"
                      r"(?:me|us)(?:\s+most)?)\s*[.!]?\s*$", re.I)
#: the speaker's concern about X ("We also have serious concerns about Head 6, which would ...", "My concern is Head 6"):
#: against X
_A_CONCERN = re.compile(r"^\s*(?:(?:but|and|however|so),?\s+)?(?:(?:I|we)\s+(?:(?:also|still|do)\b,?\s*)?(?:however,?\s+)?(?:have|had)\s+"
                        r"(?:an?\s+)?(?:(?:very|serious|grave|real|some|significant|deep|major|particular|strong)\s+)*concerns?\s+"
                        r"(?:about|over|regarding|with)\s+|"
                        r"(?:my|our)\s+(?:(?:main|principal|chief|real|central|biggest|greatest|only|one)\s+)?(?:concern|objection|"
                        r"worry|quarrel|difficulty)\s+is\s+(?:(?:to|with|about|over)\s+)?"
                        r"(?=(?:the\s+)?[A-Z]?[\w-]+(?:\s+[\w-]+){0,6}\s*[.!]?\s*$))"  # (a short name: "Head 6", "the register")
                        r"(?P<x>(?!that\b|whether\b|how\b|the\s+(?:way|fact)\b|an?\s+\w+\s+one\b)[^,;:]{3,120}?)(?:,|\s*[.!]?\s*$)", re.I)
#: a note that names who said it: "Carers: home treatment moves the work onto families", "X (Name, role): ..."
_NOTE_LABEL = re.compile(r"^\s*(?P<who>[A-Z][^:;.!?]{1,100}?)\s*:\s+(?P<rest>\S.*)$")
#: minutes' housekeeping, resolved without a stance on anything: "That the minutes ... be confirmed", "That the report be noted"
_HOUSEKEEPING = re.compile(r"^(?:the\s+)?(?:minutes\b.*\b(?:confirmed|approved|signed|agreed)|(?:report|update|information|"
                           r"position|letter|apologies|declarations?)\s+be\s+noted\b\.?$)", re.I)
#: minutes: a vote's result ("The amendment was put to the vote and was LOST", "On being put to the vote the motion was
#: CARRIED (For: 7, Against: 3)")
_VOTE_RESULT = re.compile(r"^\s*(?:On\s+being\s+put\s+to\s+the\s+vote,?\s+)?the\s+(?P<what>amendment|substantive\s+motion|motion)\s+"
                          r"(?:was\s+)?(?:then\s+)?(?:put\s+to\s+the\s+vote\s+and\s+)?(?:was\s+)?(?P<r>lost|carried|defeated|fell|agreed)\b",
                          re.I)
_NOR = re.compile(r"^(?P<lead>\s*)Nor (?P<aux>am|is|are|was|were|do|does|did|will|would|shall|should|can|could|have|has|had) "
                  r"(?P<subj>I|we|he|she|it|they|(?-i:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3})) ", re.I)


def uninvert(sentence: str) -> str:
    """A negative put first, rewritten in the same number of characters so that offsets hold: "Nor am I persuaded that
    we need X" -> "I am not persuaded that we need X"; "Nor will Unionist Forward support X" -> "Unionist Forward will not
    support X"."""
    m = _NOR.match(sentence)
    if m is None:
        return sentence
    new = f"{m.group('lead')}{m.group('subj')} {m.group('aux').casefold()} not "
    return new + sentence[m.end():]


#: a sentence in the reported past: its verb, within its first dozen words, is backshifted ("Copse Road was ...",
#: "140 homes on this site would increase ...", "The town needed social rented homes ...")
_BACKSHIFTED = re.compile(r"^(?:(?!\b(?:I|we|you|am|is|are|will|shall|can|may|has|have|do|does)\b)[^.;:]){0,90}?\b(?:was|were|had|"
                          r"would|could|did|might|needed|meant|lacked|remained|caused|made|put)\b", re.I)
#: a sentence whose subject is somebody else who spoke or acted ("Councillor Rennard ...", "The Chair ...", "Members ...")
_NEW_SPEAKER = re.compile(r"^(?:(?:The|A)\s+)?(?:Councillors?|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor|Sir|Dame|Lord|Lady|Chair(?:man|woman)?|"
                          r"Convener|Members?|Officers?|Planning\s+Manager|Solicitor|Committee|Minister|Inspector|Director|Speaker)\b|"
                          # a question or a step of procedure, not a point made
                          r".*\b(?:asked|wondered|queried|enquired)\s+(?:why|whether|what|how|if|who|when)\b|"
                          r".*\b(?:put\s+to\s+the\s+vote|(?-i:CARRIED|LOST|RESOLVED)|seconded|moved\s+(?:that|an?\s+amendment))")
#: a figure a member cites as evidence ("fewer than 3% of farms were inspected", "spilled on 4,100 occasions", "£20 million")
_FIGURE = re.compile(r"(?:\d[\d,.]*\s*(?:%|per\s*cent|percent|million|billion|times|occasions)|[£$€]\s?\d)", re.I)
_NARRATIVE = re.compile(r"\b(?:was|were|had|did|went|came|told|said|asked|took|gave|lost|got)\b", re.I)
_JUNK_CLAIM = re.compile(r"^(?:(?:this|that|these|those|it|them|which|what|here|there|such|one|some|all|each|both|seven|"
                         r"several|two|three|four|five|six)\b(?:\s+\S+){0,4}|.*\?|(?:you|your ladyship|my lady)\b.*"
                         # a fragment that starts with a verb or an object pronoun: the frame cut its subject off
                         r"|(?:is|are|was|were|am|be|been|being|has|had|does|did|me|him|us|them|of|myself|himself|herself|"
                         r"themselves|ourselves|itself|first of all|are invented|"
                         r"would|could|will|shall|might|may|can|must)\b.*"
                         # a short phrase about an antecedent out of sight ("careful consideration of them")
                         r"|(?:\S+\s+){1,4}(?:them|it|this|these|those)"
                         # what a response says after naming what it answers ("Larkspur disputed this: ...")
                         r"|(?:this|that|it|these)\s*:.*"
                         # a pointer to what others said, not what it said ("what has been said about ...")
                         r"|(?:what|all\s+that|everything\s+that)\s+(?:has|had|have|was|were|is)\s+(?:been\s+)?(?:said|raised|"
                         r"argued|mentioned|put|described)\b.*"
                         # a report cut before what it reports ("the chief constable wrote to me saying that")
                         r"|.*\b(?:(?:saying|stating|(?<!\bin\s)writing)(?:\s+that)?|(?:said|says|wrote|stated)\s+that)"
                         # a means clause ("by focusing on ...")
                         r"|by\s+\w+ing\b[^,]*|by\s+(?:my|the|his|her|their|our|your)\s+(?:noble|hon\.?|right|learned|gallant)\b.*"
                         # a reporting verb first: the frame lost its subject ("emphasised the need to strike a balance")
                         r"|(?:emphasi[sz]ed|stressed|highlighted|noted|argued|said|added|warned|welcomed|recogni[sz]ed|suggested|"
                         r"urged|called|told|explained|insisted)\b.*"
                         # a subordinate clause alone, with no main clause after it ("where there are differences of view")
                         r"|(?:where|whenever|for\s+those\s+who)\b[^,;]*"
                         r"|(?:so\s+)?(?:many|several|a\s+number\s+of|some|all\s+the|the)\s+(?:points|issues|questions|contributions)\s+"
                         r"(?:that\s+)?(?:have\s+been|had\s+been|were)\s+(?:raised|made|put)\b.*)$",
                         re.I)
_FUNCTION_END = re.compile(r"\b(?:on|of|to|for|in|with|by|the|a|an|and|or|involve|include|includes|including|following|as|at|"
                           r"that|from|around|about|were|are|is|was)$", re.I)


#: the reporter of a proposition put to a witness in a question (``Context.reported``)
QUESTION = ("(question)",)


class Extractor:
    """Walks one document's blocks and collects hits (see module docstring)."""

    def __init__(self, doc: DocumentText, lexicon: Lexicon | None = None, matcher: ThemeMatcher | None = None, *,
                 roster: Roster | None = None) -> None:
        self.lex = lexicon or default_lexicon()
        self.doc = doc
        self.text = doc.text
        self.structure: Structure = parse_text(self.text, doc.hints, top_level=lambda t: is_strand_heading(self.lex, t),
                                               soft_breaks=doc.format == "pdf")
        self.resolver = Resolver(self.lex)
        flat = " ".join(self.text.split())
        self.resolver.learn_acronyms(flat)
        self.resolver.learn_organisations(flat)
        self.ctx = Context()
        self.last_hit: Hit | None = None  # the last position found, for a response to it (:meth:`_response`)
        # structure first: the genre's reader knows who speaks where (a roster given means a debate, known speakers)
        self.reader = read_genre(self.structure, doc.document, self.resolver, self.ctx, roster=roster)
        self.genre = self.reader.genre
        self.voice = self.reader.voice
        self.document = replace(doc.document, kind=self.reader.kind)
        self.plan: SourcePlan = plan_sources(self.structure, self.document, self.lex, self.genre)
        # the words of the document's title and first headings: what it is about ("the levy" in a hearing on a levy bill)
        heads = [self.structure.view(b).text for b in self.structure.blocks[:40] if b.kind == "heading"][:4]
        self.title_words = content_tokens(" ".join([self.document.title or "", *heads]))
        self.matcher = matcher or ThemeMatcher()
        self.hits: list[Hit] = []
        self._objecting: str | None = None  # the speaker whose turn announced objections ("What we oppose is ...")
        self._last_part: tuple[str, str] | None = None  # the part of the bill last named ("clause", "6")
        self.contradictions: list[tuple[str, str]] = []  # (claim text, claim text it contradicts)
        self.mentioned: list[Holder] = []
        self._lead_cache: dict[int, tuple[list[Holder], str, str | None, str, float] | None] = {}

    # ------------------------------------------------------------------ walk

    def run(self) -> list[Hit]:
        body_start = self.reader.body_start()
        for b in self.structure.blocks:
            if b.index < body_start:
                continue
            if b.kind == "heading":
                self._heading(b)
                continue
            if b.index in self.plan.skipped or b.kind not in ("paragraph", "bullet", "row", "quote"):
                continue
            strand = self.plan.by_block.get(b.index)
            if strand is None:
                continue
            self.resolver.strand_noun = strand.noun
            self.resolver.strand_collective = strand.collective
            self.ctx.paragraph_hits = []
            self.ctx.topic = None
            if b.index in self.plan.method_blocks:
                self._method_mentions(b, strand)
            if b.kind in ("bullet", "row") and b.lead_in is not None:
                lead = self._lead_in(self.structure.blocks[b.lead_in], strand)
                if lead is not None and not self._has_own_frame(b):
                    self._lead_item(b, strand, lead)
                    continue
            if b.kind == "quote" and b.lead_in is not None:
                lead = self._lead_in(self.structure.blocks[b.lead_in], strand)
                if lead is not None:
                    self._quote(b, strand, lead)
                    continue
            named = self._note_holder(b) if b.kind == "bullet" and b.lead_in is None else None
            if named is not None:  # a note that names who said it: "Carers: ...", "Tarne Valley Police (Inspector Wynne): ..."
                self.ctx.quote_holders, self.ctx.quote_states = [named], True
                try:
                    self._paragraph(b, strand)
                finally:
                    self.ctx.quote_holders, self.ctx.quote_states = [], False
                continue
            if b.kind == "quote" and b.attribution is not None:
                quoted = self._quoted_for(b)
                if quoted:  # its own cues only: a participant's words, whole, are an illustration, not a claim
                    self.ctx.quote_holders = quoted
                    try:
                        self._paragraph(b, strand)
                    finally:
                        self.ctx.quote_holders = []
                continue
            self._paragraph(b, strand)
        self.reader.positions(self)
        return self.hits

    def block_at(self, offset: int) -> int:
        """The index of the block holding a document offset."""
        for b in self.structure.blocks:
            if b.start <= offset <= b.end:
                return b.index
        return 0

    def strand_at(self, offset: int) -> StrandState:
        """The evidence strand of the block holding a document offset (the document's first, if none)."""
        strand = self.plan.by_block.get(self.block_at(offset))
        return strand if strand is not None else next(iter(self.plan.by_block.values()))

    def _heading(self, b: Block) -> None:
        title = self.structure.view(b).text
        self.ctx.last_holders = []
        self.ctx.reported = None
        self.reader.heading(b, title)
        self.ctx.conclusions = bool(re.search(r"\bconclusions?\b|\brecommendations\b", " ".join((*b.section, title)), re.I))
        self.ctx.topics = [t for t in (*b.section, title)]

    # ------------------------------------------------------------------ holders in context

    def _turn_holders(self, b: Block) -> list[Holder]:
        """Who speaks in a block: the speaker of the block quote being read, else whom the genre says."""
        if self.ctx.quote_holders:
            return list(self.ctx.quote_holders)
        return self.reader.speakers(b)

    def _context_holders(self, b: Block, sentence: str) -> list[Holder]:
        """Whoever states a bare modal sentence: the speaker's side, the committee, or the document's voice for 'we'."""
        return self.reader.context_holders(self._turn_holders(b), sentence)

    def _listed_organisations(self, subject: str) -> list[Holder]:
        """The organisations a subject lists by name ("ECIF, FIBW and the Danvik Agency", "The Carers Trust, Age
        Concern and the Homecare Association"), when each item names one (an acronym, or a name ending or opening with
        a body's kind); else [] ("the Probate and Estate Practitioners' Society" is one name, "Walking" none)."""
        text = re.sub(r"^(?:both|all\s+of|each\s+of)\s+", "", clean_subject(subject), flags=re.I)  # "Both the Forum and ..."
        text = re.sub(r"\s+(?:both|all|each|jointly|together)$", "", text, flags=re.I)  # "... and the Agency all"
        parts: list[str] = []
        for item in (p.strip() for p in re.split(r"\s*,\s*(?:and\s+)?", text) if p.strip()):
            both = re.match(r"^(?P<a>.+?)\s+(?:and|&)\s+(?P<b>.+)$", item)
            # "X and Y" is two names only where X ends as a name does ("... Trust and ...", "ECIF and ...");
            # "the Association of Parish and Town Councils" is one
            if both and (ORG_END.search(both.group("a")) or re.fullmatch(r"(?:the\s+)?[A-Z]{2,8}", both.group("a"))):
                parts += [both.group("a"), both.group("b")]
            else:
                parts.append(item)
        if len(parts) < 2 or any(_TITLED.match(p) or len(p.split()) > 8 for p in parts):
            return []
        holders: list[Holder] = []
        for p in parts:
            core = re.sub(r"^the\s+", "", p, flags=re.I)
            org = organisation_named(p, self.resolver) or (Holder(core, "organisation") if re.fullmatch(r"[A-Z]{2,8}", core) else None)
            if org is None:
                return []
            holders.append(org)
        return holders

    def _resolve_subject(self, f: Frame, b: Block, strand: StrandState, claim_text: str) -> tuple[list[Holder], str, float]:
        """Holders for a frame's subject, with the rule suffix and a confidence adjustment."""
        if f.subject is None:
            return [], "", 0.0
        if f.subject == "supporters":
            return [self._side_holder("support", claim_text)], "", 0.0
        listed = self._listed_organisations(f.subject)
        if listed:  # "ECIF, Greenfield Europe and the Danvik Agency warned against ...": each of them
            return listed, "", 0.0
        member = self.reader.member(f.subject, b)
        if member is not None:
            return [member], "+member", 0.0
        if f.subject == "it":  # the organisation named last in the paragraph, else the one whose submission this is
            orgs = [h for h in self.ctx.last_holders if h.kind == "organisation"] or \
                [h for h in self.ctx.section_holders if h.kind == "organisation"][:1]
            return (orgs[-1:], "+it", -0.1) if orgs else ([], "", 0.0)
        counsel = re.fullmatch(r"(?:Mr|Ms|Mrs|Miss|Mx|Dr)\.?\s+(?P<s>[A-Z][\w'’-]+)(?:\s+(?:KC|QC))?", clean_subject(f.subject))
        if counsel and counsel.group("s").casefold() in self.ctx.counsel_for:  # "Ms Quayle said this morning that"
            return list(self.ctx.counsel_for[counsel.group("s").casefold()]), "+counsel", -0.05
        definite = self._definite_org(f.subject)
        if definite is not None:
            return [definite], "+named", 0.0
        short = clean_subject(f.subject)
        if re.fullmatch(r"[A-Z][a-z][\w'’&-]+", short):  # "Larkspur" for the Larkspur Supermarkets named before
            named = [h for h in {id(h): h for h in (*self.ctx.named_orgs.values(), *self.ctx.section_holders)}.values()
                     if h.kind == "organisation" and h.label.split()[0] == short and len(h.label.split()) > 1]
            if len(named) == 1:
                return named, "+named", 0.0
        nick = _NICKNAME.fullmatch(short)
        if nick:  # "the Cymru group" for Covid-19 Bereaved Families for Justice Cymru, whose submission this is
            word = singular(nick.group("w").casefold())
            known = {h.label: h for hs in (self.ctx.section_holders, *self.ctx.counsel_for.values()) for h in hs}
            named = [h for h in known.values() if word in _name_words(h.label)]
            if len(named) == 1:
                return named, "+named", 0.0
        if self.ctx.section_holders and _CLIENTS.match(short) and \
                not any(re.search(r"\b(?:Inquiry|Chair|Counsel)\b", h.label) for h in self.ctx.section_holders):
            # counsel's clients; Counsel to the Inquiry has none ("the families' position is that ..." is theirs)
            return _clients_named(short, self.ctx.section_holders), "+clients", -0.05  # "the group invites ..."
        both = re.match(r"^\s*both\s+(?P<a>.+?)\s+and\s+(?P<b>.+)$", f.subject, re.I)
        parts = [both.group("a"), both.group("b")] if both else \
            [p for p in re.split(r"\s+and\s+(?:by|among|from)\s+", f.subject) if p.strip()]
        if len(parts) > 1:  # "opposed by people in rural areas and by the Action Group": two holders
            found = [x for x in (self.resolver.resolve(p) for p in parts) if isinstance(x, Holder)]
            if found:
                return found, "", 0.0
        if re.search(r"\s(?:and|&)\s", f.subject) and ORG_END.search(f.subject):  # "The Alliance and the Federation"
            joint = split_organisations(f.subject, self.resolver)
            if len(joint) > 1 and all(len(h.label.split()) > 1 for h in joint):  # not "England and Wales"
                return joint, "", 0.0
        own = _OWN_AUTHORITY.fullmatch(clean_subject(f.subject)) if b.speaker else None
        if own is not None:  # "On section 9, council supports ...", said for a county: the county, not local authorities
            body = [h for h in self._turn_holders(b) if h.kind == "organisation" and _LOCAL_AUTHORITY.search(h.label)]
            if body:
                return body, "+we", -0.05
        r = self.resolver.resolve(f.subject)
        if r is None:  # "Farmers and farm workers shared these concerns and added that ...": the first predicate's subject
            m = _FIRST_PREDICATE.match(clean_subject(f.subject))
            r = self.resolver.resolve(m.group("who")) if m else None
        if isinstance(r, Holder):
            group = self._section_group_named(f.subject, r)
            if group is not None:
                return [group], "+section", 0.0
            return [r], "", (-0.05 if r.generic else 0.0)
        if isinstance(r, Reference):
            if r.kind == "previous" and self.ctx.last_holders:
                speaking = {h.label for h in self._turn_holders(b)} if b.speaker else set()
                others = [h for h in self.ctx.last_holders if h.label not in speaking]  # "they" is never the speaker
                return (others, "+pronoun", -0.1) if others else ([], "", 0.0)
            if r.kind == "previous" and self.ctx.section_group is not None:
                return [self.ctx.section_group], "+section", -0.1
            if r.kind == "we":
                return self.reader.we(self._turn_holders(b)), "+we", -0.05
            if r.kind == "quantity":
                group = next((h for h in reversed(self.ctx.last_holders) if h.kind == "group" and not h.generic
                              and not h.label.startswith(("Supporters of", "Opponents of"))), None)
                if group is None and not any(h.generic for h in self.ctx.last_holders):
                    group = self.ctx.section_group
                if group is not None:
                    other = bool(re.match(r"\s*others?\b", f.subject, re.I))
                    return [part_of(group, r.quantifier, other=other)], "+quantity", -0.1
                prev = next((h for h in self.ctx.last_holders if h.generic), None)
                noun = _noun_of(prev.label) if prev is not None else None
                return [self.resolver.collective(r.quantifier, noun)], "+quantity", -0.1
            if r.kind == "side":
                return [self._side_holder(r.side or "support", self.ctx.topic or claim_text, r.quantifier)], "+side", -0.05
        if r is None and self.ctx.section_holders:  # "Coalition senators do not accept ..." under "Coalition Senators'
            said = re.sub(r"^(?:the|all)\s+", "", clean_subject(f.subject).casefold())  # Dissenting Report": whose it is
            named = [h for h in self.ctx.section_holders if said == re.sub(r"^the\s+", "", h.label.casefold())]
            if named:
                return named[:1], "+section", 0.0
        return [], "", 0.0

    def _section_group_named(self, subject: str, r: Holder) -> Holder | None:
        """"Many staff" under the heading "Staff at Ashfield Community Hospital": the heading's group (with the
        subject's quantifier), not the lexicon's category ("Workers") that the bare noun falls under."""
        group = self.ctx.section_group
        if group is None or r.label == group.label or r.kind != "group":
            return None
        head = re.split(r"\s*(?:,|\(|\b(?:including|who|which|that|from|in|at)\b)", clean_subject(subject), maxsplit=1)[0].split()
        if not head or singular(head[-1].casefold()) not in _name_words(group.label):
            return None
        return replace(group, quantifier=r.quantifier) if r.quantifier else group

    def _definite_org(self, subject: str) -> Holder | None:
        """'The Council', 'the Union's members', 'the families': the organisation named in full nearby whose name ends
        in that word (the one whose submission this is first, else the last one named), not the lexicon's category."""
        m = _DEFINITE.match(re.split(r",\s*", clean_subject(subject))[-1])  # "On remote supervision, the union"
        if not m:
            return None
        head = m.group("head").casefold()
        own = [h for h in self.ctx.section_holders if last_word(h.label) == head]
        if not own and ORG_END.search(head):  # "the College" for the Royal College of Nursing
            own = [h for h in self.ctx.section_holders if head in {w.casefold() for w in h.label.split()[:-1]}]
        if len(own) == 1:
            return own[0]
        if head == "government" and self.reader.genre == "debate":
            return None  # a member's "the Government" is the one at the dispatch box, not "the Scottish Government" named
        named = self.ctx.named_orgs.get(head)
        if named is None and head in _KIND_NOUNS and len(self.ctx.section_holders) == 1 \
                and self.ctx.section_holders[0].kind == "organisation":
            return self.ctx.section_holders[0]  # "the charity supports an April start", in the charity's own submission
        return named

    def _side_holder(self, side: str, topic: str, of: str | None = None) -> Holder:
        subject = of or topic
        what = side_object(subject, self.matcher)
        noun = "Supporters" if side == "support" else "Opponents"
        return Holder(f"{noun} of {what}", "group", generic=True)

    def _collective_holder(self, strand: StrandState, quantifier: str | None, among: str | None, b: Block) -> list[Holder]:
        if among:
            r = self.resolver.resolve(among)
            if isinstance(r, Holder):
                return [r]
        decided = self.reader.collective(strand, quantifier, b)
        if decided is not None:
            return decided
        if strand.collective is None and strand.method in ("strategy analysis", "plan analysis"):
            return [self.resolver.collective(quantifier, "stakeholders")]
        return [self.resolver.collective(quantifier)]

    # ------------------------------------------------------------------ blocks

    def _method_mentions(self, b: Block, strand: StrandState) -> None:
        view = self.structure.view(b)
        for s, e in split_sentences(view.clean):
            listed = listed_stakeholders(view.clean[s:e])
            if not listed:
                continue
            group = None
            for st in self.lex.strands:
                if st.mentions is not None and st.collective and st.mentions.search(view.clean):
                    group = st.collective
                    break
            for h in self._list_holders(listed):
                self.mentioned.append(replace(h, member_of=tuple(dict.fromkeys((*h.member_of, group)))) if group else h)

    def _list_holders(self, text: str) -> list[Holder]:
        text = re.sub(r"\s+etc\.?\s*$", "", text.strip().rstrip("."))
        out = []
        for part in re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+", text):
            part = part.strip()
            if not part:
                continue
            r = self.resolver.resolve(part)
            if isinstance(r, Holder):
                out.append(r)
        return out

    def _has_own_frame(self, b: Block) -> bool:
        view = self.structure.view(b)
        return any(f.subject and isinstance(self.resolver.resolve(f.subject), Holder)
                   for f in find_frames(view.clean, self.lex) if f.rule.startswith(("attrib", "according")))

    def _lead_in(self, lead: Block, strand: StrandState) -> tuple[list[Holder], str, str | None, str, float] | None:
        """(holders, stance, quantifier, rule, confidence) that a lead-in passes to the bullets under it."""
        if lead.index in self._lead_cache:
            return self._lead_cache[lead.index]
        self.resolver.strand_noun, self.resolver.strand_collective = strand.noun, strand.collective
        view = self.structure.view(lead)
        sentences = split_sentences(view.clean)
        result: tuple[list[Holder], str, str | None, str, float] | None = None
        if sentences:
            s, e = sentences[-1]
            sent = view.clean[s:e].rstrip(" :")
            said = _SAID.match(sent)
            if said and _PETITION.search(view.clean) and re.fullmatch(r"(?:it|the\s+(?:e-)?petition|this\s+(?:e-)?petition)",
                                                                     said.group("who").strip(), re.I):
                # "The petition, started by X, has been signed by 112,406 people. It reads:": the petitioners' words
                result = ([Holder("Petitioners", "group", aliases=("the petition", "signatories"))], "support", None,
                          "lead-in:petition", 0.8)
                self._lead_cache[lead.index] = result
                return result
            if said:
                r = self.resolver.resolve(said.group("who"))
                holders_s = [r] if isinstance(r, Holder) else (self._turn_holders(lead) if isinstance(r, Reference) and r.kind == "we" else
                                                             list(self.ctx.last_holders) if isinstance(r, Reference) else [])
                if holders_s:
                    result = (holders_s, "support", None, "lead-in:said", 0.75)
                    self._lead_cache[lead.index] = result
                    return result
            m = _LEAD_THEMES.search(sent + ":")
            if m:
                holders = split_organisations(m.group("who"), self.resolver) if m.group("who")[:1].isupper() else []
                if not holders:
                    r = self.resolver.resolve(m.group("who"))
                    holders = [r] if isinstance(r, Holder) else []
                if holders:
                    result = (holders, "support", find_quantifier(sent), f"lead-in:{m.group('noun').casefold()}", 0.75)
            if result is None:
                for f in find_frames(sent, self.lex):
                    if f.rule in ("modal", "similar", "specify"):
                        continue
                    holders, suffix, adj = self._resolve_subject(f, lead, strand, "")
                    if not holders and f.subject is None and f.rule.startswith(("impersonal", "passive", "contested")):
                        holders = self._collective_holder(strand, find_quantifier(f.quant_text), None, lead)
                    if not holders and lead.speaker:
                        holders = self._turn_holders(lead)
                    if holders:
                        stance = {"doubt": "oppose"}.get(f.polarity, f.polarity)
                        if stance == "neutral":
                            stance = "support"
                        result = (holders, stance, find_quantifier(f.quant_text),
                                  f"lead-in:{f.rule}{suffix}", round(0.7 + adj, 2))
                        break
        self._lead_cache[lead.index] = result
        return result

    def _note_holder(self, b: Block) -> Holder | None:
        """Who a note names as its source before a colon ("Carers: ...", "Northfell Ambulance Service: ...",
        "Dr Imran Sethi (emergency medicine consultant): ..."): a known holder, or a plural or an organisation's name."""
        label = _NOTE_LABEL.match(self.structure.view(b).clean)
        if label is None:
            return None
        who = re.sub(r"\s*\([^()]*\)", "", label.group("who")).strip()
        named = self.resolver.resolve(who)
        if isinstance(named, Holder):
            return None if named.generic else named
        if len(who.split()) <= 5 and not _NARRATIVE.search(who) and not re.search(r"\b(?:is|are|be|has|have|not)\b", who) \
                and not re.match(r"(?:note|action|venue|focus|date|time|theme|question|answer|comment|summary|total)s?\b", who, re.I) \
                and (ORG_END.search(who) or re.search(r"[a-z]s$", who)):
            return Holder(who, "organisation" if ORG_END.search(who) else "group")
        return None

    def _quote(self, b: Block, strand: StrandState, lead: tuple[list[Holder], str, str | None, str, float]) -> None:
        """A block quote after 'X said:' (or a petition's 'It reads:') is X speaking: its sentences are read with X as
        'we', 'I' and the speaker of its bare modals, and each statement in it is X's; a quote no cue frames is X's
        claim as a whole."""
        before = len(self.hits)
        self.ctx.quote_holders = lead[0]
        self.ctx.quote_states = True
        try:
            self._paragraph(b, strand)
        finally:
            self.ctx.quote_holders = []
            self.ctx.quote_states = False
        if lead[3] == "lead-in:petition" and len(self.hits) > before and self.ctx.petition is None:
            self.ctx.petition = self.hits[before].claim  # its ask, which "the petition" means from here on
        if len(self.hits) == before:
            self._lead_item(b, strand, lead, quote=True)

    def _quoted_for(self, b: Block) -> list[Holder]:
        """Who a set-apart quotation speaks for: the person or organisation its attribution names ("– Jane Smith,
        Harbour Residents' Association"), else the group the report was speaking of when it quoted a participant
        (the holder of the section's last position, then the group its heading names); nobody, else."""
        found = self.resolver.resolve((b.attribution or "").split(",")[0])  # "participant, X Forum": not the Forum
        if isinstance(found, Holder) and found.kind in ("person", "organisation") and not found.generic:
            return [found]
        last = self.last_hit
        if last is not None and last.section == b.section and last.holder.kind == "group" and \
                not last.rule.startswith("survey:"):
            return [last.holder]
        return [self.ctx.section_group] if self.ctx.section_group is not None else []

    def _lead_item(self, b: Block, strand: StrandState, lead: tuple[list[Holder], str, str | None, str, float],
                   quote: bool = False) -> None:
        holders, stance, quantifier, rule, confidence = lead
        segments = b.segments
        topics = list(self.ctx.topics)
        if b.kind == "row" and len(b.cells) >= 2:
            topics.append(self.structure.view(b.cells[0]).text)
            segments = [s for c in b.cells[1:] for s in c]
        view = self.structure.view(segments)
        text = view.clean
        if quote:
            sents = split_sentences(text)
            if sents:
                text = text[sents[0][0]:sents[-1][1]]
        claim = normalise_claim(text)
        claim, st = apply_denial(claim, stance)
        turned = turned_form(claim)
        if len(content_tokens(claim)) < 1:
            return
        spans = trim_spans(self.text, view.spans(0, len(view.clean)))
        for h in holders:
            self.add(Hit(h, claim, st, rule + (":quote" if quote else ""), confidence, spans, strand.source, b.section,
                          quantifier or h.quantifier, topics, turned=turned))

    def _paragraph(self, b: Block, strand: StrandState) -> None:
        segments = b.segments
        topics = list(self.ctx.topics)
        if b.kind == "row" and len(b.cells) >= 2:
            head = self.structure.view(b.cells[0]).text
            if len(head.split()) <= 8:
                topics.append(head)
                segments = [s for c in b.cells[1:] for s in c]
        view = self.structure.view(segments)
        sentences = split_sentences(view.clean)
        if b.speaker and sentences:  # (the first sentences: "I thank the Chairman. I am here on behalf of X.")
            self.reader.learn(b, view.clean[sentences[0][0]:sentences[min(2, len(sentences) - 1)][1]])
        is_lead = view.clean.rstrip().endswith(":")
        for k, (s, e) in enumerate(sentences):
            sent = view.clean[s:e]
            spans = trim_spans(self.text, view.spans(s, e))
            why = _THAT_IS_WHY.match(sent)
            if why is not None:  # "That is why inspection has to be routine": what the speaker draws from it is theirs
                sent = sent[why.end():why.end() + 1].upper() + sent[why.end() + 1:]
            if self._leading(sent, b, strand, spans, topics):
                continue
            if self._reply(sent, k, b, strand, spans, topics):
                continue
            if b.question or b.speaker and sent.rstrip().endswith("?") and k == len(sentences) - 1 and \
                    not self.reader.testifies(b):  # a member's question that closes their turn ("Would you support X?")
                self._put(sent, b)
            if self._answer(sent, b, strand, spans, topics) or len(sent) < 12:
                continue
            self._provision(sent, b, strand, spans, topics)  # (also where the rest is read as a vote: "..., and we oppose the bill")
            if self.reader.skips(sent, b) or \
                    self._endorse(sent, b, strand, spans, topics,
                                  view.clean[sentences[k + 1][0]:sentences[k + 1][1]] if k + 1 < len(sentences) else ""):
                continue
            if self._survey(sent, b, strand, spans, topics) or self._side_list(sent, b, strand, spans, topics):
                continue
            self._response(sent, b, strand, spans, topics)
            frames = find_frames(uninvert(sent), self.lex)
            lead_sentence = is_lead and k == len(sentences) - 1
            for f in frames:
                self._frame_hits(f, b, strand, spans, topics, lead_sentence)
            self._objection(sent, b, strand, spans, topics)
            self._presented(sent, b, strand, spans, topics)
            if self._vote_result(sent, b, strand, spans, topics):
                continue
            if not frames:
                if not self._continued_report(sent, b, strand, spans, topics):
                    self._assertion(sent, b, strand, spans, topics)

    def _provision(self, sent: str, b: Block, strand: StrandState, spans: list[Span], topics: list[str]) -> None:
        """A speaker's own word on what a provision would do, put first in a sentence that may go on to take another
        side ("The metering requirement will reduce the risk ..., and we strongly support the bill"): their stance on
        the provision (:func:`.hits.provision_hits`)."""
        first = re.split(r",\s+(?:and|but|so|while|whereas)\s+|;\s+|\s+[—–]\s+", sent, maxsplit=1)[0]
        # (an aside between the part and what it does: "Clause 12, on the other hand, worries our members")
        first = _ASIDE.sub(" ", first, count=1)
        last, self._last_part = self._last_part, (_PART_NAMED_IN.findall(sent) or [self._last_part])[-1]
        if b.question and not self.reader.argues(b):
            return  # (a question holds no position, but a Minister on the committee argues in questions too)
        verdict = part_verdict(sent)  # "Where we have a serious problem is section 31": against the part
        if verdict is not None:
            holders = self._turn_holders(b)
            if self.reader.asserts(holders):
                for h in holders:
                    for named in verdict[0]:
                        self.add(Hit(h, named, verdict[1], "turn:part-verdict", 0.5, spans, strand.source, b.section, None,
                                     topics))
            return
        opened, then = _PART_SUBJECT.match(first), _IT_STANCE.match(sent[len(first):]) if first != sent else None
        on = _ON_TOPIC.match(sent) if opened is None else None
        if on is not None:  # "On the register, we support it": the register
            opened, then = on, _WE_IT_STANCE.match(sent[on.end():])
        if opened is not None and then is not None:  # "Clause 6 is a tax on a family's weekend, and we oppose it": the clause
            holders = self._turn_holders(b)
            if self.reader.asserts(holders):
                against = re.match(r"(?:oppose|reject|resist|vote\s+against)", then.group("verb"), re.I) is not None
                stance = "oppose" if against != bool(then.group("neg")) else "support"  # ("we cannot support it")
                claim = normalise_claim(on.group("topic")) if on is not None else \
                    f"{opened.group(1).capitalize()} {opened.group(2)}"
                for h in holders:
                    self.add(Hit(h, claim, stance, "turn:part-it" if on is None else "turn:on-it", 0.5, spans, strand.source,
                                 b.section, None, topics))
        concern = _CONCERN_THAT.match(first)  # "My concern is that the clause catches every director ...": against it
        if concern is not None:
            first = first[concern.end():]
        if last is not None:  # "the clause": the part last named ("On clause 6, ..."; its number, its kind)
            first = re.sub(r"^(?:the|this|that)\s+(clause|schedule|section|part)\b(?!\s+\d)",
                           lambda m: f"{m.group(1).capitalize()} {last[1]}" if m.group(1).casefold() == last[0].casefold()
                           else m.group(0), first, count=1, flags=re.I)
        part = _PART_SUBJECT.match(first) if concern is not None else None
        if part is None and not PROVISION.match(first):
            return
        holders = self._turn_holders(b)
        if not self.reader.asserts(holders):
            return
        if part is not None:
            for h in holders:
                self.add(Hit(h, f"{part.group(1).capitalize()} {part.group(2)}", "oppose", "turn:concern", 0.5, spans,
                             strand.source, b.section, None, topics))
            return
        # (and a clause after it that weighs a numbered part: "Our members ... live here, and section 31 is right")
        more = [c for c in re.split(r",\s+(?:and|but)\s+|;\s+", sent)[1:] if _PART_SUBJECT.match(c) and PROVISION.match(c)]
        said = [Hit(h, normalise_claim(c), "support", "turn:assertion", 0.45, spans, strand.source, b.section, None,
                    topics) for h in holders for c in [first, *more]]
        praise = self.reader.testifies(b) or self.reader.argues(b)  # (counsel's praise is no position: _assertion)
        for hit in provision_hits(said, self.ctx.motion):
            if hit.stance == "oppose" or praise:
                self.add(hit)

    def _presented(self, sent: str, b: Block, strand: StrandState, spans: list[Span], topics: list[str]) -> None:
        """What the minister who brings a bill says a part of it does ("Clause 8 provides that a project ... goes through
        one coordinated review", "Part 2 allows councils to charge a premium of up to 300%") is the case they make for it:
        their support of what they say it does."""
        if not b.speaker or b.question or not _PART_DOES.match(sent) or not self.reader.presents(b):
            return
        for h in self._turn_holders(b):
            self.add(Hit(h, normalise_claim(sent), "support", "debate:presents", 0.5, spans, strand.source, b.section, None,
                         topics))

    def _objection(self, sent: str, b: Block, strand: StrandState, spans: list[Span], topics: list[str]) -> None:
        """A witness's list of objections to a bill, part by part ("What we oppose is HB 2217 as drafted. Section 4
        turns a paperwork lapse into a bar on getting into court. ... Third, Section 5 would put ..."): against each
        part it names first in a sentence (named bare, the part becomes the bill's, :func:`.provisions.part_claims`).
        A sitting's clause questions are read by its own reader."""
        if self.reader.genre == "debate" or not b.speaker:
            return
        if self._objecting is not None and self._objecting != b.speaker:
            self._objecting = None
        if _OBJECTIONS.search(sent):
            self._objecting = b.speaker
            return
        m = _PART_FIRST.match(sent) if self._objecting == b.speaker else None
        if m is None:
            return
        part = f"{m.group('kind').capitalize()} {m.group('n')}"
        for h in self._turn_holders(b):
            self.add(Hit(h, part, "oppose", "turn:objection", 0.5, spans, strand.source, b.section, None, topics))

    def _vote_result(self, sent: str, b: Block, strand: StrandState, spans: list[Span], topics: list[str]) -> bool:
        """Minutes: "The amendment was put to the vote and was LOST (For: 3, Against: 7)" is the body's stance on the
        amendment moved before it (and "the substantive motion ... CARRIED" on the motion). True if read so."""
        m = _VOTE_RESULT.match(sent)
        body = self.reader.minutes_body() if m is not None else None
        if m is None or body is None:
            return False
        what = "amendment" if m.group("what").casefold() == "amendment" else "motion"
        claim = self.ctx.moved.get(what)
        if claim is None:
            return False
        stance = "support" if m.group("r").casefold() in ("carried", "agreed") else "oppose"
        self.add(Hit(body, claim, stance, "minutes:vote", 0.8, spans, strand.source, b.section, None, topics))
        return True

    def _continued_report(self, sent: str, b: Block, strand: StrandState, spans: list[Span], topics: list[str]) -> bool:
        """Reported speech that runs on: in minutes and summaries, the sentences after "Mrs Kettering, speaking on
        behalf of the Association, said that ..." in the same paragraph, put in the reported past with no reporting
        verb of their own ("Copse Road was a single-track lane with no footway"), are still hers. True if read so."""
        last = self.ctx.paragraph_hits[-1] if self.ctx.paragraph_hits else None
        if last is None or not self.reader.runs_on() or b.speaker or b.question or not last.rule.startswith(("attrib:", "spoke")) or \
                last.holder.generic or last.holder == self.reader.voice or last.holder.kind not in ("organisation", "person"):
            return False
        if len(sent.split()) < 8 or sent.rstrip().endswith("?") or not _BACKSHIFTED.match(sent) or _NEW_SPEAKER.match(sent):
            return False
        claim, stance = apply_denial(normalise_claim(sent), "support")
        if len(content_tokens(claim)) < 3 or _JUNK_CLAIM.match(claim):
            return False
        self.add(Hit(last.holder, claim, stance, "reported:continued", 0.4, spans, strand.source, b.section, None, topics,
                     turned=turned_form(claim)))
        return True

    def _side_list(self, sent: str, b: Block, strand: StrandState, spans: list[Span], topics: list[str]) -> bool:
        """"Supporters of a ban included FIBW, Open Repair Network Europe and Greenfield Europe": each organisation
        listed takes that side on the claim. True if the sentence was such a list."""
        m = _SIDE_LIST.match(sent)
        if m is None:
            return False
        claim = normalise_claim(m.group("x"))
        holders = self._listed_organisations(m.group("list")) or [
            h for h in split_organisations(m.group("list"), self.resolver) if h.kind == "organisation"]
        if len(content_tokens(claim)) < 1 or not holders:
            return False
        stance = "oppose" if m.group("side").casefold() in ("opponents", "critics") else "support"
        for h in holders:
            self.add(Hit(h, claim, stance, "report:side-list", 0.6, spans, strand.source, b.section, None, topics))
        return True

    def _leading(self, sent: str, b: Block, strand: StrandState, spans: list[Span], topics: list[str]) -> bool:
        """A speaker's leading question ("Does the hon. Gentleman not accept that P?"): the speaker holds P
        (:mod:`.leading`). True if the sentence was one."""
        found = leading_question(sent) if b.speaker and not b.question else None  # an examiner's: put (:meth:`_put`)
        if found is None:
            return False
        asserted = sent[found[0]:found[1]]
        claim = normalise_claim(asserted)
        holders = self._turn_holders(b)
        if not holders or len(content_tokens(claim)) < 2 or _JUNK_CLAIM.match(claim) or _FUNCTION_END.search(claim) \
                or re.match(r"(?:if|unless|when|whether|once)\b", asserted, re.I):  # "that if hunting is wrong, ..."
            return False
        for h in holders:
            self.add(Hit(h, claim, "support", "turn:leading-question", 0.55, spans, strand.source, b.section, None, topics,
                         turned=turned_form(claim)))
        return True

    def _put(self, sent: str, b: Block) -> None:
        """A question that puts a proposition to the witness ("Do you accept that P?", "Isn't it the case that P?"):
        remembered for the answer (:meth:`_reply`)."""
        lead = leading_question(sent)
        put = put_to_witness(sent) or (sent[lead[0]:lead[1]] if lead else None)
        if put and len(content_tokens(put)) >= 2:
            self.ctx.reported = (normalise_claim(put), b.index, QUESTION)

    def _reply(self, sent: str, k: int, b: Block, strand: StrandState, spans: list[Span], topics: list[str]) -> bool:
        """A witness's first words in answer to the question just put ("Q. Do you accept that P? A. I do.", "Q. Hartwell
        says that P. Is that right? A. No."): the witness's organisation takes that stance on P. True if it was one."""
        reported = self.ctx.reported
        if reported is None or reported[2] != QUESTION or k != 0 or b.question or not self._next_turn(reported[1], b):
            return False
        stance = reply(sent) or answer(sent)
        holders = self._turn_holders(b)
        self.ctx.reported = None
        if stance is None or not holders:
            return False
        for h in holders:
            self.add(Hit(h, reported[0], stance, "answer:put", 0.6, spans, strand.source, b.section, None, topics,
                         turned=turned_form(reported[0])))
        return len(sent.split()) <= 6  # "No." is all of it; "I accept that the warning was late" is read as well

    def _next_turn(self, asked: int, b: Block) -> bool:
        """Whether block `b` opens the turn after the question in block `asked` (a tag on a line of its own, a time
        stamp between them)."""
        blocks = self.structure.blocks
        return b.index > asked and b.speaker != blocks[asked].speaker and \
            all(x.kind in ("speaker", "noise") for x in blocks[asked + 1:b.index])

    def _answer(self, sent: str, b: Block, strand: StrandState, spans: list[Span], topics: list[str]) -> bool:
        """A short verdict on the proposal just reported ("In our submission, no such division is necessary"): the
        speaker opposes (or supports) that proposal itself (:mod:`.rebuttal`). True if the sentence was one."""
        reported = self.ctx.reported
        if reported is None or b.index - reported[1] > 3:
            return False
        stance = answer(sent) if b.index - reported[1] <= 2 else None
        if stance is None:
            refused = refusal(sent)  # "it will not be necessary or proportionate to examine all the settings"
            shared = content_tokens(refused) & content_tokens(reported[0]) - _PROCEDURAL_WORDS if refused else set()
            if not shared:
                return False
            stance = "oppose"
        holders = self._context_holders(b, sent)
        if not holders or tuple(h.label for h in holders) != reported[2]:
            return False
        for h in holders:
            self.add(Hit(h, reported[0], stance, "rebuttal" if stance == "oppose" else "agreement", 0.6, spans,
                         strand.source, b.section, None, topics, turned=turned_form(reported[0])))
        self.ctx.reported = None
        return True

    def _agree_with_last(self, b: Block, strand: StrandState, spans: list[Span], topics: list[str], then: str) -> bool:
        """"I agree entirely." opening a turn: the speaker's support of what the speaker before them last said, just
        before (within AGREE_REACH characters), where the next sentence goes on about it ("The bill says nothing at all
        about imports")."""
        mine = self._turn_holders(b)
        own = {h.label for h in mine}
        before = [x for x in self.hits if x.spans and 0 < spans[0][0] - x.spans[-1][1] <= AGREE_REACH
                  and x.stance in ("support", "oppose") and x.holder.label not in own and not x.side_topic]
        if not mine or not before:
            return False
        last = max(before, key=lambda x: x.spans[-1][1])
        if then and not content_tokens(then) & content_tokens(last.claim):
            return False
        for h in mine:
            self.add(Hit(h, last.claim, last.stance, "turn:agree", 0.5, spans, strand.source, b.section, None, topics,
                         last.doubt))
        return True

    def _endorse(self, sent: str, b: Block, strand: StrandState, spans: list[Span], topics: list[str], then: str) -> bool:
        """A sentence that only takes another holder's side ("We agree with the network.", "We'd support the
        federation's call for 2033."): the speaker's stance on what that holder said, the same stance, or the opposite
        where the speaker disagrees. Of what they said: what the sentence names ("for 2033"), else what the next sentence
        (`then`) goes on about ("I agree with Ms Tierney. Seven per cent is too low"), else their latest claim. True if
        the sentence was one."""
        if not spans:
            return False
        # "On clause 9, we share the railways' concern": their concern about clause 9
        on = _ON_TOPIC.match(sent)
        found = endorsement(sent[on.end():] if on is not None else sent)
        if on is not None and found is not None and not found[2]:
            found = (found[0], found[1], f"on {on.group('topic')}", found[3])
        if found is None and b.speaker and _BARE_AGREE.match(sent):
            return self._agree_with_last(b, strand, spans, topics, then)
        mine = self._context_holders(b, "we") if found else []
        if found is None or not mine:
            return False
        who, against, about, what = found
        labels: set[str] = set()
        heads: set[str] = set()
        for name in re.split(r"\s+and\s+", who):
            named = self.reader.member(name, b) or self.resolver.resolve(name)
            witnesses = getattr(self.reader, "witnesses", None)
            if not isinstance(named, Holder) and witnesses is not None and re.fullmatch(r"[A-Z][a-z][\w'’-]+", name):
                named = witnesses.called(name)  # "we part ways with Gordon": the witness called Gordon
            if isinstance(named, Holder):
                labels.add(named.label)
            head = last_word(name).casefold().rstrip(".")
            if len(head) >= 4 and head in self.ctx.named_orgs:
                labels.add(self.ctx.named_orgs[head].label)
            heads.add(head)
        own = {h.label for h in mine}
        earlier = [x for x in self.hits if x.spans and x.spans[0][0] < spans[0][0] and x.stance in ("support", "oppose")
                   and x.holder.label not in own and not x.side_topic]
        theirs = [x for x in earlier if x.holder.label in labels] or \
            [x for x in earlier if any(len(hd) >= 4 and re.search(r"\b" + re.escape(hd) + r"\b", x.holder.label.casefold())
                                       for hd in heads)]
        if what.startswith(("figure", "estimate")):  # their figure: a claim with a number in it
            theirs = [x for x in theirs if re.search(r"\d", x.claim)]
        elif what.startswith(("concern", "objection", "doubt", "reservation")):  # their concerns: what they oppose
            theirs = [x for x in theirs if x.stance == "oppose"] or theirs
        def words(text: str) -> set[str]:  # its content words and its numbers ("the call for 2033")
            return content_tokens(text) | set(_NUMBER.findall(text))
        said = words(about)
        numbers = set(_NUMBER.findall(about))  # "on section 14": their claim on section 14, not the one on section 31
        narrowed = [x for x in theirs if numbers & set(_NUMBER.findall(x.claim))] if numbers else \
            [x for x in theirs if said & words(x.claim)]
        if not narrowed and then:
            goes_on = content_tokens(then)
            shared = {id(x): len(goes_on & content_tokens(x.claim)) for x in theirs}
            best = max(shared.values(), default=0)
            narrowed = [x for x in theirs if best >= 2 and shared[id(x)] == best]
        chosen = max(narrowed or theirs, key=lambda x: x.spans[0][0], default=None)
        if chosen is None:
            return False
        stance = chosen.stance if not against else ("oppose" if chosen.stance == "support" else "support")
        for h in mine:
            self.add(Hit(h, chosen.claim, stance, "turn:endorse", 0.55, spans, strand.source, b.section, None, topics,
                         turned=chosen.turned))
        return True

    def _survey(self, sent: str, b: Block, strand: StrandState, spans: list[Span], topics: list[str]) -> bool:
        """Survey shares ("64% of respondents disagreed with X"): the respondents' positions (:mod:`.survey`). An
        object that points back ("agreed with it", "the proposal") is the proposal the section is about, if any.
        True if the sentence reported a share with a stance."""
        results = survey_results(sent)
        if not results:
            return False
        for r in results:
            claim = self.reader.refers("the proposal", b) if _POINTS_BACK.match(r.claim) else normalise_claim(r.claim)
            if not claim or len(content_tokens(claim)) < 2:
                continue
            label = "Staff survey respondents" if r.staff else "Survey respondents"
            holder = Holder(label, "group", quantifier=r.share, generic=not r.staff)
            self.add(Hit(holder, claim, r.stance, "survey:share", 0.7, spans, strand.source, b.section, r.share, topics))
        return True

    def _response(self, sent: str, b: Block, strand: StrandState, spans: list[Span], topics: list[str]) -> None:
        """A named holder's response to the claim just reported ("Larkspur disputed this:", "The ROA agreed, and
        noted ..."): that holder's stance on that claim. The sentence is still read for claims of its own."""
        m = _RESPONSE.match(sent)
        last = self.last_hit
        if m is None or last is None or b.index - self.block_at(last.spans[0][0]) > 1 or last.section != b.section:
            return
        between = re.sub(r"^[\s.!?\"”’']+", "", self.text[last.spans[-1][1]:spans[0][0]]) if spans else ""
        if re.search(r"[.!?][\"”’']?\s", between + " ") and between.strip():
            return  # the claim "just reported" was reported a sentence or more before the last one
        holders, _suffix, _adj = self._resolve_subject(Frame("response", "support", sent, m.group("who")), b, strand, last.claim)
        if len(holders) != 1 or holders[0].label == last.holder.label or holders[0] == self.voice:
            return
        if (m.group("noun") or "").casefold().startswith(("figure", "estimate")) and not re.search(r"\d", last.claim):
            return  # "disputed these figures" answers numbers, not the claim just reported
        r = holders[0]
        verb = m.group("verb").casefold()
        against = verb.startswith(("disput", "reject", "challeng", "contest", "question", "den", "disagree"))
        # rejecting a view that opposes X is siding with X: the responder's stance is on the claim, not on the view
        stance = "oppose" if against != (last.stance == "oppose") else "support"
        self.add(Hit(r, last.claim, stance, "response", 0.6, spans, strand.source, b.section, None, topics,
                     turned=last.turned))

    def _report(self, claim: str, b: Block, sentence: str) -> None:
        """Remember a proposal reported as somebody else's, for an answer in the next sentences (:meth:`_answer`).
        An elaboration of the report ("It is said that this would ...") keeps the proposal it elaborates."""
        if b.question:  # a question reports a proposition for the witness to answer (:meth:`_reply`)
            self.ctx.reported = (claim, b.index, QUESTION)
            return
        speakers = self._context_holders(b, "we")
        if not speakers:
            return
        if self.ctx.reported is not None and re.match(r"(?:this|that|it|such)\b", claim, re.I):
            return
        self.ctx.reported = (claim, b.index, tuple(h.label for h in speakers))

    def _assertion(self, sent: str, b: Block, strand: StrandState, spans: list[Span], topics: list[str]) -> None:
        """In a submission or a testimony, an evaluative statement with no cue of its own ("far too many who died
        were vulnerable because of staffing practices", "social care was the poor relation") is the position of
        whoever the speaker speaks for: a criticism is a claim they make. In a witness's own evidence every statement
        of fact is ("the gauge stopped reporting at 11.40 pm"), except what the witness says of their own post. In a
        report's conclusions, the authors' own verdicts are theirs."""
        holders = self._turn_holders(b)
        verdict = evaluation(sent)  # a criticism, or in a witness's own evidence praise as well
        concluded = not holders and self.ctx.conclusions and verdict is not None
        if concluded:  # the authors' own verdict in their conclusions ("a flat 50% is likely to drive out small landlords")
            holders = [self.reader.voice]
        elif not (self.ctx.quote_states and holders and b.kind == "bullet") and not self.reader.asserts(holders):
            return
        label = _NOTE_LABEL.match(sent) if self.ctx.quote_states and b.kind == "bullet" else None
        if label is not None:  # "Carers: home treatment moves ...": the claim is what follows the name
            sent = label.group("rest")
            verdict = evaluation(sent)
        # a witness's evidence, or a statement quoted in full, whichever way it weighs
        weighs = verdict == "oppose" or concluded or self.reader.testifies(b) or self.ctx.quote_states or \
            self.reader.argues(b) and _DEBATE_CLAIM.match(sent) is not None and \
            (verdict is not None or not _NARRATIVE.search(sent) or _FIGURE.search(sent) is not None)  # a member's argument, not their story
        # (a short statement is a position when it weighs: "The 2023 memoranda are working", "The memoranda have failed")
        if len(sent.split()) < (5 if verdict is not None else 8) or sent.rstrip().endswith("?") or not weighs \
                or _OWN_POST.match(sent) or _COURTESY.match(sent):
            return
        stance = "support"
        worry = _A_WORRY.match(sent) or _A_CONCERN.match(sent)
        if worry is not None:  # "Losing the direct number was a big worry", "We have concerns about Head 6": against it
            sent, stance = worry.group("x"), "oppose"
        claim, stance = apply_denial(normalise_claim(sent), stance)  # "It is not accepted that X": against X
        if len(content_tokens(claim)) < (1 if worry is not None else 3) or _JUNK_CLAIM.match(claim):
            return
        for h in holders:
            self.add(Hit(h, claim, stance, "turn:assertion", 0.45, spans, strand.source, b.section, None, topics,
                         turned=turned_form(claim)))

    def _referent(self, claim: str) -> str | None:
        """What a stance that only points back ("opposed it", "supported the change") is on, where the paragraph has
        just put it: "The Ministry proposed that small farms be exempted ... The Trust opposed it." The latest claim of
        the paragraph (a thing named, "the levy", "the exemption", is a claim of its own, which alignment places)."""
        if _POINTS_BACK_HERE.fullmatch(claim.strip(" .")) is None:
            return None
        earlier = [h for h in reversed(self.ctx.paragraph_hits) if h.stance in ("support", "oppose") and not h.side_topic]
        return earlier[0].claim if earlier else None

    def _frame_hits(self, f: Frame, b: Block, strand: StrandState, spans: list[Span], topics: list[str],
                    lead_sentence: bool) -> None:
        ctx = self.ctx
        if f.rule == "specify":
            previous = [h for h in ctx.paragraph_hits if h.rule != "specify"]
            if not previous:
                return
            for h in self._list_holders(f.subject or ""):
                for earlier in previous:
                    self.add(Hit(h, earlier.claim, earlier.stance, "specify", 0.6, spans, strand.source, b.section,
                                  earlier.quantifier, earlier.topics, earlier.doubt, earlier.locked))
            return
        claims = [(f.claim_text(c), c) for c in f.claims]
        if f.rule.startswith("attrib") and len(claims) == 1:
            nested = _inner_first_person(claims[0][0])
            if nested is not None:  # "He told us that 'we do not think that a ban would have much impact'"
                text, flip = nested
                claims = [(text, claims[0][1])]
                if flip:
                    f = replace(f, polarity={"support": "oppose", "oppose": "support", "doubt": "support"}.get(f.polarity, f.polarity))
        on = _ON_TOPIC.match(f.sentence) if f.rule.startswith("attrib") else None
        if on is not None:  # "On the levy, we support the principle": the levy
            claims = [(normalise_claim(on.group("topic")) if _BACK_TO_TOPIC.match(t) else t, c) for t, c in claims]  # (its tail, ", and we'd extend it", left)
        if f.rule.startswith("attrib"):  # "I support the levy and I support Head 11": two claims
            claims = [part for t, c in claims for part in _second_stance(t, c, f.polarity)]
        claims = [(self.reader.refers(t, b) or self._referent(t) or t, c) for t, c in claims]  # "welcomed the move": the proposal in hand
        if ctx.motion:
            claims = [(ctx.motion if _names_motion(t, ctx.motion) else t, c) for t, c in claims]
        if lead_sentence:
            claims = [(_trim_lead_claim(t), c) for t, c in claims]
            claims = [(t, c) for t, c in claims if len(t.split()) > 3 and not _FUNCTION_END.search(t)]
        min_tokens = 2 if f.rule == "modal" or (f.rule.startswith("attrib") and not f.clause) else 1
        # "that description" is too little to be a claim; "the levy", in a hearing on a levy, names what it is about
        def topic(t: str) -> bool:
            return _TOPIC_NP.match(t) is not None and content_tokens(t) <= self.title_words
        # "We would resist a cap": an explicit stance on a named thing, which alignment takes to the proposal that names it
        def named(t: str) -> bool:
            return f.rule in ("attrib:oppose", "attrib:advocate") and _named_shortly(t)
        # "I support one review instead of four": one content word, but a choice put in full
        def put_in_full(t: str) -> bool:
            return len(content_tokens(t)) >= 1 and re.search(r"\b(?:instead\s+of|rather\s+than|not)\s+\w", t, re.I) is not None \
                and len(t.split()) >= 4
        claims = [(t, c) for t, c in claims if t and (len(content_tokens(t)) >= min_tokens or topic(t) or named(t) or names_parts(t)
                                                      or put_in_full(t))
                  and not _JUNK_CLAIM.match(t)
                  and not (f.rule.startswith("attrib") and len(t.split()) <= 2 and len(content_tokens(t)) < 2 and not topic(t)
                           and not named(t) and not names_parts(t))]  # ("We support clause 6": the bill's clause 6)
        if f.rule.startswith("attrib:advocate"):  # "asked residents what they thought about ...": a question, not a call
            claims = [(t, c) for t, c in claims if not _INDIRECT_QUESTION.match(t)]
        if not claims:
            return
        rule = f.rule
        confidence = f.confidence
        quantifier = find_quantifier(f.quant_text)
        if f.rule == "similar":
            prev: Hit | None = next((h for h in reversed(ctx.paragraph_hits) if h.doubt), None) or \
                (ctx.paragraph_hits[-1] if ctx.paragraph_hits else None)
            stance = prev.stance if prev else "support"
            doubt = prev.doubt if prev else False
            r = self.resolver.resolve(f.subject or "")
            holders = [r] if isinstance(r, Holder) else (list(ctx.last_holders) if ctx.last_holders else [])
            for h in holders:
                for text, _c in claims:
                    self.add(Hit(h, text, stance, "similar", confidence, spans, strand.source, b.section,
                                  quantifier or h.quantifier, topics, doubt))
            return
        if f.rule.split(":")[-1] in REPORTED_VERBS and f.rule.startswith("impersonal:") and self._turn_holders(b):
            self._report(claims[0][0], b, f.sentence)  # "it is said that X", in a speaker's turn: not the speaker's
            return
        if f.rule.startswith(("impersonal", "contested")) or (f.rule.startswith("passive") and not f.subject):
            holders = self._collective_holder(strand, quantifier, f.subject, b)
            suffix, adj = "", -0.05
        elif f.rule in ("modal", "verdict"):  # a bare modal, "it is not true that ...": whoever speaks in context
            holders = self._context_holders(b, f.sentence)
            suffix, adj = ("turn:" if b.speaker or ctx.section_holders else ""), 0.0
            rule = suffix + f.rule
            suffix = ""
        else:
            holders, suffix, adj = self._resolve_subject(f, b, strand, claims[0][0])
        body = self.reader.minutes_body() if f.rule == "resolved" else None
        if body is not None:  # minutes: "RESOLVED: That ..." is the body whose minutes they are; not its housekeeping
            holders = [] if _HOUSEKEEPING.match(claims[0][0]) else [body]
        if f.rule == "moved":  # minutes: what a vote's result ("The amendment was put to the vote and was LOST") is on
            self.ctx.moved["amendment" if re.search(r"\bamendment\b", f.sentence[:f.claims[0][0]], re.I) else "motion"] = \
                claims[0][0]
        if not holders:
            return
        if f.rule.startswith("attrib") and f.polarity == "support" and \
                not {h.label for h in holders} & {h.label for h in self._context_holders(b, "we")}:
            self._report(claims[0][0], b, f.sentence)  # "The Network submit that X": an answer may follow
        if f.contested:
            ctx.topic = claims[0][0]
        for h in holders:
            for text, _c in claims:
                stance = {"support": "support", "oppose": "oppose", "doubt": "oppose", "neutral": "neutral"}[f.polarity]
                doubt = f.polarity == "doubt"
                text, stance = apply_denial(text, stance)
                hit_rule = rule + suffix
                if named(text) and not topic(text) and len(content_tokens(text)) < min_tokens:
                    hit_rule += "+named"  # kept only if alignment finds the proposal it names (extract_document)
                aside = _RELATIVE_ASIDE.match(text) if stance == "oppose" and f.rule.startswith("attrib") else None
                if aside is not None and len(aside.group("np").split()) <= 8:
                    # "I cannot support a moratorium, which would be a ban in all but name": against the moratorium, and
                    # for what the aside says of it (not against the aside, which is the speaker's reason)
                    text = aside.group("np")
                    self.add(Hit(h, normalise_claim(f"{aside.group('np')} {aside.group('rest')}"), "support", hit_rule + "+aside",
                                 round(max(0.2, min(0.95, confidence + adj - 0.1)), 2), spans, strand.source, b.section,
                                 quantifier or h.quantifier, topics))
                locked = False
                if ctx.topic is not None and not f.contested and text != ctx.topic and (
                        suffix == "+side" or h.label.startswith(("Supporters of", "Opponents of")) or
                        re.match(r"\s*(?:however|but|on the other hand|in contrast|by contrast|conversely|others|other|"
                                 r"meanwhile|yet|whereas|at the same time)\b", f.sentence, re.I)):
                    text = ctx.topic
                    hit_rule += "+topic"
                    locked = True
                if ctx.motion and (_names_motion(text, ctx.motion) or self.reader.genre != "debate" and _BILL_THAT.match(text)):
                    text = ctx.motion
                    locked = True
                    hit_rule += "+motion"
                if f.subject == "supporters" or h.label.startswith(("Supporters of", "Opponents of")):
                    stance = "oppose" if h.label.startswith("Opponents") else ("support" if stance != "oppose" else stance)
                self.add(Hit(h, text, stance, hit_rule, round(max(0.2, min(0.95, confidence + adj)), 2), spans,
                              strand.source, b.section, quantifier or h.quantifier, topics, doubt, locked,
                              side_topic=h.label.startswith(("Supporters of ", "Opponents of ")),
                              turned=None if locked else turned_form(text)))
        if holders and not f.rule.startswith(("impersonal", "contested", "nominal")):
            ctx.last_holders = holders

    def add(self, hit: Hit) -> None:
        if not hit.spans:
            return
        label = _REPORTED_TAIL.sub("", hit.holder.label)  # "People from Harlow Moor told us they" -> "People from Harlow Moor"
        if label != hit.holder.label and len(label.split()) >= 2:
            hit.holder = replace(hit.holder, label=label)
        if not self.reader.keeps(hit.holder):
            return
        if hit.holder.kind == "organisation" and len(hit.holder.label.split()) >= 2:
            self.ctx.named_orgs[last_word(hit.holder.label)] = hit.holder
            kind = re.match(r"(Department|Ministry|Office|Commission|Authority|Agency|Institute|Tribunal)\s+(?:of|for|on)\s",
                            hit.holder.label)
            if kind:  # "the Department" is the Department of Communications, Media and the Arts
                self.ctx.named_orgs.setdefault(kind.group(1).casefold(), hit.holder)
        self.hits.append(hit)
        self.ctx.paragraph_hits.append(hit)
        if hit.rule != "response":
            self.last_hit = hit


#: a reporting verb left on a holder's name by a frame that cut in the wrong place ("... told us they", "... said they")
_REPORTED_TAIL = re.compile(r"\s+(?:(?:told|tell)\s+(?:us|me|the\s+\w+)|said|say|says|felt|feel|argued|thought|believed|"
                            r"explained|added|were\s+clear|was\s+clear)(?:\s+that)?\s+(?:they|we|it|he|she)$|\s+(?:they|we)$")
#: what an organisation is, as its counsel calls it in its own submission ("the charity", "the company")
_KIND_NOUNS = frozenset({"charity", "company", "organisation", "organization", "manufacturer", "regulator", "firm", "employer",
                         "operator", "provider", "insurer", "landlord", "developer", "contractor", "body"})
_DEFINITE = re.compile(r"^(?:the|its|our|their|this)\s+(?P<head>[A-Za-z][\w-]*)(?:'s?(?:\s+(?:own\s+)?(?:members|staff|officers|"
                       r"position|view|evidence|case|team|clients|submission))?)?$", re.I)


#: a claim with a non-restrictive relative clause that says something of it ("a moratorium, which would be a ban ...")
_RELATIVE_ASIDE = re.compile(r"^(?P<np>[^,;:]{3,80}?),\s+which\s+(?P<rest>(?:would|will|is|are|was|were|has|have|had|could|can|"
                             r"might|may|risks?|means?|puts?|makes?)\b[^;:]{8,})$", re.I)
#: a thing named by an article and one noun ("a cap", "the levy", "any moratorium")
_NAMED_THING = re.compile(r"(?:an?|the|any)\s+(?:(?:proposed|further|new|planned|suggested|current|existing|statutory|"
                          r"mandatory|compulsory|national|federal|local)\s+)?(?!(?:idea|point|issue|matter|question|thing|way|case|"
                          r"view|fact|need|one|other|others|same|rest|bill|motion|amendment|report|proposal)\b)[a-z][a-z-]{2,}", re.I)
#: an amount asked for or resisted, named alone: "three years" ("we ask for three years"), "1 per cent", "£20", "a 10-hour
#: limit" is a named thing already; kept, as a named thing is, only where alignment finds the claim that states it
_AMOUNT = re.compile(r"(?:(?:at\s+least|about|around|up\s+to|no\s+more\s+than|only|just)\s+)?(?:\d[\d,.]*|one|two|three|four|five|"
                     r"six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|forty|fifty|sixty|ninety|a\s+hundred)"
                     r"(?:\s*%|\s+(?:per\s*cent|percent|years?|months?|weeks?|(?:working\s+)?days?|hours?|metres?|meters?|kilometres?|"
                     r"hectares?|cents?|dollars?|pounds?|euros?))|[£$€]\s?\d[\d,.]*(?:\s*(?:million|billion|bn|m|k))?", re.I)


def _named_shortly(text: str) -> bool:
    """Whether a claim only names a thing ("a cap", "the proposed minimum") or an amount ("three years", "£20"): too
    little to stand alone, a stance on whichever claim states it, where alignment finds one."""
    return (_NAMED_THING.fullmatch(text) or _AMOUNT.fullmatch(text)) is not None


#: the subject of a reported clause that is the reporter itself ("said that we/it/she ...")
_SELF_SUBJECT = re.compile(r"[\"“']?\s*(?P<who>we|i|he|she|it|they)\s", re.I)


def _inner_first_person(claim: str) -> tuple[str, bool] | None:
    """A reported claim that is itself the speaker's own attribution ('we do not think that X', 'I believe X'; in
    reported speech 'she said that she could not support X', 'it opposed X'): (X, whether the inner frame turns the
    stance round), else None."""
    opening = _SELF_SUBJECT.match(claim)
    if opening is None:
        return None
    for g in find_frames(claim.strip("\"“”' "), None):
        if g.rule.startswith("attrib") and g.subject and g.subject.strip(" \"“'").casefold() == opening.group("who").casefold() \
                and g.claims:
            inner = g.claim_text(g.claims[0])
            if opening.group("who").casefold() in ("we", "i"):
                return inner, g.polarity in ("oppose", "doubt")
            # "she said that it opposed the levy": a stance verb of the reporter's own; not "it opposed the site" (too
            # little to stand alone) nor "they would not want to ..." (the frame reads its own negation)
            if g.rule in ("attrib:oppose", "attrib:advocate") and len(content_tokens(inner)) >= 2:
                return inner, g.polarity in ("oppose", "doubt")
            return None
    return None


def _noun_of(label: str) -> str | None:
    words = label.split()
    return words[-1].casefold() if words else None


def _trim_lead_claim(text: str) -> str:
    """'the desired model of care, with its focus on' -> 'the desired model of care'."""
    if "," in text:
        head, tail = text.rsplit(",", 1)
        if _FUNCTION_END.search(tail.strip()) or len(tail.split()) <= 4:
            return head.strip()
    return text


# --------------------------------------------------------------------------- after the walk

def extract_document(doc: DocumentText, *, lexicon: Lexicon | None = None, matcher: ThemeMatcher | None = None,
                     roster: Roster | None = None) -> Bundle:
    """Extract the stakeholders, claims, stances, themes and evidence of one document.

    `roster`: the members of a debate, known beforehand (a ParlaMint sitting's speakers with their parties and
    offices); the document is then read as a debate and its speaker lines are looked up there first.
    """
    ex = Extractor(doc, lexicon, matcher, roster=roster)
    ex.run()
    retarget_doubts(ex.hits, ex.matcher)
    their_points(ex.hits)
    bill = ex.ctx.motion if ex.reader.genre != "debate" else bill_claim(ex.text)
    ex.hits += part_claims(ex.hits, bill)
    said = {(h.holder.label, h.claim, h.stance, tuple(h.spans)) for h in ex.hits}
    provided = [h for h in provision_hits(ex.hits, ex.ctx.motion) if (h.holder.label, h.claim, h.stance, tuple(h.spans)) not in said]
    ex.hits += provided + part_claims(ex.hits, bill, provided)  # ("Clause 4 will raise ...": the bill's clause 4)
    settle_polarity(ex.hits)
    canon = merge_hit_claims(ex.hits, ex.matcher)
    moved = align_claims(ex.hits)
    # "We would resist a cap" with no proposal of a cap in the document says too little to stand as a claim
    ex.hits = [h for h in ex.hits if not (h.rule.endswith("+named") and _named_shortly(h.claim))]

    def final(text: str) -> str:
        text = canon.get(text, text)
        return moved.get(text, text)
    ex.contradictions = [(final(a), final(b)) for a, b in ex.contradictions]
    for a, b in opposite_claims(ex.hits):
        ex.contradictions += [(a, b), (b, a)]
    merge_person_names(ex.hits)
    merge_company_names(ex.hits)
    return build_bundle(ex)
