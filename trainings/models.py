"""
Training providers and the programs they run (certificates, degrees, professional
development), with the queryset methods the pages share: published(), search()
and near().
"""

import math

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, FloatField, IntegerField, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from content.i18n import quoted_english
from content.models import EducationLevel, Publishable, PublishableQuerySet, Sourced
from content.templatetags.presentation import human_date
from content.text import normalise, unique_slug
from places.geo import distance_expression, is_zip, near
from places.regions import COUNTY_CHOICES, Region, region_for_county


class Language(models.TextChoices):
    """Languages of instruction offered as a filter (ISO 639-1 codes)."""

    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    CHINESE = "zh", _("Chinese")
    RUSSIAN = "ru", _("Russian")
    HAITIAN_CREOLE = "ht", _("Haitian Creole")
    BENGALI = "bn", _("Bengali")
    KOREAN = "ko", _("Korean")
    ARABIC = "ar", _("Arabic")
    FRENCH = "fr", _("French")
    POLISH = "pl", _("Polish")
    ITALIAN = "it", _("Italian")
    YIDDISH = "yi", _("Yiddish")


LANGUAGE_NAMES = dict(Language.choices)

# What a training page says where the provider's own page is silent: never a blank, never
# a guess.
NOT_STATED = _("Not stated by the provider")
ONLINE_ANYWHERE = _("Online — anywhere in New York")


def normalise_languages(codes):
    """A stored languages value: known codes, de-duplicated, in a fixed order, comma-joined."""
    if isinstance(codes, str):
        codes = codes.split(",")
    wanted = {code.strip() for code in codes}
    return ",".join(code for code in Language.values if code in wanted)


