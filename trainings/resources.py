"""CSV import/export of providers and trainings (django-import-export); see content/importing.py."""

from import_export import fields

from content.importing import (
    SOURCE_URL_REQUIRED,
    ContentResource,
    SlugForeignKeyWidget,
    SlugManyToManyWidget,
    check_zip,
)
from places.geo import fill_coordinates_from_zip
from trainings.models import Provider, Training, normalise_languages


class ProviderResource(ContentResource):
    sample = "providers"

    class Meta:
        model = Provider
        fields = [
            "slug", "name", "kind", "website", "address", "city", "county", "region",
            "zip_code", "latitude", "longitude", "coordinates_note",
        ]  # fmt: skip
        export_order = fields
        import_id_fields = ["slug"]
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def row_errors(self, instance, row):
        errors = super().row_errors(instance, row)
        if zip_error := check_zip(instance.zip_code):
            errors["zip_code"] = zip_error
        return errors

    def before_save_instance(self, instance, row, **kwargs):
        # As in the admin: no coordinates given, take the ZIP code's center.
        fill_coordinates_from_zip(instance)
        super().before_save_instance(instance, row, **kwargs)


class TrainingResource(ContentResource):
    sample = "trainings"
    provider = fields.Field(
        attribute="provider", column_name="provider", widget=SlugForeignKeyWidget(Provider)
    )
    roles = fields.Field(
        attribute="roles", column_name="roles", widget=SlugManyToManyWidget(Training, "roles")
    )
    careers = fields.Field(
        attribute="careers", column_name="careers", widget=SlugManyToManyWidget(Training, "careers")
    )

    required_columns = SOURCE_URL_REQUIRED

    class Meta:
        model = Training
        fields = [
            "slug", "title", "provider", "kind", "credential", "description", "delivery",
            "schedule", "languages", "length_hours", "length_weeks", "next_start_date",
            "prerequisites", "entry_level", "is_free", "cost_low", "cost_high", "funding_notes",
            "roles", "careers", "status", "featured", "url", "source_url", "checked_on",
        ]  # fmt: skip
        export_order = fields
        import_id_fields = ["slug"]
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def before_import_row(self, row, **kwargs):
        if row.get("languages"):
            row["languages"] = normalise_languages(row["languages"])
        super().before_import_row(row, **kwargs)
