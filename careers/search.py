"""
The job-title finder behind `JobTitle.objects.search(query)` and `find_titles()`: forgiving
of the way people type titles, and the same on SQLite and PostgreSQL (one portable path,
so both databases give the same answer).

Every word is compared with `search_text`, the lower-cased, accent-stripped copy of the
title JobTitle.save() keeps. Words match in any order; a word of four letters or more
matches part of a word ("navig"), a shorter one only a whole word ("rn", not "corner").
In order, until something matches:

1. the words as typed, plurals made singular ("care managers" finds "Care Manager");
2. each word rewritten: a known abbreviation or synonym spelled out (ABBREVIATIONS: CHW,
   LPN, LMSW, mgr, coord, ...), else a word no title uses corrected to the closest word that
   titles do use, one or two letters away (rapidfuzz; ties go to the more common word).
   Results found this way are suggestions ("Did you mean");
3. the titles that share the most of those words (at least one that says something: "care"
   alone does not), also as suggestions.

Spanish titles (`title_es`, content/i18n.py) are found the same way through their own
normalised column, `search_text_es` (spanish_search_text(): no accents, no "(a)" or "/a"
endings, no punctuation), and the words typed are compared with it in their Spanish form
(spanish_word(): "coordinadora", "coordinadores" -> "coordinador"). A title matches when
all the words match its English or all match its Spanish.
"""

import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from content.pagecache import cached_for_content
from content.text import TRIGRAM, fts_all, normalise

MAX_QUERY_LENGTH = 100
MAX_WORDS = 8
FTS_TABLE = "careers_jobtitle_fts"  # SQLite, migration 0017

# What people type for the words titles use (normalised: lower case, no accents).
ABBREVIATIONS = {
    "chw": "community health worker",
    "lpn": "nurse",
    "lvn": "nurse",
    "bsn": "nurse",
    "rn": "rn",
    "lmsw": "social work",
    "lcsw": "social work",
    "msw": "social work",
    "bsw": "social work",
    "sw": "social work",
    "mgr": "manager",
    "mngr": "manager",
    "mgmt": "manager",
    "coord": "coordinator",
    "coor": "coordinator",
    "crd": "coordinator",
    "cm": "care manager",
    "cc": "care coordinator",
    "ccm": "case manager",
    "hh": "health home",
    "bh": "behavioral health",
    "toc": "transitions of care",
    "nav": "navigator",
    "caseworker": "case",
    "nursing": "nurse",
    "behavioural": "behavioral",
    "programme": "program",
}
# Words that on their own say too little to suggest a title.
WEAK_WORDS = {"care", "health", "of", "the", "and", "a", "an", "in", "for", "job"}


def query_words(query):
    return normalise(query or "")[:MAX_QUERY_LENGTH].split()[:MAX_WORDS]


# "coordinador(a)", "enfermero/a", "registrados(as)": the other gender's ending, dropped.
_GENDER_ENDING = re.compile(r"\((?:a|as|o|os|es)\)|/(?:a|as|o|os|es)\b")
_PUNCTUATION = re.compile(r"[^\w\s]")


def spanish_search_text(text):
    """A Spanish title as its search column keeps it: "Enfermero(a) registrado(a) (RN)" ->
    "enfermero registrado rn"."""
    text = _GENDER_ENDING.sub("", normalise(text or ""))
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def spanish_word(word):
    """A typed word as it can be found in Spanish titles, whatever its gender or number:
    "coordinadoras" -> "coordinador", "enfermera" -> "enfermer" (part of "enfermero")."""
    word = spanish_search_text(word).replace(" ", "")
    if len(word) >= 6 and word.endswith("es") and word[-3] in "rlnd":
        return word[:-2]
    if len(word) > 4 and word.endswith("s"):
        word = word[:-1]
    if len(word) >= 6 and word[-1] in "ao":
        return word[:-1]
    return word


