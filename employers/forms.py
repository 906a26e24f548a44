"""
The employer search form: every query-string parameter of /employers/ is validated here
(?page= by content.pagination.paginate).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from content.forms import FragmentCachedBoundField, fixed_choices
from content.pagecache import cached_for_content
from employers.models import EmployerKind, role_model, work_setting_model
from places.forms import NOT_A_DISTANCE, DistanceSelect, ZipCodeField, within_miles
from places.geo import DEFAULT_MILES, RADIUS_CHOICES, zip_point
from places.regions import COUNTY_CHOICES, Region

# The distance was ?radius= here before it was ?miles= across the site; old links still work.
OLD_MILES_NAME = "radius"


def _any(label):
    return [("", label)]


class EmployerSearchForm(forms.Form):
    """Find employers by place (ZIP and distance, county, region), role, kind, setting, name."""

    bound_field_class = FragmentCachedBoundField  # choices rendered once, then reused

    zip = ZipCodeField(
        required=False,
        help_text=_("5 digits, for example 10001."),
        widget=forms.TextInput(attrs={"size": 6}),
    )
    miles = forms.TypedChoiceField(
        label=_("Distance from the ZIP code"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=fixed_choices((miles, within_miles(miles)) for miles in RADIUS_CHOICES),
        widget=DistanceSelect(default=str(DEFAULT_MILES)),
        initial=DEFAULT_MILES,
    )
    county = forms.ChoiceField(
        label=_("County"),
        required=False,
        choices=fixed_choices(_any(_("Any county")) + list(COUNTY_CHOICES)),
    )
    region = forms.ChoiceField(
        label=_("Region"),
        required=False,
        choices=fixed_choices(_any(_("Any region")) + list(Region.choices)),
    )
    role = forms.ChoiceField(label=_("Role"), required=False, choices=())
    kind = forms.ChoiceField(
        label=_("Kind of employer"),
        required=False,
        choices=fixed_choices(_any(_("Any kind")) + list(EmployerKind.choices)),
    )
    setting = forms.ChoiceField(label=_("Work setting"), required=False, choices=())
    q = forms.CharField(label=_("Employer name"), required=False, max_length=100)

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()
            if OLD_MILES_NAME in data and "miles" not in data:
                data.setlist("miles", data.getlist(OLD_MILES_NAME))
            # The list shows the distance the search uses, also when the link gave none.
            data.setdefault("miles", str(DEFAULT_MILES))
        super().__init__(data, *args, **kwargs)
        # The lists the visitor picks from are also what we validate against.
        roles, settings = cached_for_content("employers:role-and-setting-choices", _choices)
        self.fields["role"].choices = fixed_choices(_any(_("Any role")) + list(roles))
        self.fields["setting"].choices = fixed_choices(_any(_("Any setting")) + list(settings))
        for name, message in (
            ("miles", NOT_A_DISTANCE),
            ("county", _("Choose a New York county from the list.")),
            ("region", _("Choose a region from the list.")),
            ("role", _("We don't know that role. Choose one from the list.")),
            ("kind", _("We don't know that kind of employer. Choose one from the list.")),
            ("setting", _("We don't know that setting. Choose one from the list.")),
        ):
            self.fields[name].error_messages["invalid_choice"] = message
        self.point = None

    def clean_zip(self):
        zip_code = self.cleaned_data["zip"]
        self.point = zip_point(zip_code) if zip_code else None
        return zip_code

    def clean_q(self):
        return " ".join((self.cleaned_data.get("q") or "").split())

    def search_arguments(self):
        """Keyword arguments for Employer.objects.search() from the cleaned data."""
        data = self.cleaned_data
        return {
            "point": self.point,
            "miles": (data.get("miles") or DEFAULT_MILES) if self.point else None,
            "county": data.get("county", ""),
            "region": data.get("region", ""),
            "role": data.get("role", ""),
            "kind": data.get("kind", ""),
            "setting": data.get("setting", ""),
            "q": data.get("q", ""),
        }

    @property
    def has_criteria(self):
        args = self.search_arguments()
        return any(value for key, value in args.items() if key != "miles")


def _choices():
    """(roles, work settings) as choices: one query each, once per content version and
    language (content.pagecache.cached_for_content)."""
    roles = role_model().objects.published().order_by("name").values_list("slug", "name")
    settings = work_setting_model().objects.order_by("order", "name").values_list("slug", "name")
    return tuple(_unique(roles)), tuple(_unique(settings))


def _unique(pairs):
    """Choices without repeated values (a role slug may exist in two careers)."""
    seen, choices = set(), []
    for value, label in pairs:
        if value not in seen:
            seen.add(value)
            choices.append((value, label))
    return choices
