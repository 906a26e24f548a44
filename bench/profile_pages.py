"""
Where one page type's time goes, in-process: the first URLs of a list (as
bench/site_sample.py writes them for `make bench`) sent through the whole middleware
stack with the Django test client and production settings (DEBUG off, SITE_URL set, the
page cache on), under cProfile; prints mean milliseconds per request and the functions
that take the most time.

    DATABASE_URL=sqlite:///$PWD/bench/http.sqlite3 \
        python bench/profile_pages.py URL_LIST [--requests 200] [--top 30] [--sort tottime]

Run it on the database `make bench` built (bench/http.sqlite3), with the URL lists that
`make bench` leaves in its temporary directory, or with a file of your own (one path per
line). Not part of `make bench`: a tool for finding the next thing to make faster.

`--phases`: no profiler; the median request split into its SQL (time inside the database
driver), its template rendering (the outermost template, less the SQL run from inside it)
and the rest (middleware, forms, building queries, Python of the view), with /healthz
timed the same way in the same process, for scale. `--json` (implies `--phases`): those
medians as one line of JSON, which `make bench` reads (bench/http_bench.py).
"""

import argparse
import cProfile
import itertools
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

import inprocess

inprocess.setup()

from django.db import connection  # noqa: E402
from django.template.backends.django import Template  # noqa: E402


class Phases:
    """Seconds spent in SQL and in (outermost) template rendering during one request."""

    def __init__(self):
        self.sql = self.render = 0.0
        self._depth = 0

    def execute(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.sql += time.perf_counter() - started

    def timed_render(self, render):
        phases = self

        def wrapper(template, *args, **kwargs):
            phases._depth += 1
            started, sql_before = time.perf_counter(), phases.sql
            try:
                return render(template, *args, **kwargs)
            finally:
                phases._depth -= 1
                if not phases._depth:
                    phases.render += time.perf_counter() - started - (phases.sql - sql_before)

        return wrapper


def measure_phases(client, urls):
    """[(total, sql, render)] in milliseconds, one per URL, unprofiled."""
    phases = Phases()
    original = Template.render
    Template.render = phases.timed_render(original)
    rows = []
    try:
        with connection.execute_wrapper(phases.execute):
            for url in urls:
                phases.sql = phases.render = 0.0
                started = time.perf_counter()
                client.get(url)
                total = time.perf_counter() - started
                rows.append((total * 1000, phases.sql * 1000, phases.render * 1000))
    finally:
        Template.render = original
    return rows


def phase_medians(client, urls):
    """{total, sql, templates, rest, healthz, healthz_sql}: medians in milliseconds over
    `urls` (each column its own median; rest = total - sql - templates), and /healthz's
    total and SQL timed the same way in the same process."""

    def medians(rows):
        return [statistics.median(column) for column in zip(*rows, strict=True)]

    healthz = medians(measure_phases(client, ["/healthz"] * len(urls)))
    total, sql, render = medians(measure_phases(client, urls))
    return {
        "requests": len(urls),
        "total": round(total, 2),
        "sql": round(sql, 2),
        "templates": round(render, 2),
        "rest": round(total - sql - render, 2),
        "healthz": round(healthz[0], 2),
        "healthz_sql": round(healthz[1], 2),
    }


def print_phases(client, urls):
    m = phase_medians(client, urls)
    print(f"{m['requests']} requests, medians in ms (each column its own median):")
    print(
        f"  total {m['total']:.2f}  sql {m['sql']:.2f}  "
        f"templates {m['templates']:.2f}  rest {m['rest']:.2f}"
    )
    ratio = m["total"] / m["healthz"]
    print(
        f"  /healthz total {m['healthz']:.2f} (sql {m['healthz_sql']:.2f}); "
        f"page/healthz {ratio:.1f}x"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[1])
    parser.add_argument("urls", type=Path)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--phases", action="store_true", help="SQL, templates, rest; no profiler")
    parser.add_argument("--json", action="store_true", help="--phases as one line of JSON")
    args = parser.parse_args()
    listed = [u for u in args.urls.read_text().split() if u.startswith("/")]
    # A short list (a content page) is sent over and over; a long one each URL once.
    urls = list(itertools.islice(itertools.cycle(listed), args.requests))
    client = inprocess.client()
    client.get(urls[0])  # imports, connection, caches
    if args.json:
        print(json.dumps(phase_medians(client, urls)))
        return
    if args.phases:
        print_phases(client, urls)
        return
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            print(f"{response.status_code} {url}", file=sys.stderr)
    profile.disable()
    elapsed = time.perf_counter() - started
    print(f"{len(urls)} requests, {elapsed / len(urls) * 1000:.2f} ms each (under cProfile)")
    pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
