"""
Changes to published content that wait for review, and the versions they compare.

A **version** of an item is a plain, JSON-ready dict:

    {"fields": {name: value, ...},               # the fields a person edits
     "m2m": {name: [pk, ...], ...},              # its many-to-many links
     "inlines": {"app.model": {"fk": name,       # rows edited on its change form
                               "rows": [{"pk": pk or None, "fields": {...}}, ...]}}}

`snapshot()` reads the stored version; the admin builds the proposed one from its form and
formsets (`proposed_version()`). A `Revision` keeps both: `base`, the live version the
change started from, and `data`, the proposed one. Publishing applies only what the author
changed (data against base), so a revision never undoes what someone else published in
the meantime; the diff a publisher reads shows the live value beside the proposed one.

The same snapshot is the optimistic lock of every change form (content/admin.py): a form
carries the version it was opened on, and a save is refused when the stored version moved.
"""

import copy
import datetime
import decimal
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from content import i18n
from content.models import Revision


class RevisionError(Exception):
    """A revision that cannot be published as it is; the message says why, in plain words."""


# --- Versions ---------------------------------------------------------------------------


def plain(field, value):
    """A field's value as JSON keeps it, the same whether it came from a form or the database."""
    if value is None:
        return None
    if isinstance(field, models.DecimalField):
        quantum = decimal.Decimal(1).scaleb(-field.decimal_places)
        return str(decimal.Decimal(value).quantize(quantum))
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def edited_fields(model):
    """The fields a person edits: concrete, editable, not the primary key.

    A translated field counts by its language columns (`title_en`, `title_es`), which the
    change form edits; its original column only mirrors one of them (content/i18n.py).
    """
    originals = set(i18n.translated_fields(model))
    return [
        f
        for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and f.name not in originals
    ]


def row_values(obj, *, exclude=()):
    return {
        f.name: _no_empty_translation(f, plain(f, f.value_from_object(obj)))
        for f in edited_fields(type(obj))
        if f.name not in exclude
    }


def _no_empty_translation(field, value):
    """An empty language column (`focus_es`) is None, whether a form sent "" or nothing.

    The columns are nullable, a form's text box sends "", the database may hold NULL: one
    value for "no text" keeps an unchanged form from looking changed.
    """
    if value == "" and getattr(field, "translated_field", None) is not None:
        return None
    return value


def m2m_values(obj):
    return {
        f.name: sorted(getattr(obj, f.name).values_list("pk", flat=True))
        for f in type(obj)._meta.many_to_many
        if f.editable
    }


def inline_rows(model, fk, parent_pk):
    rows = model._default_manager.filter(**{fk: parent_pk}).order_by("pk")
    return [{"pk": row.pk, "fields": row_values(row, exclude={fk})} for row in rows]


def snapshot(obj, inlines=()):
    """The stored version of `obj` with the rows of `inlines`, [(model, fk name), ...]."""
    return {
        "fields": row_values(obj),
        "m2m": m2m_values(obj),
        "inlines": {
            model._meta.label_lower: {"fk": fk, "rows": inline_rows(model, fk, obj.pk)}
            for model, fk in inlines
        },
    }


def proposed_version(base, obj, form, formsets=()):
    """The version a validated admin form (and its inline formsets) would save, unsaved.

    `obj` carries the form's values (ModelAdmin.save_form); links and rows the form does
    not show keep their `base` values.
    """
    version = {
        "fields": row_values(obj),
        "m2m": dict(base["m2m"]),
        "inlines": copy.deepcopy(base["inlines"]),
    }
    for name in version["m2m"]:
        if name in form.cleaned_data:
            version["m2m"][name] = sorted(o.pk for o in form.cleaned_data[name])
    for formset in formsets:
        group = version["inlines"].get(formset.model._meta.label_lower)
        if group is None:
            continue
        rows = {row["pk"]: row for row in group["rows"]}
        added = []
        deleted = {f.instance.pk for f in formset.deleted_forms if f.instance.pk}
        for form_ in formset.forms:
            pk = form_.instance.pk
            if pk in deleted:
                rows.pop(pk, None)
            elif form_.has_changed():
                values = row_values(form_.instance, exclude={group["fk"]})
                if pk is None:
                    added.append({"pk": None, "fields": values})
                else:
                    rows[pk] = {"pk": pk, "fields": values}
        group["rows"] = sorted(rows.values(), key=lambda row: row["pk"]) + added
    return version


