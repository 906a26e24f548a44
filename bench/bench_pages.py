"""
Every kind of page on a database with 5,000 synthetic trainings, 5,000 synthetic employers
(3 locations each) and 5,000 extra job titles, measured in-process with Django's test client:

- content pages (career, role, compare, training, employer): rendered afresh (the page cache
  emptied before each request) and served from the page cache;
- search pages with cold, distinct queries (no query string is ever repeated, so no cache
  helps): the title finder, trainings full-text search, employers by ZIP and radius;
- database queries per page, and the process's peak memory.

Writes bench/results/pages-<database>.txt. Run with `make bench` (its own database, DEBUG on).
"""

import os
import random
import resource
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

import zipcodes  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from careers import demo as careers_demo  # noqa: E402
from careers.models import JobTitle, Role  # noqa: E402
from content.pagecache import bump_content_version  # noqa: E402
from employers import demo as employers_demo  # noqa: E402
from employers.models import Employer  # noqa: E402
from trainings import demo as trainings_demo  # noqa: E402
from trainings.models import Training  # noqa: E402

TARGET = 5000
REPEAT = 40
COLD = 200
RESULTS_DIR = ROOT / "bench" / "results"


def ms(seconds):
    return seconds * 1000


def summary(samples):
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(ordered):7.1f} ms  p95 {p95:7.1f} ms"


def timed(client, path, params=None):
    start = time.perf_counter()
    response = client.get(path, params or {})
    elapsed = time.perf_counter() - start
    assert response.status_code == 200, (path, params, response.status_code)
    return elapsed


def queries(client, path, params=None):
    client.get(path, params or {})  # warm per-process caches
    bump_content_version()
    with CaptureQueriesContext(connection) as captured:
        client.get(path, params or {})
    return len(captured)


def seed():
    if Training.objects.count() < TARGET:
        trainings_demo.seed(TARGET - Training.objects.count(), rng_seed=42)
    if Employer.objects.count() < TARGET:
        employers_demo.seed(TARGET - Employer.objects.count())
    if JobTitle.objects.count() < TARGET:
        careers_demo.seed(TARGET)


def main():
    seed()
    client = Client()
    role = Role.objects.published().select_related("career").order_by("pk").first()
    career = role.career
    training = Training.objects.published().order_by("pk").first()
    employer = Employer.objects.published().order_by("pk").first()
    content_pages = {
        "start page": "/",
        "career": career.get_absolute_url(),
        "role": role.get_absolute_url(),
        "compare": f"{career.get_absolute_url()}compare/",
        "training": training.get_absolute_url(),
        "employer": employer.get_absolute_url(),
    }
    lines = [
        f"database: {connection.vendor}; trainings {Training.objects.count()}, employers "
        f"{Employer.objects.count()}, job titles {JobTitle.objects.count()}",
        "",
        "content pages: rendered afresh vs served from the page cache "
        f"({REPEAT} requests each; in-process test client)",
    ]
    for name, path in content_pages.items():
        fresh = []
        for _ in range(REPEAT):
            bump_content_version()
            fresh.append(ms(timed(client, path)))
        cached = [ms(timed(client, path)) for _ in range(REPEAT)]
        ratio = statistics.median(fresh) / statistics.median(cached)
        lines.append(
            f"  {name:11} fresh {summary(fresh)} | cached {summary(cached)} | "
            f"{ratio:4.1f}x faster, {queries(client, path)} queries when fresh"
        )

    rng = random.Random(2026)
    words = ["care", "health", "community", "worker", "nurse", "social", "manager", "navigator"]
    title_queries = [f"{rng.choice(words)[: rng.randint(3, 8)]} {n}" for n in range(COLD)]
    training_queries = [f"{rng.choice(words)} {rng.choice(words)} {n}" for n in range(COLD)]
    ny_zips = sorted(z["zip_code"] for z in zipcodes.filter_by(state="NY", active=True))
    employer_zips = rng.sample(ny_zips, COLD)
    searches = {
        "title finder /careers/?q=": ("/careers/", [{"q": q} for q in title_queries]),
        "trainings /trainings/?q=": ("/trainings/", [{"q": q} for q in training_queries]),
        "employers /employers/?zip=&radius=25": (
            "/employers/",
            [{"zip": z, "radius": "25"} for z in employer_zips],
        ),
    }
    lines += ["", f"search pages: {COLD} cold, distinct queries each (none repeated)"]
    for name, (path, params_list) in searches.items():
        samples = [ms(timed(client, path, params)) for params in params_list]
        count = queries(client, path, params_list[0])
        lines.append(f"  {name:38} {summary(samples)} | {count} queries")

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines += ["", f"peak memory of this process: {peak_mib:.0f} MiB"]
    text = "\n".join(lines) + "\n"
    (RESULTS_DIR / f"pages-{connection.vendor}.txt").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
