"""
The in-process half of `make bench` (bench/http_bench.py runs it with DEBUG=True on the
benchmark database): writes, for every page type, the list of distinct URLs that wrk walks
(plus a separate warm-up list), and counts each page type's database queries through the
Django test client with CaptureQueriesContext (content pages rendered afresh: the page cache
version bumped first, so the count is what a cache miss costs).

    python bench/site_sample.py OUT_DIR

writes OUT_DIR/<page>.txt, OUT_DIR/<page>.warm.txt and OUT_DIR/sample.json.
"""

import json
import os
import random
import sys
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

import zipcodes  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from http_bench import FLOOR  # noqa: E402

from careers.models import Career, JobTitle, Role  # noqa: E402
from content.pagecache import bump_content_version  # noqa: E402
from employers.models import Employer, EmployerKind  # noqa: E402
from trainings.forms import BUDGET_CHOICES  # noqa: E402
from trainings.levels import HAVE_LEVELS  # noqa: E402
from trainings.models import Training  # noqa: E402

# Distinct URLs per search page type: more than two short wrk runs can send, so each is
# sent about once (the 1-connection run walks the first half, the 8-connection run the rest).
SEARCHES = 6000
DETAILS = 10000
# Warm-up URLs of a long list (searches, details each once): enough for the warm-up to fill
# the workers' bounded caches (the local page store, the result-card fragments, the
# local-memory cache's 300 entries), so the run starts at the memory it keeps. With 40, the
# run itself filled them: +8 % over the first pass of every page type, +2.7 % over a
# second, +0.5 % over a third (SQLite, 2 workers), which is a cache filling up, not a leak.
WARM = 600
# Detail pages come twice: a popular set of this many (served from the page cache once each
# worker has rendered them) and a walk over all the others, each sent once (every one a miss).
POPULAR = 50

# Words people type: what the titles, trainings and employers are made of, plus words that
# match nothing, prefixes and typos.
TRAINING_WORDS = [
    "care", "coordination", "community", "health", "worker", "management", "navigator",
    "patient", "behavioral", "case", "chronic", "disease", "outreach", "peer", "recovery",
    "social", "nursing", "documentation", "motivational", "interviewing", "transitions",
    "housing", "medicaid", "cultural", "trauma", "assessment", "certificate", "zebra",
    "harbor", "violet", "granite", "coordinator", "nurse", "manager",
]  # fmt: skip
TITLE_WORDS = [
    "care", "health", "home", "community", "patient", "nurse", "social", "behavioral",
    "transitions", "complex", "chronic", "peer", "family", "senior", "pediatric", "housing",
    "coordinator", "navigator", "manager", "specialist", "advocate", "liaison", "worker",
    "navigater", "cordinator", "manger", "navig", "coord", "spec", "pharmacist", "zebra",
]  # fmt: skip


def ny_zips():
    return sorted(z["zip_code"] for z in zipcodes.filter_by(state="NY", active=True))


def title_finder_urls(rng, n):
    seen, urls = set(), []
    while len(urls) < n:
        words = rng.sample(TITLE_WORDS, rng.choice([1, 2, 2, 3]))
        q = " ".join(words)
        if rng.random() < 0.5:
            q += f" {rng.randrange(10_000)}"
        if q not in seen:
            seen.add(q)
            urls.append("/careers/?" + urlencode({"q": q}))
    return urls


def training_search_urls(rng, n, zips):
    kinds = Training.Kind.values
    schedules = Training.Schedule.values
    urls, seen = [], set()
    while len(urls) < n:
        params = {
            "q": " ".join(rng.sample(TRAINING_WORDS, rng.choice([1, 1, 2]))),
            "zip": rng.choice(zips),
            "miles": rng.choice(["", "10", "50"]),
        }
        if rng.random() < 0.4:
            params["kind"] = rng.choice(kinds)
        if rng.random() < 0.3:
            params["schedule"] = rng.choice(schedules)
        if rng.random() < 0.3:
            params["max_cost"] = rng.choice(["500", "2000", "10000"])
        if rng.random() < 0.15:
            params["free"] = "on"
        url = "/trainings/?" + urlencode(params)
        if url not in seen:
            seen.add(url)
            urls.append(url)
    return urls


def guide_urls(rng, n, zips, role_slugs):
    # An answer to "What do you have?" is required (nothing is ticked for the visitor):
    # none ticked gets a 400 with its message, which is not what is measured here.
    haves = [value for value, _ in HAVE_LEVELS]
    budgets = [value for value, _ in BUDGET_CHOICES]
    urls, seen = [], set()
    while len(urls) < n:
        params = {
            "have": rng.choice(haves),
            "want": rng.choice(["", *role_slugs]),
            "budget": rng.choice(budgets),
            "zip": rng.choice(zips),
        }
        url = "/trainings/guide/?" + urlencode(params)
        if url not in seen:
            seen.add(url)
            urls.append(url)
    return urls


def employer_search_urls(rng, n, zips):
    urls, seen = [], set()
    kinds = [""] * 3 + list(EmployerKind.values)
    while len(urls) < n:
        params = {"zip": rng.choice(zips), "miles": rng.choice(["5", "10", "25", "50"])}
        kind = rng.choice(kinds)
        if kind:
            params["kind"] = kind
        url = "/employers/?" + urlencode(params)
        if url not in seen:
            seen.add(url)
            urls.append(url)
    return urls


