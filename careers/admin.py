"""Admin for the careers app: every model, with history, inlines, filters and search."""

from django.contrib import admin
from django.db.models import URLField
from simple_history.admin import SimpleHistoryAdmin as BaseHistoryAdmin

from careers import models
from staff.publishing import PublishableAdminMixin, PublishableInlineMixin

# Links typed without a scheme are taken as https (Django 6's default).
URL_FIELDS = {URLField: {"assume_scheme": "https"}}


class SimpleHistoryAdmin(BaseHistoryAdmin):
    formfield_overrides = URL_FIELDS


class JobTitleInline(admin.TabularInline):
    formfield_overrides = URL_FIELDS
    model = models.JobTitle
    extra = 1
    fields = ["title", "source_name", "source_url"]


class EducationInline(admin.TabularInline):
    formfield_overrides = URL_FIELDS
    model = models.EducationRequirement
    extra = 0
    fields = ["level", "note", "typical", "source_name", "source_url", "source_year", "order"]


class PayRangeInline(admin.TabularInline):
    formfield_overrides = URL_FIELDS
    model = models.PayRange
    extra = 0
    fields = ["low", "high", "unit", "region", "note"]
    fields += ["source_name", "source_url", "source_year", "order"]


class RoleInline(PublishableInlineMixin, admin.TabularInline):
    formfield_overrides = URL_FIELDS
    model = models.Role
    extra = 0
    fields = ["name", "slug", "short_name", "status", "order"]
    show_change_link = True
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Career)
class CareerAdmin(PublishableAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "slug", "status", "reviewed_on", "order", "updated_at"]
    list_filter = ["status", "reviewed_on"]
    search_fields = ["title", "summary", "overview"]
    prepopulated_fields = {"slug": ["title"]}
    ordering = ["order", "title"]
    inlines = [RoleInline]


@admin.register(models.Role)
class RoleAdmin(PublishableAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "short_name", "career", "soc_code", "status", "order", "updated_at"]
    list_filter = ["status", "career"]
    list_select_related = ["career"]
    search_fields = ["name", "short_name", "definition", "job_titles__title", "soc_code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["career"]
    ordering = ["career__order", "order", "name"]
    inlines = [JobTitleInline, EducationInline, PayRangeInline]
    fieldsets = [
        (None, {"fields": ["career", "name", "slug", "short_name", "status", "order"]}),
        ("What the role is", {"fields": ["definition", "definition_source",
                                         "definition_source_url", "focus"]}),
        ("Occupation code", {"fields": ["soc_code", "soc_title"]}),
    ]  # fmt: skip


@admin.register(models.JobTitle)
class JobTitleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "role", "source_name"]
    list_filter = ["role__career", "role"]
    list_select_related = ["role__career"]
    search_fields = ["title", "search_text", "role__name"]
    autocomplete_fields = ["role"]
    ordering = ["title"]

    def view_on_site(self, obj):
        return obj.role.get_absolute_url()


@admin.register(models.Duty)
class DutyAdmin(SimpleHistoryAdmin):
    list_display = ["text", "kind", "order"]
    list_filter = ["kind", "roles"]
    search_fields = ["text"]
    filter_horizontal = ["roles"]
    ordering = ["kind", "order"]
    view_on_site = False


@admin.register(models.WorkSetting)
class WorkSettingAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["roles"]
    ordering = ["order", "name"]


@admin.register(models.EducationRequirement)
class EducationRequirementAdmin(SimpleHistoryAdmin):
    list_display = ["role", "level", "typical", "source_name", "source_year"]
    list_filter = ["level", "typical", "source_year", "role"]
    list_select_related = ["role__career"]
    search_fields = ["role__name", "note", "source_name"]
    autocomplete_fields = ["role"]
    ordering = ["role", "order"]

    def view_on_site(self, obj):
        return obj.role.get_absolute_url()


@admin.register(models.PayRange)
class PayRangeAdmin(SimpleHistoryAdmin):
    list_display = ["role", "low", "high", "unit", "region", "source_name", "source_year"]
    list_filter = ["unit", "region", "source_year", "role"]
    list_select_related = ["role__career"]
    search_fields = ["role__name", "region", "source_name"]
    autocomplete_fields = ["role"]
    ordering = ["role", "order"]

    def view_on_site(self, obj):
        return obj.role.get_absolute_url()


@admin.register(models.Certification)
class CertificationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "abbreviation", "body"]
    list_filter = ["body", "roles"]
    search_fields = ["name", "abbreviation", "body", "eligibility"]
    filter_horizontal = ["roles"]
    ordering = ["order", "name"]


@admin.register(models.CareerStep)
class CareerStepAdmin(SimpleHistoryAdmin):
    list_display = ["from_role", "to_role"]
    list_filter = ["from_role__career"]
    list_select_related = ["from_role", "to_role"]
    search_fields = ["from_role__name", "to_role__name", "requirement"]
    autocomplete_fields = ["from_role", "to_role"]
    ordering = ["from_role", "to_role"]

    def view_on_site(self, obj):
        return obj.from_role.get_absolute_url()


@admin.register(models.LoadedContent)
class LoadedContentAdmin(admin.ModelAdmin):
    """Read-only: which rows `load_content` made, so reruns find them."""

    list_display = ["key", "content_type", "object_id", "loaded_at"]
    list_filter = ["content_type"]
    search_fields = ["key"]
    ordering = ["key"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
