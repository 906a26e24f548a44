"""
Pay statistics from the Bureau of Labor Statistics' Occupational Employment and Wage
Statistics (OEWS): New York State, its metropolitan and nonmetropolitan areas, and which
area each New York county belongs to.

Every figure is copied from BLS's published data. Where BLS publishes no number for a
figure (a footnote such as "estimate not released" or "equal to or greater than $115.00
per hour"), the figure is stored as empty with a flag saying why, never as a number.
"""

import re
from decimal import Decimal

from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

TABLES_URL = "https://www.bls.gov/oes/tables.htm"
# BLS's own OEWS page for New York State: the table the state figures are read from.
STATE_TABLE_URL = "https://www.bls.gov/oes/current/oes_ny.htm"

# The percentile figures, in order, and what BLS calls them.
PERCENTILES = [
    ("p10", _("10th percentile")),
    ("p25", _("25th percentile")),
    ("median", _("Median")),
    ("p75", _("75th percentile")),
    ("p90", _("90th percentile")),
]
UNITS = ("hourly", "annual")
# Every figure of a Wage row that can carry a flag.
FIGURE_FIELDS = [
    "employment",
    "hourly_mean",
    "annual_mean",
    *(f"{unit}_{key}" for unit in UNITS for key, _label in PERCENTILES),
]


def normalise_soc(code):
    """'21-1094', '211094' or ' 21-1094 ' -> '21-1094'; ValueError for anything else."""
    digits = str(code or "").strip().replace("-", "")
    if len(digits) != 6 or not (digits.isascii() and digits.isdigit()):
        raise ValueError(f"{code!r} is not a 6-digit SOC code such as 21-1094.")
    return f"{digits[:2]}-{digits[2:]}"


class Flag(models.TextChoices):
    """Why BLS published no number for a figure (from the BLS footnote on that figure)."""

    TOP_CODED = "top_coded", "Equal to or greater than the highest wage BLS publishes"
    NOT_RELEASED = "not_released", "Estimate not released"
    PAY_BASIS = "pay_basis", "Not published: BLS reports this pay only on another basis"
    OTHER = "other", "Not published (see the BLS footnote)"


# BLS footnote codes (table `footnote` of the OEWS data) -> flag.
FLAG_BY_FOOTNOTE = {"5": Flag.TOP_CODED, "8": Flag.NOT_RELEASED, "4": Flag.PAY_BASIS}
FOOTNOTE_BY_FLAG = {flag: code for code, flag in FLAG_BY_FOOTNOTE.items()}


class Area(models.Model):
    """A place BLS publishes OEWS figures for: New York State, a metro or a nonmetro area."""

    class Kind(models.TextChoices):
        STATE = "state", "State"
        METROPOLITAN = "metropolitan", "Metropolitan area"
        NONMETROPOLITAN = "nonmetropolitan", "Nonmetropolitan area"

    code = models.CharField(
        "BLS area code",
        max_length=7,
        help_text="OEWS area code, e.g. 3600000 (New York State) or 0035620 (New York metro).",
    )
    name = models.CharField(max_length=200, help_text="The area's name as BLS publishes it.")
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = "BLS area"
        constraints = [
            models.UniqueConstraint(fields=["code"], name="wages_area_unique_code"),
        ]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        """The name for people: BLS calls the state area just "New York".

        Metro and nonmetro names stay as BLS publishes them, in every language (they are
        the names the BLS tables use); the state is "New York State" in the reader's.
        """
        if self.kind != self.Kind.STATE:
            return self.name
        if self.name == "New York":
            return pgettext("BLS area", "New York State")
        return gettext("%(name)s State") % {"name": self.name}

    @property
    def name_in_sentence(self):
        """display_name inside a sentence ("Pay in New York State"): Spanish needs an article
        there ("Salario en el estado de Nueva York") that a label or table row has not."""
        if self.kind == self.Kind.STATE and self.name == "New York":
            return pgettext("BLS area, inside a sentence", "New York State")
        return self.display_name


class FootnoteQuerySet(models.QuerySet):
    def top_codes(self, releases):
        """{release: (hourly, annual)} lower bounds of BLS's top-code footnote, in one query."""
        notes = self.filter(release__in=set(releases), code=FOOTNOTE_BY_FLAG[Flag.TOP_CODED])
        return {note.release: note.thresholds() for note in notes}


def top_code_thresholds(text):
    """(hourly, annual) Decimals from the top-code footnote's text, or None."""
    amounts = re.findall(r"\$([\d,]+(?:\.\d+)?)", text or "")
    if len(amounts) != 2:
        return None
    hourly, annual = (Decimal(a.replace(",", "")) for a in amounts)
    return hourly, annual


def top_codes_of(wages):
    """{release: thresholds} from rows read `with_top_code()`: no query of its own."""
    return {w.release: top_code_thresholds(w.top_code_note) for w in wages if w.top_code_note}


