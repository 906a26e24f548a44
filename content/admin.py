"""
One admin base for every content type, so each job is written once:

- `ContentAdmin`: change history (simple-history, with revert) whose entries say what
  changed, inline rows included; links typed without a scheme taken as https; CSV
  import/export when the admin names `resource_classes`; "View on site" for drafts too;
  and on the change form, who else has it open (a soft lock) and the version it was
  opened on, so a save based on an outdated version is refused (an optimistic lock);
- `PublishableAdmin`: a ContentAdmin for a `Publishable` model, adding the publishing
  workflow (content/publishing.py), the "mark the source checked today" action, and
  review: a change to a published item by someone who may not publish it is stored as a
  pending `Revision` (content/revisions.py) and the live item stays as it is;
- `RevisionAdmin`: the "changes for review" list and, per change, the diff against the
  live version where a publisher publishes, schedules or sends it back;
- `PublishableInline`: an inline of a publishable model (status read-only for editors).

Every one of them shows a translated field (content/i18n.py) in both languages side by
side, English then Spanish (django-modeltranslation's admin, `TranslatedFieldsMixin`).
"""

import json

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.text import capfirst
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportMixin
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationBaseModelAdmin,
    TranslationTabularInline,
)
from modeltranslation.utils import get_translation_fields
from simple_history.admin import SimpleHistoryAdmin

from content import editing, i18n, revisions
from content.importing import (
    BoundedImportForm,
    PreviewGone,
    PreviewStorage,
    SignedConfirmImportForm,
    sign_preview,
)
from content.models import LoadedContent, Revision, Status
from content.publishing import PublishableAdminMixin, PublishableInlineMixin, can_publish
from content.review import mark_checked, visible_models

# Links typed without a scheme are taken as https (Django 6's default).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)])


class _NoTranslatedFields:
    """The translation options of a model without translated fields: nothing to replace."""

    fields = {}
    all_fields = {}


class TranslatedFieldsMixin:
    """django-modeltranslation's admin for models with translated fields, a no-op for others.

    A translated field is shown as its English and Spanish fields on one line ("title [en]",
    "title [es]"), in the place the admin lists the field; the original column is not shown.
    """

    def __init__(self, model, admin_site):
        # An inline is made with its parent's model; its own model is a class attribute.
        if i18n.translated_fields(getattr(type(self), "model", None) or model):
            super().__init__(model, admin_site)
        else:
            # Skip modeltranslation's own set-up, which refuses a model it does not know (the
            # classes after it in the MRO still set up: subclasses list them after it).
            super(TranslationBaseModelAdmin, self).__init__(model, admin_site)
            self.trans_opts = _NoTranslatedFields

    def replace_orig_field(self, option):
        if not option or isinstance(self, admin.options.InlineModelAdmin):
            return super().replace_orig_field(option)
        # The lines of a change form: a translated field's languages side by side on its line.
        lines = []
        for line in option:
            names = [line] if isinstance(line, str) else list(line)
            expanded = []
            for name in names:
                if name in self.trans_opts.all_fields:
                    expanded.extend(get_translation_fields(name))  # English, then Spanish
                else:
                    expanded.append(name)
            lines.append(line if expanded == names else tuple(expanded))
        return lines


class TranslatedAdmin(TranslatedFieldsMixin, TranslationAdmin):
    """A plain ModelAdmin whose translated fields show both languages (consent's policy)."""


class TranslatedTabularInline(TranslatedFieldsMixin, TranslationTabularInline):
    """A plain tabular inline whose translated fields show both languages."""


