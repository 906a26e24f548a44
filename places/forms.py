"""The form field every "near a ZIP code" search shares."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from places.geo import ZIP_FORMAT_MESSAGE, validate_new_york_zip_code, validate_zip_code


class ZipCodeField(forms.CharField):
    """
    A 5-digit US ZIP code known to the `zipcodes` data, surrounding spaces dropped.
    `cleaned_data` holds the ZIP string ("" when left blank and not required); its center
    is `places.geo.zip_point(zip_code)`.
    """

    default_error_messages = {"required": ZIP_FORMAT_MESSAGE}
    default_validators = [validate_zip_code]

    def __init__(self, *, new_york_only=False, **kwargs):
        kwargs.setdefault("label", _("ZIP code"))
        super().__init__(**kwargs)
        if new_york_only:
            # The site covers New York State: a ZIP code elsewhere gets a message saying so
            # rather than a list of faraway results.
            self.validators.append(validate_new_york_zip_code)

    def widget_attrs(self, widget):
        # Room for "10001-1234", so the visitor sees our message rather than the browser
        # silently dropping digits; validate_zip_code decides what is a ZIP code.
        return {
            **super().widget_attrs(widget),
            "maxlength": "10",
            "inputmode": "numeric",
            "autocomplete": "postal-code",
        }


def _within_miles(miles):
    return ngettext("Within %(miles)d mile", "Within %(miles)d miles", miles) % {"miles": miles}


# A distance choice's label, "Within 25 miles", translated when the page renders it (every
# distance drop-down labels its RADIUS_CHOICES with it).
within_miles = lazy(_within_miles, str)

# What a distance drop-down says to a distance that is not one of its RADIUS_CHOICES.
NOT_A_DISTANCE = _("Choose a distance of 5, 10, 25 or 50 miles.")


class DistanceSelect(forms.Select):
    """A distance drop-down. A distance that is not one of its choices (the form says so
    with NOT_A_DISTANCE) shows `default`, the distance the search uses when none is given,
    not whatever option comes first: the drop-down said "Within 5 miles" beside the
    message, and sending the form again searched within 5."""

    def __init__(self, attrs=None, choices=(), *, default=""):
        super().__init__(attrs, choices)
        self.default = default

    def format_value(self, value):
        known = {str(choice) for choice, _label in self.choices}
        shown = [v for v in super().format_value(value) if v in known]
        return shown or [self.default]
