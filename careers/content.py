"""
Starting content of the careers app (careers/fixtures/care_management.json), described to
the one content loader (content/loading.py) that `manage.py load_content` runs. Each
fixture row has a stable key, so a rerun finds it even after staff have renamed it.

Its Spanish text is in a file beside it (care_management.es.json), whose rows name the same
keys; the loader puts it in the rows' `_es` columns (content/i18n.py).
"""

import json
from pathlib import Path

from careers.models import (
    Career,
    CareerFit,
    CareerStep,
    Certification,
    Duty,
    EducationRequirement,
    JobTitle,
    PayRange,
    Role,
    RoleOccupation,
    StatedEducation,
    WorkSetting,
)
from content import loading
from content.text import normalise

FIXTURES = [Path(__file__).resolve().parent / "fixtures" / "care_management.json"]
# {language: [file]}: the translations of FIXTURES, row by row.
TRANSLATIONS = {"es": [loading.translation_file(FIXTURES[0], "es")]}

# Each part of a translation file: (model, the key of a row). The key is the one _load_file
# gives the English row; "en" is the English text where the key uses it. Every translated
# field of the model (careers/translation.py) a row names is applied.
TRANSLATED_PARTS = {
    "careers": (Career, lambda r: r["slug"]),
    "fits": (CareerFit, lambda r: f"{r['career']}/{r['key']}"),
    "roles": (Role, lambda r: f"{r['career']}/{r['slug']}"),
    "job_titles": (JobTitle, lambda r: f"{r['role']}/{normalise(r['en'])}"),
    "stated_education": (StatedEducation, lambda r: f"{r['role']}/{normalise(r['en'])}"),
    "education": (EducationRequirement, lambda r: f"{r['role']}/{r['level']}"),
    "pay_ranges": (PayRange, lambda r: f"{r['role']}/{r['key']}"),
    "occupations": (RoleOccupation, lambda r: f"{r['role']}/{r['soc_code']}"),
    "settings": (WorkSetting, lambda r: r["slug"]),
    "duties": (Duty, lambda r: r["key"]),
    "certifications": (Certification, lambda r: r["key"]),
    "steps": (CareerStep, lambda r: f"{r['from']}/{r['to']}"),
}


def _load_file(loader, path):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    careers, roles = {}, {}

    for item in data.get("careers", []):
        fields = {k: v for k, v in item.items() if k != "slug"}
        careers[item["slug"]] = loader.row(Career, item["slug"], {"slug": item["slug"]}, fields)

    for item in data.get("fits", []):
        career = careers.get(item["career"]) or Career.objects.filter(slug=item["career"]).first()
        if career is None:
            continue
        fields = {k: v for k, v in item.items() if k not in ("career", "key", "text")}
        loader.row(
            CareerFit,
            f"{item['career']}/{item['key']}",
            {"career": career, "text": item["text"]},
            fields,
        )

    for item in data.get("roles", []):
        career = careers.get(item["career"]) or Career.objects.filter(slug=item["career"]).first()
        if career is None:
            continue
        fields = {k: v for k, v in item.items() if k not in ("career", "slug")}
        roles[item["slug"]] = loader.row(
            Role,
            f"{item['career']}/{item['slug']}",
            {"career": career, "slug": item["slug"]},
            fields,
        )

    def role_list(slugs):
        return [roles[s] for s in slugs if roles.get(s) is not None]

    for item in data.get("job_titles", []):
        role = roles.get(item["role"])
        if role is None:
            continue
        loader.row(
            JobTitle,
            f"{item['role']}/{normalise(item['title'])}",
            {"role": role, "title": item["title"]},
            {k: v for k, v in item.items() if k not in ("role", "title")},
        )

    for item in data.get("stated_education", []):
        role = roles.get(item["role"])
        if role is None:
            continue
        fields = {k: v for k, v in item.items() if k not in ("role", "text")}
        loader.row(
            StatedEducation,
            f"{item['role']}/{normalise(item['text'])}",
            {"role": role, "text": item["text"]},
            fields,
        )

    for item in data.get("education", []):
        role = roles.get(item["role"])
        if role is None:
            continue
        fields = {k: v for k, v in item.items() if k not in ("role", "level")}
        loader.row(
            EducationRequirement,
            f"{item['role']}/{item['level']}",
            {"role": role, "level": item["level"]},
            fields,
        )

    for item in data.get("pay_ranges", []):
        role = roles.get(item["role"])
        if role is None:
            continue
        fields = {k: v for k, v in item.items() if k not in ("role", "key")}
        loader.row(
            PayRange,
            f"{item['role']}/{item['key']}",
            {"role": role, "unit": fields.pop("unit"), "source_url": fields.pop("source_url")},
            fields,
        )

    for item in data.get("occupations", []):
        role = roles.get(item["role"])
        if role is None:
            continue
        fields = {k: v for k, v in item.items() if k not in ("role", "soc_code")}
        loader.row(
            RoleOccupation,
            f"{item['role']}/{item['soc_code']}",
            {"role": role, "soc_code": item["soc_code"]},
            fields,
        )

    for item in data.get("settings", []):
        fields = {k: v for k, v in item.items() if k not in ("slug", "roles")}
        loader.row(
            WorkSetting,
            item["slug"],
            {"slug": item["slug"]},
            fields,
            m2m={"roles": role_list(item.get("roles", []))},
        )

    for item in data.get("duties", []):
        fields = {k: v for k, v in item.items() if k not in ("key", "roles", "text")}
        loader.row(
            Duty,
            item["key"],
            {"text": item["text"]},
            fields,
            m2m={"roles": role_list(item.get("roles", []))},
        )

    for item in data.get("certifications", []):
        fields = {k: v for k, v in item.items() if k not in ("key", "roles", "name")}
        loader.row(
            Certification,
            item["key"],
            {"name": item["name"]},
            fields,
            m2m={"roles": role_list(item.get("roles", []))},
        )

    for item in data.get("steps", []):
        from_role, to_role = roles.get(item["from"]), roles.get(item["to"])
        if from_role is None or to_role is None:
            continue
        loader.row(
            CareerStep,
            f"{item['from']}/{item['to']}",
            {"from_role": from_role, "to_role": to_role},
            {k: v for k, v in item.items() if k not in ("from", "to")},
        )


def rows(loader):
    """Describe the starting rows to the content loader (see content/loading.py)."""
    for path in FIXTURES:
        _load_file(loader, path)
    loader.translate_files(TRANSLATIONS, TRANSLATED_PARTS)


def load(*, force=False, stdout=None):
    """This app's starting content alone (tests, the shell); load_content runs every app's."""
    return loading.load(rows, force=force, stdout=stdout)
