"""
Staff: categories with their cookie declarations, policy revisions (publish a new one to ask
everyone again), and the consent records, read-only and exportable as CSV.
"""

import csv

from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils import timezone

from consent import services
from consent.models import Category, ConsentRecord, CookieDeclaration, PolicyRevision
from content.admin import TranslatedAdmin, TranslatedTabularInline


class CookieDeclarationInline(TranslatedTabularInline):
    model = CookieDeclaration
    extra = 0
    fields = ["name", "provider", "party", "purpose", "duration", "max_age"]


@admin.register(Category)
class CategoryAdmin(TranslatedAdmin):
    list_display = ["name", "slug", "necessary", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CookieDeclarationInline]


@admin.register(CookieDeclaration)
class CookieDeclarationAdmin(TranslatedAdmin):
    list_display = ["name", "category", "provider", "party", "duration"]
    list_filter = ["category", "party"]
    search_fields = ["name", "provider", "purpose"]
    list_select_related = ["category"]


@admin.action(description="Publish new revision (everyone is asked again)", permissions=["publish"])
def publish_new_revision(modeladmin, request, queryset):
    revision = services.revision_publish()
    modeladmin.message_user(
        request,
        f"Published revision {revision.number} (SHA-256 {revision.sha256[:12]}…). "
        "Every visitor will be asked for their choice again.",
        messages.SUCCESS,
    )


@admin.register(PolicyRevision)
class PolicyRevisionAdmin(admin.ModelAdmin):
    list_display = ["number", "published_at", "sha256"]
    readonly_fields = ["number", "published_at", "snapshot", "sha256"]
    actions = [publish_new_revision]

    def has_add_permission(self, request):
        # A revision is only ever made by the action, from the current declarations.
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_publish_permission(self, request):
        return request.user.has_perm("consent.add_policyrevision")

    def has_delete_permission(self, request, obj=None):
        return False


CSV_FIELDS = ["consent_id", "created_at", "revision", "action", "source", "gpc", "language"]


@admin.action(description="Export selected records as CSV", permissions=["view"])
def export_csv(modeladmin, request, queryset):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    response["Content-Disposition"] = f'attachment; filename="consent-records-{stamp}.csv"'
    writer = csv.writer(response)
    writer.writerow([*CSV_FIELDS, "choices"])
    for record in queryset.order_by("created_at", "id").iterator():
        writer.writerow(
            [
                record.consent_id,
                record.created_at.isoformat(),
                record.revision,
                record.action,
                record.source,
                record.gpc,
                record.language,
                services.canonical_json(record.choices),
            ]
        )
    return response


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    """Read-only: records are proof of consent, so nobody adds, edits or deletes them here."""

    list_display = ["created_at", "consent_id", "revision", "action", "source", "gpc"]
    list_filter = ["action", "source", "gpc", "revision", ("created_at", admin.DateFieldListFilter)]
    search_fields = ["consent_id"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in ConsentRecord._meta.fields]
    actions = [export_csv]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
