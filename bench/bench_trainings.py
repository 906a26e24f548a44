"""
Trainings search on 5,000 synthetic trainings: cold, distinct queries (each query string is
new, so no cache can help), through the whole /trainings/ page and through the queryset.
Writes its figures to bench/results/trainings.txt. Needs DEBUG=True (demo data).
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "True")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from trainings import demo  # noqa: E402
from trainings.models import Training  # noqa: E402

TARGET = 5000
QUERIES = 200


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main():
    have = Training.objects.published().count()
    if have < TARGET:
        demo.seed(TARGET - have, rng_seed=42)
    rng = random.Random(2026)
    words = [*demo.WORDS, "zebra", "quantum", "harbor", "violet", "granite"]
    queries = [f"{rng.choice(words)} {rng.choice(words)} {n}" for n in range(QUERIES)]
    queries += [f"{rng.choice(words)}" for _ in range(QUERIES)]
    client = Client()
    page_ms, query_ms = [], []
    for q in queries:
        start = time.perf_counter()
        response = client.get("/trainings/", {"q": q})
        page_ms.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    fresh = [f"{rng.choice(words)} {rng.choice(words)} {n + QUERIES}" for n in range(QUERIES)]
    fresh += [f"{rng.choice(words)} {rng.choice(words)}" for _ in range(QUERIES)]
    for q in fresh:  # new strings again: cold for any cache
        start = time.perf_counter()
        list(Training.objects.published().search(q).order_by("-search_rank")[:20])
        query_ms.append((time.perf_counter() - start) * 1000)
    lines = [
        f"database: {connection.vendor}; published trainings: "
        f"{Training.objects.published().count()}",
        f"{len(queries)} distinct search pages /trainings/?q=...: "
        f"median {statistics.median(page_ms):.1f} ms, p95 {percentile(page_ms, 0.95):.1f} ms",
        f"{len(fresh)} distinct search querysets (top 20): "
        f"median {statistics.median(query_ms):.1f} ms, p95 {percentile(query_ms, 0.95):.1f} ms",
    ]
    out = ROOT / "bench" / "results" / "trainings.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a") as results:
        results.write(time.strftime("%Y-%m-%d %H:%M ") + "\n  ".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