# --- What changed -----------------------------------------------------------------------

BLANK = "(blank)"


def display(field, value):
    """A stored value as a person reads it: choice labels, the linked item's name."""
    if value in (None, ""):
        return BLANK
    if field.many_to_many:
        names = [str(o) for o in field.related_model._default_manager.filter(pk__in=value)]
        return ", ".join(sorted(names)) or BLANK
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else f"#{value} (deleted)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


@dataclass
class FieldChange:
    label: str
    live: str
    proposed: str
    moved: bool = False  # the live value changed since the author started


@dataclass
class RowChange:
    action: str  # "added", "changed", "deleted"
    name: str
    fields: list = field(default_factory=list)


@dataclass
class InlineChanges:
    label: str
    rows: list


def _label(field):
    return str(field.verbose_name)[:1].upper() + str(field.verbose_name)[1:]


def _row_name(model, fk, parent_pk, values, pk=None):
    if pk is not None:
        live = model._default_manager.filter(pk=pk).first()
        if live is not None:
            return str(live)
    instance = model(**{model._meta.get_field(fk).attname: parent_pk})
    assign(instance, values)
    try:
        return str(instance)
    except Exception:  # a __str__ that needs what an unsaved row lacks
        return f"new {model._meta.verbose_name}"


def field_changes(model, base, proposed, live):
    """[(FieldChange)] for each field and link the author changed (proposed against base)."""
    changes = []
    for section in ("fields", "m2m"):
        for name, value in proposed[section].items():
            if base[section].get(name) == value:
                continue
            f = model._meta.get_field(name)
            live_value = live[section].get(name)
            changes.append(
                FieldChange(
                    _label(f),
                    display(f, live_value),
                    display(f, value),
                    moved=live_value != base[section].get(name),
                )
            )
    return changes


def inline_changes(model_label, parent_pk, base_group, proposed_group, live_group):
    from django.apps import apps

    model = apps.get_model(model_label)
    fk = proposed_group["fk"]
    base_rows = {row["pk"]: row["fields"] for row in base_group["rows"]}
    live_rows = {row["pk"]: row["fields"] for row in (live_group or {"rows": []})["rows"]}
    proposed_pks = {row["pk"] for row in proposed_group["rows"] if row["pk"] is not None}
    rows = []
    for row in proposed_group["rows"]:
        pk, values = row["pk"], row["fields"]
        if pk is None:
            shown = [
                FieldChange(
                    _label(model._meta.get_field(n)), "", display(model._meta.get_field(n), v)
                )
                for n, v in values.items()
                if v not in (None, "")
            ]
            rows.append(RowChange("added", _row_name(model, fk, parent_pk, values), shown))
        elif values != base_rows.get(pk, values):
            shown = []
            for name, value in values.items():
                if base_rows[pk].get(name) == value:
                    continue
                f = model._meta.get_field(name)
                live_value = live_rows.get(pk, {}).get(name)
                shown.append(
                    FieldChange(
                        _label(f),
                        display(f, live_value),
                        display(f, value),
                        moved=live_value != base_rows[pk].get(name),
                    )
                )
            rows.append(RowChange("changed", _row_name(model, fk, parent_pk, values, pk), shown))
    for pk, values in base_rows.items():
        if pk not in proposed_pks:
            rows.append(RowChange("deleted", _row_name(model, fk, parent_pk, values, pk)))
    return InlineChanges(str(model._meta.verbose_name_plural).capitalize(), rows) if rows else None


