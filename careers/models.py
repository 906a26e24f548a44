"""
Careers and their roles: what a role is, its job titles, duties, settings, typical
education and pay, the certifications that fit it, and which roles lead to which.
Every figure carries its public source; the BLS pay figures themselves live in `wages`,
and `RoleOccupation` says which BLS occupations (SOC codes) a role's figures come from, and why.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from careers.search import spanish_search_text
from content.models import (
    EducationLevel,
    Publishable,
    PublishableQuerySet,
    Sourced,
    Status,
    checked_on_field,
)
from content.text import normalise
from wages.models import normalise_soc


class CheckedMixin(models.Model):
    """
    A row whose facts come from a public source (`source_url`, checked on `checked_on`).
    A row nobody could check yet has no date and says why here; pages show it as
    "not yet verified" (`manage.py audit_content` counts these apart from rows that merely
    lack a date).
    """

    unverified_reason = models.CharField(
        "not yet verified because",
        max_length=300,
        blank=True,
        help_text=(
            "Why nobody could check this row against its source yet. Pages say "
            '"not yet verified" until it has a checked date.'
        ),
    )

    class Meta:
        abstract = True

    @property
    def is_verified(self):
        return bool(self.source_url and self.checked_on)


def _source_name():
    return models.CharField(
        max_length=300, blank=True, help_text="The source's name as the page shows it."
    )


class NamedSourceMixin(CheckedMixin, Sourced):
    """A row with its source's name, the source's page and when that was checked."""

    source_name = _source_name()

    class Meta:
        abstract = True


class Career(CheckedMixin, Publishable):
    """A field of work, such as Care Management / Care Coordination, with its roles."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    summary = models.CharField(
        max_length=300, help_text="One sentence shown in lists and as the page description."
    )
    overview = models.TextField(help_text="Introduction shown above the definitions.")
    key_difference = models.TextField(
        blank=True, help_text="How the roles of this career differ from each other."
    )
    title_note = models.TextField(
        blank=True, help_text="Why job titles vary (setting, employer, region)."
    )
    source_name = _source_name()
    order = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = "career"
        verbose_name_plural = _("careers")
        permissions = [("publish_career", "Can publish and unpublish careers")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("careers:career_detail", kwargs={"career": self.slug})


# The job titles a role's page, its career's page and the compare table list: then how many
# there are, and the title finder for the rest. Real roles have about a dozen; a role with
# thousands (make bench's synthetic ones have 2,488) made each of those pages about 190 KB.
TITLES_SHOWN = 30

# Paths under /careers/<career>/ that are pages, not roles.
RESERVED_ROLE_SLUGS = {"compare"}


class RoleQuerySet(PublishableQuerySet):
    def published(self):
        """A role is public when it and its career are published."""
        return self.filter(status=Status.PUBLISHED, career__status=Status.PUBLISHED)

    def with_titles_education_and_pay(self):
        """Prefetch what a role shows at a glance, in display order (four queries): its
        first TITLES_SHOWN job titles as `titles_shown` (a list), with how many it has as
        `job_title_count`."""
        count = (
            JobTitle.objects.filter(role=models.OuterRef("pk"))
            .order_by()
            .values("role")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        shown = JobTitle.objects.order_by("title", "pk")[:TITLES_SHOWN]
        return self.annotate(job_title_count=Coalesce(models.Subquery(count), 0)).prefetch_related(
            models.Prefetch("job_titles", queryset=shown, to_attr="titles_shown"),
            models.Prefetch(
                "education", queryset=EducationRequirement.objects.order_by("order", "pk")
            ),
            models.Prefetch("pay_ranges", queryset=PayRange.objects.order_by("order", "pk")),
            models.Prefetch(
                "stated_education", queryset=StatedEducation.objects.order_by("order", "pk")
            ),
        )

    def with_occupations(self):
        """Prefetch the BLS occupations a role's pay comes from, primary first (one query)."""
        return self.prefetch_related(
            models.Prefetch("occupations", queryset=RoleOccupation.objects.order_by("order", "pk"))
        )


class Role(CheckedMixin, Publishable):
    """One role within a career, e.g. care coordinator (CC) or care manager (CM)."""

    career = models.ForeignKey(Career, on_delete=models.CASCADE, related_name="roles")
    slug = models.SlugField()
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=10, blank=True, help_text="e.g. CC or CM")
    definition = models.TextField()
    definition_source = models.CharField(max_length=300, help_text="Who wrote the definition.")
    focus = models.TextField(blank=True, help_text="What this role concentrates on.")
    soc_code = models.CharField(
        "SOC code",
        max_length=10,
        blank=True,
        help_text=(
            "The primary Standard Occupational Classification code, e.g. 21-1022: its BLS "
            "figures are the role's quick facts. Say why under 'BLS occupations used'."
        ),
    )
    soc_title = models.CharField("SOC title", max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RoleQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = _("roles")
        ordering = ["career", "order", "name"]
        permissions = [("publish_role", "Can publish and unpublish roles")]
        constraints = [
            models.UniqueConstraint(fields=["career", "slug"], name="role_unique_slug_per_career"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(
            "careers:role_detail", kwargs={"career": self.career.slug, "role": self.slug}
        )

    @property
    def source_name(self):
        """Who wrote the definition: the name every source line shows for a role."""
        return self.definition_source

    @property
    def pay_url(self):
        return reverse("careers:role_pay", kwargs={"career": self.career.slug, "role": self.slug})

    @property
    def public_url(self):
        """The role's page when the public can see it (it and its career are published), else ""."""
        if self.is_published and self.career.is_published:
            return self.get_absolute_url()
        return ""

    def clean(self):
        super().clean()
        if self.slug in RESERVED_ROLE_SLUGS:
            raise ValidationError(
                {
                    "slug": f'"{self.slug}" is the name of a page of each career; '
                    "please choose another slug."
                },
                code="reserved",
            )


class RoleOccupation(CheckedMixin):
    """A BLS occupation (SOC code) whose pay figures a role's pages use, with why and a source."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="occupations")
    soc_code = models.CharField("SOC code", max_length=7, help_text="e.g. 21-1094")
    soc_title = models.CharField(
        "SOC title", max_length=200, help_text="The occupation's name as BLS publishes it."
    )
    reason = models.TextField(
        help_text="Why this occupation fits the role, in plain words, as the source says it."
    )
    source_name = models.CharField(max_length=300)
    source_url = models.URLField(
        max_length=500, help_text="A public page (O*NET, BLS, ...) that supports the reason."
    )
    checked_on = models.DateField(
        null=True, blank=True, help_text="When someone last checked the source says so."
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "order", "id"]
        verbose_name = "BLS occupation used"
        verbose_name_plural = _("BLS occupations used")
        constraints = [
            models.UniqueConstraint(fields=["role", "soc_code"], name="roleoccupation_unique"),
            models.CheckConstraint(
                condition=~Q(reason="") & ~Q(source_url=""), name="roleoccupation_has_source"
            ),
        ]

    def __str__(self):
        return f"{self.role}: {self.soc_code} {self.soc_title}"

    def clean(self):
        super().clean()
        try:
            self.soc_code = normalise_soc(self.soc_code)
        except ValueError as error:
            raise ValidationError({"soc_code": str(error)}, code="soc_code") from error


class SourcedMixin(CheckedMixin):
    """A fact as a named public source states it, with the year only if the source gives one."""

    source_name = models.CharField(max_length=300)
    source_url = models.URLField(max_length=500)
    source_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Only if the source gives a year. Leave empty otherwise."
    )
    checked_on = checked_on_field()

    class Meta:
        abstract = True


class JobTitleQuerySet(models.QuerySet):
    def search(self, query):
        """Titles matching `query`; defined in careers/search.py (PostgreSQL or portable)."""
        from careers.search import search_job_titles

        return search_job_titles(self, query)


class JobTitle(CheckedMixin):
    """A job title used by employers for a role, e.g. "Health Home Care Manager"."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="job_titles")
    title = models.CharField(max_length=200)
    # Lower-cased, accent-stripped copy of the title used by the portable search.
    search_text = models.CharField(max_length=200, editable=False, db_index=True, default="")
    # The Spanish title (title_es) as the finder compares it (careers/search.py).
    search_text_es = models.CharField(max_length=200, editable=False, db_index=True, default="")
    source_name = models.CharField(max_length=300, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    checked_on = checked_on_field()

    objects = JobTitleQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "title"]
        verbose_name = "job title"
        verbose_name_plural = _("job titles")
        constraints = [
            models.UniqueConstraint(fields=["role", "title"], name="jobtitle_unique_per_role"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Each language's own column: `title` alone is the active language's (content/i18n.py).
        english = self.title_en if self.title_en is not None else self.__dict__.get("title")
        self.search_text = normalise(english)
        self.search_text_es = spanish_search_text(self.title_es)
        super().save(*args, **kwargs)


class Duty(NamedSourceMixin):
    """Something one or more roles do; a duty linked to several roles is one they share."""

    class Kind(models.TextChoices):
        RESPONSIBILITY = "responsibility", "What the roles do"
        FUNCTION = "function", "Work with patients, families and caregivers"

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.RESPONSIBILITY)
    text = models.CharField(max_length=400)
    roles = models.ManyToManyField(Role, related_name="duties")
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "order", "id"]
        verbose_name_plural = _("duties")

    def __str__(self):
        return self.text


class WorkSetting(NamedSourceMixin):
    """A kind of workplace, e.g. a hospital, a Health Home or a managed care plan."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    roles = models.ManyToManyField(Role, related_name="settings", blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "work setting"
        verbose_name_plural = _("work settings")

    def __str__(self):
        return self.name


class EducationRequirement(SourcedMixin):
    """Education a role typically asks for ("typical, but not always")."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="education")
    level = models.CharField(max_length=20, choices=EducationLevel.choices)
    note = models.CharField(max_length=300, blank=True)
    typical = models.BooleanField(default=True, help_text="Typical, but not always required.")
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "order", "id"]
        verbose_name = "education requirement"
        verbose_name_plural = _("education requirements")
        constraints = [
            models.UniqueConstraint(fields=["role", "level"], name="education_unique_level"),
        ]

    def __str__(self):
        return f"{self.role}: {self.get_level_display()}"


class StatedEducation(CheckedMixin):
    """
    A role's typical education in a source's own words, quoted as it states them (e.g. the
    Health Workforce Collaborative's "GED or Bachelor's degree"); the site's own detail is
    in EducationRequirement, apart from it.
    """

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="stated_education")
    text = models.CharField(max_length=200, help_text="Exactly as the source says it.")
    label = models.CharField(
        max_length=200,
        blank=True,
        help_text='What the source calls it, e.g. "Typical required education".',
    )
    source_name = models.CharField(max_length=300)
    source_url = models.URLField(max_length=500)
    checked_on = checked_on_field()
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "order", "id"]
        verbose_name = "education as a source states it"
        verbose_name_plural = _("education as sources state it")
        constraints = [
            models.CheckConstraint(
                condition=~Q(source_name="") & ~Q(source_url=""), name="statededucation_has_source"
            ),
        ]

    def __str__(self):
        return f"{self.role}: {self.text}"


class PayRange(SourcedMixin):
    """
    A pay range for a role as another organization states it (e.g. the Health Workforce
    Collaborative's "typical pay range"), with only the region and year that source gives.
    """

    class Unit(models.TextChoices):
        HOURLY = "hourly", _("an hour")
        ANNUAL = "annual", _("a year")

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="pay_ranges")
    low = models.DecimalField(max_digits=10, decimal_places=2)
    high = models.DecimalField(max_digits=10, decimal_places=2)
    unit = models.CharField(max_length=10, choices=Unit.choices)
    region = models.CharField(
        max_length=200,
        blank=True,
        help_text="Only if the source names one, e.g. New York State. Leave empty otherwise.",
    )
    note = models.CharField(
        max_length=300, blank=True, help_text='What the source calls it, e.g. "Typical pay range".'
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "order", "id"]
        verbose_name = "pay range"
        verbose_name_plural = _("pay ranges")
        constraints = [
            models.CheckConstraint(
                condition=Q(low__gte=0) & Q(low__lte=models.F("high")),
                name="payrange_low_not_above_high",
            ),
            models.CheckConstraint(
                condition=~Q(source_name="") & ~Q(source_url=""),
                name="payrange_has_source",
            ),
            models.CheckConstraint(
                condition=Q(source_year__isnull=True)
                | (Q(source_year__gte=1990) & Q(source_year__lte=2100)),
                name="payrange_plausible_year",
            ),
        ]

    def __str__(self):
        return f"{self.role}: {self.low}-{self.high} {self.get_unit_display()}"

    def clean(self):
        super().clean()
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValidationError(
                {"low": "Pay low must be less than or equal to pay high."}, code="low_above_high"
            )
        if self.low is not None and self.low < 0:
            raise ValidationError({"low": "Pay cannot be negative."}, code="negative")


