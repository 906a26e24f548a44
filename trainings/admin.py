"""Staff screens for providers and trainings: filters, search, bulk actions, history."""

from django import forms
from django.contrib import admin, messages
from django.db import models

from content.admin import ContentAdmin, PublishableAdmin, PublishableInline
from places.geo import ZipError, fill_coordinates_from_zip
from trainings.models import Language, Provider, Training, normalise_languages
from trainings.resources import ProviderResource, TrainingResource


class TrainingInline(PublishableInline):
    model = Training
    fields = ["title", "kind", "delivery", "status", "featured", "checked_on"]
    show_change_link = True
    extra = 0


@admin.register(Provider)
class ProviderAdmin(ContentAdmin):
    resource_classes = [ProviderResource]
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
                "Leave the coordinates blank to take the ZIP code's center.",
            },
        ),
        ("Source", {"fields": ["source_url", "checked_on"]}),
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
            "prerequisites", "entry_level", "is_free", "cost_low", "cost_high", "funding_notes",
            "roles", "careers", "status", "featured", "url", "source_url", "checked_on",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.languages:
            self.initial["languages"] = self.instance.languages.split(",")

    def clean_languages(self):
        return normalise_languages(self.cleaned_data["languages"])


@admin.register(Training)
class TrainingAdmin(PublishableAdmin):
    resource_classes = [TrainingResource]
    form = TrainingAdminForm
    list_display = [
        "title",
        "provider",
        "kind",
        "delivery",
        "status",
        "featured",
        "checked_on",
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
        "checked_on",
    ]
    list_select_related = ["provider"]
    search_fields = ["title", "provider__name", "credential", "description"]
    autocomplete_fields = ["provider"]
    filter_horizontal = ["roles", "careers"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "checked_on"
    actions = [*PublishableAdmin.actions, "feature", "unfeature"]
    fieldsets = [
        (None, {"fields": ["provider", "title", "slug", "kind", "credential", "description"]}),
        (
            "How, when and how long",
            {"fields": ["delivery", "schedule", "languages", "length_hours", "length_weeks",
                        "next_start_date", "prerequisites", "entry_level"]},
        ),
        ("Cost", {"fields": ["is_free", "cost_low", "cost_high", "funding_notes"]}),
        ("Where it leads", {"fields": ["roles", "careers"]}),
        (
            "Publishing",
            {"fields": ["status", "featured", "url", "source_url", "checked_on"]},
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