class Footnote(models.Model):
    """A BLS footnote of one release, e.g. 5: 'This wage is equal to or greater than ...'."""

    release = models.CharField(max_length=20, help_text='e.g. "May 2025"')
    code = models.CharField(max_length=4)
    text = models.TextField()

    objects = FootnoteQuerySet.as_manager()

    class Meta:
        ordering = ["release", "code"]
        verbose_name = "BLS footnote"
        constraints = [
            models.UniqueConstraint(
                fields=["release", "code"], name="wages_footnote_unique_per_release"
            ),
        ]

    def __str__(self):
        return f"{self.release} footnote {self.code}"

    def thresholds(self):
        """For the top-code footnote: (hourly, annual) lower bounds as Decimals, or None."""
        return top_code_thresholds(self.text)


class WageQuerySet(models.QuerySet):
    def for_soc(self, *codes):
        """Rows for these SOC codes ('21-1094' or '211094'), with their area."""
        wanted = [normalise_soc(code) for code in codes]
        return self.filter(soc_code__in=wanted).select_related("area")

    def with_top_code(self):
        """
        Each row with `top_code_note`, the text of its release's top-code footnote ("equal to
        or greater than $115.00 per hour ..."), read in the same query: see top_codes_of().
        """
        note = Footnote.objects.filter(
            release=OuterRef("release"), code=FOOTNOTE_BY_FLAG[Flag.TOP_CODED]
        ).values("text")[:1]
        return self.annotate(top_code_note=Subquery(note))

    def for_area(self, area):
        return self.filter(area=area)

    def release(self, release):
        return self.filter(release=release)

    def latest_release(self):
        """The name of the newest release held ('May 2025'), or None."""
        releases = self.order_by().values_list("release", flat=True).distinct()
        return max(releases, key=_release_sort_key, default=None)


def newest_release_only(wages):
    """The rows of the newest release among `wages` (a page shows one release at a time)."""
    wages = list(wages)
    newest = max((w.release for w in wages), key=_release_sort_key, default=None)
    return [w for w in wages if w.release == newest]


def _release_sort_key(release):
    month, _, year = (release or "").partition(" ")
    return (year, month)


def _money_field(verbose_name):
    return models.DecimalField(verbose_name, max_digits=10, decimal_places=2, null=True, blank=True)


class Wage(models.Model):
    """BLS OEWS pay figures for one occupation (SOC code) in one area, for one release."""

    soc_code = models.CharField("SOC code", max_length=7, help_text="e.g. 21-1094")
    soc_title = models.CharField("SOC title", max_length=200)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="wages")
    release = models.CharField(max_length=20, help_text='BLS release, e.g. "May 2025".')
    employment = models.PositiveIntegerField(
        null=True, blank=True, help_text="Jobs in this occupation and area (BLS estimate)."
    )
    hourly_mean = _money_field("hourly mean wage")
    annual_mean = _money_field("annual mean wage")
    hourly_p10 = _money_field("hourly 10th percentile wage")
    hourly_p25 = _money_field("hourly 25th percentile wage")
    hourly_median = _money_field("hourly median wage")
    hourly_p75 = _money_field("hourly 75th percentile wage")
    hourly_p90 = _money_field("hourly 90th percentile wage")
    annual_p10 = _money_field("annual 10th percentile wage")
    annual_p25 = _money_field("annual 25th percentile wage")
    annual_median = _money_field("annual median wage")
    annual_p75 = _money_field("annual 75th percentile wage")
    annual_p90 = _money_field("annual 90th percentile wage")
    flags = models.JSONField(
        default=dict,
        blank=True,
        help_text='Why a figure has no number, by field: {"hourly_p90": "top_coded"}.',
    )
    source_url = models.URLField(max_length=500, default=TABLES_URL)

    objects = WageQuerySet.as_manager()

    class Meta:
        ordering = ["soc_code", "area__kind", "area__name"]
        verbose_name = "wage statistic"
        verbose_name_plural = _("wage statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["soc_code", "area", "release"], name="wages_wage_unique_soc_area_release"
            ),
        ]

    def __str__(self):
        return f"{self.soc_code} {self.soc_title}, {self.area}, {self.release}"

    def flag(self, field):
        """The Flag of a figure that has no number, or None."""
        value = (self.flags or {}).get(field)
        return Flag(value) if value in Flag.values else (Flag.OTHER if value else None)

    def percentiles(self, unit):
        """[(key, label, value, flag)] for the five percentiles in 'hourly' or 'annual'."""
        if unit not in UNITS:
            raise ValueError(f"unit must be one of {UNITS}, not {unit!r}")
        return [
            (key, label, getattr(self, f"{unit}_{key}"), self.flag(f"{unit}_{key}"))
            for key, label in PERCENTILES
        ]


class CountyArea(models.Model):
    """Which BLS area a New York county belongs to, with the public page that says so."""

    county = models.CharField(
        max_length=50, help_text='County name without "County", as in places.regions.'
    )
    fips = models.CharField("county FIPS code", max_length=5, help_text="e.g. 36001")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="counties")
    source_name = models.CharField(max_length=300)
    source_url = models.URLField(max_length=500)

    class Meta:
        ordering = ["county"]
        verbose_name = "county's BLS area"
        verbose_name_plural = _("counties' BLS areas")
        constraints = [
            models.UniqueConstraint(fields=["county"], name="wages_countyarea_unique_county"),
            models.UniqueConstraint(fields=["fips"], name="wages_countyarea_unique_fips"),
        ]

    def __str__(self):
        return f"{self.county} County: {self.area}"
