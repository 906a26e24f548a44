"""
The one content loader. Each app's `content.load(loader)` describes its starting rows
through `ContentLoader.row()`; `manage.py load_content` runs every registered app's
loader in one transaction (see content/registry.py).

One strategy for every app:
- a row missing from the database is created, with its links (many-to-many);
- a row that exists is kept as staff left it (a second run changes nothing), except that
  links it never had (because the rows it links to did not exist yet when it was first
  loaded) are added;
- with force=True every loaded row, and its links, is set back to the content file;
- a row staff deleted stays deleted unless force=True.

Each row is remembered in LoadedContent under a stable key, so a rerun finds it even after
staff have changed its natural key (a title, a slug).

Translations (content/i18n.py) follow the same strategy: `translate()` finds a loaded row by
its key and fills its empty `_es` columns from the Spanish content file; a Spanish text
staff wrote is kept, and force=True sets it back to the file. Rows are loaded with English
active, so a row's own fields go to its `_en` columns. A content file's translation sits
beside it (`translation_file()`: trainings.es.json beside trainings.json), and
`translate_files()` applies it row by row, under the keys the English rows were loaded with.
"""

import json
from collections import defaultdict
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import translation

from content.i18n import DEFAULT_LANGUAGE, translated_fields
from content.models import LoadedContent
from content.registry import registrations

COUNTS = ["created", "updated", "kept", "linked", "translated"]


class ContentLoader:
    def __init__(self, *, force=False, stdout=None):
        self.force = force
        self.stdout = stdout
        # model label -> {"created": n, "updated": n, "kept": n, "linked": n}
        self.counts = defaultdict(lambda: dict.fromkeys(COUNTS, 0))
        self._loaded = None  # LoadedContent key -> object_id, read once per run

    def _records(self):
        """{LoadedContent key: object id}: every record, read in one query on first use,
        not one query a row: only this loader writes them, in its transaction (a first load
        made 3,112 queries before, 1,970 now)."""
        if self._loaded is None:
            self._loaded = dict(LoadedContent.objects.values_list("key", "object_id"))
        return self._loaded

    def _loaded_id(self, key):
        """The id of the row loaded under `key`, or None."""
        return self._records().get(key)

    def _remember(self, model, key, object_id):
        records = self._records()
        values = {"content_type": ContentType.objects.get_for_model(model), "object_id": object_id}
        if key in records:
            LoadedContent.objects.filter(key=key).update(**values)
        else:
            LoadedContent.objects.create(key=key, **values)
        records[key] = object_id

    def row(self, model, key, lookup, values=None, m2m=None):
        """Create, keep or (with force) update one row; returns it, or None if staff deleted it.

        `lookup` finds the row when it has no LoadedContent record yet (rows loaded before
        records existed, or made by hand); `values` are its other fields; `m2m` maps a
        many-to-many field name to the rows it should link to.
        """
        counts = self.counts[model._meta.label]
        values = _python_values(model, values or {})
        m2m = m2m or {}
        key = f"{model._meta.model_name}:{key}"
        loaded_id = self._loaded_id(key)
        obj = None
        if loaded_id is not None:
            obj = model._default_manager.filter(pk=loaded_id).first()
            if obj is None and not self.force:
                counts["kept"] += 1  # staff deleted it: respect that
                return None
        if obj is None:
            obj = model._default_manager.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            obj.full_clean(validate_unique=False, validate_constraints=False)
            obj.save()
            for name, related in m2m.items():
                getattr(obj, name).set(related)
            counts["created"] += 1
        elif self.force:
            wanted = {**lookup, **values}
            changed = [f for f, v in wanted.items() if _differs(getattr(obj, f), v)]
            for field in changed:
                setattr(obj, field, wanted[field])
            if changed:
                obj.save()
            relinked = False
            for name, related in m2m.items():
                manager = getattr(obj, name)
                if {o.pk for o in manager.all()} != {o.pk for o in related}:
                    manager.set(related)
                    relinked = True
            counts["updated" if changed or relinked else "kept"] += 1
        else:
            counts["kept"] += 1
            linked = False
            for name, related in m2m.items():
                manager = getattr(obj, name)
                if related and not manager.exists():
                    manager.set(related)
                    linked = True
            counts["linked"] += linked
        if loaded_id != obj.pk:
            self._remember(model, key, obj.pk)
        return obj

    def translate(self, model, key, values, language):
        """Fill the `language` columns of the row loaded under `key` from `values`.

        `values` maps a translated field to its text, e.g. {"title": "Hospitales"}. An empty
        column is filled; one staff filled in is kept unless force=True. Returns the row, or
        None when no row was loaded under that key (or staff deleted it).
        """
        key = f"{model._meta.model_name}:{key}"
        loaded_id = self._loaded_id(key)
        obj = model._default_manager.filter(pk=loaded_id).first() if loaded_id is not None else None
        if obj is None:
            return None
        changed = False
        for name, value in values.items():
            column = f"{name}_{language}"
            current = getattr(obj, column)
            if current == value or (not self.force and (current or "").strip()):
                continue
            setattr(obj, column, value)
            changed = True
        if changed:
            obj.save()
            self.counts[model._meta.label]["translated"] += 1
        return obj

    def translate_files(self, translations, parts):
        """Put the translations of a content file in the rows loaded from it.

        `translations` maps a language to its files, e.g. {"es": [translation_file(FIXTURE,
        "es")]}. Each file holds lists of rows by part, and `parts` maps a part to (model,
        key): `key(row)` is the key the English row was loaded under (the one given to
        `row()`). Every translated field of the model (content/i18n.py) a row names goes
        through `translate()`.
        """
        for language, paths in translations.items():
            for path in paths:
                data = json.loads(Path(path).read_text(encoding="utf-8"))
                for part, (model, key) in parts.items():
                    fields = translated_fields(model)
                    for item in data.get(part, []):
                        values = {name: item[name] for name in fields if name in item}
                        self.translate(model, key(item), values, language)

    def note(self, message):
        if self.stdout is not None:
            self.stdout.write(message)


