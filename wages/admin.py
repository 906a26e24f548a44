"""Admin for the wages app: staff can look the BLS figures up; the importer writes them."""

from django.contrib import admin

from wages import models


@admin.register(models.Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]


@admin.register(models.Wage)
class WageAdmin(admin.ModelAdmin):
    list_display = [
        "soc_code", "soc_title", "area", "release", "employment", "annual_median",
        "hourly_median",
    ]  # fmt: skip
    list_filter = ["release", "soc_code", "area__kind"]
    search_fields = ["soc_code", "soc_title", "area__name"]
    list_select_related = ["area"]


@admin.register(models.CountyArea)
class CountyAreaAdmin(admin.ModelAdmin):
    list_display = ["county", "fips", "area", "source_name"]
    search_fields = ["county", "area__name"]
    list_select_related = ["area"]


@admin.register(models.Footnote)
class FootnoteAdmin(admin.ModelAdmin):
    list_display = ["release", "code", "text"]
    list_filter = ["release"]
