"""The vocabulary speaker resolution reads by: pronouns, roles and titles, what
organisations, works and polls are called, given names and their gender, nations and
states, well-known people. The long lists live in lexicon.json and the name files beside
it; this module loads them and holds the small sets the resolver's readings test."""
from __future__ import annotations

import json
from pathlib import Path

from .names import LEXICON, TITLES

PRONOUNS: dict[str, str] = LEXICON["pronouns"]
ANON = set(LEXICON["anonymous"])
# "the Saudis said": a people named for its government -> the country
DEMONYMS: dict[str, str] = LEXICON["demonyms"]
DEMONYM_ADJECTIVES: dict[str, str] = LEXICON["demonym_adjectives"]  # "Turkish" -> Turkey
# capitals that stand for their country's government: "the government in Beijing"
CAPITALS: dict[str, str] = LEXICON["capitals"]
COUNTRIES = set(DEMONYMS.values())
PARTY_WORDS = {"republican", "gop", "democratic", "democrat"}
ANON_MARKERS = set(LEXICON["anonymous_markers"])
ORG_DESC: dict[str, list[str]] = LEXICON["org_descriptions"]
PERSON_ROLES = set(LEXICON["person_roles"])
DOCUMENTS = {"statement", "passage", "book", "letter", "memo", "article", "essay", "column", "op-ed", "email",
             "tweet", "post", "release", "ad", "video", "speech", "filing", "complaint", "lawsuit", "suit",
             "transcript", "interview", "remarks", "message", "note", "book", "excerpt", "piece", "editorial",
             "petition", "material", "materials", "record", "memoir", "submission", "brief", "motion",
             "affidavit", "report", "document", "plan", "proposal", "spot", "commercial"}
# people whose employer is a newspaper: "the editors of The Advocate"
NEWSROOM = {"editor", "editors", "editorial", "columnist", "publisher", "reporter", "newsroom", "editor-in-chief"}
# "an affidavit written by ...": verbs that make the author a document's speaker
MAKING_VERBS = {"written", "signed", "sent", "issued", "released", "authored", "filed", "drafted", "posted",
                "published", "penned", "submitted"}
MALE, FEMALE = set(LEXICON["male_titles"]), set(LEXICON["female_titles"])
PERSON_LABELS, ORG_LABELS = {"PERSON"}, {"ORG", "NORP", "GPE"}
FIRST_NAMES = set((Path(__file__).parent / "first_names.txt").read_text(encoding="utf-8").split())
_GIVEN = json.loads((Path(__file__).parent / "given_names.json").read_text(encoding="utf-8"))
FEMALE_NAMES, MALE_NAMES = set(_GIVEN["female"]), set(_GIVEN["male"])
GIVEN_NAMES = FIRST_NAMES | FEMALE_NAMES | MALE_NAMES
# the gender of given names PolNeAR does not show often enough (1990 US Census tables;
# training/build_census_names.py): read for gender only, never to call a word a name
_CENSUS = json.loads((Path(__file__).parent / "census_first_names.json").read_text(encoding="utf-8"))
CENSUS_GENDER = {**{n: "f" for n in _CENSUS["female"]}, **{n: "m" for n in _CENSUS["male"]}}
UNISEX_NAMES = set(_GIVEN.get("unisex", []))
FAMOUS: dict[str, str] = json.loads((Path(__file__).parent / "famous_names.json").read_text(encoding="utf-8"))
# role words for well-known people, keyed by (first name, surname), lower case
FAMOUS_ROLES: dict[tuple[str, str], dict] = {
    (k.split()[0].lower(), k.split()[-1].lower()): v
    for k, v in json.loads((Path(__file__).parent / "famous_roles.json").read_text(encoding="utf-8")).items()
    if not k.startswith("_")}
