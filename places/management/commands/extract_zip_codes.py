"""
`manage.py extract_zip_codes`: write places/data/zip_codes.csv, the ZIP code table the site
reads (places.geo.zip_record), from the `zipcodes` package's data.

The package is installed with the test dependencies (make install-test), not with the site:
its data is read once, here, and the site reads the committed extract. Run this after
upgrading `zipcodes` in requirements-test.lock and commit the changed file;
tests/places/test_zip_extract.py fails while the two differ.

One row per US ZIP code, sorted: zip_code, state, latitude, longitude, then for New York
only (the site answers "not a New York ZIP code" for the rest, and places outside New York
need only their center) its city, county and type (STANDARD, PO BOX, UNIQUE, MILITARY).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from places.geo import ZIP_COLUMNS, ZIP_TABLE


def extract_rows():
    """The extract's rows from the installed `zipcodes` package, header first."""
    try:
        import zipcodes
    except ImportError as error:
        raise CommandError(
            "The zipcodes package is not installed: run make install-test first."
        ) from error
    rows = [ZIP_COLUMNS]
    for record in sorted(zipcodes.list_all(), key=lambda r: r["zip_code"]):
        new_york = record["state"] == "NY"
        row = (
            record["zip_code"],
            record["state"],
            record["lat"],
            record["long"],
            record["city"] if new_york else "",
            record["county"] if new_york else "",
            record["zip_code_type"] if new_york else "",
        )
        if any("," in value or "\n" in value for value in row):
            raise CommandError(f"A value the plain comma-separated table cannot hold: {row}")
        rows.append(row)
    return rows


def extract_text():
    return "".join(",".join(row) + "\n" for row in extract_rows())


class Command(BaseCommand):
    help = "Write places/data/zip_codes.csv from the installed zipcodes package."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=ZIP_TABLE)

    def handle(self, *args, output, **options):
        text = extract_text()
        output.write_text(text, encoding="utf-8")
        count = text.count("\n") - 1
        self.stdout.write(f"Wrote {count:,} ZIP codes to {output} ({len(text):,} bytes).")