# What Spanish speakers type into the title finder (with and without accents, typos).
SPANISH_TITLE_WORDS = [
    "coordinador", "coordinadora", "atención", "atencion", "administrador", "casos",
    "trabajador", "salud", "comunitaria", "enfermera", "navegador", "paciente", "cuidado",
    "especialista", "coordinacion", "administradora", "cordinador", "zebra",
]  # fmt: skip
# The page types also measured in Spanish, listed as "es: <type>" (bench/http_bench.py).
SPANISH = (
    "start", "career", "role", "title finder", "trainings search", "training detail",
    "employers search", "employer detail", "cookies",
)  # fmt: skip


def spanish_title_finder_urls(rng, n):
    seen, urls = set(), []
    while len(urls) < n:
        q = " ".join(rng.sample(SPANISH_TITLE_WORDS, rng.choice([1, 2, 2, 3])))
        if rng.random() < 0.5:
            q += f" {rng.randrange(10_000)}"
        if q not in seen:
            seen.add(q)
            urls.append("/es/careers/?" + urlencode({"q": q}))
    return urls


def page_lists(rng):
    """{page type: [distinct URLs]}, English and, for the SPANISH types, "es: " + type."""
    lists = english_page_lists(rng)
    for name in SPANISH:
        if name == "title finder":
            lists[f"es: {name}"] = spanish_title_finder_urls(rng, SEARCHES)
        else:
            lists[f"es: {name}"] = ["/es" + url for url in lists[name]]
    return lists


def english_page_lists(rng):
    """{page type: [distinct URLs]}."""
    zips = ny_zips()
    careers = [c.get_absolute_url() for c in Career.objects.published()]
    roles = [
        r.get_absolute_url()
        for r in Role.objects.published().filter(career__in=Career.objects.published())
    ]
    role_slugs = list(Role.objects.published().values_list("slug", flat=True))
    training_slugs = list(Training.objects.published().values_list("slug", flat=True))
    employer_slugs = list(Employer.objects.published().values_list("slug", flat=True))
    rng.shuffle(training_slugs)
    rng.shuffle(employer_slugs)
    return {
        "healthz": ["/healthz"],
        "start": ["/"],
        # Not a page people look for: the compare page with nothing chosen, rendered on
        # every request (no page cache) and without a database query, so the least a page
        # that is not served from the page cache costs (http_bench.FLOOR).
        FLOOR: ["/trainings/compare/"],
        "career": careers,
        "role": roles,
        "compare": [f"{url}compare/" for url in careers],
        "title finder": title_finder_urls(rng, SEARCHES),
        "trainings search": training_search_urls(rng, SEARCHES, zips),
        "training detail": [f"/trainings/{slug}/" for slug in training_slugs[:POPULAR]],
        "training detail, each once": [
            f"/trainings/{slug}/" for slug in training_slugs[POPULAR : POPULAR + DETAILS]
        ],
        "guide result": guide_urls(rng, SEARCHES, zips, role_slugs),
        "employers search": employer_search_urls(rng, SEARCHES, zips),
        "employer detail": [f"/employers/{slug}/" for slug in employer_slugs[:POPULAR]],
        "employer detail, each once": [
            f"/employers/{slug}/" for slug in employer_slugs[POPULAR : POPULAR + DETAILS]
        ],
        "cookies": ["/cookies/"],
    }


def count_queries(client, url):
    client.get(url)  # per-process caches (consent policy, choices) warm
    bump_content_version()  # and the page cache cold: what a miss costs
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def main(out_dir):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    lists = page_lists(random.Random(2026))
    warm_lists = page_lists(random.Random(7))
    client = Client()
    sample = {
        "database": connection.vendor,
        "rows": {
            "trainings": Training.objects.published().count(),
            "employers": Employer.objects.published().count(),
            "job titles": JobTitle.objects.count(),
        },
        "pages": {},
    }
    for name, urls in lists.items():
        if not urls:
            raise SystemExit(f"no URLs for {name}: is the benchmark database seeded?")
        # Short lists (content pages, the popular details) are warmed themselves: they are
        # what the page cache holds. Long ones are warmed with URLs they do not contain.
        used = set(urls)
        warm = urls if len(urls) <= POPULAR else [u for u in warm_lists[name] if u not in used]
        warm = warm or urls
        slug = name.replace(", ", "-").replace(" ", "-")
        (out / f"{slug}.txt").write_text("\n".join(urls) + "\n")
        (out / f"{slug}.warm.txt").write_text("\n".join(warm[:WARM]) + "\n")
        sample["pages"][name] = {
            "file": f"{slug}.txt",
            "warm_file": f"{slug}.warm.txt",
            "long": len(urls) > POPULAR,
            "distinct_urls": len(urls),
            "example": urls[0],
            "queries": count_queries(client, urls[0]),
        }

    (out / "sample.json").write_text(json.dumps(sample, indent=2))
    print(json.dumps({k: v["queries"] for k, v in sample["pages"].items()}))


if __name__ == "__main__":
    main(sys.argv[1])
