"""
The content audit behind `manage.py audit_content`: every model of every app that has the
two fields every content row uses for its source (`source_url`, `checked_on`), found
through the apps registry, so this app names no feature app.

Each published row (rows of a model with a status: the published ones; rows without a
status of their own follow their parent: an employer's location counts while its employer
is published, as on the "About our data" page, content/sources.py) is one of:

- no source: `source_url` is empty;
- not yet verified: no checked date, and `unverified_reason` says why nobody could check
  it (staff marked it on purpose; pages say "not yet verified");
- no date: no checked date and no reason (a gap, not a decision);
- stale: checked longer ago than settings.REVIEW_AFTER_DAYS (a year);
- ok.

Apart from that, `translation_audit()` lists the published rows of every model with
translated fields (content/i18n.py) that have English text and no Spanish in some field:
their Spanish pages show English there (marked lang="en").
"""

from dataclasses import dataclass, field

from django.apps import apps

from content import i18n
from content.review import cutoff
from content.sources import published_rows

SOURCE_FIELD = "source_url"
DATE_FIELD = "checked_on"
REASON_FIELD = "unverified_reason"
PROBLEMS = ["no_source", "no_date", "stale", "unverified"]
LABELS = {
    "no_source": "no source",
    "no_date": "no checked date",
    "stale": "checked over a year ago",
    "unverified": "not yet verified (marked)",
}


def _field_names(model):
    return {f.name for f in model._meta.get_fields() if getattr(f, "concrete", False)}


def audited_models():
    """Concrete, non-historical models with both `source_url` and `checked_on`."""
    found = []
    for model in apps.get_models():
        names = _field_names(model)
        if {SOURCE_FIELD, DATE_FIELD} <= names and not model.__name__.startswith("Historical"):
            found.append(model)
    return sorted(found, key=lambda m: m._meta.label)


@dataclass
class ModelAudit:
    label: str
    total: int = 0
    rows: dict = field(default_factory=lambda: {name: [] for name in PROBLEMS})

    def count(self, problem):
        return len(self.rows[problem])

    @property
    def ok(self):
        return self.total - sum(
            self.count(p) for p in ("no_source", "no_date", "stale", "unverified")
        )


def classify(obj, before, has_reason):
    if not getattr(obj, SOURCE_FIELD):
        return "no_source"
    checked = getattr(obj, DATE_FIELD)
    if checked is None:
        if has_reason and getattr(obj, REASON_FIELD):
            return "unverified"
        return "no_date"
    if checked < before:
        return "stale"
    return None


def audit(models=None, *, today=None):
    """{label: ModelAudit} for every audited model (or the given ones)."""
    before = cutoff(today)
    results = {}
    for model in models or audited_models():
        has_reason = REASON_FIELD in _field_names(model)
        result = ModelAudit(model._meta.label)
        for obj in published_rows(model).distinct().order_by("pk"):
            result.total += 1
            problem = classify(obj, before, has_reason)
            if problem:
                reason = getattr(obj, REASON_FIELD, "") if has_reason else ""
                result.rows[problem].append((obj.pk, str(obj)[:80], reason))
        results[result.label] = result
    return results


@dataclass
class TranslationAudit:
    label: str
    total: int = 0
    # [(pk, name, [fields without text in the language])]
    missing: list = field(default_factory=list)


def translated_models():
    """Concrete, non-historical models with translated fields."""
    found = [m for m in apps.get_models() if i18n.is_translated_model(m)]
    return sorted(found, key=lambda m: m._meta.label)


def translation_audit(language="es", models=None):
    """{label: TranslationAudit}: published rows with a translated field not in `language`."""
    results = {}
    for model in models or translated_models():
        result = TranslationAudit(model._meta.label)
        for obj in published_rows(model).distinct().order_by("pk"):
            result.total += 1
            missing = i18n.missing_translations(obj, language)
            if missing:
                result.missing.append((obj.pk, str(obj)[:80], missing))
        results[result.label] = result
    return results