class ContentAdmin(TranslatedFieldsMixin, TranslationAdmin, ImportExportMixin, SimpleHistoryAdmin):
    formfield_overrides = URL_FIELDS
    # CSV import (content/importing.py): a bounded upload, a preview that shows the totals
    # and the first rows only, and a confirm that takes only its own user's preview, once.
    import_form_class = BoundedImportForm
    confirm_form_class = SignedConfirmImportForm
    tmp_storage_class = PreviewStorage
    import_template_name = "admin/content/import.html"

    change_form_template = "admin/content/change_form.html"
    # The foreign key to the publishable parent whose change form edits these rows inline
    # (a role's job titles): on their own admin page, rows of a published parent are
    # read-only for those who may not publish it, so their changes go through its review.
    review_through = None

    def _held_parent(self, request, parent):
        return (
            parent is not None
            and getattr(parent, "status", None) == Status.PUBLISHED
            and not can_publish(request.user, type(parent))
        )

    def has_change_permission(self, request, obj=None):
        if obj is not None and self.review_through:
            if self._held_parent(request, getattr(obj, self.review_through)):
                return False
        return super().has_change_permission(request, obj)

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

    # --- The version a change form is based on (optimistic lock) ------------------------

    def inline_specs(self, request, obj):
        """[(model, fk name)] of the rows edited on obj's change form."""
        return [
            (inline.model, inline.get_formset(request, obj).fk.name)
            for inline in self.get_inline_instances(request, obj)
        ]

    def stored_version(self, request, obj):
        stored = type(obj)._default_manager.get(pk=obj.pk)
        return revisions.snapshot(stored, self.inline_specs(request, obj))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if obj is None and self.review_through:
            return self._parent_guarded(request, form_class)
        if obj is None or request.method != "POST" or editing.VERSION_FIELD not in request.POST:
            return form_class  # simple-history's revert form deliberately saves an old version
        model_admin = self

        class VersionedForm(form_class):
            def clean(self):
                cleaned = super().clean()
                model_admin.check_version(request, obj, self)
                return cleaned

        VersionedForm.__name__ = form_class.__name__
        return VersionedForm

    def _parent_guarded(self, request, form_class):
        """An add form refuses a new row for a published parent from someone who may not
        publish it: they add it on the parent's form, where it waits for review."""
        model_admin, name = self, self.review_through

        class GuardedForm(form_class):
            def clean(self):
                cleaned = super().clean()
                parent = cleaned.get(name)
                if model_admin._held_parent(request, parent):
                    self.add_error(
                        name,
                        f"“{parent}” is published: add this on its own page, where changes "
                        "to published content wait for review.",
                    )
                return cleaned

        GuardedForm.__name__ = form_class.__name__
        return GuardedForm

    def check_version(self, request, obj, form):
        """Refuse a save based on a version someone else has changed since, saying what they
        changed; the form is shown again with everything the user typed."""
        opened = editing.read_version(request.POST.get(editing.VERSION_FIELD))
        stored = self.stored_version(request, obj)
        if opened == stored:
            return
        request._content_conflict = (opened, stored)
        if opened is None:
            form.add_error(None, "This form could not be checked: save again to keep your version.")
            return
        record = obj.history.first() if hasattr(obj, "history") else None
        who = revisions._who(record.history_user) if record and record.history_user else "Someone"
        theirs = [f"{c.label}: {c.proposed}" for c in self._changes_between(obj, opened, stored)]
        form.add_error(
            None,
            ValidationError(
                [
                    f"{who} saved this {obj._meta.verbose_name} after you opened it, so nothing "
                    "was saved. Your changes are still in the form below, with theirs filled "
                    "in where you had not changed anything. Check them, then save again.",
                    *[f"Their change, {line}" for line in theirs],
                ]
            ),
        )

    def _changes_between(self, obj, before, after):
        model = type(obj)
        changes = revisions.field_changes(model, before, after, after)
        for key, group in after["inlines"].items():
            rows = revisions.inline_changes(
                key, obj.pk, before["inlines"].get(key, {"rows": []}), group, group
            )
            for row in rows.rows if rows else []:
                detail = ", ".join(f"{c.label} “{c.proposed}”" for c in row.fields)
                changes.append(
                    revisions.FieldChange(
                        rows.label,
                        "",
                        f"{row.action} “{row.name}”" + (f" ({detail})" if detail else ""),
                    )
                )
        return changes

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None and self.has_change_permission(request, obj):
            conflict = getattr(request, "_content_conflict", None)
            token = request.POST.get(editing.VERSION_FIELD) if request.method == "POST" else None
            if conflict:
                opened, stored = conflict
                token = editing.sign_version(stored)
                if opened is not None:
                    self._fill_in_theirs(context, opened, stored)
            elif token is None or editing.read_version(token) is None:
                token = editing.sign_version(self.stored_version(request, obj))
            context["content_version_field"] = editing.VERSION_FIELD
            context["content_version"] = token
            context["others_editing"] = editing.others_editing(
                obj, request.user, opening=request.method == "GET"
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _fill_in_theirs(self, context, opened, stored):
        """After a refused save: where the user left a value as they found it and the other
        person changed it, show the other person's value, so saving again keeps both."""
        form = context["adminform"].form
        _fill(form, opened["fields"] | opened["m2m"], stored["fields"] | stored["m2m"])
        for inline in context.get("inline_admin_formsets", []):
            group_before = opened["inlines"].get(inline.formset.model._meta.label_lower)
            group_after = stored["inlines"].get(inline.formset.model._meta.label_lower)
            if not group_before or not group_after:
                continue
            before = {row["pk"]: row["fields"] for row in group_before["rows"]}
            after = {row["pk"]: row["fields"] for row in group_after["rows"]}
            for row_form in inline.formset.forms:
                pk = row_form.instance.pk
                if pk in before and pk in after:
                    _fill(row_form, before[pk], after[pk])

    def response_change(self, request, obj):
        editing.stop_editing(obj, request.user)
        return super().response_change(request, obj)

    # --- History that says what changed -----------------------------------------------

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if getattr(obj, "_revision_hold", None) is None:
            self._record_story(obj, message)
        return entry

    def _record_story(self, obj, message):
        """The admin's own change message ("Changed title. Added job title “X”.") becomes the
        reason of the history entry the save just made, so inline changes show on the parent."""
        if not hasattr(obj, "history") or not message:
            return
        text = message if isinstance(message, str) else json.dumps(message)
        story = LogEntry(change_message=text).get_change_message()
        record = obj.history.order_by("-history_date", "-history_id").first()
        if record is not None and story and not record.history_change_reason:
            record.history_change_reason = story
            record.save(update_fields=["history_change_reason"])


def _fill(form, before, after):
    """Set the bound data of `form` to `after` for each field whose submitted value equals
    `before` (the user left it alone) while `after` differs (someone else changed it)."""
    if not form.is_bound or not hasattr(form, "cleaned_data"):
        return
    model = form._meta.model
    data = form.data.copy()
    for name, value in after.items():
        if name not in form.fields or before.get(name) == value:
            continue
        field = model._meta.get_field(name)
        submitted = form.cleaned_data.get(name)
        if field.many_to_many:
            submitted = sorted(o.pk for o in submitted) if submitted is not None else None
        elif field.is_relation:
            submitted = submitted.pk if submitted is not None else None
        else:
            submitted = revisions.plain(field, submitted)
        if submitted != before.get(name) or not isinstance(form.fields[name], _FILLABLE):
            continue
        key = form.add_prefix(name)
        if field.many_to_many:
            data.setlist(key, [str(pk) for pk in value])
        elif isinstance(form.fields[name], forms.BooleanField):
            if value:
                data[key] = "on"
            else:
                data.pop(key, None)
        else:
            data[key] = "" if value is None else str(value)
    form.data = data


_FILLABLE = (
    forms.CharField,
    forms.IntegerField,
    forms.DecimalField,
    forms.FloatField,
    forms.DateField,
    forms.ChoiceField,
    forms.ModelChoiceField,
    forms.BooleanField,
)


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

    # --- Changes to live content wait for review ------------------------------------

    def holds_for_review(self, request, obj):
        """A change to a published item by someone who may not publish it waits for review."""
        return (
            obj.pk is not None
            and not self.has_publish_permission(request)
            and type(obj)._default_manager.filter(pk=obj.pk, status=Status.PUBLISHED).exists()
        )

    def save_model(self, request, obj, form, change):
        if not (change and self.holds_for_review(request, obj)):
            return super().save_model(request, obj, form, change)
        # Nothing is written to the item: its change is a revision. The revert view saves
        # the links itself afterwards; there is nothing for it to save.
        base = self.stored_version(request, obj)
        obj.status = Status.PUBLISHED
        obj._revision_hold = {"base": base, "revision": None}
        self._hold(request, obj, revisions.proposed_version(base, obj, form))
        form.save_m2m = lambda: None

    def save_related(self, request, form, formsets, change):
        hold = getattr(form.instance, "_revision_hold", None)
        if hold is None:
            return super().save_related(request, form, formsets, change)
        self._hold(
            request,
            form.instance,
            revisions.proposed_version(hold["base"], form.instance, form, formsets),
        )

    def _hold(self, request, obj, data):
        hold = obj._revision_hold
        hold["revision"] = revisions.revision_save(
            obj=obj, author=request.user, base=hold["base"], data=data, revision=hold["revision"]
        )

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(form.instance, "_revision_hold", None) is not None:
            return ""  # nothing was saved; log_change says what happened
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        hold = getattr(obj, "_revision_hold", None)
        if hold is not None:
            message = "Proposed a change for review." if hold["revision"] else "Saved, no change."
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        hold = getattr(obj, "_revision_hold", None)
        if hold is None:
            return super().response_change(request, obj)
        editing.stop_editing(obj, request.user)
        revision = hold["revision"]
        if revision is None:
            self.message_user(request, "Nothing was changed.", messages.INFO)
            return HttpResponseRedirect(change_url(obj))
        self.message_user(
            request,
            "Your change waits for review: the live page shows the published version until a "
            "publisher publishes your change. Below is your pending version.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(change_url(revision))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None:
            ct = ContentType.objects.get_for_model(obj)
            context["open_revisions"] = list(revisions.open_revisions(obj).select_related("author"))
            latest_own = (
                Revision.objects.filter(content_type=ct, object_id=obj.pk, author=request.user)
                .order_by("-created", "-pk")
                .first()
            )
            if latest_own is not None and latest_own.status == Revision.State.REJECTED:
                context["sent_back"] = latest_own
        return super().render_change_form(request, context, add, change, form_url, obj)


class PublishableInline(TranslatedFieldsMixin, PublishableInlineMixin, TranslationTabularInline):
    formfield_overrides = URL_FIELDS


class ContentInline(TranslatedFieldsMixin, TranslationTabularInline):
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


# --- Changes for review ---------------------------------------------------------------


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("publish", "Publish now"), ("schedule", "Schedule"), ("reject", "Send back")]
    )
    reason = forms.CharField(
        label="Reason for the change",
        max_length=300,
        required=False,
        help_text="Recorded in the history with the author's name and yours.",
    )
    publish_at = forms.DateTimeField(
        label="Publish at",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text="For “Schedule”: when the change goes live.",
    )
    comment = forms.CharField(
        label="Comment for the author",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For “Send back”: what should change. The author sees it on the change form.",
    )


