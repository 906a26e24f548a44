"""The employer search form: every query-string parameter of /employers/ is validated here."""

from django import forms

from employers.models import EmployerKind, role_model, work_setting_model
from places.geo import RADIUS_CHOICES, ZipError, zip_point
from places.regions import COUNTY_CHOICES, Region

DEFAULT_RADIUS = 25
MAX_PAGE = 100_000


def _any(label):
    return [("", label)]


class EmployerSearchForm(forms.Form):
    """Find employers by place (ZIP and distance, county, region), role, kind, setting, name."""

    zip = forms.CharField(
        label="ZIP code",
        required=False,
        max_length=10,
        help_text="5 digits, for example 10001.",
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": 6}
        ),
    )
    radius = forms.TypedChoiceField(
        label="Distance from the ZIP code",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[(miles, f"Within {miles} miles") for miles in RADIUS_CHOICES],
        initial=DEFAULT_RADIUS,
    )
    county = forms.ChoiceField(label="County", required=False, choices=())
    region = forms.ChoiceField(
        label="Region", required=False, choices=_any("Any region") + list(Region.choices)
    )
    role = forms.ChoiceField(label="Role", required=False, choices=())
    kind = forms.ChoiceField(
        label="Kind of employer",
        required=False,
        choices=_any("Any kind") + list(EmployerKind.choices),
    )
    setting = forms.ChoiceField(label="Work setting", required=False, choices=())
    q = forms.CharField(label="Employer name", required=False, max_length=100)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    error_messages = {
        "page": "There is no page like that. Pages are numbered 1, 2, 3 ...",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["county"].choices = _any("Any county") + list(COUNTY_CHOICES)
        # One query each: the lists the visitor picks from are also what we validate against.
        roles = role_model().objects.published().order_by("name").values_list("slug", "name")
        self.fields["role"].choices = _any("Any role") + _unique(roles)
        settings = (
            work_setting_model().objects.order_by("order", "name").values_list("slug", "name")
        )
        self.fields["setting"].choices = _any("Any setting") + _unique(settings)
        self.fields["page"].error_messages.update(
            invalid=self.error_messages["page"],
            min_value=self.error_messages["page"],
            max_value=self.error_messages["page"],
        )
        self.fields["radius"].error_messages["invalid_choice"] = (
            "Choose a distance of 5, 10, 25 or 50 miles."
        )
        self.fields["county"].error_messages["invalid_choice"] = (
            "Choose a New York county from the list."
        )
        self.fields["region"].error_messages["invalid_choice"] = "Choose a region from the list."
        for name, noun in (("role", "role"), ("kind", "kind of employer"), ("setting", "setting")):
            self.fields[name].error_messages["invalid_choice"] = (
                f"We don't know that {noun}. Choose one from the list."
            )
        self.point = None

    def clean_zip(self):
        value = (self.cleaned_data.get("zip") or "").strip()
        if not value:
            return ""
        try:
            self.point = zip_point(value)
        except ZipError as error:
            raise forms.ValidationError(str(error)) from None
        return value

    def clean_q(self):
        return " ".join((self.cleaned_data.get("q") or "").split())

    def search_arguments(self):
        """Keyword arguments for Employer.objects.search() from the cleaned data."""
        data = self.cleaned_data
        return {
            "point": self.point,
            "miles": (data.get("radius") or DEFAULT_RADIUS) if self.point else None,
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


def _unique(pairs):
    """Choices without repeated values (a role slug may exist in two careers)."""
    seen, choices = set(), []
    for value, label in pairs:
        if value not in seen:
            seen.add(value)
            choices.append((value, label))
    return choices
