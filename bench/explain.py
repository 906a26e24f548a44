"""
`make bench-explain`: the query plans of the searches on PostgreSQL, to
bench/results/explain.txt. For each search page (the trainings search with text, filters
and a ZIP code; the employers search by ZIP code and miles; the title finder; the guide),
one request through the test client records its queries, and each query that reads
trainings, employers, locations or job titles is run again under EXPLAIN (ANALYZE, BUFFERS).
Fails when any plan reads one of those tables with a sequential scan. Each such query is
also timed both ways, the planner's plan and the best plan without sequential scans
(`SET LOCAL enable_seqscan = off`), the median execution time of RUNS runs each, so the
report says whether an index would have served it faster at this size.

Run on the `make bench` database once it is seeded (bench/http_bench.py prepares it):
    DATABASE_URL=postgres://.../bench_http python bench/explain.py
"""

import os
import random
import re
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "True")

import django  # noqa: E402

django.setup()

import site_sample  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

BIG_TABLES = ("trainings_training", "employers_employer", "employers_location", "careers_jobtitle")
SEQ_SCAN = re.compile(r"Seq Scan on (" + "|".join(BIG_TABLES) + r")\b")
EXECUTION_TIME = re.compile(r"Execution Time: ([0-9.]+) ms")
RUNS = 5


def execution_ms(sql, *, seqscan=True):
    """The median execution time (ms) of `sql` over RUNS runs of EXPLAIN ANALYZE, with the
    planner's plan or (`seqscan=False`) the best one without a sequential scan."""
    times = []
    with transaction.atomic(), connection.cursor() as cursor:
        if not seqscan:
            cursor.execute("SET LOCAL enable_seqscan = off")
        for _ in range(RUNS):
            cursor.execute("EXPLAIN (ANALYZE) " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            times.append(float(EXECUTION_TIME.search(plan).group(1)))
    return statistics.median(times)


def urls():
    rng = random.Random(5)
    zips = site_sample.ny_zips()
    roles = ["care-manager", "care-coordinator", ""]
    return {
        "trainings search, common words + filters + ZIP": site_sample.training_search_urls(
            rng, 1, zips
        )[0],
        "trainings search, common words, no ZIP": "/trainings/?q=patient+navigator",
        "trainings search, rare words": "/trainings/?q=navigator+1234",
        "trainings search, ZIP only": "/trainings/?zip=10001&miles=10",
        "employers search, ZIP + miles": site_sample.employer_search_urls(rng, 1, zips)[0],
        "employers search, name": "/employers/?q=employer+00012",
        "title finder, common words": "/careers/?q=community+navigator",
        "title finder, rare words": "/careers/?q=navigator+1234",
        "title finder, typo": "/careers/?q=navigater",
        "guide result": site_sample.guide_urls(rng, 1, zips, roles)[0],
    }


def main():
    if connection.vendor != "postgresql":
        raise SystemExit("EXPLAIN plans are recorded on PostgreSQL: set DATABASE_URL")
    client = Client()
    out, problems = [], []
    for name, url in urls().items():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        out += ["=" * 100, f"{name}: GET {url} -> {response.status_code}, "
                f"{len(captured)} queries", ""]  # fmt: skip
        for query in captured:
            sql = query["sql"]
            if not any(table in sql for table in BIG_TABLES):
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            out += [sql, "", plan, ""]
            scans = sorted({match.group(0) for match in SEQ_SCAN.finditer(plan)})
            if scans:
                planned, indexed = execution_ms(sql), execution_ms(sql, seqscan=False)
                faster = "the planner's" if planned <= indexed else "the index plan"
                problems.append(
                    f"{name}: {', '.join(scans)} ({planned:.2f} ms; without sequential "
                    f"scans {indexed:.2f} ms: {faster} is faster)"
                )
    header = [
        f"EXPLAIN (ANALYZE, BUFFERS) of every search query on {connection.vendor}, "
        f"{site_sample.Training.objects.count():,} trainings, "
        f"{site_sample.Employer.objects.count():,} employers, "
        f"{site_sample.JobTitle.objects.count():,} job titles.",
        "Sequential scans of "
        + ", ".join(BIG_TABLES)
        + (":\n- " + "\n- ".join(problems) if problems else ": none"),
        "",
    ]
    path = HERE / "results" / "explain.txt"
    path.write_text("\n".join(header + out) + "\n")
    print("\n".join(header))
    if problems:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