class Provider(Sourced):
    """An organization that runs trainings: a college, a union training fund, a health system."""

    class Kind(models.TextChoices):
        COMMUNITY_COLLEGE = "community_college", _("Community college")
        UNIVERSITY = "university", _("College or university")
        UNION_FUND = "union_fund", _("Union training fund")
        HEALTH_SYSTEM = "health_system", _("Health system or hospital")
        ONLINE = "online", _("Online provider")
        PROFESSIONAL_BODY = "professional_body", _("Professional association")
        GOVERNMENT = "government", _("Government agency")
        NONPROFIT = "nonprofit", _("Community organization")

    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True, max_length=120)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    website = models.URLField(max_length=500, blank=True)
    address = models.CharField(
        max_length=300, blank=True, help_text="Street address, as the provider publishes it."
    )
    city = models.CharField(max_length=100, blank=True)
    county = models.CharField(max_length=40, choices=COUNTY_CHOICES, blank=True)
    region = models.CharField(
        max_length=20,
        choices=Region.choices,
        blank=True,
        help_text="Filled from the county when left blank.",
    )
    zip_code = models.CharField("ZIP code", max_length=5, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    coordinates_note = models.CharField(
        max_length=200,
        blank=True,
        help_text='Where the coordinates come from, e.g. "ZIP code center (zipcodes package)".',
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "training provider"
        verbose_name_plural = _("training providers")
        indexes = [
            models.Index(fields=["kind"], name="provider_kind_idx"),
            models.Index(fields=["region"], name="provider_region_idx"),
            models.Index(fields=["county"], name="provider_county_idx"),
            models.Index(fields=["latitude", "longitude"], name="provider_coords_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="provider_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="provider_longitude_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="provider_coordinates_both_or_neither",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.county and not self.region:
            self.region = region_for_county(self.county) or ""
        super().save(*args, **kwargs)
        # The provider's name is part of each training's search text.
        for training in self.trainings.select_related("provider"):
            Training.objects.filter(pk=training.pk).update(search_text=training.build_search_text())

    def clean(self):
        super().clean()
        if self.zip_code and not is_zip(self.zip_code):
            raise ValidationError({"zip_code": "Enter a 5-digit ZIP code, or leave it blank."})

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None


# The columns trainings/_training_card.html reads (cost_display and length_display included).
CARD_FIELDS = (
    "slug", "title", "featured", "kind", "delivery", "is_free", "cost_low", "cost_high",
    "length_weeks", "length_hours", "length_note", "next_start_date", "entry_level", "provider",
    "provider__name", "provider__city",
)  # fmt: skip


def _online_last():
    """1 for a training taught online only, else 0: online trainings sort after those near."""
    return Case(
        When(delivery=Training.Delivery.ONLINE, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


# The providers nearest() reads the trainings of, before it reads any further away.
NEAREST_PROVIDERS = 50

# Where a training is taught: its provider's coordinates.
LAT_FIELD, LON_FIELD = "provider__latitude", "provider__longitude"


def _distance_from(point):
    return distance_expression(point, lat_field=LAT_FIELD, lon_field=LON_FIELD)


def _by_distance(trainings, point):
    """Those taught at a place, nearest to `point` first (then by title), with `distance`."""
    return (
        trainings.taught_at_a_place()
        .annotate(distance=_distance_from(point))
        .order_by("distance", "title", "pk")
    )


# A search near a ZIP code, nearest first: the trainings taught within the distance by
# their distance, then the online ones (by their provider's distance, and those without
# one last, on every database), then by title.
BY_DISTANCE = (F("distance").asc(nulls_last=True), "title", "pk")
NEAREST_FIRST = ("online_last", *BY_DISTANCE)


def nearest_providers(point, among=NEAREST_PROVIDERS):
    """(ids, reach): the `among` providers nearest to `point`, with any as far as the last of
    them (so a tie is never cut), and that distance in miles (infinite when there are fewer
    than `among`, so every provider with a place is among them). One query, over the
    providers only."""
    providers = Provider.objects.filter(latitude__isnull=False, longitude__isnull=False).annotate(
        distance=distance_expression(point)
    )
    # The distance of the `among`-th nearest provider (none when there are fewer: then
    # every provider is near enough).
    farthest = providers.order_by("distance").values("distance")[among - 1 : among]
    # Read as a list of ids: given the subquery instead, PostgreSQL guessed it keeps a
    # third of the providers (it kept 50 of 10,000) and read every matching training.
    rows = list(
        providers.filter(
            distance__lte=Coalesce(Subquery(farthest), Value(math.inf, output_field=FloatField()))
        ).values_list("pk", "distance")
    )
    reach = max(distance for _pk, distance in rows) if len(rows) >= among else math.inf
    return [pk for pk, _distance in rows], reach


class TrainingQuerySet(PublishableQuerySet):
    def counts_by_county(self):
        """{county: how many of these trainings its providers run}, in one query: the
        county map of /trainings/, whose links filter on provider__county the same way."""
        rows = (
            self.exclude(provider__county="")
            .values_list("provider__county")
            .annotate(n=models.Count("pk"))
            .order_by()
        )
        return dict(rows)

    def search(self, query, *, text_index=True):
        """Trainings matching `query`, annotated with `search_rank` (higher is better).

        PostgreSQL: full-text search with ranking (see trainings/search.py); elsewhere every
        word must appear in the training's search text, found through SQLite's text index
        unless `text_index` is False (for a query that reads few trainings anyway).
        """
        from trainings.search import search_trainings

        return search_trainings(self, query, text_index=text_index)

    def taught_at_a_place(self):
        """Trainings with a place to go to: not online-only, and a provider with coordinates.
        A training whose delivery its provider does not state counts (its page says so)."""
        return self.exclude(delivery=Training.Delivery.ONLINE).filter(
            provider__latitude__isnull=False
        )

    def near(self, point, miles, *, online=True):
        """
        Trainings taught within `miles` of `point`, annotated `distance`, and (unless
        `online=False`) online trainings, which suit anyone in New York, whatever their
        distance. `online_last` (0 or 1) sorts the online ones after the others. One query.
        """
        online_only = Q(delivery=Training.Delivery.ONLINE)
        queryset = self if online else self.exclude(online_only)
        return near(
            queryset.annotate(online_last=_online_last()),
            point,
            miles,
            lat_field=LAT_FIELD,
            lon_field=LON_FIELD,
            keep=online_only if online else None,
        )

    def with_distance(self, point):
        """These trainings annotated as near() annotates them (`distance`, None without
        coordinates, and `online_last`), without its filter: for rows already found."""
        return self.annotate(online_last=_online_last(), distance=_distance_from(point))

    def nearest(self, point, limit, *, further=None, providers=None):
        """The `limit` trainings taught nearest to `point`, however far, annotated `distance`;
        a list.

        A training is taught where its provider is, so they are among the trainings of the
        providers nearest to `point`: one query lists the NEAREST_PROVIDERS nearest
        providers (and any as far as the last of them), a second reads their trainings, not
        every training that matches, which at 100,000 trainings was most of them for a
        common word. Only when those hold fewer than `limit` matches are the others read, in
        a third query, from `further` (the same trainings found another way, e.g. with
        search()'s text index) if given. `providers`: nearest_providers(point), when the
        caller has them."""
        near_enough, reach = providers or nearest_providers(point)
        found = list(_by_distance(self, point).filter(provider__in=near_enough)[:limit])
        if len(found) < limit and reach < math.inf:
            found = list(_by_distance(self if further is None else further, point)[:limit])
        return found

    def nearest_first_ids(self, point, miles, limit, *, providers=None):
        """The ids of the first `limit` of near(point, miles) in NEAREST_FIRST order (those
        taught within `miles`, nearest first, then the online ones), or None when the
        trainings of the providers nearest to `point` (nearest_providers) do not settle them.

        They settle them when they hold `limit` trainings taught within `miles`: any other
        is taught farther away than the farthest of those providers. They also settle them
        when that provider is `miles` or more away (so every training taught within `miles`
        is among them) and they hold `limit` trainings with the online ones: the online
        trainings of other providers are farther away, or have no distance and come last.
        Two queries, whatever the number of trainings (one with `providers`, which is
        nearest_providers(point) when the caller has it); the caller sorts every match when
        this returns None (few matches near `point`: rare words, narrow filters)."""
        near_enough, reach = providers or nearest_providers(point)
        rows = list(
            self.near(point, miles)
            .filter(provider__in=near_enough)
            .order_by(*NEAREST_FIRST)
            .values_list("pk", "online_last")[:limit]
        )
        if len(rows) < limit:
            return None
        if rows[-1][1] and reach < miles:
            return None  # trainings taught within `miles` may lie beyond these providers
        return [pk for pk, _online in rows]

    def for_listing(self):
        """What a results card shows (trainings/_training_card.html), in a fixed number of
        queries, and only the columns it shows: a search sorts every matching row before it
        keeps a page of them, and the long description and search text made those rows
        heavy to sort."""
        return (
            self.select_related("provider")
            .only(*CARD_FIELDS)
            .prefetch_related(
                models.Prefetch(
                    "roles",
                    queryset=Training._meta.get_field("roles").related_model.objects.only(
                        "pk", "name", "short_name"
                    ),
                )
            )
        )


class Training(Publishable):
    """One program a provider runs, e.g. a Community Health Worker certificate."""

    class Kind(models.TextChoices):
        CERTIFICATE = "certificate", _("Certificate")
        DEGREE = "degree", _("Degree")
        PROFESSIONAL_DEVELOPMENT = "professional_development", _("Professional development")

    class Delivery(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")
        HYBRID = "hybrid", _("Hybrid (online and in person)")

    class Schedule(models.TextChoices):
        DAY = "day", _("Daytime")
        EVENING = "evening", _("Evenings")
        WEEKEND = "weekend", _("Weekends")
        SELF_PACED = "self_paced", _("Self-paced")

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="trainings")
    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True, max_length=120)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    credential = models.CharField(
        "credential earned",
        max_length=200,
        blank=True,
        help_text="e.g. Certificate of completion, A.S. degree, MSW.",
    )
    delivery = models.CharField(
        max_length=20, choices=Delivery.choices, blank=True, help_text="Blank when not known."
    )
    schedule = models.CharField(
        max_length=20, choices=Schedule.choices, blank=True, help_text="Blank when not known."
    )
    schedule_note = models.CharField(
        "schedule as the provider states it",
        max_length=200,
        blank=True,
        help_text="When one choice above does not say it, e.g. “Day, evening and weekend classes”.",
    )
    length_hours = models.PositiveIntegerField("length in hours", null=True, blank=True)
    length_weeks = models.PositiveIntegerField("length in weeks", null=True, blank=True)
    length_note = models.CharField(
        "length as the provider states it",
        max_length=200,
        blank=True,
        help_text="e.g. “60 credits, two academic years full-time”.",
    )
    cost_low = models.DecimalField(
        "lowest cost (USD)", max_digits=9, decimal_places=2, null=True, blank=True
    )
    cost_high = models.DecimalField(
        "highest cost (USD)", max_digits=9, decimal_places=2, null=True, blank=True
    )
    is_free = models.BooleanField(
        "free to the learner", default=False, help_text="No cost to eligible learners."
    )
    funding_notes = models.TextField(
        blank=True, help_text="e.g. WIOA, employer-paid, union training fund benefit."
    )
    languages = models.CharField(
        "languages of instruction",
        max_length=60,
        blank=True,
        help_text="Comma-separated language codes, e.g. en,es.",
    )
    prerequisites = models.TextField(blank=True)
    entry_level = models.CharField(
        "education it asks for first",
        max_length=20,
        choices=EducationLevel.choices,
        blank=True,
        help_text="Only what the provider's page says a student must have before starting "
        "(the same source as the rest of the row); blank when it does not say. The guide "
        "and the search's “education you have now” filter leave the training out for "
        "someone who has less.",
    )
    next_start_date = models.DateField(null=True, blank=True)
    url = models.URLField("program page", max_length=500)
    description = models.TextField(blank=True)
    roles = models.ManyToManyField("careers.Role", related_name="trainings", blank=True)
    careers = models.ManyToManyField("careers.Career", related_name="trainings", blank=True)
    featured = models.BooleanField(default=False)
    # Title, provider name, credential and description, lower-cased: the portable search
    # reads it, and PostgreSQL's full-text index is built over it (see trainings/search.py).
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TrainingQuerySet.as_manager()

    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["title"]
        verbose_name = "training"
        verbose_name_plural = _("trainings")
        permissions = [("publish_training", "Can publish and unpublish trainings")]
        indexes = [
            models.Index(fields=["status", "featured"], name="training_status_featured_idx"),
            models.Index(fields=["kind"], name="training_kind_idx"),
            models.Index(fields=["delivery"], name="training_delivery_idx"),
            models.Index(fields=["schedule"], name="training_schedule_idx"),
            models.Index(fields=["cost_low"], name="training_cost_low_idx"),
            models.Index(fields=["is_free"], name="training_is_free_idx"),
            models.Index(fields=["length_weeks"], name="training_length_weeks_idx"),
            models.Index(fields=["next_start_date"], name="training_start_idx"),
            models.Index(fields=["languages"], name="training_languages_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(cost_low__isnull=True) | Q(cost_low__gte=0),
                name="training_cost_low_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(cost_high__isnull=True) | Q(cost_high__gte=0),
                name="training_cost_high_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(cost_low__isnull=True)
                | Q(cost_high__isnull=True)
                | Q(cost_low__lte=F("cost_high")),
                name="training_cost_low_not_above_high",
            ),
            models.CheckConstraint(
                condition=Q(is_free=False) | Q(cost_low__isnull=True) | Q(cost_low=0),
                name="training_free_costs_nothing",
            ),
            models.CheckConstraint(
                condition=Q(length_hours__isnull=True) | Q(length_hours__gt=0),
                name="training_length_hours_positive",
            ),
            models.CheckConstraint(
                condition=Q(length_weeks__isnull=True) | Q(length_weeks__gt=0),
                name="training_length_weeks_positive",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:  # added inline on its provider's page, where no slug is asked
            self.slug = unique_slug(self, self.title)
        self.languages = normalise_languages(self.languages)
        self.search_text = self.build_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "search_text" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "search_text"]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("trainings:training_detail", kwargs={"slug": self.slug})

    def clean(self):
        """The database constraints, said in plain words (the admin and CSV import show them)."""
        super().clean()
        errors = {}
        for field, label in (("cost_low", "lowest cost"), ("cost_high", "highest cost")):
            value = getattr(self, field)
            if value is not None and value < 0:
                errors[field] = f"The {label} cannot be negative."
        if (
            "cost_low" not in errors
            and "cost_high" not in errors
            and self.cost_low is not None
            and self.cost_high is not None
            and self.cost_low > self.cost_high
        ):
            errors["cost_high"] = (
                f"Cost low ({self.cost_low}) must be less than or equal to "
                f"cost high ({self.cost_high})."
            )
        if self.is_free and self.cost_low:
            errors["is_free"] = (
                "A free training costs nothing: leave the lowest cost blank or 0, "
                "or untick “free to the learner”."
            )
        for field in ("length_hours", "length_weeks"):
            if getattr(self, field) == 0:
                errors[field] = "Leave the length blank when it is not known; 0 is not a length."
        if errors:
            raise ValidationError(errors)

    def build_search_text(self):
        # The description in both languages (content/i18n.py): a search in Spanish or in
        # English finds it, whatever language the page is in.
        parts = [
            self.title,
            self.provider.name,
            self.credential,
            self.description_en if self.description_en is not None else self.description,
            self.description_es,
        ]
        return normalise(" ".join(part for part in parts if part))

    @property
    def language_names(self):
        return [str(LANGUAGE_NAMES[code]) for code in self.languages.split(",") if code]

    @property
    def is_in_person(self):
        return self.delivery in (self.Delivery.IN_PERSON, self.Delivery.HYBRID)

    @property
    def is_online(self):
        return self.delivery == self.Delivery.ONLINE

    # What the page shows for each fact: the provider's words, or NOT_STATED.
    @property
    def delivery_display(self):
        return self.get_delivery_display() or NOT_STATED

    @property
    def schedule_display(self):
        # The note is the provider's words, in English (marked so on Spanish pages).
        return quoted_english(self.schedule_note) or self.get_schedule_display() or NOT_STATED

    @property
    def credential_display(self):
        return self.credential or NOT_STATED

    @property
    def funding_display(self):
        return self.funding_notes or NOT_STATED

    @property
    def language_display(self):
        return ", ".join(self.language_names) or NOT_STATED

    @property
    def prerequisites_display(self):
        return self.prerequisites or NOT_STATED

    @property
    def entry_level_display(self):
        return self.get_entry_level_display() if self.entry_level else NOT_STATED

    @property
    def start_display(self):
        return human_date(self.next_start_date) or NOT_STATED

    @property
    def where_display(self):
        """Where it is taught: anywhere in New York when online, else the provider's place."""
        if self.is_online:
            return ONLINE_ANYWHERE
        provider = self.provider
        place = ", ".join(p for p in (provider.address, provider.city) if p)
        if place and provider.city:
            place = f"{place}, NY {provider.zip_code}".strip()
        return place or NOT_STATED

    @property
    def cost_display(self):
        if self.is_free:
            return gettext("Free")
        if self.cost_low is None:
            return NOT_STATED
        low = _money(self.cost_low)
        if self.cost_high is None or self.cost_high == self.cost_low:
            return low
        cost_range = pgettext("a training's cost, lowest to highest", "%(low)s to %(high)s")
        return cost_range % {"low": low, "high": _money(self.cost_high)}

    @property
    def length_display(self):
        parts = []
        if self.length_weeks:
            weeks = self.length_weeks
            parts.append(ngettext("%(n)d week", "%(n)d weeks", weeks) % {"n": weeks})
        if self.length_hours:
            hours = self.length_hours
            parts.append(ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours})
        if self.length_note:
            parts.append(quoted_english(self.length_note))  # the provider's words
        return mark_safe(", ".join(conditional_escape(part) for part in parts)) or NOT_STATED


class Match(models.Lookup):
    """`<column> MATCH <query>`: SQLite FTS5's full-text match (see TrainingTextIndex)."""

    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class TrainingTextIndex(models.Model):
    """
    SQLite only: the FTS5 trigram index over Training.search_text that migration 0006
    makes and its triggers keep in step (on PostgreSQL the table does not exist, and nothing
    reads this model there). A model, unmanaged, so that a search joins the index
    (`text_index__search_text__match`) instead of listing its matches in `id IN (...)`:
    SQLite then reads the matches from the index as it goes and stops where a LIMIT says,
    where the list holds every match first. Counting a common word's trainings up to 1,001
    at 100,000 trainings took 24 ms through the list and 5 ms through the join.
    """

    training = models.OneToOneField(
        Training,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        related_name="text_index",
    )
    search_text = models.TextField()

    class Meta:
        managed = False
        db_table = "trainings_training_fts"

    def __str__(self):
        return f"Text index of training {self.pk}"


# On this field only (not every TextField), and not part of the migrations' state.
TrainingTextIndex._meta.get_field("search_text").register_lookup(Match)


def _money(amount):
    if amount == amount.to_integral_value():
        return f"${amount:,.0f}"
    return f"${amount:,.2f}"


# The careers models a training links to, reached through its own fields: the trainings
# app never imports careers (see docs/architecture.md).
def role_model():
    return Training._meta.get_field("roles").related_model


def career_model():
    return Training._meta.get_field("careers").related_model
