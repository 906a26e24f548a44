"""
Getting a page in Spanish in a test: the URL picks the language (LocaleMiddleware with
i18n_patterns), so a test asks for the page's Spanish twin, reversed with Spanish active
(/trainings/ -> /es/trainings/), and keeps Spanish active while it does (so a test written
before the /es/ prefix existed meant the same thing).
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
