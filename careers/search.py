"""
Job-title search behind one queryset method, `JobTitle.objects.search(query)`.

PostgreSQL: trigram similarity on an unaccented, lower-cased title (typos and partial
words). Elsewhere: every word of the query must appear in the normalised title.
"""

import unicodedata

MAX_QUERY_LENGTH = 100


def normalise(text):
    """Lower case, accents stripped, whitespace collapsed: "Coördinator " -> "coordinator"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def search_job_titles(queryset, query):
    words = normalise(query)[:MAX_QUERY_LENGTH].split()
    if not words:
        return queryset.none()
    for word in words:
        queryset = queryset.filter(search_text__contains=word)
    return queryset
