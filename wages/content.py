"""
Starting pay figures: the committed extract of BLS OEWS May 2025 for New York
(wages/fixtures/oews_may2025_ny.json, written by `import_wages PATH --write-extract`) and
which BLS area each New York county belongs to (wages/fixtures/ny_county_areas.csv, each
row with the public page that says so).

`rows(loader)` is registered with the content registry, so `manage.py load_content` loads
them with the rest of the starting content. These are statistics, not editable content:
`oews.save` writes them (the same code `import_wages` uses), with the loader's rule: a
rerun changes nothing; rows that exist are kept unless --force, which sets them back to
the committed values.
"""

import csv
from pathlib import Path

from django.db import transaction

from places.regions import REGION_BY_COUNTY
from wages import oews
from wages.models import Area, CountyArea

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXTRACTS = [FIXTURES / "oews_may2025_ny.json"]
COUNTY_AREAS = FIXTURES / "ny_county_areas.csv"


def read_county_areas(path=COUNTY_AREAS):
    """The county rows of the CSV, checked: a New York county, a BLS area code, a source."""
    rows = list(csv.DictReader(Path(path).read_text(encoding="utf-8").splitlines()))
    for row in rows:
        if row["county"] not in REGION_BY_COUNTY:
            raise ValueError(f"{row['county']!r} is not a New York county (places.regions).")
        if not row["source_url"].startswith(("http://", "https://")):
            raise ValueError(f"{row['county']}: every mapping needs its source URL.")
    return rows


def load_starting_wages(force=False, stdout=None):
    """Load the committed extract and county mapping; returns created/updated/kept counts."""
    totals = {"created": 0, "updated": 0, "kept": 0}
    with transaction.atomic():
        for path in EXTRACTS:
            extract = oews.Extract.from_json(path.read_text(encoding="utf-8"))
            counts = oews.save(extract, update=force)
            for c in counts.values():
                totals["created"] += c["created"]
                totals["updated"] += c["updated"]
                totals["kept"] += c["unchanged"]
            if stdout is not None:
                stdout.write(
                    f"wages: {extract.release}, {len(extract.wages)} rows from {path.name}"
                )
        county_counts = {"created": 0, "updated": 0, "unchanged": 0}
        areas = {area.code: area for area in Area.objects.all()}
        for row in read_county_areas():
            area = areas.get(row["area_code"])
            if area is None:
                raise ValueError(f"{row['county']}: no BLS area {row['area_code']} loaded.")
            oews.save_row(
                CountyArea,
                {"county": row["county"]},
                {
                    "fips": row["fips"],
                    "area": area,
                    "source_name": row["source_name"],
                    "source_url": row["source_url"],
                },
                county_counts,
                force,
            )
        totals["created"] += county_counts["created"]
        totals["updated"] += county_counts["updated"]
        totals["kept"] += county_counts["unchanged"]
    return totals


def rows(loader):
    """The content loader's entry point (content/loading.py): counts under wages.Wage."""
    counts = load_starting_wages(force=loader.force, stdout=loader.stdout)
    for name, value in counts.items():
        loader.counts["wages.Wage"][name] += value
