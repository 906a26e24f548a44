"""
Starting content of the trainings app (trainings/fixtures/trainings.json): real New York
programs, each with its source URL and the date it was checked, described to the one
content loader (content/loading.py) that `manage.py load_content` runs. Trainings link to
the careers roles by slug; the roles load first (INSTALLED_APPS order), and a training
loaded before them gets its links on a later run.

The Spanish of the trainings' translated fields (trainings/translation.py) is in a file
beside it (trainings.es.json), whose rows name the same keys (the slug); the loader puts
it in the rows' `_es` columns (content/i18n.py).
"""

import json
from pathlib import Path

from content import loading
from content.models import Status
from places.geo import CITY_CENTER_NOTE, ZIP_CENTER_NOTE, ZipError, city_point, zip_point
from places.regions import region_for_county
from trainings.models import Provider, Training

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "trainings.json"
# {language: [file]}: the translations of FIXTURE, row by row, and the key of each row.
TRANSLATIONS = {"es": [loading.translation_file(FIXTURE, "es")]}
TRANSLATED_PARTS = {"trainings": (Training, lambda r: r["slug"])}

PROVIDER_FIELDS = ["name", "kind", "website", "address", "city", "county", "region", "zip_code"]
TRAINING_FIELDS = [
    "title", "kind", "credential", "delivery", "schedule", "schedule_note", "length_hours",
    "length_weeks", "length_note", "cost_low", "cost_high", "is_free", "funding_notes",
    "languages", "prerequisites", "entry_level", "next_start_date", "url", "description",
    "featured", "source_url", "checked_on",
]  # fmt: skip
DEFAULTS = {"is_free": False, "featured": False}


def read_fixture(path=FIXTURE):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _provider_values(row):
    values = {field: row.get(field) or "" for field in PROVIDER_FIELDS}
    if values["county"] and not values["region"]:
        values["region"] = region_for_county(values["county"]) or ""
    values["latitude"] = values["longitude"] = None
    values["coordinates_note"] = ""
    # The ZIP code's center; else, where only the city is known, the average of its ZIP
    # code centers (docs/content.md); else no coordinates (and no distance search).
    try:
        if values["zip_code"]:
            point, note = zip_point(values["zip_code"]), ZIP_CENTER_NOTE
        elif values["city"]:
            point, note = city_point(values["city"]), CITY_CENTER_NOTE.format(city=values["city"])
        else:
            point = None
    except ZipError:
        point = None
    if point is not None:
        values["latitude"], values["longitude"] = point.latitude, point.longitude
        values["coordinates_note"] = note
    return values


def _provider_source(row, trainings):
    """Where a provider's own details were read, and when.

    A row that names them (`source_url`, `checked_on`: the page its address was read on, and
    the day) says so itself. Otherwise they are its first program's page and the day that
    page was read (None, "not yet verified", when nobody has); the row's `source_note` says
    the provider was not checked on a page of its own."""
    if "checked_on" in row:
        return {"source_url": row.get("source_url", ""), "checked_on": row["checked_on"]}
    own = [t for t in trainings if t["provider"] == row["slug"]]
    if not own:
        return {"source_url": row.get("website", ""), "checked_on": None}
    return {"source_url": own[0]["source_url"], "checked_on": own[0].get("checked_on")}


def _training_values(row):
    """A training's fields; `checked_on` is the day its source was read, or None (the page
    then says "not yet verified")."""
    values = {}
    for field in TRAINING_FIELDS:
        value = row.get(field, DEFAULTS.get(field))
        if value is None:
            value = "" if Training._meta.get_field(field).empty_strings_allowed else None
        values[field] = value
    values["status"] = Status.PUBLISHED
    return values


def rows(loader):
    """Describe the starting providers and trainings to the content loader."""
    data = read_fixture()
    Role = Training._meta.get_field("roles").related_model
    Career = Training._meta.get_field("careers").related_model
    providers = {
        row["slug"]: loader.row(
            Provider,
            row["slug"],
            {"slug": row["slug"]},
            {**_provider_values(row), **_provider_source(row, data["trainings"])},
        )
        for row in data["providers"]
    }
    career = Career.objects.filter(slug=data.get("career", "")).first()
    roles = {role.slug: role for role in Role.objects.filter(career=career)} if career else {}
    skipped = 0
    for row in data["trainings"]:
        values = _training_values(row)
        values["provider"] = providers[row["provider"]]
        wanted = [roles[slug] for slug in row.get("roles", []) if slug in roles]
        skipped += len(row.get("roles", [])) - len(wanted)
        loader.row(
            Training,
            row["slug"],
            {"slug": row["slug"]},
            values,
            m2m={"roles": wanted, "careers": [career] if career else []},
        )
    if skipped:
        loader.note(
            f"trainings: {skipped} links to careers roles skipped (those roles do not exist "
            "yet; run load_content again after the careers content is loaded)."
        )
    loader.translate_files(TRANSLATIONS, TRANSLATED_PARTS)


def load(*, force=False, stdout=None):
    """This app's starting content alone (tests, the shell); load_content runs every app's."""
    return loading.load(rows, force=force, stdout=stdout)
