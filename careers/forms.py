"""Forms of the careers app: the job-title finder and the pay pages' ZIP code."""

from django import forms
from django.utils.translation import gettext_lazy as _

from careers.search import MAX_QUERY_LENGTH
from places.geo import is_zip

ZIP_MESSAGE = _("Enter a 5-digit ZIP code, for example 12207.")


class TitleSearchForm(forms.Form):
    """ "Saw a job title and not sure what it is?": one optional text field, validated."""

    q = forms.CharField(
        label=_("Job title"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        help_text=_("For example: care navigator, health home care manager, RN case manager."),
        error_messages={
            # MaxLengthValidator fills in %(limit_value)d (MAX_QUERY_LENGTH).
            "max_length": _(
                "That is longer than any job title we know. Please type a job title of "
                "%(limit_value)d characters or fewer."
            ),
            "null_characters_not_allowed": _("Please type the job title in plain letters."),
        },
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}
        ),
    )


class PayAreaForm(forms.Form):
    """
    "Your ZIP code" on the pay pages, and the plain ?area=<BLS code> links: both optional,
    both validated; a ZIP code must be exactly five ASCII digits (full-width digits too are
    refused, before any lookup).
    """

    zip = forms.CharField(
        label=_("Your ZIP code"),
        required=False,
        strip=True,
        help_text=_(
            "Five digits, for example 12207. We show the pay in the area that contains it."
        ),
        error_messages={"null_characters_not_allowed": ZIP_MESSAGE},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": "7"}
        ),
    )
    area = forms.CharField(required=False, strip=True, widget=forms.HiddenInput)

    def __init__(self, *args, area_codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.area_codes = set(area_codes)

    def clean_zip(self):
        value = self.cleaned_data["zip"]
        if value and not is_zip(value):
            raise forms.ValidationError(ZIP_MESSAGE, code="invalid")
        return value

    def clean_area(self):
        value = self.cleaned_data["area"]
        if value and value not in self.area_codes:
            raise forms.ValidationError(
                _("We have no figures for that area. Choose one of the areas listed below."),
                code="unknown_area",
            )
        return value
