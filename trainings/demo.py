"""
Synthetic trainings for benchmarks and query-count tests: `seed(n)` bulk-creates n
published trainings (and a provider for every ten) with made-up names. Never real
content: it refuses to run with DEBUG off, so it cannot reach a production database.
"""

import datetime
import random
import uuid
from decimal import Decimal

from django.conf import settings
from django.db import transaction

from content.models import Status
from places.geo import zip_point
from places.regions import REGION_BY_COUNTY
from trainings.models import Provider, Training

# ZIP codes across the state; their centers come from the zipcodes package, so that the
# distance filter has something to find.
DEMO_ZIPS = [
    ("10001", "New York"), ("10451", "Bronx"), ("11201", "Kings"), ("11101", "Queens"),
    ("12207", "Albany"), ("13202", "Onondaga"), ("14604", "Monroe"), ("14203", "Erie"),
    ("11501", "Nassau"), ("10601", "Westchester"),
]  # fmt: skip

WORDS = [
    "care", "coordination", "community", "health", "worker", "management", "navigator",
    "patient", "behavioral", "case", "chronic", "disease", "outreach", "peer", "recovery",
    "social", "nursing", "documentation", "motivational", "interviewing", "transitions",
    "housing", "medicaid", "cultural", "humility", "trauma", "informed", "assessment",
]  # fmt: skip


def seed(n, *, stdout=None, rng_seed=None):
    """Bulk-create `n` synthetic published trainings; returns {"providers": p, "trainings": n}."""
    if not settings.DEBUG:
        raise RuntimeError(
            "trainings.demo.seed makes synthetic data and refuses to run with DEBUG off. "
            "Run it on a development or benchmark database with DEBUG=True."
        )
    rng = random.Random(rng_seed)
    run = uuid.uuid4().hex[:8]
    provider_count = max(1, n // 10)
    today = datetime.date.today()
    with transaction.atomic():
        providers = []
        for i in range(provider_count):
            zip_code, county = rng.choice(DEMO_ZIPS)
            center = zip_point(zip_code)
            providers.append(
                Provider(
                    name=f"Demo {rng.choice(WORDS).title()} Institute {run}-{i}",
                    slug=f"demo-{run}-{i}",
                    kind=rng.choice(Provider.Kind.values),
                    city="Demo",
                    county=county,
                    region=REGION_BY_COUNTY[county],
                    zip_code=zip_code,
                    latitude=center.latitude + rng.uniform(-0.05, 0.05),
                    longitude=center.longitude + rng.uniform(-0.05, 0.05),
                    coordinates_note="Synthetic",
                )
            )
        providers = Provider.objects.bulk_create(providers)
        trainings = []
        for i in range(n):
            provider = providers[i % provider_count]
            title = " ".join(rng.sample(WORDS, 3)).title() + f" {i}"
            free = rng.random() < 0.2
            cost = None if free else Decimal(rng.randrange(100, 20000, 50))
            training = Training(
                provider=provider,
                title=title,
                slug=f"demo-{run}-{i}",
                kind=rng.choice(Training.Kind.values),
                credential="Certificate of completion",
                delivery=rng.choice(Training.Delivery.values),
                schedule=rng.choice(Training.Schedule.values),
                length_hours=rng.randrange(10, 600),
                length_weeks=rng.randrange(1, 104),
                cost_low=Decimal(0) if free else cost,
                cost_high=Decimal(0) if free else cost + Decimal(rng.randrange(0, 2000, 50)),
                is_free=free,
                languages=rng.choice(["en", "en", "en,es", "es", "en,zh"]),
                next_start_date=today + datetime.timedelta(days=rng.randrange(1, 365)),
                url="https://example.org/demo",
                description=" ".join(rng.choices(WORDS, k=30)).capitalize() + ".",
                featured=rng.random() < 0.02,
                status=Status.PUBLISHED,
                checked_on=today,
            )
            training.search_text = training.build_search_text()
            trainings.append(training)
        trainings = Training.objects.bulk_create(trainings, batch_size=500)
        Role = Training._meta.get_field("roles").related_model
        roles = list(Role.objects.values_list("pk", flat=True))
        if roles:
            through = Training.roles.through
            links = [
                through(training_id=t.pk, role_id=role)
                for t in trainings
                for role in rng.sample(roles, k=min(len(roles), rng.randint(1, 2)))
            ]
            through.objects.bulk_create(links, batch_size=1000)
    if stdout:
        stdout.write(f"trainings.demo: {provider_count} providers, {n} trainings")
    return {"providers": provider_count, "trainings": n}
