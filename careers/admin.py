"""Admin for the careers app: every model, with history, inlines, filters and search."""

from django.contrib import admin

from careers import models
from content.admin import ContentAdmin, ContentInline, PublishableAdmin, PublishableInline


@admin.display(description="verified")
def verification(obj):
    """ "checked <date>", or "not yet verified" (with why, when staff said)."""
    if obj.source_url and obj.checked_on:
        return f"checked {obj.checked_on:%B %Y}"
    reason = getattr(obj, "unverified_reason", "")
    return f"not yet verified: {reason}" if reason else "not yet verified"


class JobTitleInline(ContentInline):
    model = models.JobTitle
    extra = 1
    fields = ["title", "source_name", "source_url", "checked_on", "unverified_reason"]


class EducationInline(ContentInline):
    model = models.EducationRequirement
    extra = 0
    fields = ["level", "note", "typical", "source_name", "source_url", "source_year"]
    fields += ["checked_on", "unverified_reason", "order"]


class StatedEducationInline(ContentInline):
    model = models.StatedEducation
    extra = 0
    fields = ["text", "label", "source_name", "source_url", "checked_on", "unverified_reason"]
    fields += ["order"]


class PayRangeInline(ContentInline):
    model = models.PayRange
    extra = 0
    fields = ["low", "high", "unit", "region", "note"]
    fields += ["source_name", "source_url", "source_year", "checked_on", "unverified_reason"]
    fields += ["order"]


class RoleOccupationInline(ContentInline):
    model = models.RoleOccupation
    extra = 0
    fields = ["soc_code", "soc_title", "reason", "source_name", "source_url", "checked_on"]
    fields += ["unverified_reason", "order"]


class CareerFitInline(ContentInline):
    model = models.CareerFit
    extra = 0
    fields = ["text", "source_name", "source_url", "checked_on", "unverified_reason", "order"]


class RoleInline(PublishableInline):
    model = models.Role
    extra = 0
    fields = ["name", "slug", "short_name", "status", "order"]
    show_change_link = True
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Career)
class CareerAdmin(PublishableAdmin):
    list_display = ["title", "slug", "status", "checked_on", "order", "updated_at"]
    list_filter = ["status", "checked_on"]
    search_fields = ["title", "summary", "overview"]
    prepopulated_fields = {"slug": ["title"]}
    ordering = ["order", "title"]
    inlines = [CareerFitInline, RoleInline]


@admin.register(models.Role)
class RoleAdmin(PublishableAdmin):
    list_display = ["name", "short_name", "career", "soc_code", "status", "checked_on"]
    list_filter = ["status", "career"]
    list_select_related = ["career"]
    search_fields = ["name", "short_name", "definition", "job_titles__title", "soc_code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["career"]
    ordering = ["career__order", "order", "name"]
    inlines = [
        JobTitleInline,
        StatedEducationInline,
        EducationInline,
        RoleOccupationInline,
        PayRangeInline,
    ]
    fieldsets = [
        (None, {"fields": ["career", "name", "slug", "short_name", "status", "order"]}),
        ("What the role is", {"fields": ["definition", "definition_source", "focus"]}),
        ("Primary occupation code (its BLS figures are the quick facts)",
         {"fields": ["soc_code", "soc_title"]}),
        ("Source", {"fields": ["source_url", "checked_on", "unverified_reason"]}),
    ]  # fmt: skip


@admin.register(models.JobTitle)
class JobTitleAdmin(ContentAdmin):
    review_through = "role"
    list_display = ["title", "role", "source_name", "checked_on", verification]
    list_filter = ["role__career", "role"]
    list_select_related = ["role__career"]
    search_fields = ["title", "search_text", "search_text_es", "role__name"]
    autocomplete_fields = ["role"]
    ordering = ["title"]

    def view_on_site(self, obj):
        return obj.role.get_absolute_url()


@admin.register(models.Duty)
class DutyAdmin(ContentAdmin):
    list_display = ["text", "kind", "order", "checked_on", verification]
    list_filter = ["kind", "roles"]
    search_fields = ["text"]
    filter_horizontal = ["roles"]
    ordering = ["kind", "order"]
    view_on_site = False


@admin.register(models.WorkSetting)
class WorkSettingAdmin(ContentAdmin):
    list_display = ["name", "slug", "order", "checked_on", verification]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["roles"]
    ordering = ["order", "name"]


@admin.register(models.EducationRequirement)
class EducationRequirementAdmin(ContentAdmin):
    review_through = "role"
    list_display = ["role", "level", "typical", "source_name", "checked_on", verification]
    list_filter = ["level", "typical", "source_year", "role"]
    list_select_related = ["role__career"]
    search_fields = ["role__name", "note", "source_name"]
    autocomplete_fields = ["role"]
    ordering = ["role", "order"]

    def view_on_site(self, obj):
        return obj.role.get_absolute_url()


@admin.register(models.PayRange)
class PayRangeAdmin(ContentAdmin):
    review_through = "role"
    list_display = ["role", "low", "high", "unit", "source_name", "checked_on", verification]
    list_filter = ["unit", "region", "source_year", "role"]
    list_select_related = ["role__career"]
    search_fields = ["role__name", "region", "source_name"]
    autocomplete_fields = ["role"]
    ordering = ["role", "order"]

    def view_on_site(self, obj):
        return obj.role.get_absolute_url()


@admin.register(models.Certification)
class CertificationAdmin(ContentAdmin):
    list_display = ["name", "abbreviation", "body", "checked_on", verification]
    list_filter = ["body", "roles"]
    search_fields = ["name", "abbreviation", "body", "eligibility"]
    filter_horizontal = ["roles"]
    ordering = ["order", "name"]


@admin.register(models.CareerStep)
class CareerStepAdmin(ContentAdmin):
    list_display = ["from_role", "to_role", "checked_on", verification]
    list_filter = ["from_role__career"]
    list_select_related = ["from_role", "to_role"]
    search_fields = ["from_role__name", "to_role__name", "requirement"]
    autocomplete_fields = ["from_role", "to_role"]
    ordering = ["from_role", "to_role"]

    def view_on_site(self, obj):
        return obj.from_role.get_absolute_url()