PARTIES = {"D": "democratic", "R": "republican", "I": "independent"}
STATES: dict[str, str] = LEXICON["state_abbreviations"]
US_STATES = set(STATES.values())
# bodies named by their place: "the West Virginia legislature", "Cologne police"
PLACE_BODIES = {"legislature", "police", "parliament", "assembly", "government", "ministry"}
NOT_NAMES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}  # "Tuesday" speaks for nobody
MAX_GAP_WORDS = 3  # "Clinton's plan, which is costly, is ..." is one content; a longer gap, another clause
POLL_WORDS = {"poll", "survey"}
# what someone says, owned like a work: "Rubio's response", "Trump's comments"
SPEECH_NOUNS = {"response", "reply", "answer", "comment", "word", "criticism", "explanation", "argument",
                "assessment", "claim", "reaction", "testimony", "announcement", "account", "warning", "plea",
                "appeal", "promise", "pledge", "vow", "threat", "rebuttal", "retort", "defense", "defence"}
# works a relative clause can credit to their maker ("an account she gave to ...")
WORK_NOUNS = {"account", "version", "description", "summary", "explanation"}
GIVING_VERBS = {"gave", "released", "wrote", "sent", "issued", "published", "posted", "delivered", "offered",
                "provided", "made", "shared", "signed", "filed", "submitted", "drafted", "unveiled", "penned",
                "gives", "releases", "writes", "sends", "issues", "publishes", "posts", "delivers", "offers",
                "provides", "makes", "shares", "signs", "files", "submits", "unveils"}
POLL_OUTPUT = {"results", "findings"}
# what only a court issues: "the brief order", "the unsigned opinion" are the court's
COURT_WORKS = {"order", "ruling", "opinion", "verdict", "judgment", "judgement"}
# kin of a named person, and the gender each one has: "her father" is the man who shares
# her surname
KIN = {"father": "m", "husband": "m", "son": "m", "brother": "m", "dad": "m",
       "mother": "f", "wife": "f", "daughter": "f", "sister": "f", "mom": "f"}
# works whose maker a "by" or "from" names: "polling by the A.F.L.-C.I.O.", "Audit files
# from NGP VAN", "early results of exit polls conducted ... by Edison Research"
MADE_WORKS = DOCUMENTS | POLL_WORDS | {"result", "finding", "analysis", "study", "projection", "estimate",
                                       "polling", "research", "data", "file", "review", "audit", "tally",
                                       "forecast", "calculation", "average", "count", "investigation"}
SPOKES_ROLES = {"official", "spokesman", "spokeswoman", "spokesperson", "executive", "staffer", "officer",
                "representative", "aide", "staff"}
UNMARKED_ORG_DESC = {"company", "firm", "organization", "organisation"}
# role nouns a party or body qualifies without speaking for it: "the GOP candidate" is a
# person, while "a Twitter spokesman" speaks for Twitter
CONTEST_ROLES = {"candidate", "nominee", "front-runner", "frontrunner", "hopeful", "contender", "challenger"}
# organisations named after a person: "her campaign", "the Cruz campaign"
PERSON_ORGS = {"campaign", "administration", "team", "camp", "office", "spokesman", "spokeswoman",
               "spokesperson", "aides", "aide", "staff", "foundation", "lawyers", "lawyer", "attorney"}
PERSON_ORG_NAMES = {"campaign": "campaign", "administration": "administration", "camp": "campaign",
                    "foundation": "Foundation", "office": "'s office", "team": "'s team",
                    # "her advisers" speak for her campaign, when the article names one
                    "advisers": "campaign", "advisors": "campaign", "aides": "campaign",
                    "strategists": "campaign", "officials": "campaign"}
# titles that only people carry: "Mayor Helena Marsh" is a person whatever the NER says
PERSON_TITLES = TITLES - {"the", "former", "then", "u.s", "us", "state", "gop", "democratic", "republican",
                          "house", "senate", "majority", "minority", "republicans", "democrats",
                          "presidential", "vice", "prime", "chief", "executive", "st"}


TITLE_WORDS = {"sen": "senator", "gov": "governor", "rep": "representative", "pres": "president",
               "gen": "general", "sec": "secretary", "prof": "professor", "lt": "lieutenant",
               "col": "colonel", "capt": "captain", "sgt": "sergeant", "rev": "reverend", "det": "detective"}