def singular(word):
    """ "managers" -> "manager"; short words and "-ss" words are left alone."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _word_matches(word, column="search_text"):
    """Titles whose `column` contains `word` (part of a word, or a whole short word)."""
    if len(word) >= 4:
        return Q(**{f"{column}__contains": word})
    return (
        Q(**{column: word})
        | Q(**{f"{column}__startswith": f"{word} "})
        | Q(**{f"{column}__endswith": f" {word}"})
        | Q(**{f"{column}__contains": f" {word} "})
    )


def _spanish_words(words):
    return [w for w in (spanish_word(word) for word in words) if w]


def _all_words(words):
    """Titles that contain every word, in English or (every word) in Spanish."""
    english, spanish = Q(), Q()
    for word in words:
        english &= _word_matches(word)
    spanish_words = _spanish_words(words)
    for word in spanish_words:
        spanish &= _word_matches(word, "search_text_es")
    branches = [("search_text", words)]
    if spanish_words:
        english |= spanish
        branches.append(("search_text_es", spanish_words))
    return english & _indexed(branches, every=True)


def _in_either_language(word):
    """(Titles containing `word` in English or its Spanish form in Spanish, the index
    branches that find them)."""
    spanish = spanish_word(word)
    if not spanish:
        return _word_matches(word), [("search_text", [word])]
    return _word_matches(word) | _word_matches(spanish, "search_text_es"), [
        ("search_text", [word]),
        ("search_text_es", [spanish]),
    ]


def _words_in_either_language(words, *, every):
    """Titles that contain every one of the words (`every`) or at least one, each word in
    English or in its Spanish form."""
    found, branches = Q(), []
    for word in words:
        matches, word_branches = _in_either_language(word)
        found = found & matches if every else found | matches
        # A title holding every word holds the first: its branches narrow enough.
        branches += [] if every and branches else word_branches
    return found & _indexed(branches, every=False)


def _indexed(branches, *, every):
    """On SQLite, the titles the trigram index (migration 0017) says may match: a `branch`
    is (column, words), matched when the column holds every word (`every`) or any of them;
    the titles are those matching any branch. The index finds words of 3 or more
    characters, so a branch with none of them could match any title: then (and on other
    databases, where a trigram index serves the LIKE itself) Q(), no narrowing. The
    caller's own conditions still decide; this only saves reading every title."""
    if connection.vendor != "sqlite":
        return Q()
    parts = []
    for column, words in branches:
        indexed = [word for word in words if len(word) >= TRIGRAM]
        if not indexed or (not every and len(indexed) < len(words)):
            return Q()
        parts.append(f"{column} : ({fts_all(indexed)})")
    match = " OR ".join(f"({part})" for part in parts)
    return Q(pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match]))


@dataclass
class Finding:
    """What the finder found: `titles` (a queryset), and whether they are exact matches;
    `rows`, the first of them when find_titles() was asked to read them (`first`) and
    found any, else None."""

    titles: object
    exact: bool = True
    words: list = field(default_factory=list)
    rows: list | None = None


def _found(titles, first):
    """(whether `titles` holds any, the first `first` of them or None when `first` is 0):
    a caller that shows the titles gets them from the query that tells whether a step
    found any, instead of asking exists() and then reading them."""
    if not first:
        return titles.exists(), None
    rows = list(titles[:first])
    return bool(rows), rows


def _vocabulary(queryset):
    """{word: how many titles use it} over every title of the model.

    Read once per content version (any change to a title starts a new one) and kept in
    each process (content.pagecache.cached_for_content), not on every search that misses:
    one query, then none, and no round trip to a shared cache, until content changes.
    """

    def count_words():
        counts = {}
        texts = queryset.model._default_manager.values_list("search_text", "search_text_es")
        for english, spanish in texts.iterator():
            for word in set(english.split()) | set(spanish.split()):
                if word.isalpha():
                    counts[word] = counts.get(word, 0) + 1
        return counts

    return cached_for_content("careers:title-vocabulary", count_words)


