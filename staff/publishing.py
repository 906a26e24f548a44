"""
Draft → published workflow in the admin. Editors save drafts; only users with the model's
`publish_<model>` permission (the Publisher group) may publish, unpublish or delete.
"""

from django.contrib import admin, messages

from careers.models import Status


def publish_codename(opts):
    return f"publish_{opts.model_name}"


class PublishableAdminMixin:
    """Mix into a ModelAdmin of a model with a `status` field and a publish permission."""

    publish_field = "status"
    actions = ["publish_selected", "unpublish_selected"]

    def has_publish_permission(self, request):
        opts = self.model._meta
        return request.user.has_perm(f"{opts.app_label}.{publish_codename(opts)}")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request) and self.publish_field not in fields:
            fields.append(self.publish_field)
        return fields

    def save_model(self, request, obj, form, change):
        if not change and not self.has_publish_permission(request):
            setattr(obj, self.publish_field, Status.DRAFT)
        super().save_model(request, obj, form, change)

    @admin.action(description="Publish the selected items", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._set_status(request, queryset, Status.PUBLISHED, "published")

    @admin.action(
        description="Unpublish the selected items (back to draft)", permissions=["publish"]
    )
    def unpublish_selected(self, request, queryset):
        self._set_status(request, queryset, Status.DRAFT, "moved back to draft")

    def _set_status(self, request, queryset, status, verb):
        # save() one by one so that change history records each item.
        count = 0
        for obj in queryset:
            if getattr(obj, self.publish_field) != status:
                setattr(obj, self.publish_field, status)
                obj.save()
                count += 1
        self.message_user(request, f"{count} item(s) {verb}.", messages.SUCCESS)
