"""
Job-title search behind one queryset method, `JobTitle.objects.search(query)`.

Both databases search `search_text`, a lower-cased, accent-stripped copy of the title kept
by JobTitle.save(), so "CARE Managér" finds "Care Manager" everywhere.

- PostgreSQL: every word as a substring (partial words: "navig") OR trigram word
  similarity (pg_trgm, migration 0004) for typos ("care navigater"); best matches first.
- Elsewhere: every word as a substring; when that finds nothing, each word is corrected
  to the closest word used in any title (difflib) and the search runs again.
"""

import difflib

from django.db import connections
from django.db.models import Q, Value

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
        from django.contrib.postgres.search import TrigramWordSimilarity

        return (
            queryset.annotate(
                similarity=TrigramWordSimilarity(Value(" ".join(words)), "search_text")
            )
            .filter(_all_words(words) | Q(similarity__gte=TRIGRAM_THRESHOLD))
            .order_by("-similarity", "title", "pk")
        )
    exact = queryset.filter(_all_words(words))
    if exact.exists():
        return exact
    vocabulary = {
        word
        for text in queryset.model._default_manager.values_list("search_text", flat=True)
        for word in text.split()
    }
    corrected = [
        (difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75) or [word])[0]
        for word in words
    ]
    if corrected == words:
        return exact
    return queryset.filter(_all_words(corrected))
