"""
Getting a page in Spanish in a test, before and after the URLs carry the language.

Before LocaleMiddleware and i18n_patterns, `translation.override("es")` holds through the
request; after, the /es/ prefix chooses the language (the middleware would switch an
override back to English at /trainings/). `get_in_spanish` does both: it asks for the
page's Spanish address (reversed with Spanish active: /es/trainings/, or /trainings/ while
there is no prefix) with Spanish active.
"""

from django.conf import settings
from django.urls import resolve, reverse
from django.utils import translation


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
