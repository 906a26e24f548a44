"""Text helpers every search shares, and unique slugs from titles."""

import unicodedata

from django.utils.text import slugify


def normalise(text):
    """Lower case, accents stripped, whitespace collapsed: "Coördinator " -> "coordinator".

    Control and other invisible characters go too (a NUL byte would otherwise reach
    PostgreSQL, which refuses it).
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(
        c
        for c in decomposed
        if not unicodedata.combining(c)
        and (c.isspace() or not unicodedata.category(c).startswith("C"))
    )
    return " ".join(stripped.casefold().split())


# The shortest word SQLite's FTS5 trigram indexes (the job titles', the trainings') can
# look up: a shorter one is compared with the text itself.
TRIGRAM = 3


def fts_all(words):
    """The FTS5 query (SQLite) for text that holds every one of `words`, each word one
    quoted string with its own quotes doubled, so nothing typed can be read as query
    syntax (a quote, OR, NEAR, *)."""
    return " AND ".join('"' + word.replace('"', '""') + '"' for word in words)


def unique_slug(instance, text, *, field="slug"):
    """A slug for `instance` made from `text` that no other row of its model has yet:
    "care-coordinator", then "care-coordinator-2", "care-coordinator-3", ...

    For rows saved without a slug (an inline in the admin shows no slug field), so the
    second one does not collide with the first on the unique column.
    """
    model = type(instance)
    max_length = model._meta.get_field(field).max_length or 50
    base = slugify(normalise(text))[: max_length - 4].strip("-") or model._meta.model_name
    taken = set(
        model._default_manager.filter(**{f"{field}__startswith": base})
        .exclude(pk=instance.pk)
        .values_list(field, flat=True)
    )
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"[:max_length]
    return slug
