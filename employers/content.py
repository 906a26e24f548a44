"""
Starting content of the employers app, loaded by `manage.py load_content`: real New York
employers of care coordinators and care managers, from employers/fixtures/employers.json.

Each employer names the public page its details come from and the date we checked it.
The one content loader (content/loading.py) writes the rows; roles and work settings are
linked by slug, and an employer loaded before the careers content gets them on a later run.

The Spanish of the employers' descriptions (employers/translation.py) is in a file beside
it (employers.es.json), whose rows name the same keys (the slug); the loader puts it in the
rows' `_es` columns (content/i18n.py).
"""

import json
from pathlib import Path

from content import loading
from content.models import Status
from employers.models import Employer, Location
from places.geo import city_point, zip_point

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "employers.json"
# {language: [file]}: the translations of FIXTURE, row by row, and the key of each row.
TRANSLATIONS = {"es": [loading.translation_file(FIXTURE, "es")]}
TRANSLATED_PARTS = {"employers": (Employer, lambda r: r["slug"])}
# Where each map position comes from: for editors (the admin shows it), not the public page.
ZIP_CENTER_NOTE = (
    "Map position is the center of ZIP code {zip} (zipcodes package), not the street address."
)
CITY_CENTER_NOTE = (
    "Map position is the average of the centers of the standard ZIP codes of {city}, NY "
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
    "roles_source_name",
    "roles_source_url",
]  # with the status and checked_on date


def read_fixture(path=FIXTURE):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def rows(loader):
    """Describe the starting employers and their locations to the content loader."""
    Role = Employer._meta.get_field("roles").related_model
    WorkSetting = Employer._meta.get_field("settings").related_model
    roles = {role.slug: role for role in Role.objects.all()}
    work_settings = {setting.slug: setting for setting in WorkSetting.objects.all()}
    missing = 0
    for item in read_fixture():
        values = {field: item.get(field, "") for field in EMPLOYER_FIELDS}
        values["checked_on"] = item["checked_on"]
        values["status"] = item.get("status", Status.PUBLISHED)
        wanted_roles = [roles[s] for s in item.get("roles", []) if s in roles]
        wanted_settings = [work_settings[s] for s in item.get("settings", []) if s in work_settings]
        missing += len(item.get("roles", [])) - len(wanted_roles)
        missing += len(item.get("settings", [])) - len(wanted_settings)
        employer = loader.row(
            Employer,
            item["slug"],
            {"slug": item["slug"]},
            values,
            m2m={"roles": wanted_roles, "settings": wanted_settings},
        )
        if employer is None:
            continue
        for number, place in enumerate(item["locations"], start=1):
            loader.row(
                Location,
                f"{item['slug']}/{number}",
                {"employer": employer, "name": place.get("name", ""), "city": place["city"]},
                _location_values(place),
            )
    if missing:
        loader.note(
            f"employers: {missing} role/setting links skipped (those careers rows do not "
            "exist yet; run load_content again after the careers content is loaded)."
        )
    loader.translate_files(TRANSLATIONS, TRANSLATED_PARTS)


def _coordinates(place):
    """(latitude, longitude, note): given in the fixture, else from the ZIP or city center."""
    if place.get("latitude") is not None and place.get("longitude") is not None:
        return place["latitude"], place["longitude"], place.get("coordinates_note", "")
    if place.get("coordinates") == "city" or not place.get("zip_code"):
        point = city_point(place["city"])
        return point.latitude, point.longitude, CITY_CENTER_NOTE.format(city=place["city"])
    center = zip_point(place["zip_code"])
    return center.latitude, center.longitude, ZIP_CENTER_NOTE.format(zip=place["zip_code"])


def _location_values(place):
    latitude, longitude, note = _coordinates(place)
    return {
        "address": place.get("address", ""),
        "county": place["county"],
        "zip_code": place.get("zip_code", ""),
        "latitude": latitude,
        "longitude": longitude,
        "coordinates_note": note,
        "phone": place.get("phone", ""),
        # Where the address was read, and when; a site nobody could check says why instead.
        "source_name": place.get("source_name", ""),
        "source_url": place.get("source_url", ""),
        "checked_on": place.get("checked_on"),
        "unverified_reason": place.get("unverified_reason", ""),
    }


def load(*, force=False, stdout=None):
    """This app's starting content alone (tests, the shell); load_content runs every app's."""
    return loading.load(rows, force=force, stdout=stdout)
