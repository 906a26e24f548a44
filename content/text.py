"""Text helpers every search shares."""

import unicodedata


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
