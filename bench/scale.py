"""
`make bench-scale`: how the three searches grow with the data. At 1x, 10x and 100x of
1,000 trainings, 500 employers and 500 job titles (so up to 100,000 / 50,000 / 50,000),
times the trainings search (text, filters and ZIP), the employers search (ZIP and miles)
and the title finder over distinct, never-repeated queries, and writes p50/p99 per size to
bench/results/scale.md and scale.json (on PostgreSQL: scale-postgresql.md and .json).

Timing is in-process through Django's test client with production settings (DEBUG off,
cached templates), one request at a time: at 100x gunicorn + wrk would measure the same
queries plus HTTP, and `make bench` already measures HTTP. One process per size stays up
and the sizes are measured in turn, a tenth of the URLs at a time, so a shared machine
that drifts during the run moves every size alike. Each size has a database of its
own, kept between runs (bench/scale-<n>x.sqlite3, or <BENCH_DATABASE_URL>_<n>x on
PostgreSQL), so only the first run pays for seeding.

    python bench/scale.py [--sizes 1,10,100] [--queries 150]
"""

import argparse
import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import inprocess  # noqa: E402
from http_bench import (  # noqa: E402
    RESULTS,
    base_env,
    conn_max_age,
    create_postgres_database,
    load_average,
    machine,
    manage,
    prepare_database,
)

BASE = {"trainings": 1_000, "employers": 500, "job_titles": 500}
PAGES = ("trainings search", "employers search", "title finder")
WARM = 10
ROUNDS = 10  # each size measured in turn, a tenth of the URLs at a time


def database_url(factor):
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        url = f"{url.rstrip('/')}_{factor}x"
        create_postgres_database(url)
        return url
    return f"sqlite:///{HERE / f'scale-{factor}x.sqlite3'}"


def serve(queries):
    """In a child process, one per size: warm up, say which database it is, then time the
    slices of each search's URLs the parent asks for (one JSON line in, one out)."""
    # The environment is base_env's (the parent's): the database, and the connection kept
    # between requests as `make bench` runs gunicorn (CONN_MAX_AGE).
    inprocess.setup()
    import site_sample
    from django.db import connection

    rng = random.Random(11)
    zips = site_sample.ny_zips()
    lists = {
        "trainings search": site_sample.training_search_urls(rng, queries + WARM, zips),
        "employers search": site_sample.employer_search_urls(rng, queries + WARM, zips),
        "title finder": site_sample.title_finder_urls(rng, queries + WARM),
    }
    client = inprocess.client()
    for urls in lists.values():
        for url in urls[:WARM]:
            client.get(url)
    print(json.dumps({"database": connection.vendor}), flush=True)
    for line in sys.stdin:
        asked = json.loads(line)
        samples = []
        for url in lists[asked["page"]][WARM + asked["start"] : WARM + asked["stop"]]:
            start = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(json.dumps(samples), flush=True)


