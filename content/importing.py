"""
Shared pieces of the CSV import/export resources (trainings/resources.py,
employers/resources.py; content/admin.py wires them into the admin): widgets that name an
unknown slug in plain words instead of skipping it or failing with a traceback, and a
base resource whose row checks become per-row validation errors, which the admin's
dry-run preview lists by row number.

An import runs in one transaction (IMPORT_EXPORT_USE_TRANSACTIONS): one bad row and
nothing is written. Rows are matched on their natural key (slug; for a location the
employer's slug, the location's name and its ZIP code), and unchanged rows are skipped, so
importing the same file twice changes nothing.

What a file may hold is bounded: at most IMPORT_MAX_BYTES and IMPORT_MAX_ROWS; no text cell
starting like a spreadsheet formula (=, +, -, @, tab, carriage return), since the file may
be exported and opened again; each row its own natural key (a slug twice in one file would
otherwise silently overwrite the first row with the second).

The admin's preview keeps the uploaded file between the preview and the confirm step
(`PreviewStorage`): in a folder of its own, under a random name that the confirm form
carries signed with the user's id, so a confirm can import only the file its own user's
preview made, and only once. Previews left unconfirmed are removed after an hour.
"""

import os
import re
import time
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from import_export import resources, widgets
from import_export.forms import ConfirmImportForm, ImportForm
from import_export.tmp_storages import TempFolderStorage

from content.models import Status
from content.publishing import can_publish, keep_stored_status
from content.revisions import revision_for
from places.geo import validate_zip_code


class SlugForeignKeyWidget(widgets.ForeignKeyWidget):
    """A foreign key written as the related row's slug."""

    def __init__(self, model, field="slug", **kwargs):
        super().__init__(model, field=field, **kwargs)

    def clean(self, value, row=None, **kwargs):
        value = (value or "").strip() if isinstance(value, str) else value
        if not value:
            return None
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(
                f"There is no {self.model._meta.verbose_name} with the {self.field} "
                f"“{value}”. Import that first, or correct the {self.field}."
            ) from None
        except self.model.MultipleObjectsReturned:
            raise ValueError(
                f"More than one {self.model._meta.verbose_name} has the {self.field} “{value}”."
            ) from None


class SlugManyToManyWidget(widgets.ManyToManyWidget):
    """Many-to-many written as slugs separated by "|"; an unknown slug is an error.

    Named by the importing model and its many-to-many field, so an app never imports the
    app it links to: `SlugManyToManyWidget(Training, "roles")`.
    """

    def __init__(self, owner, m2m_field, field="slug", separator="|", **kwargs):
        model = owner._meta.get_field(m2m_field).related_model
        super().__init__(model, separator=separator, field=field, **kwargs)

    def clean(self, value, row=None, **kwargs):
        wanted = [part.strip() for part in str(value or "").split(self.separator) if part.strip()]
        if not wanted:
            return self.model.objects.none()
        found = self.model.objects.filter(**{f"{self.field}__in": wanted})
        known = set(found.values_list(self.field, flat=True))
        unknown = [slug for slug in wanted if slug not in known]
        if unknown:
            noun = self.model._meta.verbose_name
            raise ValueError(
                f"Unknown {noun} {self.field}: {', '.join(unknown)}. "
                f"Use the {self.field} of an existing {noun}, separated by “{self.separator}”."
            )
        return found

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return self.separator.join(sorted(str(getattr(o, self.field)) for o in value.all()))


def check_zip(zip_code):
    """A plain-language error for a ZIP code that is not a real 5-digit ZIP, or None."""
    if not zip_code:
        return None
    try:
        validate_zip_code(zip_code)
    except ValidationError as error:
        return error.messages[0]
    return None


SOURCE_URL_REQUIRED = {
    "source_url": "The source URL is missing: give the public page these details come from.",
}


# How a cell that a spreadsheet would run as a formula starts, and how to name it.
FORMULA_STARTS = {
    "=": "“=”",
    "+": "“+”",
    "-": "“-”",
    "@": "“@”",
    "\t": "a tab",
    "\r": "a carriage return",
}
TEXT_FIELDS = (models.CharField, models.TextField)


