"""
Starting content of the trainings app, loaded by `manage.py load_content` from
trainings/fixtures/trainings.json: real New York programmes, each with its source URL
and the date it was checked. Missing rows are created; existing rows are left alone (so
staff edits survive) unless force=True. Links to careers roles are made by slug and
skipped when the careers content does not have that role yet.
"""

import datetime
import json
from pathlib import Path

from careers.models import Career, Role, Status
from places.geo import ZIP_CENTRE_NOTE, ZipError, zip_point
from places.regions import region_for_county
from trainings.models import Provider, Training

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "trainings.json"
ZIP_NOTE = ZIP_CENTRE_NOTE

PROVIDER_FIELDS = ["name", "kind", "website", "address", "city", "county", "region", "zip_code"]
TRAINING_FIELDS = [
    "title", "kind", "credential", "delivery", "schedule", "length_hours", "length_weeks",
    "cost_low", "cost_high", "is_free", "funding_notes", "languages", "prerequisites",
    "next_start_date", "url", "description", "featured", "source_url",
]  # fmt: skip
DEFAULTS = {"is_free": False, "featured": False}


def _provider_values(row):
    values = {field: row.get(field) or "" for field in PROVIDER_FIELDS}
    if values["county"] and not values["region"]:
        values["region"] = region_for_county(values["county"]) or ""
    values["latitude"] = values["longitude"] = None
    values["coordinates_note"] = ""
    if values["zip_code"]:
        try:
            point = zip_point(values["zip_code"])
        except ZipError:
            pass
        else:
            values["latitude"], values["longitude"] = point.latitude, point.longitude
            values["coordinates_note"] = ZIP_NOTE
    return values


def _training_values(row, verified_on):
    values = {}
    for field in TRAINING_FIELDS:
        value = row.get(field, DEFAULTS.get(field))
        if value is None:
            value = "" if Training._meta.get_field(field).empty_strings_allowed else None
        values[field] = value
    if values["next_start_date"]:
        values["next_start_date"] = datetime.date.fromisoformat(values["next_start_date"])
    values["status"] = Status.PUBLISHED
    values["last_verified"] = verified_on
    return values


def _write(model, slug, values, *, force, counts, kind):
    obj = model.objects.filter(slug=slug).first()
    if obj is None:
        obj = model(slug=slug, **values)
        obj.save()
        counts[f"{kind}_created"] += 1
        return obj, True
    if force:
        for field, value in values.items():
            setattr(obj, field, value)
        obj.save()
        counts[f"{kind}_updated"] += 1
        return obj, True
    counts[f"{kind}_kept"] += 1
    return obj, False


def load(*, force=False, stdout=None):
    """Create the starting rows that are missing; with force, overwrite staff edits too."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    verified_on = datetime.date.fromisoformat(data["verified_on"])
    counts = dict.fromkeys(
        [
            "providers_created", "providers_kept", "providers_updated", "trainings_created",
            "trainings_kept", "trainings_updated", "role_links_skipped",
        ],
        0,
    )  # fmt: skip
    providers = {}
    for row in data["providers"]:
        provider, _ = _write(
            Provider, row["slug"], _provider_values(row), force=force, counts=counts,
            kind="providers",
        )  # fmt: skip
        providers[row["slug"]] = provider
    career = Career.objects.filter(slug=data.get("career", "")).first()
    roles = {}
    if career is not None:
        roles = {role.slug: role for role in Role.objects.filter(career=career)}
    for row in data["trainings"]:
        values = _training_values(row, verified_on)
        values["provider"] = providers[row["provider"]]
        training, written = _write(
            Training, row["slug"], values, force=force, counts=counts, kind="trainings"
        )
        if not written:
            continue
        wanted = [roles[slug] for slug in row.get("roles", []) if slug in roles]
        counts["role_links_skipped"] += len(row.get("roles", [])) - len(wanted)
        training.roles.set(wanted)
        training.careers.set([career] if career is not None else [])
    if stdout is not None and counts["role_links_skipped"]:
        stdout.write(
            f"trainings: {counts['role_links_skipped']} links to careers roles skipped "
            "(load the careers content first, then run again with --force to link them)."
        )
    return {key: value for key, value in counts.items() if value}
