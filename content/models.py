"""
What every content type shares: the publish status, the public source and the date it
was last checked (`Publishable`), the querysets every page uses (`published()`,
`visible_to(user)`), `LoadedContent`, the rows `load_content` made, and `Revision`, a
change to published content that waits for a publisher (content/revisions.py).

This app imports no feature app: careers, trainings and employers build on it.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class EducationLevel(models.TextChoices):
    """Shared vocabulary: roles ask for these; the training guide asks which one you have."""

    HIGH_SCHOOL = "high_school", _("High school diploma or GED")
    CERTIFICATE = "certificate", _("Certificate")
    ASSOCIATE = "associate", _("Associate degree")
    BACHELOR = "bachelor", _("Bachelor's degree")
    MASTER = "master", _("Master's degree")
    LICENSE_LPN = "license_lpn", _("Licensed practical nurse (LPN) license")
    LICENSE_RN = "license_rn", _("Registered nurse (RN) license")
    LICENSE_SW = "license_sw", _("Social work license (LMSW or LCSW)")


def may_preview(user, model):
    """Staff who may view this model in the admin also see its drafts on the site."""
    if user is None or not getattr(user, "is_staff", False) or not user.is_active:
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Published rows for the public; every row for staff who may preview drafts."""
        return self.all() if may_preview(user, self.model) else self.published()


def source_url_field():
    return models.URLField(
        "source URL",
        max_length=500,
        blank=True,
        help_text="The public page these details come from.",
    )


def checked_on_field():
    """The date someone last checked a row against its source: one definition everywhere."""
    return models.DateField(
        "source checked on",
        null=True,
        blank=True,
        help_text="When staff last checked these details against the source.",
    )


class Sourced(models.Model):
    """A row with the public page its details come from and when staff last checked it."""

    source_url = source_url_field()
    checked_on = checked_on_field()

    class Meta:
        abstract = True


class Publishable(Sourced):
    """A content row with a publish status, its public source and when that was checked."""

    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED


class LoadedContent(models.Model):
    """
    A row that `load_content` created from a content file, remembered by its key, so a
    rerun finds it even after staff have edited its natural key (a title, a duty's text).
    """

    key = models.CharField(max_length=255, unique=True)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key"]
        verbose_name = "loaded content record"

    def __str__(self):
        return self.key


class Revision(models.Model):
    """
    A change to a published item (its fields, many-to-many links and inline rows) made by
    someone who may not publish it. The live row stays as it is until a publisher
    publishes the revision; `base` is the live version the change started from, so only
    what the editor changed is applied (content/revisions.py).
    """

    class State(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        SCHEDULED = "scheduled", "Scheduled"
        APPROVED = "approved", "Published"
        REJECTED = "rejected", "Sent back"

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField("item", max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    base = models.JSONField(
        encoder=DjangoJSONEncoder, help_text="The live version it started from."
    )
    data = models.JSONField(encoder=DjangoJSONEncoder, help_text="The proposed version.")
    comment = models.TextField(blank=True, help_text="Why it was sent back, for its author.")
    reason = models.CharField(
        "change reason", max_length=300, blank=True, help_text="Recorded in the history."
    )
    publish_at = models.DateTimeField("publish at", null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = "change for review"
        verbose_name_plural = "changes for review"
        indexes = [models.Index(fields=["content_type", "object_id", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="scheduled") | Q(publish_at__isnull=False),
                name="revision_scheduled_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.object_repr} ({self.get_status_display().lower()})"

    @property
    def is_open(self):
        """Still to be published: waiting for review or scheduled."""
        return self.status in (self.State.PENDING, self.State.SCHEDULED)
