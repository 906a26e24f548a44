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
"""

from django.core.exceptions import ValidationError
from import_export import resources, widgets

from content.models import Status
from content.publishing import can_publish, keep_stored_status
from content.revisions import revision_for
from places.geo import ZipError, zip_point


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
        zip_point(zip_code)
    except ZipError as error:
        return str(error)
    return None


SOURCE_URL_REQUIRED = {
    "source_url": "The source URL is missing: give the public page these details come from.",
}


class ContentResource(resources.ModelResource):
    """Base for the content resources: row checks in plain language; status guarded."""

    # Columns that must not be blank on import (beyond what the model requires).
    required_columns = {}  # attribute -> message

    def import_data(self, dataset, dry_run=False, **kwargs):
        # All or nothing everywhere, not only in the admin: a row that fails validation
        # rolls back the good rows too.
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().import_data(dataset, dry_run=dry_run, **kwargs)

    def row_errors(self, instance, row):
        """{attribute: message} for this row; subclasses add their own checks."""
        errors = {}
        for attribute, message in self.required_columns.items():
            if not getattr(instance, attribute, None):
                errors[attribute] = message
        return errors

    def import_instance(self, instance, row, **kwargs):
        errors = {}
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
