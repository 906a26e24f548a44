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
"""

import argparse
import cProfile
import itertools
import pstats
import sys
import time
from pathlib import Path

import inprocess

inprocess.setup()

from django.test import Client  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[1])
    parser.add_argument("urls", type=Path)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="tottime")
    args = parser.parse_args()
    listed = [u for u in args.urls.read_text().split() if u.startswith("/")]
    # A short list (a content page) is sent over and over; a long one each URL once.
    urls = list(itertools.islice(itertools.cycle(listed), args.requests))
    client = Client(HTTP_HOST="127.0.0.1")
    client.get(urls[0])  # imports, connection, caches
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
