"""
Employers of care coordinators and care managers, and their locations. The search that
the list page runs (ZIP code and distance, county, region, role, kind, setting, name)
lives in EmployerQuerySet.search so every caller gets the same query plan.
"""

from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, Min, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from content.i18n import quoted_english
from content.models import Publishable, PublishableQuerySet, Sourced
from places.geo import box_lookups, distance_expression, is_zip, near
from places.regions import COUNTY_CHOICES, Region, region_for_county


class EmployerKind(models.TextChoices):
    HEALTH_SYSTEM = "health-system", _("Hospital or health system")
    HEALTH_HOME = "health-home", _("Health Home (lead agency)")
    CARE_MANAGEMENT_AGENCY = "care-management-agency", _("Care management agency")
    MANAGED_CARE_PLAN = "managed-care-plan", _("Managed care plan")
    COMMUNITY_HEALTH_CENTER = "community-health-center", _("Community health center (FQHC)")
    BEHAVIORAL_HEALTH = "behavioral-health", _("Behavioral health provider")
    COMMUNITY_BASED = "community-based", _("Community-based organization")
    LOCAL_HEALTH_DEPARTMENT = "local-health-department", _("Local health department")
    OTHER = "other", pgettext_lazy("kind of employer", "Other")


# What a search result shows (employers/employer_list.html), and all search() reads: the
# database sorts every matching row before it keeps a page of them (and COUNT(*) OVER ()
# keeps them all), so descriptions in two languages made each row many times heavier.
LISTED_FIELDS = ("pk", "name", "slug", "kind", "status")
LISTED_LOCATION_FIELDS = ("pk", "employer_id", "name", "city", "county")


class EmployerQuerySet(PublishableQuerySet):
    def counts_by_county(self):
        """{county: how many of these employers have a location there}, each employer once
        per county, in one query: the county map of /employers/, whose links run search()
        with that county."""
        rows = (
            Location.objects.filter(employer__in=self)
            .values_list("county")
            .annotate(n=models.Count("employer", distinct=True))
            .order_by()
        )
        return dict(rows)

    def search(
        self,
        *,
        point=None,
        miles=None,
        county="",
        region="",
        role="",
        kind="",
        setting="",
        q="",
    ):
        """
        Employers matching every given criterion, each once.

        Location criteria (a point and radius, a county, a region) must all hold for the
        same location. With a point, each employer is annotated in the database with
        `distance` (miles to its nearest matching location) and the list is ordered by
        it; otherwise by name. `matching_locations` (prefetched, nearest or alphabetical
        first) holds the employer's locations that match, so a page of results costs a
        fixed number of queries whatever the amount of data. Only the columns a result
        shows are read (LISTED_FIELDS, LISTED_LOCATION_FIELDS).
        """
        employers = self
        if kind:
            employers = employers.filter(kind=kind)
        if q:
            employers = employers.filter(name__icontains=q)
        if role:
            employers = employers.filter(
                Exists(
                    Employer.roles.through.objects.filter(employer=OuterRef("pk"), role__slug=role)
                )
            )
        if setting:
            employers = employers.filter(
                Exists(
                    Employer.settings.through.objects.filter(
                        employer=OuterRef("pk"), worksetting__slug=setting
                    )
                )
            )

        locations = Location.objects.all()
        if county:
            locations = locations.filter(county=county)
        if region:
            locations = locations.filter(region=region)
        if point is not None:
            in_box = locations.filter(**box_lookups(point, miles), employer_id=OuterRef("pk"))
            locations = near(locations, point, miles)
            # Its nearest location in the box: within `miles` when any of them is, as
            # the filter makes sure. One distance per location in the box, and no sort.
            nearest = (
                in_box.order_by()
                .values("employer_id")
                .annotate(nearest=Min(distance_expression(point)))
            )
            employers = (
                employers.filter(pk__in=locations.values("employer_id"))
                .annotate(distance=Subquery(nearest.values("nearest")))
                .order_by("distance", "name", "pk")
            )
            location_order = ["distance", "name", "pk"]
        else:
            if county or region:
                employers = employers.filter(pk__in=locations.values("employer_id"))
            # By name as a reader sorts them: "MetroPlusHealth" before "MVP Health Care",
            # whatever the database's collation does with capitals (index: 0012).
            employers = employers.order_by(Lower("name"), "pk")
            location_order = ["name", "pk"]

        return employers.only(*LISTED_FIELDS).prefetch_related(
            Prefetch(
                "locations",
                queryset=locations.only(*LISTED_LOCATION_FIELDS).order_by(*location_order),
                to_attr="matching_locations",
            )
        )


