"""
One admin base for every content type, so each job is written once:

- `ContentAdmin`: change history (simple-history, with revert), links typed without a
  scheme taken as https, CSV import/export when the admin names `resource_classes`, and
  "View on site" for drafts too (staff who may preview see the draft on its real page);
- `PublishableAdmin`: a ContentAdmin for a `Publishable` model, adding the publishing
  workflow (content/publishing.py) and a "mark the source checked today" action;
- `PublishableInline`: an inline of a publishable model (status read-only for editors).
"""

from django.contrib import admin, messages
from django.db import models
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin

from content.models import LoadedContent
from content.publishing import PublishableAdminMixin, PublishableInlineMixin
from content.review import mark_checked

# Links typed without a scheme are taken as https (Django 6's default).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class ContentAdmin(ImportExportMixin, SimpleHistoryAdmin):
    formfield_overrides = URL_FIELDS

    def has_import_permission(self, request):
        return bool(self.resource_classes) and super().has_import_permission(request)

    def has_export_permission(self, request):
        return bool(self.resource_classes) and super().has_export_permission(request)


class PublishableAdmin(PublishableAdminMixin, ContentAdmin):
    actions = ["publish_selected", "unpublish_selected", "mark_verified_today"]

    @admin.action(
        description="Mark the selected items verified today (source checked)",
        permissions=["change"],
    )
    def mark_verified_today(self, request, queryset):
        count = mark_checked(queryset)
        noun = self.model._meta.verbose_name if count == 1 else self.model._meta.verbose_name_plural
        self.message_user(request, f"{count} {noun} marked verified today.", messages.SUCCESS)


class PublishableInline(PublishableInlineMixin, admin.TabularInline):
    formfield_overrides = URL_FIELDS


class ContentInline(admin.TabularInline):
    formfield_overrides = URL_FIELDS


@admin.register(LoadedContent)
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
