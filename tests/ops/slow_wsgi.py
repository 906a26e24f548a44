"""A tiny WSGI app for tests/ops: /sleep?seconds=N answers after N seconds, / at once."""

import time
from urllib.parse import parse_qs


def app(environ, start_response):
    if environ["PATH_INFO"] == "/sleep":
        time.sleep(float(parse_qs(environ["QUERY_STRING"])["seconds"][0]))
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"done\n"]
