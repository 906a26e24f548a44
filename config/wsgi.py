"""WSGI entry point: `gunicorn config.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

from config.stack import on_fresh_stack

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

django_application = get_wsgi_application()


def application(environ, start_response):
    """Django's WSGI application, each request on a fresh piece of CPython's frame stack
    (config/stack.py): rendering templates costs the same whatever the server's depth."""
    return on_fresh_stack(django_application, environ, start_response)