def translation_file(fixture, language):
    """The file beside the content file `fixture` holding its `language` text
    (care_management.json -> care_management.es.json)."""
    fixture = Path(fixture)
    return fixture.with_name(f"{fixture.stem}.{language}{fixture.suffix}")


def _python_values(model, values):
    """Content-file values (ISO dates, decimal strings) as the model's Python values."""
    converted = {}
    for name, value in values.items():
        field = model._meta.get_field(name)
        converted[name] = value if field.is_relation else field.to_python(value)
    return converted


def _differs(current, wanted):
    if hasattr(current, "pk") and hasattr(wanted, "pk"):
        return current.pk != wanted.pk
    return current != wanted


def load(*functions, force=False, stdout=None):
    """Run content loaders (each `fn(loader)`) in one transaction; counts by model label."""
    loader = ContentLoader(force=force, stdout=stdout)
    with transaction.atomic(), translation.override(DEFAULT_LANGUAGE):
        for function in functions:
            function(loader)
    return {label: dict(counts) for label, counts in loader.counts.items()}


def load_registered(*, force=False, stdout=None):
    """Every registered app's starting content, in INSTALLED_APPS order."""
    from django.utils.module_loading import import_string

    functions = [import_string(r.load) for r in registrations() if r.load]
    return load(*functions, force=force, stdout=stdout)


# Rows SQLite's ANALYZE samples from each index (PRAGMA analysis_limit): enough for the
# planner to tell a large table from a small one, in milliseconds at 100,000 trainings.
ANALYSIS_LIMIT = 1000


def refresh_planner_statistics():
    """ANALYZE: the statistics the database's query planner chooses indexes by, measured
    again after a bulk load. SQLite keeps none until it is asked, and without them it
    looks a search's trainings up in the table rather than in the covering indexes made
    for it (trainings migration 0011).

    On PostgreSQL, outside a transaction, VACUUM (ANALYZE): besides the statistics, it
    moves the rows a bulk load left in the GIN indexes' pending lists (the job titles'
    trigram indexes, the trainings' full-text index) into the indexes proper. Until then
    every search reads the whole pending list through: at 50,000 job titles, 170 pages
    and about 1.3 ms for each index a title search looked up. Autovacuum does the same
    some time after a load, and never on a server where it is off (as on the machines the
    benchmarks ran on)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("VACUUM (ANALYZE)")
        else:
            cursor.execute("ANALYZE")


def totals(counts):
    """{"created": n, ...} over every model of a `load()` result."""
    summed = dict.fromkeys(COUNTS, 0)
    for numbers in counts.values():
        for name, value in numbers.items():
            summed[name] += value
    return summed
