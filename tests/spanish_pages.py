"""
Getting a page in Spanish in a test: the URL picks the language (LocaleMiddleware with
i18n_patterns), so a test asks for the page's Spanish twin, reversed with Spanish active
(/trainings/ -> /es/trainings/), and keeps Spanish active while it does (so a test written
before the /es/ prefix existed meant the same thing). And the checks every app's Spanish
content file gets.
"""

import re

from django.conf import settings
from django.urls import resolve, reverse
from django.utils import translation

from content.i18n import translated_fields

NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def spanish_address(path):
    """The Spanish address of the page at `path` (an English address)."""
    with translation.override(settings.LANGUAGE_CODE):
        match = resolve(path)
    with translation.override("es"):
        return reverse(match.view_name, args=match.args, kwargs=match.kwargs)


def get_in_spanish(client, path, params=None, **extra):
    with translation.override("es"):
        return client.get(spanish_address(path), params, **extra)


def post_in_spanish(client, path, data, **extra):
    with translation.override("es"):
        return client.post(spanish_address(path), data, **extra)


def numbers(text):
    """The figures in a text, sorted: a translation states the same ones as its English."""
    return sorted(NUMBER.findall(text or ""))


def check_spanish_rows(spanish_rows, english_by_slug, model):
    """Each row of a Spanish content file names an English row, once, and only translated
    fields: a wrong slug or a misspelt field would otherwise be skipped silently."""
    for row in spanish_rows:
        assert row["slug"] in english_by_slug, row["slug"]
        assert set(row) - {"slug"} <= set(translated_fields(model)), row["slug"]
    assert len({row["slug"] for row in spanish_rows}) == len(spanish_rows)
