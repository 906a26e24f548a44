"""
Django set up in this process as `make bench` runs the site: production settings (DEBUG
off, a generated SECRET_KEY, the cached template loaders, the page cache on), plain http
on 127.0.0.1. For the in-process tools (profile_pages.py, sql_steps.py, scale.py), which
then send requests through the test client (`client()` below): `setup()` before importing
anything from Django.
"""

import os
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def environment():
    """The environment variables of those settings (also for a `manage.py` run by a tool)."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "False",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "False",
        "LOG_LEVEL": "WARNING",
    }


def setup(**extra):
    """Set the environment (plus `extra`, e.g. CONN_MAX_AGE="600") and django.setup()."""
    sys.path.insert(0, str(ROOT))
    os.environ.update(environment(), **extra)
    import django

    django.setup()


def client():
    """Django's test client for 127.0.0.1, each request run as config/wsgi.py runs it under
    gunicorn: on a fresh piece of CPython's frame stack (config/stack.py). Without that a
    template rendered under the test client's extra frames took 2.5x as long as under
    gunicorn, at whatever depth the client happened to leave it."""
    from django.test import Client

    from config.stack import on_fresh_stack

    class FreshStackClient(Client):
        def request(self, **request):
            send = super().request
            return on_fresh_stack(lambda: send(**request))

    return FreshStackClient(HTTP_HOST="127.0.0.1")
