"""
`manage.py import_wages PATH`: load BLS OEWS pay figures for New York from the OEWS SQLite
file (plain or gzipped) into the database. See docs/wages.md for where to get the file.

Safe to run again: rows that already hold the file's figures are left alone, and a rerun
says "Nothing changed". `--write-extract` writes the committed starting extract
(wages/fixtures/oews_<release>_ny.json) from the file instead of touching the database.
"""

import re
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wages import oews

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def extract_path(release):
    """wages/fixtures/oews_may2025_ny.json for 'May 2025'."""
    slug = re.sub(r"[^a-z0-9]+", "", release.lower())
    return FIXTURES / f"oews_{slug}_ny.json"


def _soc_list(values):
    codes = []
    for value in values or []:
        codes.extend(part for part in value.split(",") if part.strip())
    return codes


class Command(BaseCommand):
    help = (
        "Import BLS OEWS pay figures for New York (state, metro and nonmetro areas) from the "
        "OEWS SQLite file, plain or .gz. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="OEWS SQLite file, e.g. oews-2025.sqlite.gz")
        parser.add_argument(
            "--soc",
            action="append",
            metavar="CODE[,CODE...]",
            help="SOC code(s) to import (repeat or comma-separate). Default: "
            "settings.WAGES_SOC_CODES, else " + ", ".join(oews.DEFAULT_SOC_CODES) + ".",
        )
        parser.add_argument(
            "--release",
            help='Release name, e.g. "May 2025", for a file whose meta table does not say.',
        )
        parser.add_argument(
            "--write-extract",
            nargs="?",
            const="",
            metavar="JSON",
            help="Write the starting extract (default wages/fixtures/oews_<release>_ny.json) "
            "from the file, and leave the database alone.",
        )

    def handle(self, *args, path, soc=None, release=None, write_extract=None, **options):
        started = time.monotonic()
        codes = _soc_list(soc) or list(getattr(settings, "WAGES_SOC_CODES", oews.DEFAULT_SOC_CODES))
        try:
            codes = [oews.normalise_soc(code) for code in codes]
        except ValueError as error:
            raise CommandError(str(error)) from error

        self.stdout.write(f"Reading {path} for {len(codes)} SOC code(s)...")
        try:
            extract = oews.read_sqlite(path, codes, release=release)
        except oews.OEWSFileError as error:
            raise CommandError(f"Cannot import {path}: {error}") from error
        self.stdout.write(
            f"{extract.release}: {len(extract.areas)} New York area(s), "
            f"{len(extract.wages)} occupation-area row(s)."
        )
        for soc_code, area_code in extract.missing:
            name = next(a["name"] for a in extract.areas if a["code"] == area_code)
            self.stdout.write(f"  BLS publishes no {soc_code} figures for {name}.")

        if write_extract is not None:
            target = Path(write_extract) if write_extract else extract_path(extract.release)
            target.write_text(extract.to_json(), encoding="utf-8")
            self.stdout.write(self.style.SUCCESS(f"Wrote {len(extract.wages)} row(s) to {target}."))
            return

        progress = self.stdout.write if options.get("verbosity", 1) >= 1 else None
        counts = oews.save(extract, update=True, progress=progress)
        for name, c in counts.items():
            self.stdout.write(
                f"{name}: {c['created']} created, {c['updated']} updated, "
                f"{c['unchanged']} unchanged"
            )
        seconds = time.monotonic() - started
        if oews.changed(counts):
            self.stdout.write(self.style.SUCCESS(f"Done in {seconds:.1f} s."))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Nothing changed: the database already holds these figures ({seconds:.1f} s)."
                )
            )
