"""Names in an article, clustered into entities with one canonical (fullest) name.

"Hungary's Prime Minister Viktor Orbán" -> Viktor Orbán; "Orbán", "Mr. Orbán", "Viktor"
join that cluster. Namesakes stay apart: "Bill Clinton" and "Hillary Clinton" are two
clusters, and a bare "Clinton" joins the one most recently mentioned; "Donald Trump Jr."
never merges with "Donald Trump" (a suffix must agree).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

LEXICON = json.loads((Path(__file__).parent / "lexicon.json").read_text(encoding="utf-8"))
TITLES = set(LEXICON["titles"])
# companies, platforms and outlets the small NER model often tags as people ("Twitter")
KNOWN_ORGS = set(LEXICON["known_organisations"])
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_HERE = Path(__file__).parent
COMMON_WORDS = set((_HERE / "common_words.txt").read_text(encoding="utf-8").split())
GIVEN_NAME_WORDS = set((_HERE / "first_names.txt").read_text(encoding="utf-8").split()) | {
    w for k, ws in json.loads((_HERE / "given_names.json").read_text(encoding="utf-8")).items() if k != "_doc" for w in ws}
# full names of well-known people (famous_names.json): the spelling to keep on a tie
FAMOUS_FULL = set(json.loads((_HERE / "famous_names.json").read_text(encoding="utf-8")).values())
_WORD = re.compile(r"[\w’‘'.-]+")


# UTF-8 read as Windows-1252: "Ã§" for "ç", "Ã©" for "é" (some feeds double-encode names)
_MOJIBAKE = re.compile("[\u00c2-\u00c5\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                       "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def display_name(name: str) -> str:
    """The name as a reader should see it: composed (NFC), and undone where a feed turned
    UTF-8 into Windows-1252 ("FranÃ§ois Hollande" -> "François Hollande")."""
    name = unicodedata.normalize("NFC", name)
    if not _MOJIBAKE.search(name):
        return name
    try:
        return name.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return name  # a byte was lost on the way ("JesÃos"): keep what the text says


def name_words(name: str, person: bool = True) -> list[str]:
    """Lower-cased words of a name without titles (people only: "the Republican Party"
    keeps "republican"), possessives and dots."""
    words = [w.lower().replace("’", "'").replace("‘", "'").rstrip(".") for w in _WORD.findall(name)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    words = [w.rstrip("'") for w in words if w and w not in ("'", "'s")]
    strip = TITLES if person else {"the"}
    while words and words[0] in strip:
        words = words[1:]
    return words


ABBREV_END = ("Jr.", "Sr.", "Inc.", "Co.", "Corp.", "Ltd.", "St.")
_INITIALISM_END = re.compile(r"(?<![A-Za-z])(?:[A-Z]\.){2,}$")  # "the A.F.L.-C.I.O.", "U.S." keep their last dot


def clean_name(text: str, person: bool = True) -> str:
    """The name itself from an entity's text: no leading titles (for people; an
    organisation loses only "the") or trailing possessive."""
    text = text.strip().strip("\"“”‘«»").rstrip("'’ ") if text.strip().endswith(("''", "\"", "”")) else text.strip()
    text = re.sub(r"[’‘']s$", "", text).strip(" ,;:\"“”«»")  # (‘ typed for ’: "Donald Trump‘s")
    if text.endswith(".") and not text.endswith(ABBREV_END) and not _INITIALISM_END.search(text):
        text = text.rstrip(".")
    words = text.split()
    strip = TITLES if person else {"the"}
    while len(words) > 1 and words[0].lower().rstrip(".") in strip:
        words = words[1:]
    return " ".join(words)


@dataclass(eq=False)  # identity, not value: two namesakes are two entities
class Entity:
    name: str                      # canonical: the fullest form seen
    type: str                      # person or organisation
    mentions: list[tuple[int, int]] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)
    gender: str | None = None      # "m", "f" when a title or pronoun tells
    last_pos: int = -1
    spellings: dict[str, int] = field(default_factory=dict)  # full forms seen, and how often

    @property
    def words(self) -> list[str]:
        return name_words(self.name, self.type == "person")


ORG_WORDS = {"party", "campaign", "committee", "news", "times", "post", "journal", "university", "institute",
             "foundation", "association", "department", "council", "agency", "center", "centre", "group",
             "inc", "corp", "company", "bank", "house", "court", "office", "union", "network", "gazette", "pac"}


def looks_like_person(name: str) -> bool:
    """Two or three capitalised words, none of them a word organisations are named with."""
    words = name.split()
    if len(words) >= 2 and words[-1].lower().endswith("s") and words[-1].lower() in COMMON_WORDS \
            and words[0].lower() not in GIVEN_NAME_WORDS:
        return False  # "Latino Decisions", "Democracy Corps": a plural common noun ends no surname
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not any(
        w.lower().strip(".,") in ORG_WORDS for w in words) and not name.lower().startswith("the ")


def _suffix(words: list[str]) -> str | None:
    return words[-1] if words and words[-1] in SUFFIXES else None


def compatible(short: list[str], full: list[str], type_: str) -> bool:
    """Can the name `short` refer to the entity named `full`?"""
    if not short or not full:
        return False
    if _suffix(short) != _suffix(full) and (_suffix(short) or len(short) > 1):
        return False
    s = [w for w in short if w not in SUFFIXES]
    f = [w for w in full if w not in SUFFIXES]
    if not s or not f:
        return s == f  # a bare "Jr." or "III" the NER took for a whole name
    if s == f:
        return True
    if type_ == "person":
        if len(s) == 1:
            # "Acosta" for "Melba Acosta Febo" (two surnames), not "Paul" for "John Paul Jones"
            return s[0] == f[-1] or s[0] == f[0] or (
                len(f) == 3 and s[0] == f[1] and len(s[0]) > 2 and s[0] not in GIVEN_NAME_WORDS)
        # "Hillary Clinton" vs "Hillary Rodham Clinton": same first and last;
        # "Suu Kyi" for "Aung San Suu Kyi": the tail of the full name
        if s[0] == f[0] and s[-1] == f[-1]:
            return True
        if len(s) == len(f) and s[1:] == f[1:] and _doubled(s[0], f[0]):
            return True  # "Hilary Clinton", a typo for "Hillary Clinton"
        # the tail of a longer name ("Suu Kyi", "Jean King") when the extra words read
        # as names, not common words: "Real Donald Trump" (a book title) is not Donald
        # Trump's full name
        extra = f[:len(f) - len(s)]
        return (len(s) < len(f) and f[-len(s):] == s
                and (all(w in GIVEN_NAME_WORDS for w in extra) or any(w not in COMMON_WORDS for w in extra)))
    # organisations: "Washington Post" / "The Washington Post"; acronyms
    s2 = [w for w in s if w != "the"]
    f2 = [w for w in f if w != "the"]
    if s2 == f2:
        return True
    if len(s2) == 1 and s2[0] == "".join(w[0] for w in f2 if w not in ("of", "and", "for")):
        return True
    if len(f2) == len(s2) + 1 and f2[:-1] == s2 and f2[-1] in ("department", "ministry"):
        return True  # "the Treasury" for "the Treasury Department"
    # ("the House" is not the White House, "the party" not every party)
    return len(s2) < len(f2) and f2[-len(s2):] == s2 and len(s2) >= 1 and s2 not in (
        ["party"], ["department"], ["house"]) and s2[-1] not in ("party", "department")


def _doubled(a: str, b: str) -> bool:
    """One word is the other with one letter doubled ("hilary"/"hillary",
    "philip"/"phillip"): the commonest misspelling of a name. Any other difference
    ("mark"/"mary") may be another person."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) != len(a) + 1 or len(a) < 3:
        return False
    k = next((i for i in range(len(a)) if a[i] != b[i]), len(a))
    return a[k:] == b[k + 1:] and k > 0 and b[k] == b[k - 1]


