"""Forms of the trainings pages (the filter form is a FilterSet in filters.py)."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from content.forms import FragmentCachedBoundField, TickBoxes
from places.forms import NOT_A_DISTANCE, DistanceSelect, ZipCodeField, within_miles
from places.geo import RADIUS_CHOICES, zip_point
from trainings.levels import HAVE_LEVELS
from trainings.models import Training

MAX_COMPARE = 3
IDENTIFIER_RE = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")


class IdentifierListField(forms.Field):
    """Several values of one GET parameter (?ids=1&ids=chw-certificate), ids or slugs."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(v).strip() for v in values if str(v).strip()]

    def validate(self, value):
        super().validate(value)
        bad = [v for v in value if not IDENTIFIER_RE.match(v)]
        if bad:
            raise ValidationError(
                _("These are not training numbers or names we recognize: %(bad)s."),
                params={"bad": ", ".join(v[:40] for v in bad[:3])},
            )
        if len(dict.fromkeys(value)) > MAX_COMPARE:
            raise ValidationError(
                _(
                    "You can compare up to %(max)d trainings at a time; you chose %(count)d. "
                    "Go back and untick some."
                ),
                params={"max": MAX_COMPARE, "count": len(dict.fromkeys(value))},
            )


class CompareForm(forms.Form):
    ids = IdentifierListField(required=False, label=_("Trainings to compare"))

    def clean_ids(self):
        return list(dict.fromkeys(self.cleaned_data["ids"]))


BUDGET_CHOICES = [
    ("", _("Any cost")),
    ("0", _("Free only")),
    ("500", _("Up to $500")),
    ("2000", _("Up to $2,000")),
    ("5000", _("Up to $5,000")),
    ("20000", _("Up to $20,000")),
]


class GuideForm(forms.Form):
    """ "Not sure what training program is best for you?": a few questions, one GET form."""

    bound_field_class = FragmentCachedBoundField  # choices rendered once, then reused

    have = forms.MultipleChoiceField(
        label=_("What education and licenses do you have now?"),
        choices=HAVE_LEVELS,
        widget=TickBoxes,
        help_text=_("Tick the highest schooling you have finished and every license you hold."),
        error_messages={
            "required": _("Tick the education or licenses you have now."),
            "invalid_choice": _("Choose one of the answers in the list."),
        },
    )
    want = forms.ChoiceField(
        label=_("Which role would you like?"),
        required=False,
        choices=[],
        help_text=_("Leave it as “Not sure yet” and we will suggest roles that fit."),
    )
    delivery = forms.ChoiceField(
        label=_("How can you study?"),
        required=False,
        choices=[("", _("Any way")), *Training.Delivery.choices],
    )
    schedule = forms.ChoiceField(
        label=_("When can you study?"),
        required=False,
        choices=[("", _("Any time")), *Training.Schedule.choices],
    )
    budget = forms.TypedChoiceField(
        label=_("What can you spend?"),
        required=False,
        choices=BUDGET_CHOICES,
        coerce=int,
        empty_value=None,
    )
    zip = ZipCodeField(
        label=_("Your ZIP code (optional)"),
        required=False,
        new_york_only=True,
        help_text=_(
            "A New York ZIP code, for trainings taught near you. Online trainings are "
            "always included."
        ),
    )
    miles = forms.TypedChoiceField(
        label=_("How far can you travel?"),
        required=False,
        # Each distance once; "Not sure" is no answer, and the search then looks within 25
        # (said in the hint: in the choice it did not fit a 320 px screen).
        choices=[("", _("Not sure"))] + [(str(m), within_miles(m)) for m in RADIUS_CHOICES],
        widget=DistanceSelect,  # "Not sure", the blank choice
        coerce=int,
        empty_value=None,
        help_text=_("If you are not sure, we look within 25 miles."),
        error_messages={"invalid_choice": NOT_A_DISTANCE},
    )

    def __init__(self, *args, role_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["want"].choices = [("", _("Not sure yet")), *role_choices]
        self.point = None

    def clean_zip(self):
        zip_code = self.cleaned_data["zip"]
        self.point = zip_point(zip_code) if zip_code else None
        return zip_code
