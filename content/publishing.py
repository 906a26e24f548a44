"""
Draft → published workflow in the admin. Editors save drafts; only users with the model's
`publish_<model>` permission (the Publisher group) may publish or unpublish. Deleting needs
the model's delete permission, which only the Publisher group has (see staff/groups.py).

For a user without the publish permission the status cannot change by any admin route:
- the change form shows it read-only and a new item is saved as a draft;
- a save (the change form, simple-history's revert, an inline) keeps the stored status;
- the publish/unpublish actions are not offered, and a POSTed action name is refused;
- the status may not be in `list_editable` (a system check says so).
"""

from django.contrib import admin, messages
from django.core import checks

from content.models import Status


def publish_codename(opts):
    return f"publish_{opts.model_name}"


def can_publish(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.{publish_codename(opts)}")


def keep_stored_status(obj, field="status"):
    """Set obj's status to what the database holds (draft for a new object)."""
    stored = None
    if obj.pk is not None:
        stored = type(obj)._default_manager.filter(pk=obj.pk).values_list(field, flat=True).first()
    setattr(obj, field, stored or Status.DRAFT)


class PublishableAdminMixin:
    """Mix into a ModelAdmin (before the admin base) of a model with a `status` field and
    a `publish_<model>` permission. List "publish_selected" and "unpublish_selected" in
    the admin's `actions`."""

    publish_field = "status"
    actions = ["publish_selected", "unpublish_selected"]

    def has_publish_permission(self, request, obj=None):
        return can_publish(request.user, self.model)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request) and self.publish_field not in fields:
            fields.append(self.publish_field)
        return fields

    def save_model(self, request, obj, form, change):
        if not self.has_publish_permission(request):
            keep_stored_status(obj, self.publish_field)
        super().save_model(request, obj, form, change)

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        if self.publish_field in self.list_editable:
            errors.append(
                checks.Error(
                    f"'{self.publish_field}' must not be in list_editable: editors could "
                    "publish from the list. Use the publish actions.",
                    obj=self.__class__,
                    id="content.E001",
                )
            )
        return errors

    @admin.action(description="Publish the selected items", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._set_status(request, queryset, Status.PUBLISHED, "published")

    @admin.action(
        description="Unpublish the selected items (back to draft)", permissions=["publish"]
    )
    def unpublish_selected(self, request, queryset):
        self._set_status(request, queryset, Status.DRAFT, "moved back to draft")

    def _set_status(self, request, queryset, status, verb):
        if not self.has_publish_permission(request):  # get_actions already filters; belt and braces
            self.message_user(
                request, "You do not have permission to publish or unpublish.", messages.ERROR
            )
            return
        # save() one by one so that change history records each item and who did it.
        count = 0
        for obj in queryset.exclude(**{self.publish_field: status}):
            setattr(obj, self.publish_field, status)
            obj.save()
            count += 1
        noun = self.model._meta.verbose_name if count == 1 else self.model._meta.verbose_name_plural
        self.message_user(request, f"{count} {noun} {verb}.", messages.SUCCESS)


class PublishableInlineMixin:
    """For an inline of a publishable model: without the publish permission the rows are
    read-only (each is changed on its own change form, where changes to a published item
    wait for review) and a new row is a draft."""

    publish_field = "status"

    def has_change_permission(self, request, obj=None):
        return can_publish(request.user, self.model) and super().has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user, self.model) and self.publish_field in (self.fields or []):
            fields.append(self.publish_field)
        return fields