class Employer(Publishable):
    """An organization in New York that hires care coordinators or care managers."""

    name = models.CharField(max_length=200, db_index=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=EmployerKind.choices, db_index=True)
    description = models.TextField(blank=True, help_text="A few plain sentences, our own words.")
    website = models.URLField(max_length=500, blank=True)
    careers_url = models.URLField(
        "careers page URL", max_length=500, blank=True, help_text="Where it lists its jobs."
    )
    roles = models.ManyToManyField(
        "careers.Role", related_name="employers", blank=True, help_text="Roles it hires for."
    )
    settings = models.ManyToManyField(
        "careers.WorkSetting", related_name="employers", blank=True, verbose_name="work settings"
    )
    source_name = models.CharField(
        max_length=300, blank=True, help_text="The public page these details come from."
    )
    # The roles it hires for may come from another page (a job posting): the page shows it
    # under them. Checked with the rest of the row (checked_on).
    roles_source_name = models.CharField(
        "roles' source name",
        max_length=300,
        blank=True,
        help_text="The public page that names the roles above, if not the source below.",
    )
    roles_source_url = models.URLField("roles' source URL", max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EmployerQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "employer"
        # The list without a ZIP code reads the employers in this order (search()).
        indexes = [models.Index(Lower("name"), "id", name="employer_name_ci_idx")]
        verbose_name_plural = _("employers")
        permissions = [("publish_employer", "Can publish and unpublish employers")]

    def __str__(self):
        return self.name

    @property
    def roles_source(self):
        """Where the roles it hires for come from, as includes/_source.html shows a source:
        checked with the row, or not yet verified when no page is named."""
        named = bool(self.roles_source_url or self.roles_source_name)
        return SimpleNamespace(
            source_url=self.roles_source_url,
            source_name=self.roles_source_name,
            checked_on=self.checked_on if named else None,
        )

    def get_absolute_url(self):
        return reverse("employers:employer_detail", kwargs={"slug": self.slug})


class Location(Sourced):
    """
    One site of an employer: an office, clinic or hospital, with its coordinates, and the
    public page its address was read on (`source_url`, checked on `checked_on`). A site
    nobody could check against a first-party page or a public register has no date and says
    why in `unverified_reason`; its page says "not yet verified".
    """

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(max_length=200, blank=True, help_text="e.g. Main office")
    address = models.CharField(
        "street address", max_length=300, blank=True, help_text="Leave blank if not verified."
    )
    city = models.CharField(max_length=100)
    county = models.CharField(max_length=40, choices=COUNTY_CHOICES, db_index=True)
    region = models.CharField(max_length=20, choices=Region.choices, editable=False, db_index=True)
    zip_code = models.CharField(
        "ZIP code",
        max_length=5,
        blank=True,
        db_index=True,
        help_text="Leave blank if not verified.",
    )
    latitude = models.FloatField()
    longitude = models.FloatField()
    coordinates_note = models.CharField(
        max_length=200,
        blank=True,
        help_text='Where the coordinates come from, e.g. "ZIP code center (zipcodes package)".',
    )
    phone = models.CharField(max_length=30, blank=True)
    source_name = models.CharField(
        max_length=300, blank=True, help_text="The name of the page the address was read on."
    )
    # The same field as careers' rows have (careers.models.CheckedMixin): this app does not
    # import careers, and the audit and pages look for the field by its name.
    unverified_reason = models.CharField(
        "not yet verified because",
        max_length=300,
        blank=True,
        help_text=(
            "Why nobody could check this address against its source yet. Pages say "
            '"not yet verified" until it has a checked date.'
        ),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["employer", "name", "pk"]
        verbose_name = "location"
        verbose_name_plural = _("locations")
        # A search near a ZIP code reads the locations in the circle and, for each employer,
        # its nearest one: both from an index alone, without reading the rows (make
        # bench-scale, 150,000 locations, SQLite: a median search 8.7 -> 5.5 ms).
        indexes = [
            models.Index(
                fields=["latitude", "longitude", "employer"], name="location_lat_lon_employer"
            ),
            models.Index(
                fields=["employer", "latitude", "longitude"], name="location_employer_lat_lon"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__gte=-90) & Q(latitude__lte=90),
                name="location_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__gte=-180) & Q(longitude__lte=180),
                name="location_longitude_range",
            ),
        ]

    def __str__(self):
        return f"{self.employer}: {self.name or self.city}"

    @property
    def own_name(self):
        """Its name as the employer gives it (English, marked lang="en" on a Spanish page),
        or "" when it has none but its city's."""
        if not self.name or self.name == self.city:
            return ""
        return quoted_english(self.name)

    @property
    def label(self):
        """What a page calls it: its own name, else its city."""
        return self.own_name or self.city

    def save(self, *args, **kwargs):
        # The region always follows the county, so the two filters can never disagree.
        self.region = region_for_county(self.county) or ""
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.county and region_for_county(self.county) is None:
            raise ValidationError({"county": "Choose a New York county."})
        if self.zip_code and not is_zip(self.zip_code):
            raise ValidationError({"zip_code": "Enter a 5-digit ZIP code, or leave it blank."})
        self.region = region_for_county(self.county) or ""

    @property
    def is_verified(self):
        return bool(self.source_url and self.checked_on)

    @property
    def one_line_address(self):
        parts = [self.address, self.city, f"NY {self.zip_code}".strip()]
        return ", ".join(p for p in parts if p)


# The careers models an employer links to, reached through its own fields: the employers
# app never imports careers (see docs/architecture.md).
def role_model():
    return Employer._meta.get_field("roles").related_model


def work_setting_model():
    return Employer._meta.get_field("settings").related_model