def measure_interleaved(urls, queries):
    """{size: {page: figures}}: every size's server in turn, a slice of each search at a
    time, so that a machine that slows down or speeds up during the run moves every size
    alike (one size after the other, the 1x figures of one run differed from the next by
    half)."""
    children = {}
    for size, url in urls.items():
        children[size] = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(queries)],
            # The child sets production settings up as the other in-process tools do.
            env=base_env(url),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
    try:
        vendor = {size: json.loads(child.stdout.readline()) for size, child in children.items()}
        samples = {size: {page: [] for page in PAGES} for size in urls}
        step = max(1, queries // ROUNDS)
        for round_number, first in enumerate(range(0, queries, step)):
            # The sizes take turns going first, so none is always measured right after another.
            shift = round_number % len(urls)
            order = list(urls)[shift:] + list(urls)[:shift]
            for page in PAGES:
                for size in order:
                    child = children[size]
                    asked = {"page": page, "start": first, "stop": min(first + step, queries)}
                    child.stdin.write(json.dumps(asked) + "\n")
                    child.stdin.flush()
                    answer = child.stdout.readline()
                    if not answer:
                        raise SystemExit(f"measuring {size} failed (see the error above)")
                    samples[size][page] += json.loads(answer)
    finally:
        for child in children.values():
            child.stdin.close()
            child.wait()
    figures = {}
    for size, pages in samples.items():
        figures[size] = {"database": vendor[size]["database"], "pages": {}}
        for page, values in pages.items():
            ordered = sorted(values)
            figures[size]["pages"][page] = {
                "requests": len(ordered),
                "p50_ms": round(statistics.median(ordered), 2),
                "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 2),
            }
    return figures


def run(args):
    started = time.perf_counter()
    sizes = [int(s) for s in args.sizes.split(",")]
    load_before = load_average()
    report = {"sizes": {}, "when": datetime.datetime.now().isoformat(timespec="seconds")}
    # DEBUG off serves static files by their hashed names, from the manifest collectstatic
    # writes (a fresh clone has none).
    manage(dict(os.environ, **inprocess.environment()), "collectstatic", "--noinput", debug=False)
    urls, seeds = {}, {}
    for factor in sizes:
        size = f"{factor}x"
        urls[size] = database_url(factor)
        seeds[size] = {name: count * factor for name, count in BASE.items()}
        print(f"== {size} {seeds[size]}", flush=True)
        prepare_database(
            base_env(urls[size]), seed=seeds[size], log=lambda text: print(" ", text, flush=True)
        )
    print(f"== measuring every size in turn, {ROUNDS} rounds", flush=True)
    for size, figures in measure_interleaved(urls, args.queries).items():
        figures["rows"] = seeds[size]
        report["sizes"][size] = figures
        for name, page in figures["pages"].items():
            p50, p99 = page["p50_ms"], page["p99_ms"]
            print(f"  {size:5} {name:18} p50 {p50:7.1f} ms  p99 {p99:7.1f} ms")
    report["database"] = figures["database"]
    report["machine"] = {
        **machine(),
        "load_average_before": load_before,
        "load_average_after": load_average(),
    }
    report["elapsed_s"] = round(time.perf_counter() - started)
    report["timing"] = (
        "in-process, Django test client, production settings (DEBUG off, CONN_MAX_AGE="
        f"{conn_max_age()}), one request at a time, {args.queries} "
        f"distinct URLs per search after {WARM} warm-up requests; the sizes measured in "
        f"turn, {ROUNDS} rounds of a tenth of the URLs each"
    )
    first, last = f"{sizes[0]}x", f"{sizes[-1]}x"
    report["growth_p50"] = {
        name: round(
            report["sizes"][last]["pages"][name]["p50_ms"]
            / report["sizes"][first]["pages"][name]["p50_ms"],
            2,
        )
        for name in PAGES
    }
    RESULTS.mkdir(exist_ok=True)
    # One file per database, so a run on one does not replace the other's figures.
    name = "scale" if report["database"] == "sqlite" else f"scale-{report['database']}"
    (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
    (RESULTS / f"{name}.md").write_text(markdown(report, first, last))
    print(markdown(report, first, last))


def markdown(report, first, last):
    m = report["machine"]
    header = "| search | " + " | ".join(
        f"{size} ({f['rows']['trainings']:,} / {f['rows']['employers']:,} / "
        f"{f['rows']['job_titles']:,}) p50 / p99 ms"
        for size, f in report["sizes"].items()
    )
    lines = [
        f"# `make bench-scale`: {report['when']}",
        "",
        f"- Database: {report['database']}. Rows per size: trainings / employers / job titles.",
        f"- Timing: {report['timing']}.",
        f"- Machine: {m['nproc']} cores, {m['memory_mib']:,} MiB; load average "
        f"{m['load_average_before']} before, {m['load_average_after']} after.",
        f"- Whole run: {report['elapsed_s']} s.",
        "",
        header + f" | p50 {first} -> {last} | target <= 3x |",
        "|---|" + "--:|" * (len(report["sizes"]) + 2),
    ]
    for name in PAGES:
        cells = [
            f"{f['pages'][name]['p50_ms']:.1f} / {f['pages'][name]['p99_ms']:.1f}"
            for f in report["sizes"].values()
        ]
        growth = report["growth_p50"][name]
        met = "met" if growth <= 3 else "**missed**"
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {growth:.2f}x | {met} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--queries", type=int, default=150)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
    else:
        run(args)


if __name__ == "__main__":
    main()