def _known(word, vocabulary):
    if len(word) >= 4:
        return any(word in known for known in vocabulary)
    return word in vocabulary


def _correct(word, vocabulary):
    """The closest word titles use, at most one letter away (two for long words), or None."""
    limit = 1 if len(word) < 8 else 2
    if len(word) < 3:
        return None
    candidates = extract(word, vocabulary.keys(), scorer=OSA.distance, score_cutoff=limit, limit=10)
    if not candidates:
        return None
    # Fewest changes first, then the word more titles use, then alphabetical.
    best = min(candidates, key=lambda c: (c[1], -vocabulary[c[0]], c[0]))
    return best[0]


def _rewrite(words, vocabulary):
    rewritten = []
    for word in words:
        if word in ABBREVIATIONS:
            rewritten.extend(ABBREVIATIONS[word].split())
        elif _known(word, vocabulary):
            rewritten.append(word)
        else:
            rewritten.append(_correct(word, vocabulary) or word)
    return [singular(w) for w in rewritten]


def find_titles(queryset, query, *, first=0):
    """Finding: the titles of `queryset` that `query` names (see the module docstring).
    `first`: read the first that many into Finding.rows."""
    words = [singular(word) for word in query_words(query)]
    if not words:
        return Finding(queryset.none())
    exact = queryset.filter(_all_words(words)).order_by("title", "pk")
    found, rows = _found(exact, first)
    if found:
        return Finding(exact, exact=True, words=words, rows=rows)
    vocabulary = _vocabulary(queryset)
    rewritten = _rewrite(words, vocabulary)
    if rewritten != words:
        corrected = queryset.filter(_all_words(rewritten)).order_by("title", "pk")
        found, rows = _found(corrected, first)
        if found:
            return Finding(corrected, exact=False, words=rewritten, rows=rows)
    strong = [w for w in dict.fromkeys(rewritten) if w not in WEAK_WORDS]
    if not strong:
        return Finding(queryset.none(), exact=False, words=rewritten)
    # At least one strong word: a condition an index can serve, unlike a count of them.
    candidates = queryset.filter(_words_in_either_language(strong, every=False))
    page = None
    if len(rewritten) == 2:
        # No title holds both words in one language (the steps above), so the most a title
        # shares is both, one in each language, else one: asked through the indexes,
        # instead of counting the words of every title that holds either.
        both = queryset.filter(_words_in_either_language(rewritten, every=True))
        titles = both if both.exists() else candidates
    else:
        scored = candidates.annotate(hits=_hits(rewritten))
        # One pass over the candidates gives both the best count and the page, not one
        # pass for each: in this order the titles with the most hits come first, by title,
        # so those of the first `first` that share the top count are the page. At 50,000
        # titles each pass read every title that holds a common word ("care").
        ranked = list(scored.order_by("-hits", "title", "pk")[: first or 1])
        best = ranked[0].hits if ranked else None
        if first:
            page = [title for title in ranked if title.hits == best]
        if best is None:
            titles = queryset.none()
        elif best > 1:
            titles = scored.filter(hits=best)
        else:
            # Every candidate has the one hit: no condition on the count, which PostgreSQL
            # cannot estimate (it guessed 33 titles for 6,063 and sorted them all), so the
            # titles are read in order from the title index (migration 0018).
            titles = candidates
    titles = titles.order_by("title", "pk")
    if first and page is None:
        page = list(titles[:first])
    return Finding(titles, exact=False, words=rewritten, rows=page)


def _hits(words):
    """How many of `words` a title contains, as a database expression."""
    total = Value(0, output_field=IntegerField())
    for word in words:
        matches, _branches = _in_either_language(word)
        total = total + Case(
            When(matches, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
    return total


def search_job_titles(queryset, query):
    return find_titles(queryset, query).titles
