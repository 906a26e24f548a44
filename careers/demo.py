"""
Synthetic careers data for benchmarks and query-count tests: never real content.
`seed(n)` adds one published demo career with two roles and n job titles between them.
"""

import datetime

from django.conf import settings
from django.db import transaction

from careers.models import Career, JobTitle, Role
from content.models import Status
from content.pagecache import bump_content_version
from content.text import normalise

WORDS = [
    "care", "health", "home", "community", "patient", "nurse", "social", "behavioral",
    "transitions", "complex", "chronic", "peer", "family", "senior", "pediatric", "housing",
]  # fmt: skip
KINDS = ["coordinator", "navigator", "manager", "specialist", "advocate", "liaison", "worker"]


@transaction.atomic
def seed(n, *, stdout=None):
    """Bulk-create n synthetic published job titles (plus a demo career and two roles)."""
    if not settings.DEBUG:
        raise RuntimeError(
            "careers.demo.seed makes synthetic data and refuses to run with DEBUG off: "
            "it must never touch a production database."
        )
    career, _ = Career.objects.get_or_create(
        slug="demo-career",
        defaults={
            "title": "Demo career (synthetic)",
            "summary": "Synthetic data for benchmarks.",
            "overview": "Synthetic data for benchmarks; not real content.",
            "status": Status.PUBLISHED,
            "checked_on": datetime.date.today(),
            "order": 99,
        },
    )
    roles = [
        Role.objects.get_or_create(
            career=career,
            slug=slug,
            defaults={
                "name": name,
                "definition": "Synthetic role.",
                "definition_source": "Synthetic",
                "status": Status.PUBLISHED,
            },
        )[0]
        for slug, name in (("demo-role-a", "Demo role A"), ("demo-role-b", "Demo role B"))
    ]
    start = JobTitle.objects.filter(role__career=career).count()
    titles = []
    for i in range(start, start + n):
        words = [WORDS[i % len(WORDS)], WORDS[(i // len(WORDS)) % len(WORDS)]]
        title = f"{words[0].title()} {words[1].title()} {KINDS[i % len(KINDS)].title()} {i}"
        titles.append(JobTitle(role=roles[i % 2], title=title, search_text=normalise(title)))
    JobTitle.objects.bulk_create(titles, batch_size=1000)
    # bulk_create sends no post_save, so say ourselves that cached pages and the title
    # vocabulary (careers/search.py) are stale.
    bump_content_version()
    if stdout is not None:
        stdout.write(f"careers: {n} synthetic job titles in {career.slug}\n")
    return {"job_titles": n}
