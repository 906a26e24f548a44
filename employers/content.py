"""
Starting content of the employers app, loaded by `manage.py load_content`: real New York
employers of care coordinators and care managers, from employers/fixtures/employers.json.

Each employer names the public page its details come from and the date we checked it.
Rows that exist are kept (staff edits survive); force=True overwrites them. Roles and work
settings are linked by slug and skipped while the careers content does not have them.
"""

import datetime
import json
from pathlib import Path

import zipcodes
from django.db import transaction

from careers.models import Role, Status, WorkSetting
from employers.models import Employer, Location
from places.geo import zip_point

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "employers.json"
ZIP_CENTRE_NOTE = (
    "Map position is the centre of ZIP code {zip} (zipcodes package), not the street address."
)
CITY_CENTRE_NOTE = (
    "Map position is the average of the centres of the standard ZIP codes of {city}, NY "
    "(zipcodes package): only the city is known, so distances are approximate."
)
EMPLOYER_FIELDS = [
    "name",
    "kind",
    "description",
    "website",
    "careers_url",
    "source_name",
    "source_url",
]


def read_fixture(path=FIXTURE):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load(*, force=False, stdout=None, path=FIXTURE):
    """Create the starting rows that are missing; with force, overwrite staff edits too."""
    counts = {"created": 0, "updated": 0, "kept": 0, "linked": 0, "missing_links": 0}
    roles = {role.slug: role for role in Role.objects.all()}
    work_settings = {setting.slug: setting for setting in WorkSetting.objects.all()}
    with transaction.atomic():
        for item in read_fixture(path):
            employer = Employer.objects.filter(slug=item["slug"]).first()
            if employer is not None and not force:
                counts["kept"] += 1
                # A first load before the careers content existed left the links out; add
                # them now, but never to an employer that staff have already linked.
                if _link_if_unlinked(employer, item, roles, work_settings):
                    counts["linked"] += 1
                continue
            created = employer is None
            employer = employer or Employer(slug=item["slug"])
            for field in EMPLOYER_FIELDS:
                setattr(employer, field, item.get(field, ""))
            employer.last_verified = datetime.date.fromisoformat(item["last_verified"])
            employer.status = item.get("status", Status.PUBLISHED)
            employer.save()

            wanted_roles = [roles[s] for s in item.get("roles", []) if s in roles]
            wanted_settings = [
                work_settings[s] for s in item.get("settings", []) if s in work_settings
            ]
            counts["missing_links"] += len(item.get("roles", [])) - len(wanted_roles)
            counts["missing_links"] += len(item.get("settings", [])) - len(wanted_settings)
            employer.roles.set(wanted_roles)
            employer.settings.set(wanted_settings)

            employer.locations.all().delete()
            for place in item["locations"]:
                _make_location(employer, place)
            counts["created" if created else "updated"] += 1
    if stdout is not None and counts["missing_links"]:
        stdout.write(
            f"employers: {counts['missing_links']} role/setting links skipped "
            "(those careers rows do not exist yet; run load_content again after careers)."
        )
    return counts


def _link_if_unlinked(employer, item, roles, work_settings):
    changed = False
    if not employer.roles.exists():
        wanted = [roles[s] for s in item.get("roles", []) if s in roles]
        if wanted:
            employer.roles.set(wanted)
            changed = True
    if not employer.settings.exists():
        wanted = [work_settings[s] for s in item.get("settings", []) if s in work_settings]
        if wanted:
            employer.settings.set(wanted)
            changed = True
    return changed


def city_point(city):
    """Average of the centres of a New York city's standard ZIP codes (zipcodes package)."""
    records = [
        r for r in zipcodes.filter_by(city=city, state="NY") if r.get("zip_code_type") == "STANDARD"
    ]
    if not records:
        raise ValueError(f"No standard ZIP codes for {city}, NY in the zipcodes package.")
    return (
        round(sum(float(r["lat"]) for r in records) / len(records), 5),
        round(sum(float(r["long"]) for r in records) / len(records), 5),
    )


def _coordinates(place):
    """(latitude, longitude, note): given in the fixture, else from the ZIP or city centre."""
    if place.get("latitude") is not None and place.get("longitude") is not None:
        return place["latitude"], place["longitude"], place.get("coordinates_note", "")
    if place.get("coordinates") == "city" or not place.get("zip_code"):
        latitude, longitude = city_point(place["city"])
        return latitude, longitude, CITY_CENTRE_NOTE.format(city=place["city"])
    centre = zip_point(place["zip_code"])
    return centre.latitude, centre.longitude, ZIP_CENTRE_NOTE.format(zip=place["zip_code"])


def _make_location(employer, place):
    latitude, longitude, note = _coordinates(place)
    location = Location(
        employer=employer,
        name=place.get("name", ""),
        address=place.get("address", ""),
        city=place["city"],
        county=place["county"],
        zip_code=place.get("zip_code", ""),
        latitude=latitude,
        longitude=longitude,
        coordinates_note=note,
        phone=place.get("phone", ""),
    )
    location.full_clean()
    location.save()
    return location
