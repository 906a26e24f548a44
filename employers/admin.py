"""Staff screens for employers and their locations."""

from django.contrib import admin

from content.admin import URL_FIELDS, ContentAdmin, PublishableAdmin
from employers.models import Employer, Location
from employers.resources import EmployerResource, LocationResource
from places.regions import COUNTY_CHOICES, Region


class LocationInline(admin.StackedInline):
    model = Location
    extra = 0
    formfield_overrides = URL_FIELDS
    fields = [
        "name",
        "address",
        ("city", "county", "zip_code"),
        "region",
        ("latitude", "longitude"),
        "coordinates_note",
        "phone",
        ("source_name", "source_url"),
        ("checked_on", "unverified_reason"),
    ]
    readonly_fields = ["region"]


@admin.display(description="verified")
def location_verification(obj):
    """ "checked <month year>", or "not yet verified" (with why, when staff said)."""
    if obj.is_verified:
        return f"checked {obj.checked_on:%B %Y}"
    if obj.unverified_reason:
        return f"not yet verified: {obj.unverified_reason}"
    return "not yet verified"


class LocationCountyFilter(admin.SimpleListFilter):
    title = "county"
    parameter_name = "county"

    def lookups(self, request, model_admin):
        return COUNTY_CHOICES

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(locations__county=self.value()).distinct()
        return queryset


class LocationRegionFilter(admin.SimpleListFilter):
    title = "region"
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return Region.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(locations__region=self.value()).distinct()
        return queryset


@admin.register(Employer)
class EmployerAdmin(PublishableAdmin):
    resource_classes = [EmployerResource]
    # Plain-text columns, one value each, so a copied or exported list reads as a table.
    list_display = [
        "name",
        "kind",
        "main_city",
        "main_county",
        "main_region",
        "website",
        "checked_on",
        "status",
    ]
    list_filter = ["status", "kind", LocationCountyFilter, LocationRegionFilter, "roles"]
    search_fields = ["name", "locations__city", "locations__zip_code"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["roles", "settings"]
    inlines = [LocationInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "status", "description"]}),
        ("Links", {"fields": ["website", "careers_url"]}),
        (
            "Who they hire",
            {"fields": ["roles", "settings", "roles_source_name", "roles_source_url"]},
        ),
        ("Source", {"fields": ["source_name", "source_url", "checked_on"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("locations")

    def _main_location(self, obj):
        locations = list(obj.locations.all())
        return locations[0] if locations else None

    @admin.display(description="city")
    def main_city(self, obj):
        location = self._main_location(obj)
        return location.city if location else ""

    @admin.display(description="county")
    def main_county(self, obj):
        location = self._main_location(obj)
        return location.county if location else ""

    @admin.display(description="region")
    def main_region(self, obj):
        location = self._main_location(obj)
        return location.get_region_display() if location else ""


@admin.register(Location)
class LocationAdmin(ContentAdmin):
    review_through = "employer"
    resource_classes = [LocationResource]
    list_display = ["employer", "name", "city", "county", "region", "zip_code", "phone"]
    list_display += [location_verification]
    list_filter = ["region", "county", "employer__kind"]
    search_fields = ["employer__name", "name", "city", "zip_code", "address"]
    list_select_related = ["employer"]
    readonly_fields = ["region"]
    autocomplete_fields = ["employer"]