def reviewable_content_types(user):
    """Content types of the publishable models the user may view or change."""
    models_ = [kind.model for kind in visible_models(user)]
    return list(ContentType.objects.get_for_models(*models_).values()) if models_ else []


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    """Changes for review: anyone who may edit the item reads them; publishers decide."""

    list_display = ["object_repr", "kind", "author", "created", "status", "publish_at"]
    list_filter = ["status", "content_type"]
    list_select_related = ["content_type", "author"]
    search_fields = ["object_repr"]

    @admin.display(description="type")
    def kind(self, revision):
        model = revision.content_type.model_class()
        return capfirst(model._meta.verbose_name) if model else revision.content_type.model

    def get_queryset(self, request):
        allowed = [ct.pk for ct in reviewable_content_types(request.user)]
        return super().get_queryset(request).filter(content_type__in=allowed)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        if obj is None:
            return bool(reviewable_content_types(user))
        return obj.content_type in reviewable_content_types(user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        revision = get_object_or_404(
            self.get_queryset(request).select_related("content_type", "author", "reviewer"),
            pk=object_id,
        )
        model = revision.content_type.model_class()
        may_publish = can_publish(request.user, model)
        form = ReviewForm()
        if request.method == "POST":
            if not may_publish:
                raise PermissionDenied
            form = ReviewForm(request.POST)
            if form.is_valid():
                done = self._decide(request, revision, form)
                if done:
                    return HttpResponseRedirect(
                        reverse("admin:content_revision_changelist") + "?status__exact=pending"
                    )
        live = model._default_manager.filter(pk=revision.object_id).first()
        fields, inlines = revisions.revision_changes(revision) if live else ([], [])
        context = {
            **self.admin_site.each_context(request),
            "title": f"Change to {model._meta.verbose_name} “{revision.object_repr}”",
            "subtitle": None,
            "opts": self.opts,
            "revision": revision,
            "live": live,
            "live_change_url": change_url(live) if live else "",
            "live_history_url": reverse(
                f"admin:{model._meta.app_label}_{model._meta.model_name}_history",
                args=[quote(live.pk)],
            )
            if live
            else "",
            "live_page_url": live.get_absolute_url()
            if live and hasattr(live, "get_absolute_url")
            else "",
            "type_label": model._meta.verbose_name,
            "field_changes": fields,
            "inline_changes": inlines,
            "may_publish": may_publish and revision.is_open,
            "form": form,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/content/revision_review.html", context)

    def _decide(self, request, revision, form):
        decision = form.cleaned_data["decision"]
        data = form.cleaned_data
        try:
            if decision == "publish":
                revisions.revision_publish(
                    revision=revision, user=request.user, reason=data["reason"]
                )
                text = f"The change to “{revision.object_repr}” is published."
            elif decision == "schedule":
                revisions.revision_schedule(
                    revision=revision,
                    user=request.user,
                    reason=data["reason"],
                    publish_at=data["publish_at"],
                )
                text = f"The change to “{revision.object_repr}” is scheduled."
            else:
                revisions.revision_reject(
                    revision=revision, user=request.user, comment=data["comment"]
                )
                text = f"The change to “{revision.object_repr}” is sent back to its author."
        except revisions.RevisionError as error:
            form.add_error(None, str(error))
            return False
        self.message_user(request, text, messages.SUCCESS)
        return True
