"""
config/stack.py's on_fresh_stack, which config/wsgi.py runs every request through (its
effect on speed is measured by bench/stack_depth.py, not here): it passes through what the
function returns or raises, and the WSGI application still serves the site.
"""

import sys
from wsgiref.util import setup_testing_defaults

import pytest

from config.stack import CHUNK, ROOM, on_fresh_stack
from config.wsgi import application


def test_on_fresh_stack_returns_what_the_function_returns():
    assert on_fresh_stack(divmod, 17, 5) == (3, 2)


def test_on_fresh_stack_raises_what_the_function_raises():
    with pytest.raises(ZeroDivisionError):
        on_fresh_stack(divmod, 1, 0)


def test_the_room_beneath_is_more_than_a_chunk_and_deep_calls_still_work():
    assert ROOM > 4 * CHUNK

    def down(n):
        return 0 if n == 0 else 1 + down(n - 1)

    depth = sys.getrecursionlimit() // 2
    assert on_fresh_stack(down, depth) == depth
    with pytest.raises(RecursionError):
        on_fresh_stack(down, sys.getrecursionlimit() * 2)


# Outside a test transaction: a WSGI request starts by closing the database connection if it
# is in one (django.db.close_old_connections), as the test client does not.
@pytest.mark.django_db(transaction=True)
def test_the_wsgi_application_serves_the_site():
    answered = {}

    def start_response(status, headers, exc_info=None):
        answered["status"] = status

    environ = {"PATH_INFO": "/healthz"}
    setup_testing_defaults(environ)  # a GET of http://127.0.0.1/healthz, as a server sends it
    body = b"".join(application(environ, start_response))
    assert answered["status"].startswith("200")
    assert body