NOT_PEOPLE = {"letter", "paper", "poster", "flyer", "order", "number", "center", "centre", "computer", "server",
              "filter", "chapter", "quarter", "matter", "paper", "report", "statement", "document", "memo",
              "government", "department", "movement", "agreement", "argument", "comment", "amendment",
              "document", "monitor", "sector", "factor", "motor", "error", "theater", "corner", "border",
              "newspaper", "power", "answer", "cover", "banner", "trailer", "tower", "water", "weather",
              "summer", "winter", "dinner", "charter", "shelter", "sticker", "mirror", "meter"}
_PERSON_SUFFIX = ("ist", "er", "or", "ian", "eon", "ant", "ent", "man", "woman", "-old", "ee")


def _singular(tok) -> str:
    """A noun's singular, lower case, without the lemmatizer (the product pipeline leaves
    it out): "officials" -> "official"."""
    w = tok.lower_
    if tok.tag_ in ("NNS", "NNPS") and len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-3] + "y" if w.endswith("ies") else w[:-1]
    return w


def _person_noun(noun: str) -> bool:
    """Can a singular description head name a person ("the senator", "the retired
    neurosurgeon", "the 63-year-old")? Listed roles, or person-like endings."""
    if noun in PERSON_ROLES:
        return True
    return noun not in NOT_PEOPLE and noun.endswith(_PERSON_SUFFIX)


# last words that make a "person" the NER tagged a body: "Swiss People’s Party"
ORG_ENDINGS = {"party", "committee", "association", "foundation", "university", "institute", "council",
               "agency", "department", "union", "campaign", "corporation", "inc", "corp", "commission"}
# a name right before one of these is an outlet's: "Family Circle magazine"
OUTLET_NOUNS = {"magazine", "newspaper", "network", "channel", "website", "newsletter", "tabloid", "blog"}
# roles of one kind: a description by one finds a person introduced by another ("the anchor
# for Univision" for "reporter Jorge Ramos"), when nobody was called by its own word
_KINDS = [("journalist", "reporter", "anchor", "correspondent", "newsman", "newswoman", "broadcaster"),
          ("executive", "ceo", "businessman", "businesswoman", "mogul", "magnate", "tycoon", "entrepreneur"),
          ("lawmaker", "legislator", "congressman", "congresswoman"),
          ("author", "writer", "novelist"),
          ("scholar", "professor", "academic")]
ROLE_KINDS: dict[str, tuple] = {w: tuple(x for x in kind if x != w) for kind in _KINDS for w in kind}
# heads that name a place or a level of government, not one body: "the state" is not the State Department
GENERIC_PLACES = {"state", "states", "city", "country", "nation", "government", "county", "world", "house", "area",
                  "region", "district", "market", "industry", "public", "people"}
BODY_WORDS = {"committee", "subcommittee", "commission", "department", "council", "bureau", "office", "ministry"}
# names that make an organisation a public body, no company ("the company" is never one)
PUBLIC_BODY_WORDS = BODY_WORDS | PLACE_BODIES | {"senate", "house", "congress", "court", "party", "administration"}
# (nations the demonym tables lack, for telling a country from a company)
NATIONS = COUNTRIES | set(DEMONYM_ADJECTIVES.values()) | {
    "United States", "U.S.", "US", "America", "United States of America", "Britain", "Great Britain", "England",
    "Scotland", "Wales", "Myanmar", "Burma", "Vatican", "Taiwan", "Palestine", "New Zealand", "Portugal", "Finland",
    "Czech Republic", "Romania", "Serbia", "Croatia", "Belarus", "Haiti", "Guatemala", "Honduras", "El Salvador",
    "Nicaragua", "Panama", "Ecuador", "Bolivia", "Uruguay", "Paraguay", "Jamaica", "Somalia", "Uganda", "Ghana",
    "Senegal", "Zimbabwe", "Singapore", "Nepal", "Sri Lanka", "Bangladesh", "Cambodia", "Kazakhstan", "Azerbaijan",
    "Armenia", "Estonia", "Latvia", "Lithuania", "Slovakia", "Bulgaria", "Albania", "Iceland", "Cyprus"}


PLACE_NOUNS = {"beach", "springs", "falls", "park", "lake", "island", "valley", "heights", "hills", "city",
               "county", "bay", "harbor", "port", "creek", "rapids", "village", "township"}


# words of a description that tell nobody apart
_LINK_STOP = ("the", "a", "an", "former", "then", "this", "that", "'s", "’s")