def revision_changes(revision, live=None):
    """(field changes, [InlineChanges]) of a revision, beside the live version."""
    model = revision.content_type.model_class()
    if live is None:
        obj = model._default_manager.filter(pk=revision.object_id).first()
        live = live_version(obj, revision.data) if obj is not None else revision.base
    fields = field_changes(model, revision.base, revision.data, live)
    inlines = []
    for key, group in revision.data["inlines"].items():
        changes = inline_changes(
            key,
            revision.object_id,
            revision.base["inlines"].get(key, {"rows": []}),
            group,
            live["inlines"].get(key),
        )
        if changes:
            inlines.append(changes)
    return fields, inlines


def live_version(obj, like):
    """The stored version of obj, with the same inline groups as the version `like`."""
    from django.apps import apps

    return snapshot(
        obj, [(apps.get_model(key), group["fk"]) for key, group in like["inlines"].items()]
    )


def story(fields, inlines):
    """One sentence of what a revision changes, for the history's change reason."""
    parts = []
    if fields:
        parts.append("Changed " + ", ".join(c.label.lower() for c in fields))
    for group in inlines:
        rows = "; ".join(f"{row.action} “{row.name}”" for row in group.rows)
        parts.append(f"{group.label}: {rows}")
    return ". ".join(parts)


# --- Workflow ---------------------------------------------------------------------------


def open_revisions(obj):
    return Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        status__in=[Revision.State.PENDING, Revision.State.SCHEDULED],
    )


def revision_save(*, obj, author, base, data, revision=None):
    """Store (or update) the pending revision of `obj`; None and nothing kept when it changes
    nothing."""
    if data == base:
        if revision is not None and revision.pk:
            revision.delete()
        return None
    if revision is None:
        revision = Revision(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, author=author
        )
    revision.object_repr = str(obj)[:200]
    revision.base, revision.data = base, data
    revision.save()
    return revision


def revision_for(obj, *, author, links=None):
    """A pending revision of obj's unsaved field values (and `links`, {m2m name: [pk]}), as
    an import by someone who may not publish makes it."""
    base = snapshot(type(obj)._default_manager.get(pk=obj.pk))
    data = {"fields": row_values(obj), "m2m": {**base["m2m"], **(links or {})}, "inlines": {}}
    return revision_save(obj=obj, author=author, base=base, data=data)


def assign(obj, values):
    for name, value in values.items():
        f = obj._meta.get_field(name)
        setattr(obj, f.attname, f.to_python(value))


def _clean(obj, changed):
    """Model validation of the changed fields (and the model's own clean())."""
    exclude = [f.name for f in edited_fields(type(obj)) if f.name not in changed]
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as error:
        messages = "; ".join(
            f"{name}: {' '.join(errs)}" if name != "__all__" else " ".join(errs)
            for name, errs in error.message_dict.items()
        )
        raise RevisionError(f"{obj._meta.verbose_name} “{obj}”: {messages}") from None


def _who(user):
    return (user.get_full_name() or user.get_username()) if user else "someone"


def revision_publish(*, revision, user, reason):
    """Apply the revision to the live item (its fields, links and inline rows), recording
    `reason`, its author and `user` in the history. Raises RevisionError."""
    if not reason.strip():
        raise RevisionError("Give a reason for the change: the history records it.")
    if not revision.is_open:
        raise RevisionError("This change was already published or sent back.")
    try:
        return _publish(revision, user, reason)
    except IntegrityError as error:
        raise RevisionError(
            f"The database refused the change ({error}); edit the item and try again."
        ) from None


