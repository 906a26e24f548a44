"""
What every content type shares: the publish status, the public source and the date it
was last checked (`Publishable`), the querysets every page uses (`published()`,
`visible_to(user)`), and `LoadedContent`, the rows `load_content` made.

This app imports no feature app: careers, trainings and employers build on it.
"""

from django.db import models


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class EducationLevel(models.TextChoices):
    """Shared vocabulary: roles ask for these; the training guide asks which one you have."""

    HIGH_SCHOOL = "high_school", "High school diploma or GED"
    CERTIFICATE = "certificate", "Certificate"
    ASSOCIATE = "associate", "Associate degree"
    BACHELOR = "bachelor", "Bachelor's degree"
    MASTER = "master", "Master's degree"
    LICENSE_LPN = "license_lpn", "Licensed practical nurse (LPN) license"
    LICENSE_RN = "license_rn", "Registered nurse (RN) license"
    LICENSE_SW = "license_sw", "Social work license (LMSW or LCSW)"


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


class Publishable(models.Model):
    """A content row with a publish status, its public source and when that was checked."""

    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    source_url = models.URLField(
        "source URL",
        max_length=500,
        blank=True,
        help_text="The public page these details come from.",
    )
    checked_on = models.DateField(
        "source checked on",
        null=True,
        blank=True,
        help_text="When staff last checked these details against the source.",
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
