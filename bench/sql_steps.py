"""
How much SQL work a page type costs, counted instead of timed: the SQLite virtual machine
steps of each request (sqlite3's progress handler, called every STEP steps), over a list of
URLs as bench/site_sample.py writes them for `make bench`. The count is the same on every
run, so two versions of the code can be compared on a machine whose timings swing by a
tenth between identical runs (this one's do). It counts the database's work only, not
Python's: pair it with bench/profile_pages.py, and with `make bench` for the real figures.

    DATABASE_URL=sqlite:///$PWD/bench/http.sqlite3 \\
        python bench/sql_steps.py URL_LIST [--requests 200]

Prints the median and mean steps per request and the median number of queries. SQLite only.
"""

import argparse
import statistics
from pathlib import Path

import inprocess

# One connection for the whole run: the progress handler belongs to it.
inprocess.setup(CONN_MAX_AGE="600")

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

STEP = 100


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[1])
    parser.add_argument("urls", type=Path)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    if connection.vendor != "sqlite":
        raise SystemExit("bench/sql_steps.py counts SQLite's steps: DATABASE_URL=sqlite:///...")
    urls = [u for u in args.urls.read_text().split() if u.startswith("/")][: args.requests + 1]
    client = Client(HTTP_HOST="127.0.0.1")
    client.get(urls[0])  # imports, connection, caches
    counted = [0]

    def step():
        counted[0] += 1
        return 0  # go on

    connection.ensure_connection()
    connection.connection.set_progress_handler(step, STEP)
    steps, queries = [], []
    for url in urls[1:]:
        counted[0] = 0
        with CaptureQueriesContext(connection) as captured:
            status = client.get(url).status_code
        if status >= 500:
            raise SystemExit(f"{url} answered {status}")
        steps.append(counted[0] * STEP)
        queries.append(len(captured))
    print(
        f"{len(steps)} requests of {args.urls.name}: SQLite steps per request median "
        f"{statistics.median(steps):,.0f}, mean {statistics.mean(steps):,.0f}; "
        f"queries per request median {statistics.median(queries):g}"
    )


if __name__ == "__main__":
    main()
