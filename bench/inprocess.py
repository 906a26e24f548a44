"""
Django set up in this process as `make bench` runs the site: production settings (DEBUG
off, a generated SECRET_KEY, the cached template loaders, the page cache on), plain http
on 127.0.0.1. For the in-process tools (profile_pages.py, sql_steps.py, scale.py), which
then send requests through the test client (Client(HTTP_HOST="127.0.0.1")): `setup()`
before importing anything from Django.
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
