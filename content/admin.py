"""
One admin base for every content type, so each job is written once:

- `ContentAdmin`: change history (simple-history, with revert), links typed without a
  scheme taken as https, CSV import/export when the admin names `resource_classes`, and
  "View on site" for drafts too (staff who may preview see the draft on its real page);
- `PublishableAdmin`: a ContentAdmin for a `Publishable` model, adding the publishing
  workflow (content/publishing.py) and a "mark the source checked today" action;
- `PublishableInline`: an inline of a publishable model (status read-only for editors).
"""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin

from content.importing import (
    BoundedImportForm,
    PreviewGone,
    PreviewStorage,
    SignedConfirmImportForm,
    sign_preview,
)
from content.models import LoadedContent
from content.publishing import PublishableAdminMixin, PublishableInlineMixin
from content.review import mark_checked

# Links typed without a scheme are taken as https (Django 6's default).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class ContentAdmin(ImportExportMixin, SimpleHistoryAdmin):
    formfield_overrides = URL_FIELDS
    # CSV import (content/importing.py): a bounded upload, a preview that shows the totals
    # and the first rows only, and a confirm that takes only its own user's preview, once.
    import_form_class = BoundedImportForm
    confirm_form_class = SignedConfirmImportForm
    tmp_storage_class = PreviewStorage
    import_template_name = "admin/content/import.html"

    def has_import_permission(self, request):
        return bool(self.resource_classes) and super().has_import_permission(request)

    def has_export_permission(self, request):
        return bool(self.resource_classes) and super().has_export_permission(request)

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["import_file_name"] = sign_preview(initial["import_file_name"], request.user)
        return initial

    def get_confirm_form_kwargs(self, request, import_form=None):
        return {**super().get_confirm_form_kwargs(request, import_form), "user": request.user}

    def get_import_context_data(self, **kwargs):
        context = super().get_import_context_data(**kwargs)
        rows = settings.IMPORT_PREVIEW_ROWS
        return {**context, "preview_rows": rows, "preview_slice": f":{rows}"}

    @method_decorator(require_POST)
    def process_import(self, request, **kwargs):
        """The confirm step: import the file this user's preview kept, once.

        Replaces import-export's own, which opened whatever file name the form sent (any
        file in the temp folder) and failed with a 500 when it was gone.
        """
        if not self.has_import_permission(request):
            raise PermissionDenied
        import_url = reverse(
            "admin:{}_{}_import".format(*self.get_model_info()), current_app=self.admin_site.name
        )
        confirm_form = self.create_confirm_form(request)
        if not confirm_form.is_valid():
            messages.error(request, SignedConfirmImportForm.GONE)
            return HttpResponseRedirect(import_url)
        input_format = self.get_import_formats()[int(confirm_form.cleaned_data["format"])](
            encoding=self.from_encoding
        )
        storage = self.get_tmp_storage_class()(
            name=confirm_form.cleaned_data["import_file_name"],
            encoding=None if input_format.is_binary() else self.from_encoding,
            read_mode=input_format.get_read_mode(),
            **self.get_tmp_storage_class_kwargs(),
        )
        try:
            storage.claim()
            data = storage.read()
        except PreviewGone:
            messages.error(
                request,
                "This file was already imported, or its preview has expired, so nothing "
                "more was imported. Upload the file again to see a new preview.",
            )
            return HttpResponseRedirect(import_url)
        try:
            dataset = input_format.create_dataset(data)
            result = self.process_dataset(dataset, confirm_form, request, **kwargs)
        finally:
            storage.remove()
        return self.process_result(result, request)


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