def _joint_ok(ent: Entity, words: list[str]) -> bool:
    """A joint name ("New York Times/CBS News", a poll's makers) takes only its own full
    form, not its tail: "CBS News" alone is CBS News."""
    return "/" not in ent.name or words == ent.words


def _called_bare(cands: list[Entity], words: list[str], org_words: list[str] | None = None) -> list[Entity]:
    """Of namesakes a bare surname could name, the ones the article already calls by it
    ("Trump" is Donald, not Melania, whom it calls "Mrs. Trump" or "Melania"); all of
    them when none is."""
    if len(cands) < 2:
        return cands
    bare = [e for e in cands if any(
        name_words(f, e.type == "person") == (words if e.type == "person" or org_words is None else org_words)
        for f in e.forms)]
    return bare or cands


class NameIndex:
    """Clusters of names, built mention by mention in text order."""

    def __init__(self):
        self.entities: list[Entity] = []
        self.aliases: dict[str, Entity] = {}  # short forms an article defines: "the Swiss People’s Party, or SVP,"

    def add(self, text: str, type_: str, span: tuple[int, int], rename: bool = True,
            gender: str | None = None, gender_of=None) -> Entity | None:
        """Add a mention; it joins the entity it can name, or starts one. With rename
        off (a name inside someone's quote: ''Wilayat Twitter''), a fuller form joins
        without becoming the canonical name. `gender` ("m"/"f", from a title such as
        "Mr.") keeps "Mr. Clinton" off Hillary Clinton; `gender_of(words)` tells an
        entity's gender from its given name."""
        name = clean_name(text, type_ == "person")
        words = name_words(name, type_ == "person")
        surname_only = False
        if not words and gender and type_ == "person":
            # "Mr. King", "Mrs. Bishop": after an honorific a title word is a surname; it
            # names someone the article named in full, never a new person
            words, surname_only = name_words(name, False), True
        if not words or any(w in ("v", "vs") for w in words):  # "Trump v. Trump" is a court case
            return None
        cands = [ent for ent in self.entities if ent.type == type_ and _joint_ok(ent, words)
                 and (compatible(words, ent.words, type_) or compatible(ent.words, words, type_))]
        if len(words) == 1 and words[0] in self.aliases:
            cands = [self.aliases[words[0]]]
        if surname_only:
            cands = [e for e in cands if len(e.words) >= 2 and e.words[-1] == words[-1]]
            if not cands:
                return None
        if gender and gender_of is not None and len(cands) > 1:
            agree = [e for e in cands if gender_of(e.words) in (gender, None)]
            cands = agree or cands
        said = gender or (gender_of(words) if gender_of is not None and type_ == "person" else None)
        if said:
            # "Mr. Obama" named earlier is not "Michelle Obama": a person a title gave one
            # gender takes no name of the other
            cands = [e for e in cands if e.gender in (None, said)
                     and (gender_of is None or gender_of(e.words) in (None, said))]
        if len(words) == 1:
            cands = _called_bare(cands, words)
        best = max(cands, key=lambda e: e.last_pos) if cands else None
        if best is None and type_ == "person":
            # the NER typed a person as an organisation earlier ("Helena Marsh" ORG, then
            # "Marsh" PERSON): an organisation whose name reads like a person's joins
            for ent in self.entities:
                if ent.type == "organisation" and ent.name not in KNOWN_ORGS \
                        and (looks_like_person(ent.name) or ent.words == words[-1:]) and (
                        compatible(words, ent.words, "person") or compatible(ent.words, words, "person")):
                    ent.type = "person"
                    best = ent
        if best is None and type_ == "person" and len(words) >= 2 and not looks_like_person(name):
            # the NER typed an organisation as a person ("said Latino Decisions researcher
            # Sylvia Manzano", "chairman of Our Principles Pac"): it joins that organisation
            org_words = name_words(name, False)
            orgs = [e for e in self.entities if e.type == "organisation"
                    and (compatible(org_words, e.words, "organisation") or compatible(e.words, org_words, "organisation"))]
            if orgs:
                best = max(orgs, key=lambda e: e.last_pos)
        if best is None and len(words) == 1:
            # the NER often types a lone surname differently ("Reyes" as ORG after
            # "Tomas Reyes" as PERSON): a surname of a known person is that person
            people = [e for e in self.entities if e.type == "person"
                      and [w for w in e.words if w not in SUFFIXES][-1:] == words]  # "Pate" for "... Pate IV"
            if people:
                # of namesakes, the one the article already calls by the bare surname
                # ("Bozell" for Brent Bozell III, not for his father named since)
                best = max(_called_bare(people, words), key=lambda e: e.last_pos)
        if best is None:
            best = Entity(name=name, type=type_)
            self.entities.append(best)
        elif (rename or (type_ == "person" and len(best.words) == 1 and looks_like_person(name)
                         and words[0] in GIVEN_NAME_WORDS)) \
                and len(words) > len(best.words) and compatible(best.words, words, type_) \
                and (type_ != "person" or not any(w in ORG_WORDS for w in words)):  # not "Obama White House"
            best.name = name  # a fuller form of the same name
        elif rename and best.name.isupper() and not name.isupper() and len(words) == len(best.words):
            best.name = name  # "DONALD TRUMP" in a headline, then "Donald Trump"
        elif rename and len(words) == len(best.words) and words != best.words and best.type == "person" \
                and _doubled(words[0], best.words[0]) and (
                    best.spellings.get(name, 0) + 1 > best.spellings.get(best.name, 0) or name in FAMOUS_FULL):
            best.name = name  # two spellings of one name: the commoner (or the famous) one
        if gender and best.type == "person" and best.gender is None and words == best.words:
            best.gender = gender  # "Mr. Obama" marks the Obama named so, not every Obama
        if rename:
            best.spellings[name] = best.spellings.get(name, 0) + 1
        best.mentions.append(span)
        best.forms.add(name)
        best.last_pos = max(best.last_pos, span[0])
        return best

    def find(self, text: str, type_: str | None = None, before: int | None = None) -> Entity | None:
        """The entity a name refers to, preferring the most recent one before `before`."""
        forms = {t: name_words(clean_name(text, t == "person"), t == "person") for t in ("person", "organisation")}
        cands = [e for e in self.entities if (type_ is None or e.type == type_)
                 and (compatible(forms[e.type], e.words, e.type)) and _joint_ok(e, forms[e.type])]
        if not cands:
            return None
        if all(len(w) == 1 for w in forms.values()):
            cands = _called_bare(cands, forms["person"], forms["organisation"])
        if before is not None:
            prior = [e for e in cands if any(s < before for s, _ in e.mentions)]
            if prior:
                return max(prior, key=lambda e: max(s for s, _ in e.mentions if s < before))
        return max(cands, key=lambda e: len(e.words))
