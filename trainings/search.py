"""
Training search behind one queryset method, `Training.objects.search(query)`.

PostgreSQL: full-text search (English stemming, web-search syntax so any input is valid)
over the title (weight A) and the search text (title, provider name, credential and
description in English and Spanish; weight B), ranked with ts_rank; the search text is also
read with Spanish stemming (weight D), and a query matches under either language
("coordinadores" finds "coordinador"). The weighted document is a stored generated column,
`search_vector`, with a GIN index (migrations 0002 and 0010, PostgreSQL only), so cold
queries neither recompute it per row nor read every row. Text and query are lower-cased and
stripped of accents in Python (content.text.normalise), so accents are optional everywhere
with no database extension.

Elsewhere: every word must appear in the lower-cased search text; trainings whose title
holds the words rank first. On SQLite the words of 3 or more characters are looked up in an
FTS5 trigram index over the search text (migration 0006, kept in step by triggers), joined
as the model TrainingTextIndex, so a search reads the index, not every training's text,
and stops reading it where a LIMIT says; shorter words (which a trigram index cannot look
up) and other databases compare the text itself, as every word does in a query
that reads only a few trainings (text_index=False: the nearest ones, TrainingQuerySet.nearest),
where reading every match from the index would cost more than the query.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Case, FloatField, IntegerField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from content.text import TRIGRAM, fts_all, normalise

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
SEARCH_CONFIG = "english"
SPANISH_CONFIG = "spanish"  # PostgreSQL's built-in Spanish stemming (migration 0010)


def search_vector():
    """The stored document (see migration 0002); not a model field, so read through SQL."""
    table = connection.ops.quote_name("trainings_training")
    return RawSQL(f'{table}."search_vector"', [], output_field=SearchVectorField())


def search_trainings(queryset, query, *, text_index=True):
    text = normalise(query)[:MAX_QUERY_LENGTH]
    if not text:
        # Nothing searchable was typed (only control characters, say): no results, but
        # still annotated, so callers can sort by rank.
        return queryset.annotate(search_rank=Value(0.0, output_field=FloatField())).none()
    if connection.vendor == "postgresql":
        ts_query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG) | SearchQuery(
            text, search_type="websearch", config=SPANISH_CONFIG
        )
        vector = search_vector()
        return (
            queryset.annotate(search_document=vector)
            .filter(search_document=ts_query)
            .annotate(search_rank=SearchRank(vector, ts_query))
        )
    words = text.split()[:MAX_WORDS]
    scanned = words
    if connection.vendor == "sqlite" and text_index:
        indexed = [word for word in words if len(word) >= TRIGRAM]
        scanned = [word for word in words if len(word) < TRIGRAM]
        if indexed:
            queryset = queryset.filter(text_index__search_text__match=fts_all(indexed))
    for word in scanned:
        queryset = queryset.filter(search_text__contains=word)
    title_hits = sum(
        (
            Case(When(title__icontains=word, then=1), default=0, output_field=IntegerField())
            for word in words
        ),
        Value(0),
    )
    return queryset.annotate(search_rank=Cast(title_hits, FloatField()))
