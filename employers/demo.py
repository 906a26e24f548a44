"""
Synthetic employers for benchmarks (`manage.py seed_demo --employers N`): n published
employers with three locations each, spread over New York, made with bulk_create so that
thousands take seconds. Never for production: seed() refuses when DEBUG is off.
"""

import random

from django.conf import settings
from django.db import connection, transaction

from content.models import Status
from employers.models import Employer, EmployerKind, Location
from places.geo import zip_point
from places.regions import REGION_BY_COUNTY

# Towns in different regions; synthetic locations scatter around their ZIP centers (from
# the zipcodes package), so they land in New York around real places.
ANCHORS = [
    ("New York", "New York", "10001"),
    ("Bronx", "Bronx", "10451"),
    ("Brooklyn", "Kings", "11201"),
    ("Jamaica", "Queens", "11432"),
    ("Hempstead", "Nassau", "11550"),
    ("White Plains", "Westchester", "10601"),
    ("Albany", "Albany", "12208"),
    ("Syracuse", "Onondaga", "13202"),
    ("Rochester", "Monroe", "14604"),
    ("Buffalo", "Erie", "14203"),
    ("Utica", "Oneida", "13501"),
    ("Binghamton", "Broome", "13901"),
    ("Plattsburgh", "Clinton", "12901"),
]
SYNTHETIC_PREFIX = "demo-employer-"
BATCH = 2000


def seed(n, *, stdout=None, locations_per_employer=3, random_seed=6):
    """Bulk-create n synthetic published employers with `locations_per_employer` each."""
    if not settings.DEBUG:
        raise RuntimeError(
            "seed_demo makes synthetic employers for benchmarks and refuses to run with "
            "DEBUG off, so it can never fill a production database. Set DEBUG=True."
        )
    rng = random.Random(random_seed)
    kinds = [choice.value for choice in EmployerKind]
    start = Employer.objects.filter(slug__startswith=SYNTHETIC_PREFIX).count()
    with transaction.atomic():
        employers = Employer.objects.bulk_create(
            [
                Employer(
                    name=f"Demo Employer {start + i + 1:06d}",
                    slug=f"{SYNTHETIC_PREFIX}{start + i + 1:06d}",
                    kind=kinds[i % len(kinds)],
                    description="Synthetic employer for benchmarks.",
                    status=Status.PUBLISHED,
                )
                for i in range(n)
            ],
            batch_size=BATCH,
        )
        locations = []
        for employer in employers:
            for j in range(locations_per_employer):
                city, county, zip_code = rng.choice(ANCHORS)
                center = zip_point(zip_code)
                locations.append(
                    Location(
                        employer=employer,
                        name=f"Site {j + 1}",
                        city=city,
                        county=county,
                        region=REGION_BY_COUNTY[county],  # bulk_create skips save()
                        zip_code=zip_code,
                        latitude=center.latitude + rng.uniform(-0.3, 0.3),
                        longitude=center.longitude + rng.uniform(-0.3, 0.3),
                        coordinates_note="Synthetic.",
                    )
                )
        Location.objects.bulk_create(locations, batch_size=BATCH)
        Role = Employer._meta.get_field("roles").related_model
        WorkSetting = Employer._meta.get_field("settings").related_model
        roles = list(Role.objects.values_list("pk", flat=True))
        work_settings = list(WorkSetting.objects.values_list("pk", flat=True))
        if roles:
            Employer.roles.through.objects.bulk_create(
                [
                    Employer.roles.through(employer_id=e.pk, role_id=roles[i % len(roles)])
                    for i, e in enumerate(employers)
                ],
                batch_size=BATCH,
            )
        if work_settings:
            Employer.settings.through.objects.bulk_create(
                [
                    Employer.settings.through(
                        employer_id=e.pk, worksetting_id=work_settings[i % len(work_settings)]
                    )
                    for i, e in enumerate(employers)
                ],
                batch_size=BATCH,
            )
    # Fresh statistics, as autovacuum would gather them on a live database: without them the
    # planner takes the just-filled tables for tiny ones and picks nested loops.
    with connection.cursor() as cursor:
        for table in (Employer._meta.db_table, Location._meta.db_table):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
    if stdout is not None:
        stdout.write(f"employers: created {n} synthetic employers, {len(locations)} locations")
    return {"employers": n, "locations": len(locations)}