class Certification(NamedSourceMixin):
    """A professional credential that fits one or more roles, and who may earn it."""

    name = models.CharField(max_length=200, unique=True)
    abbreviation = models.CharField(max_length=20, blank=True)
    body = models.CharField("awarding body", max_length=200)
    eligibility = models.TextField(help_text="Who is eligible, in plain words.")
    url = models.URLField(max_length=500)
    roles = models.ManyToManyField(Role, related_name="certifications", blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = _("certifications")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class CareerStep(NamedSourceMixin):
    """A step on the career ladder: from one role to another, and what it takes."""

    from_role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="steps_out")
    to_role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="steps_in")
    requirement = models.TextField(help_text="What it usually takes to make this move.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["from_role", "to_role"]
        verbose_name = "career step"
        verbose_name_plural = _("career steps")
        constraints = [
            models.UniqueConstraint(fields=["from_role", "to_role"], name="careerstep_unique"),
            models.CheckConstraint(
                condition=~Q(from_role=models.F("to_role")), name="careerstep_not_to_itself"
            ),
        ]

    def __str__(self):
        return f"{self.from_role} → {self.to_role}"

    def clean(self):
        super().clean()
        if self.from_role_id and self.from_role_id == self.to_role_id:
            raise ValidationError(
                {"to_role": "A career step must lead to a different role."}, code="same_role"
            )


class CareerFit(NamedSourceMixin):
    """One line of "This career is right for you, if…", in our words, with its source."""

    career = models.ForeignKey(Career, on_delete=models.CASCADE, related_name="fits")
    text = models.CharField(max_length=300, help_text="Our own words; the source is named below.")
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["career", "order", "id"]
        verbose_name = "reason the career may suit you"
        verbose_name_plural = _("reasons the career may suit you")

    def __str__(self):
        return self.text
