"""
The search-and-filter form of /trainings/ as a django-filter FilterSet: every GET
parameter is validated here (unknown choices, negative or huge numbers, unknown ZIP codes
and over-long searches become form errors, never exceptions).
"""

from functools import cached_property

import django_filters
from django import forms
from django.db.models import Case, DecimalField, Exists, F, OuterRef, Q, Value, When
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from content.forms import FragmentCachedBoundField, TickBoxes, fixed_choices
from content.pagecache import cached_for_content
from places.forms import NOT_A_DISTANCE, DistanceSelect, ZipCodeField, within_miles
from places.geo import DEFAULT_MILES, RADIUS_CHOICES, zip_point
from places.regions import COUNTY_CHOICES, Region
from trainings.levels import HAVE_LEVELS, levels_met
from trainings.models import (
    BY_DISTANCE,
    Language,
    Training,
    career_model,
    nearest_providers,
    role_model,
)
from trainings.search import MAX_QUERY_LENGTH

MAX_COST = 1_000_000
MAX_WEEKS = 520
# Each distance once, in order; the default is the blank value.
MILES_CHOICES = [
    ("" if miles == DEFAULT_MILES else str(miles), within_miles(miles)) for miles in RADIUS_CHOICES
]
NEAREST_SHOWN = 3


# The order of the results. The blank choice is the usual one: nearest first near a ZIP
# code (as the employers search), else the best match. So the choices differ with a ZIP
# code (TrainingFilterForm): "best match" is then a choice of its own, and "distance" the
# blank one.
BEST_MATCH = _("Best match")
NEAREST_FIRST_LABEL = _("Nearest first")
SORT_CHOICES = [
    ("start", _("Next start date")),
    ("cost", _("Lowest cost")),
]
SORT_WITHOUT_ZIP = fixed_choices([*SORT_CHOICES, ("distance", _("Distance (needs a ZIP code)"))])
SORT_NEAR_ZIP = fixed_choices([("match", BEST_MATCH), *SORT_CHOICES])


def role_and_career_choices():
    """Career and role choices (slugs as values): published careers, and their published
    roles grouped by career. Read once per content version and language."""
    return cached_for_content("trainings:career-and-role-choices", _role_and_career_choices)


def _role_and_career_choices():
    careers = career_model().objects.published().only("slug", "title").order_by("order", "title")
    career_choices = [(career.slug, career.title) for career in careers]
    roles = (
        role_model()
        .objects.published()
        .select_related("career")
        .only("slug", "name", "career__slug", "career__title", "career__order")
        .order_by("career__order", "career__title", "order", "name")
    )
    grouped = {}
    for role in roles:
        grouped.setdefault(role.career.title, {})[role.slug] = role.name
    # Tuples: the same choices serve every request of this content version.
    role_choices = tuple((title, tuple(items.items())) for title, items in grouped.items())
    return tuple(career_choices), role_choices


class TrainingFilterForm(forms.Form):
    bound_field_class = FragmentCachedBoundField  # choices rendered once, then reused
    point = None  # the center of the ZIP code searched near

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sort = self.fields["sort"]
        if has_zip(self.data):
            sort.empty_label, sort.choices = NEAREST_FIRST_LABEL, SORT_NEAR_ZIP
            sort.fragment_variant = "near"  # cached apart from the choices without a ZIP code

    def clean_zip(self):
        zip_code = self.cleaned_data["zip"]
        self.point = zip_point(zip_code) if zip_code else None
        return zip_code


def has_zip(data):
    """Whether these GET parameters name a ZIP code (valid or not: the form says)."""
    return bool((data.get("zip") or "").strip())


class ZipCodeFilter(django_filters.CharFilter):
    field_class = ZipCodeField


def _blank_defaults(data):
    """`data` with a choice that names the default written as the blank choice, so that a
    link naming it still works: ?miles=25 (the guide and the employers search write it),
    ?sort=distance near a ZIP code and ?sort=match without one (a link that removes the
    ZIP code keeps the order)."""
    blank = {"miles": str(DEFAULT_MILES), "sort": "distance" if has_zip(data) else "match"}
    named = [name for name, default in blank.items() if data.get(name) == default]
    if not named:
        return data
    data = data.copy()
    for name in named:
        data[name] = ""
    return data


def _exists_role(slugs):
    through = Training.roles.through
    return Exists(through.objects.filter(training_id=OuterRef("pk"), role__slug__in=slugs))


def _exists_career(slug):
    careers = Training.careers.through.objects.filter(training_id=OuterRef("pk"), career__slug=slug)
    roles = Training.roles.through.objects.filter(
        training_id=OuterRef("pk"), role__career__slug=slug
    )
    return Exists(careers) | Exists(roles)


class TrainingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_q",
        max_length=MAX_QUERY_LENGTH,
        help_text=_("Words in the title, provider, credential or description."),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of training"),
        choices=fixed_choices(Training.Kind.choices),
        empty_label=_("Any kind"),
    )
    delivery = django_filters.ChoiceFilter(
        label=_("How it is taught"),
        choices=fixed_choices(Training.Delivery.choices),
        empty_label=_("Any way"),
        help_text=_("Trainings whose provider does not say are left out."),
    )
    schedule = django_filters.ChoiceFilter(
        label=_("Schedule"),
        choices=fixed_choices(Training.Schedule.choices),
        empty_label=_("Any schedule"),
        help_text=_("Trainings whose provider does not say are left out."),
    )
    career = django_filters.ChoiceFilter(
        label=_("Career"), method="filter_career", choices=[], empty_label=_("Any career")
    )
    # Several roles may be ticked (the guide links here with every role that fits);
    # /trainings/?role=<slug> is the one-role link a role's page uses.
    role = django_filters.MultipleChoiceFilter(
        label=_("Role it prepares you for"),
        method="filter_role",
        choices=[],
        widget=TickBoxes,
        help_text=_("Tick none for any role."),
    )
    max_cost = django_filters.NumberFilter(
        label=_("Maximum cost (US dollars)"),
        method="filter_max_cost",
        min_value=0,
        max_value=MAX_COST,
        decimal_places=2,
        help_text=_("Trainings whose cost is not published are left out."),
    )
    free = django_filters.BooleanFilter(
        label=_("Free trainings only"), method="filter_free", widget=forms.CheckboxInput
    )
    max_weeks = django_filters.NumberFilter(
        label=_("Maximum length (weeks)"),
        method="filter_max_weeks",
        min_value=1,
        max_value=MAX_WEEKS,
        decimal_places=0,
        help_text=_("Trainings whose length is not published are left out."),
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"),
        field_name="provider__region",
        choices=fixed_choices(Region.choices),
        empty_label=_("Any region"),
    )
    county = django_filters.ChoiceFilter(
        label=_("County"),
        field_name="provider__county",
        choices=fixed_choices(COUNTY_CHOICES),
        empty_label=_("Any county"),
    )
    # The guide's first question, as a filter: its trainings are this search's first results.
    # Tick boxes, not a menu: a nurse with a bachelor's degree has both, and the answers'
    # words fit a 320 px screen only when they can wrap.
    have = django_filters.MultipleChoiceFilter(
        label=_("Education and licenses you have now"),
        method="filter_have",
        choices=fixed_choices(HAVE_LEVELS),
        widget=TickBoxes,
        error_messages={"invalid_choice": _("Choose one of the answers in the list.")},
        help_text=_(
            "Leaves out trainings whose provider asks for more schooling or a license first. "
            "Trainings that do not say what they ask for are kept. Tick none to see every "
            "training."
        ),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language of instruction"),
        method="filter_language",
        choices=fixed_choices(Language.choices),
        empty_label=_("Any language"),
    )
    zip = ZipCodeFilter(
        label=_("ZIP code"),
        method="filter_nothing",
        new_york_only=True,
        help_text=_(
            "A New York ZIP code: trainings taught near it, nearest first, then online "
            "trainings, which you can take anywhere in New York."
        ),
    )
    miles = django_filters.TypedChoiceFilter(
        label=_("Distance"),
        method="filter_nothing",
        choices=fixed_choices(MILES_CHOICES),
        widget=DistanceSelect,  # the blank choice is the default distance
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": NOT_A_DISTANCE},
    )
    hide_online = django_filters.BooleanFilter(
        label=_("Hide online trainings"), method="filter_hide_online", widget=forms.CheckboxInput
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        method="filter_nothing",
        choices=SORT_WITHOUT_ZIP,
        empty_label=BEST_MATCH,
    )

    class Meta:
        model = Training
        fields = []
        form = TrainingFilterForm

    def __init__(self, data=None, *args, choices=None, **kwargs):
        """`choices`: (career choices, role choices) when the caller has them already."""
        if data is not None:
            data = _blank_defaults(data)
        super().__init__(data, *args, **kwargs)
        # The search page's choices are the same for every request of a content version
        # and language, and so is its form class (get_form_class); the guide's are its own.
        self.shared_form_class = choices is None
        career_choices, role_choices = choices or role_and_career_choices()
        self.filters["career"].extra["choices"] = fixed_choices(career_choices)
        self.filters["role"].extra["choices"] = fixed_choices(role_choices)
        self.notices = []

    def get_form_class(self):
        """The form class of these filters: for the search page, built once per content
        version and language (each form still gets its own copy of the fields), where
        django-filter builds a field per filter and a class on every request."""
        if not self.shared_form_class:
            return super().get_form_class()
        return cached_for_content("trainings:filter-form-class", super().get_form_class)

    # Whether filter_q lists the trainings that hold the words from the text index (see
    # trainings/search.py); matching_near_first turns it off.
    text_index = True

    # Filters that need more than a field lookup.
    def filter_nothing(self, queryset, name, value):
        return queryset  # applied together in filter_queryset

    def filter_q(self, queryset, name, value):
        return queryset.search(value, text_index=self.text_index) if value.strip() else queryset

    def filter_career(self, queryset, name, value):
        return queryset.filter(_exists_career(value))

    def filter_role(self, queryset, name, value):
        return queryset.filter(_exists_role(value)) if value else queryset

    def filter_have(self, queryset, name, value):
        return queryset.filter(entry_level__in=["", *levels_met(value)])

    def filter_hide_online(self, queryset, name, value):
        return queryset.exclude(delivery=Training.Delivery.ONLINE) if value else queryset

    def filter_max_cost(self, queryset, name, value):
        return queryset.filter(Q(is_free=True) | Q(cost_low__lte=value))

    def filter_free(self, queryset, name, value):
        return queryset.filter(is_free=True) if value else queryset

    def filter_max_weeks(self, queryset, name, value):
        return queryset.filter(length_weeks__lte=value)

    def filter_language(self, queryset, name, value):
        return queryset.filter(languages__contains=value)

    @property
    def radius(self):
        return self.form.cleaned_data.get("miles") or DEFAULT_MILES

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        # Every filter but the distance: where the nearest trainings come from when none is
        # within the distance.
        self.unbounded_qs = queryset
        data = self.form.cleaned_data
        point = self.form.point
        if point is not None:
            queryset = queryset.near(point, self.radius)
        searched = bool((data.get("q") or "").strip())
        ordering = self.ordering(data, searched=searched, has_point=bool(point))
        if point is not None:
            ordering = ["online_last", *ordering]  # online trainings after the ones near
        return queryset.order_by(*ordering)

    @property
    def nearest_first(self):
        """Whether the results are nearest first: near a ZIP code, unless another order is
        chosen (a ?sort=distance near one reads as the blank choice, see _blank_defaults)."""
        data = getattr(self.form, "cleaned_data", {})
        return self.form.point is not None and not data.get("sort")

    @cached_property
    def matching_near_first(self):
        """The trainings every filter but the distance keeps, the words compared with the
        text of each training instead of read from the text index: for queries that read
        the trainings of a few providers, not every training that holds the words. Built
        once, for first_ids() and nearest_beyond_reach()."""
        self.text_index = False
        try:
            return super().filter_queryset(self.queryset)
        finally:
            self.text_index = True

    def first_ids(self, top):
        """The ids of the first `top` results when they are nearest first and the providers
        nearest the ZIP code settle them (TrainingQuerySet.nearest_first_ids), else None:
        content.pagination then sorts every match."""
        if not self.nearest_first:
            return None
        return self.matching_near_first.nearest_first_ids(
            self.form.point, self.radius, top, providers=self.providers_near
        )

    @cached_property
    def providers_near(self):
        """The providers nearest the ZIP code (trainings.models.nearest_providers), read once
        for first_ids() and nearest_beyond_reach()."""
        return nearest_providers(self.form.point)

    def page_rows(self, ids):
        """The trainings of a page of results, by id (content.pagination reads the ids with
        the count, then these): what their cards show, and near a ZIP code their distance
        and `online_last`, computed for this page's rows only."""
        rows = self.queryset.filter(pk__in=ids)
        point = self.form.point
        return rows.with_distance(point) if point is not None else rows

    def nearest_beyond_reach(self, first_rows=None):
        """With a ZIP code and nothing taught within the distance: the trainings taught
        nearest to it, with their distance, that match every other filter; else [].

        `first_rows`: the first results of this search, in order, when the caller has read
        them (page 1 of the list, the guide's trainings). The trainings taught within the
        distance sort before the online ones, so those rows already answer whether there are
        any, without a query of its own."""
        if self.form.point is None:
            return []
        if first_rows is not None:
            within = any(training.online_last == 0 for training in first_rows)
        else:
            within = self.qs.filter(online_last=0).exists()
        if within:
            return []
        return self.matching_near_first.nearest(
            self.form.point,
            NEAREST_SHOWN,
            further=self.unbounded_qs,
            providers=self.providers_near,
        )

    def ordering(self, data, *, searched, has_point):
        sort = data.get("sort") or ""
        if sort == "distance" and not has_point:
            self.notices.append(
                gettext("Sorting by distance needs a ZIP code, so the best match is first.")
            )
            sort = ""
        if sort == "start":
            return [F("next_start_date").asc(nulls_last=True), "title", "pk"]
        if sort == "cost":
            effective_cost = Case(
                When(is_free=True, then=Value(0)),
                default=F("cost_low"),
                output_field=DecimalField(max_digits=9, decimal_places=2),
            )
            return [effective_cost.asc(nulls_last=True), "title", "pk"]
        if self.nearest_first:
            return list(BY_DISTANCE)
        if searched:
            return ["-search_rank", "-featured", "title", "pk"]
        return ["-featured", "title", "pk"]