def formula_start(value):
    """How `value` starts if a spreadsheet would take it for a formula, else None."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return FORMULA_STARTS[value[:1]]
    return None


class TooManyRows(ValueError):
    """The file has more rows than one import takes."""


class ContentResource(resources.ModelResource):
    """Base for the content resources: row checks in plain language; status guarded."""

    # Columns that must not be blank on import (beyond what the model requires).
    required_columns = {}  # attribute -> message
    # Its example file, samples/<sample>.csv (manage.py export_samples), or "" for none.
    sample = ""

    def get_queryset(self):
        """Every row in the model's order, and rows that tie in it (two programs of one
        title) by their key: the same file from every database (samples/*.csv)."""
        return (
            super()
            .get_queryset()
            .order_by(*self._meta.model._meta.ordering, *self._meta.import_id_fields)
        )

    def import_data(self, dataset, dry_run=False, **kwargs):
        if len(dataset) > settings.IMPORT_MAX_ROWS:
            # Refused before any row is read, previewed or written.
            result = self.get_result_class()()
            result.total_rows = len(dataset)
            error = TooManyRows(
                f"The file has {len(dataset):,} rows; one import takes at most "
                f"{settings.IMPORT_MAX_ROWS:,}. Split it into smaller files."
            )
            result.append_base_error(self.get_error_result_class()(error))
            return result
        # Natural keys seen so far in this file: {key: row number}.
        self._rows_by_key = {}
        # All or nothing everywhere, not only in the admin: a row that fails validation
        # rolls back the good rows too.
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().import_data(dataset, dry_run=dry_run, **kwargs)

    def formula_errors(self, row, row_number):
        """{attribute: message} for each text cell of the row that starts like a formula."""
        errors = {}
        for field in self.get_import_fields():
            if not field.attribute or field.column_name not in row:
                continue
            try:
                model_field = self._meta.model._meta.get_field(field.attribute)
            except FieldDoesNotExist:  # a column that is not a model field
                continue
            if not isinstance(model_field, TEXT_FIELDS):
                continue
            if start := formula_start(row[field.column_name]):
                errors[field.attribute] = (
                    f"Row {row_number}, column “{field.column_name}”: the text starts with "
                    f"{start}, which a spreadsheet would run as a formula. Remove that "
                    "first character (or reword the text) and import again."
                )
        return errors

    def duplicate_key_error(self, row, row_number):
        """{attribute: message} if an earlier row of this file has the same natural key."""
        id_fields = [self.fields[name] for name in self.get_import_id_fields()]
        key = tuple(str(row.get(f.column_name) or "").strip() for f in id_fields)
        if not any(key):
            return {}
        seen = getattr(self, "_rows_by_key", None)
        if seen is None:
            seen = self._rows_by_key = {}
        first = seen.setdefault(key, row_number)
        if first == row_number:
            return {}
        columns = ", ".join(f"“{f.column_name}”" for f in id_fields)
        value = " / ".join(key)
        return {
            id_fields[0].attribute: (
                f"Row {row_number}: row {first} of this file already has {columns} "
                f"“{value}”. Each row needs its own, or the second would overwrite the first."
            )
        }

    def row_errors(self, instance, row):
        """{attribute: message} for this row; subclasses add their own checks."""
        errors = {}
        for attribute, message in self.required_columns.items():
            if not getattr(instance, attribute, None):
                errors[attribute] = message
        return errors

    def import_instance(self, instance, row, **kwargs):
        row_number = kwargs.get("row_number")
        errors = {
            attribute: [message]
            for attribute, message in {
                **self.duplicate_key_error(row, row_number),
                **self.formula_errors(row, row_number),
            }.items()
        }
        if errors:
            # The row is refused whatever else it holds: say only why.
            raise ValidationError(errors)
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # Many-to-many columns are saved after the row; check their slugs now, so an
        # unknown one is reported in the preview like any other mistake.
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row, **kwargs)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        for attribute, message in self.row_errors(instance, row).items():
            errors.setdefault(attribute, [message])
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs):
        # Through the admin, a user without the publish permission cannot publish by
        # import: new rows stay drafts and existing rows keep their status.
        user = kwargs.get("user")
        if user is not None and hasattr(instance, "status"):
            if not can_publish(user, type(instance)):
                keep_stored_status(instance)
                # A published row changes only when a publisher publishes the revision.
                if instance.pk is not None and instance.status == Status.PUBLISHED:
                    instance._review_by = user
        super().before_save_instance(instance, row, **kwargs)

    def do_instance_save(self, instance, is_create):
        if getattr(instance, "_review_by", None) is None:
            super().do_instance_save(instance, is_create)

    def save_m2m(self, instance, row, **kwargs):
        author = getattr(instance, "_review_by", None)
        if author is None:
            return super().save_m2m(instance, row, **kwargs)
        if self._is_dry_run(kwargs) and not self._is_using_transactions(kwargs):
            return None
        links = {
            field.attribute: sorted(o.pk for o in field.clean(row, **kwargs))
            for field in self.get_import_fields()
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row
        }
        revision_for(instance, author=author, links=links)
        return None


# --- the admin's import preview --------------------------------------------------------

PREVIEW_SALT = "content.import-preview"


class PreviewGone(Exception):
    """The preview's file is not there: already imported, expired, or never made."""


def preview_folder():
    folder = Path(settings.IMPORT_PREVIEW_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def remove_stale_previews(now=None):
    """Remove preview files older than IMPORT_PREVIEW_MAX_AGE (abandoned previews)."""
    cutoff = (now or time.time()) - settings.IMPORT_PREVIEW_MAX_AGE
    for path in preview_folder().iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
        except FileNotFoundError:
            pass  # another process removed it first


class PreviewStorage(TempFolderStorage):
    """The uploaded file between preview and confirm: a random name in its own folder.

    Only names this class makes (32 hex digits) are opened, so a name from a form can never
    reach another file; `claim()` takes the file for one confirm, so a second confirm (or
    two at once) finds it gone instead of importing it twice.
    """

    NAME = re.compile(r"[0-9a-f]{32}")

    def save(self, data):
        remove_stale_previews()
        self.name = uuid.uuid4().hex
        if isinstance(data, str):
            data = data.encode(self.encoding or "utf-8")
        with open(self.get_full_path(), "xb") as file:
            file.write(data)

    def get_full_path(self):
        name = self.name or ""
        base = name.removesuffix(".claimed")
        if not self.NAME.fullmatch(base):
            raise PreviewGone(name)
        return str(preview_folder() / name)

    def claim(self):
        """Take the file for this confirm; PreviewGone if it is not (or no longer) there."""
        source = self.get_full_path()
        try:
            os.rename(source, source + ".claimed")
        except FileNotFoundError:
            raise PreviewGone(self.name) from None
        self.name += ".claimed"

    def read(self):
        try:
            return super().read()
        except FileNotFoundError:
            raise PreviewGone(self.name) from None

    def remove(self):
        try:
            os.remove(self.get_full_path())
        except (FileNotFoundError, PreviewGone):
            pass


def sign_preview(name, user):
    return signing.dumps({"f": name, "u": user.pk}, salt=PREVIEW_SALT)


class BoundedImportForm(ImportForm):
    """The upload form, refusing a file larger than IMPORT_MAX_BYTES with a plain message."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                f"The file is {filesizeformat(upload.size)}; one import takes at most "
                f"{filesizeformat(settings.IMPORT_MAX_BYTES)}. Split it into smaller files."
            )
        return upload


class SignedConfirmImportForm(ConfirmImportForm):
    """The confirm step's form: the preview's file name as this user's preview signed it."""

    GONE = (
        "This preview has expired or was made by someone else, so nothing was imported. "
        "Upload the file again to see a new preview."
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_import_file_name(self):
        try:
            signed = signing.loads(
                self.cleaned_data["import_file_name"],
                salt=PREVIEW_SALT,
                max_age=settings.IMPORT_PREVIEW_MAX_AGE,
            )
        except signing.BadSignature:
            raise forms.ValidationError(self.GONE) from None
        if self.user is None or signed.get("u") != self.user.pk:
            raise forms.ValidationError(self.GONE)
        name = str(signed.get("f", ""))
        if not PreviewStorage.NAME.fullmatch(name):
            raise forms.ValidationError(self.GONE)
        return name
