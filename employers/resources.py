"""CSV import/export of employers and locations (django-import-export); see content/importing.py."""

from import_export import fields

from content.importing import (
    SOURCE_URL_REQUIRED,
    ContentResource,
    SlugForeignKeyWidget,
    SlugManyToManyWidget,
    check_zip,
)
from employers.models import Employer, Location
from places.geo import fill_coordinates_from_zip


class EmployerResource(ContentResource):
    sample = "employers"
    roles = fields.Field(
        attribute="roles", column_name="roles", widget=SlugManyToManyWidget(Employer, "roles")
    )
    settings = fields.Field(
        attribute="settings",
        column_name="settings",
        widget=SlugManyToManyWidget(Employer, "settings"),
    )

    required_columns = SOURCE_URL_REQUIRED

    class Meta:
        model = Employer
        fields = [
            "slug", "name", "kind", "description", "website", "careers_url", "roles",
            "settings", "source_name", "source_url", "checked_on", "status",
        ]  # fmt: skip
        export_order = fields
        import_id_fields = ["slug"]
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True


class LocationResource(ContentResource):
    sample = "locations"
    """A location's natural key: its employer's slug, its name and its ZIP code. Rows without
    the page their address comes from are refused, as for employers."""

    employer = fields.Field(
        attribute="employer", column_name="employer", widget=SlugForeignKeyWidget(Employer)
    )

    # Where each address was read, like every other content row (or why nobody could yet).
    required_columns = SOURCE_URL_REQUIRED

    class Meta:
        model = Location
        fields = [
            "employer", "name", "address", "city", "county", "zip_code", "latitude",
            "longitude", "coordinates_note", "phone", "source_name", "source_url",
            "checked_on", "unverified_reason",
        ]  # fmt: skip
        export_order = fields
        import_id_fields = ["employer", "name", "zip_code"]
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def row_errors(self, instance, row):
        errors = super().row_errors(instance, row)
        if not instance.employer_id:
            errors["employer"] = "The employer slug is missing."
        if zip_error := check_zip(instance.zip_code):
            errors["zip_code"] = zip_error
        elif instance.latitude is None or instance.longitude is None:
            if instance.zip_code:
                fill_coordinates_from_zip(instance)
            else:
                errors["latitude"] = "Give the coordinates, or a ZIP code to take its center."
        return errors
