"""
Starting content of the careers app (careers/fixtures/care_management.json), loaded by
`manage.py load_content`.

Each fixture row has a stable key. The first load creates the row and remembers it in
LoadedContent under that key, so a rerun finds it even after staff have changed its
title or slug, and leaves it alone: staff edits survive and a second run changes
nothing. With force=True every loaded row is set back to the fixture values (a row
staff deleted is made again). Rows are only saved when a value really differs, so a
forced run over unchanged rows writes nothing either.
"""

import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.contrib.contenttypes.models import ContentType

from careers.models import (
    Career,
    CareerStep,
    Certification,
    Duty,
    EducationRequirement,
    JobTitle,
    LoadedContent,
    PayRange,
    Role,
    WorkSetting,
)
from careers.search import normalise

FIXTURES = [Path(__file__).resolve().parent / "fixtures" / "care_management.json"]


class _Loader:
    def __init__(self, *, force, stdout):
        self.force = force
        self.stdout = stdout
        self.counts = {"created": 0, "updated": 0, "kept": 0}

    def row(self, model, key, lookup, values, m2m=None):
        """Create, keep or (with force) update one row; returns it, or None if staff deleted it."""
        key = f"{model._meta.model_name}:{key}"
        record = LoadedContent.objects.filter(key=key).first()
        obj = None
        if record is not None:
            obj = model._default_manager.filter(pk=record.object_id).first()
            if obj is None and not self.force:
                self.counts["kept"] += 1  # staff deleted it: respect that
                return None
        if obj is None:
            obj = model._default_manager.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            obj.full_clean(validate_unique=False, validate_constraints=False)
            obj.save()
            for name, related in (m2m or {}).items():
                getattr(obj, name).set(related)
            self.counts["created"] += 1
        elif self.force:
            wanted = {**lookup, **values}
            changed = [f for f, v in wanted.items() if _differs(getattr(obj, f), v)]
            for field in changed:
                setattr(obj, field, wanted[field])
            if changed:
                obj.save()
            m2m_changed = False
            for name, related in (m2m or {}).items():
                manager = getattr(obj, name)
                if {o.pk for o in manager.all()} != {o.pk for o in related}:
                    manager.set(related)
                    m2m_changed = True
            self.counts["updated" if changed or m2m_changed else "kept"] += 1
        else:
            self.counts["kept"] += 1
        if record is None or record.object_id != obj.pk:
            LoadedContent.objects.update_or_create(
                key=key,
                defaults={
                    "content_type": ContentType.objects.get_for_model(model),
                    "object_id": obj.pk,
                },
            )
        return obj


def _differs(current, wanted):
    if hasattr(current, "pk") and hasattr(wanted, "pk"):
        return current.pk != wanted.pk
    if isinstance(current, Decimal):
        return current != Decimal(str(wanted))
    if isinstance(current, datetime.date) and isinstance(wanted, str):
        return current.isoformat() != wanted
    return current != wanted


def _load_file(loader, path):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    careers, roles = {}, {}

    for item in data.get("careers", []):
        fields = {k: v for k, v in item.items() if k != "slug"}
        careers[item["slug"]] = loader.row(
            Career, item["slug"], {"slug": item["slug"]}, _dates(fields)
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
            {"source_name": item.get("source_name", ""), "source_url": item.get("source_url", "")},
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
        fields["low"], fields["high"] = Decimal(fields["low"]), Decimal(fields["high"])
        loader.row(
            PayRange,
            f"{item['role']}/{item['key']}",
            {"role": role, "unit": fields.pop("unit"), "source_url": fields.pop("source_url")},
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
            {"requirement": item["requirement"]},
        )


def _dates(fields):
    if isinstance(fields.get("reviewed_on"), str):
        fields = {**fields, "reviewed_on": datetime.date.fromisoformat(fields["reviewed_on"])}
    return fields


def load(*, force=False, stdout=None):
    """Create the starting rows that are missing; with force, overwrite staff edits too."""
    loader = _Loader(force=force, stdout=stdout)
    for path in FIXTURES:
        _load_file(loader, path)
    return loader.counts
