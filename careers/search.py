"""
Job-title search behind one queryset method, `JobTitle.objects.search(query)`.

Both databases search `search_text`, a lower-cased, accent-stripped copy of the title kept
by JobTitle.save(), so "CARE Managér" finds "Care Manager" everywhere.

- PostgreSQL: every word as a substring (partial words: "navig") OR trigram word
  similarity (pg_trgm, migration 0004) for typos ("care navigater"); best matches first.
- Elsewhere: every word as a substring; when that finds nothing, each word is corrected
  to the closest word used in any title (difflib) and the search runs again. The words of
  the titles are read once per content version, not on every search that misses.
"""

import difflib

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.models import F, Q, Value

from content.pagecache import content_version
from content.text import normalise

MAX_QUERY_LENGTH = 100
MAX_WORDS = 8
# word_similarity() at or above this counts as a match (pg_trgm's own default is 0.6;
# lower lets one typo in a short word through).
TRIGRAM_THRESHOLD = 0.45


def query_words(query):
    return normalise(query or "")[:MAX_QUERY_LENGTH].split()[:MAX_WORDS]


def _all_words(words):
    condition = Q()
    for word in words:
        condition &= Q(search_text__contains=word)
    return condition


def search_job_titles(queryset, query):
    words = query_words(query)
    if not words:
        return queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        from django.contrib.postgres.lookups import TrigramWordSimilar
        from django.contrib.postgres.search import TrigramWordSimilarity

        text = " ".join(words)
        # `search_text %> text` is word_similarity(text, search_text) >= the connection's
        # pg_trgm.word_similarity_threshold (set to TRIGRAM_THRESHOLD when it connects,
        # careers/apps.py): unlike the function compared with a number, the operator can use
        # the trigram index, as LIKE does, so neither half reads every title.
        return (
            queryset.annotate(similarity=TrigramWordSimilarity(Value(text), "search_text"))
            .filter(_all_words(words) | Q(TrigramWordSimilar(F("search_text"), Value(text))))
            .order_by("-similarity", "title", "pk")
        )
    exact = queryset.filter(_all_words(words))
    if exact.exists():
        return exact
    vocabulary = title_vocabulary(queryset.model)
    corrected = [
        (difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75) or [word])[0]
        for word in words
    ]
    if corrected == words:
        return exact
    return queryset.filter(_all_words(corrected))


def title_vocabulary(model):
    """
    The words job titles are made of, that a typo can be corrected to: read from every
    title once per content version (any change to a title starts a new one) rather than on
    every search that finds nothing. Words with a digit in them are left out: nobody means
    a number when they mistype a word, and they would swell the list difflib compares with.
    """
    key = f"careers:title-vocabulary:{content_version()}"
    words = cache.get(key)
    if words is None:
        texts = model._default_manager.values_list("search_text", flat=True).distinct()
        words = sorted({w for text in texts.iterator() for w in text.split() if not any_digit(w)})
        cache.set(key, words, settings.PAGE_CACHE_SECONDS)
    return words


def any_digit(word):
    return any(character.isdigit() for character in word)


def set_trigram_threshold(sender, connection, **kwargs):
    """connection_created receiver: this search's word-similarity threshold (PostgreSQL)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
                [str(TRIGRAM_THRESHOLD)],
            )