def _publish(revision, user, reason):
    model = revision.content_type.model_class()
    with transaction.atomic():
        obj = model._default_manager.select_for_update().filter(pk=revision.object_id).first()
        if obj is None:
            raise RevisionError(f"“{revision.object_repr}” no longer exists.")
        base, data = revision.base, revision.data
        fields, inlines = revision_changes(revision, live_version(obj, data))
        changed = {n: v for n, v in data["fields"].items() if base["fields"].get(n) != v}
        assign(obj, changed)
        _clean(obj, changed)
        told = story(fields, inlines)
        obj._change_reason = (
            f"{reason.strip()} (proposed by {_who(revision.author)}, published by {_who(user)})"
            + (f". {told}." if told else ".")
        )
        obj._history_user = user
        obj.save()
        for name, pks in data["m2m"].items():
            if base["m2m"].get(name) != pks:
                getattr(obj, name).set(pks)
        for key, group in data["inlines"].items():
            _apply_rows(obj, key, base["inlines"].get(key, {"rows": []}), group, user, reason)
        revision.status = Revision.State.APPROVED
        revision.reason = reason.strip()[:300]
        revision.reviewer = user
        revision.reviewed_at = timezone.now()
        revision.save()
    return obj


def _apply_rows(obj, key, base_group, group, user, reason):
    from django.apps import apps

    model = apps.get_model(key)
    fk = model._meta.get_field(group["fk"])
    base_rows = {row["pk"]: row["fields"] for row in base_group["rows"]}
    kept = {row["pk"] for row in group["rows"] if row["pk"] is not None}
    note = f"{reason.strip()} (part of {obj._meta.verbose_name} “{obj}”)"
    for pk in base_rows.keys() - kept:
        for row in model._default_manager.filter(pk=pk):
            row._change_reason, row._history_user = note, user
            row.delete()
    for row in group["rows"]:
        pk, values = row["pk"], row["fields"]
        if pk is None:
            instance = model(**{fk.attname: obj.pk})
            changed = values
        else:
            changed = {n: v for n, v in values.items() if base_rows.get(pk, {}).get(n) != v}
            if not changed:
                continue
            instance = model._default_manager.filter(pk=pk).first()
            if instance is None:  # deleted since: the author's edit of it has nothing to change
                continue
        assign(instance, changed)
        _clean(instance, {*changed, fk.name})  # with the parent: unique per parent checks
        instance._change_reason, instance._history_user = note, user
        instance.save()


def revision_reject(*, revision, user, comment):
    """Send the revision back to its author with a comment; the live item is unchanged."""
    if not comment.strip():
        raise RevisionError("Say what should change: the author reads your comment.")
    if not revision.is_open:
        raise RevisionError("This change was already published or sent back.")
    revision.status = Revision.State.REJECTED
    revision.comment = comment.strip()
    revision.reviewer = user
    revision.reviewed_at = timezone.now()
    revision.save()
    return revision


def revision_schedule(*, revision, user, reason, publish_at):
    """Publish the revision at `publish_at` (`manage.py publish_scheduled` applies it)."""
    if not reason.strip():
        raise RevisionError("Give a reason for the change: the history records it.")
    if not revision.is_open:
        raise RevisionError("This change was already published or sent back.")
    if publish_at is None:
        raise RevisionError("Choose when to publish it.")
    revision.status = Revision.State.SCHEDULED
    revision.publish_at = publish_at
    revision.reason = reason.strip()[:300]
    revision.reviewer = user
    revision.save()
    return revision


def publish_due(now=None):
    """Publish every scheduled revision whose time has come: ([published], [(revision,
    error)]). A revision that fails stays scheduled, so the next run reports it again."""
    now = now or timezone.now()
    done, failed = [], []
    due = Revision.objects.filter(status=Revision.State.SCHEDULED, publish_at__lte=now)
    for revision in due.select_related("content_type", "author", "reviewer").order_by(
        "publish_at", "pk"
    ):
        try:
            revision_publish(revision=revision, user=revision.reviewer, reason=revision.reason)
        except RevisionError as error:
            failed.append((revision, str(error)))
        else:
            done.append(revision)
    return done, failed
