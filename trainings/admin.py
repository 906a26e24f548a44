"""Staff screens for providers and trainings: filters, search, bulk actions, history."""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.utils import timezone
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin

from places.geo import ZipError, fill_coordinates_from_zip
from staff.publishing import PublishableAdminMixin, PublishableInlineMixin
from trainings.models import Language, Provider, Training, normalise_languages
from trainings.resources import ProviderResource, TrainingResource


class TrainingInline(PublishableInlineMixin, admin.TabularInline):
    model = Training
    fields = ["title", "kind", "delivery", "status", "featured", "last_verified"]
    show_change_link = True
    extra = 0


@admin.register(Provider)
class ProviderAdmin(ImportExportMixin, SimpleHistoryAdmin):
    resource_classes = [ProviderResource]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind", "city", "county", "region"]
    list_filter = ["kind", "region", "county"]
    search_fields = ["name", "city", "zip_code"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TrainingInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "website"]}),
        (
            "Location",
            {
                "fields": [
                    "address",
                    "city",
                    "county",
                    "region",
                    "zip_code",
                    "latitude",
                    "longitude",
                    "coordinates_note",
                ],
                "description": "Leave the region blank to fill it from the county. "
                "Leave the coordinates blank to take the ZIP code's centre.",
            },
        ),
    ]

    def save_model(self, request, obj, form, change):
        try:
            fill_coordinates_from_zip(obj)
        except ZipError as error:
            messages.warning(request, f"No coordinates were set: {error}")
        super().save_model(request, obj, form, change)


def https_url_fields(db_field, **kwargs):
    """Links typed without a scheme are taken as https (Django 6's default)."""
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class TrainingAdminForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label="Languages of instruction",
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Training
        formfield_callback = https_url_fields
        fields = [
            "provider", "title", "slug", "kind", "credential", "description", "delivery",
            "schedule", "languages", "length_hours", "length_weeks", "next_start_date",
            "prerequisites", "is_free", "cost_low", "cost_high", "funding_notes", "roles",
            "careers", "status", "featured", "url", "source_url", "last_verified",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.languages:
            self.initial["languages"] = self.instance.languages.split(",")

    def clean_languages(self):
        return normalise_languages(self.cleaned_data["languages"])


@admin.register(Training)
class TrainingAdmin(PublishableAdminMixin, ImportExportMixin, SimpleHistoryAdmin):
    resource_classes = [TrainingResource]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    form = TrainingAdminForm
    list_display = [
        "title",
        "provider",
        "kind",
        "delivery",
        "status",
        "featured",
        "last_verified",
    ]
    list_editable = ["featured"]
    list_filter = [
        "status",
        "featured",
        "kind",
        "delivery",
        "schedule",
        "is_free",
        "provider__region",
        "roles",
        "last_verified",
    ]
    list_select_related = ["provider"]
    search_fields = ["title", "provider__name", "credential", "description"]
    autocomplete_fields = ["provider"]
    filter_horizontal = ["roles", "careers"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "last_verified"
    actions = [
        "publish_selected",
        "unpublish_selected",
        "feature",
        "unfeature",
        "mark_verified_today",
    ]
    fieldsets = [
        (None, {"fields": ["provider", "title", "slug", "kind", "credential", "description"]}),
        (
            "How, when and how long",
            {"fields": ["delivery", "schedule", "languages", "length_hours", "length_weeks",
                        "next_start_date", "prerequisites"]},
        ),
        ("Cost", {"fields": ["is_free", "cost_low", "cost_high", "funding_notes"]}),
        ("Where it leads", {"fields": ["roles", "careers"]}),
        (
            "Publishing",
            {"fields": ["status", "featured", "url", "source_url", "last_verified"]},
        ),
    ]  # fmt: skip

    def _update(self, request, queryset, message, **values):
        count = 0
        for training in queryset.select_related("provider"):
            for field, value in values.items():
                setattr(training, field, value)
            training.save(update_fields=list(values))  # keeps the change history
            count += 1
        self.message_user(request, message.format(count=count), messages.SUCCESS)

    @admin.action(description="Feature the selected trainings")
    def feature(self, request, queryset):
        self._update(request, queryset, "{count} training(s) featured.", featured=True)

    @admin.action(description="Stop featuring the selected trainings")
    def unfeature(self, request, queryset):
        self._update(request, queryset, "{count} training(s) no longer featured.", featured=False)

    @admin.action(description="Mark the selected trainings as verified today")
    def mark_verified_today(self, request, queryset):
        self._update(
            request,
            queryset,
            "{count} training(s) marked as verified today.",
            last_verified=timezone.localdate(),
        )
