"""ZIP codes: the one form field, and the checks that keep odd digits away from the ZIP table."""

import pytest
from django import forms

from places import geo
from places.forms import ZipCodeField

FULL_WIDTH = "\uff11\uff12\uff12\uff10\uff17"  # "12207" in full-width digits
ARABIC_INDIC = "\u0661\u0662\u0662\u0660\u0667"  # "12207" in Arabic-Indic digits
FORMAT = "Enter a 5-digit ZIP code, for example 10001."


class SearchForm(forms.Form):
    zip = ZipCodeField(required=False)


class RequiredForm(forms.Form):
    zip = ZipCodeField()


@pytest.mark.parametrize(("typed", "cleaned"), [("10001", "10001"), (" 10001 ", "10001")])
def test_a_real_zip_code_is_accepted_without_its_spaces(typed, cleaned):
    form = SearchForm({"zip": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["zip"] == cleaned
    assert geo.zip_point(form.cleaned_data["zip"]) == geo.zip_point("10001")


@pytest.mark.parametrize(
    "typed",
    ["1234", "123456", "abcde", "10001-1234", "1000 1", FULL_WIDTH, ARABIC_INDIC, "10001\x00"],
)
def test_anything_but_five_ascii_digits_gets_the_format_message(typed):
    form = SearchForm({"zip": typed})
    assert not form.is_valid()
    assert FORMAT in form.errors["zip"]


def test_an_unknown_zip_code_gets_its_own_message():
    form = SearchForm({"zip": "00000"})
    assert not form.is_valid()
    assert form.errors["zip"] == [
        "We don't know the ZIP code 00000. Check it, or search by county."
    ]


@pytest.mark.parametrize("typed", ["", "   "])
def test_blank_is_fine_when_optional_and_an_error_when_required(typed):
    optional = SearchForm({"zip": typed})
    assert optional.is_valid()
    assert optional.cleaned_data["zip"] == ""
    required = RequiredForm({"zip": typed})
    assert not required.is_valid()
    assert required.errors["zip"] == [FORMAT]


def test_the_input_asks_phones_for_digits_and_leaves_room_to_see_the_message():
    html = str(SearchForm()["zip"])
    assert 'inputmode="numeric"' in html
    assert 'autocomplete="postal-code"' in html
    assert 'maxlength="10"' in html


@pytest.fixture
def zip_table_must_not_be_read(monkeypatch):
    """Only 5 ASCII digits are looked up in the ZIP code table (the zipcodes package the
    site used before panicked on other digits, which killed the whole worker)."""

    def refuse(*args, **kwargs):
        raise AssertionError("the ZIP table was asked about a value that is not 5 ASCII digits")

    monkeypatch.setattr(geo, "_zip_row", refuse)
    geo.zip_record.cache_clear()
    yield
    geo.zip_record.cache_clear()


@pytest.mark.parametrize(
    "value", [FULL_WIDTH, ARABIC_INDIC, "1234", "123456", "10001\n1", "", None, 10001]
)
def test_zip_point_refuses_anything_but_five_ascii_digits_before_reading_the_table(
    zip_table_must_not_be_read, value
):
    assert not geo.is_zip(value)
    with pytest.raises(geo.ZipError, match="Enter a 5-digit ZIP code"):
        geo.zip_point(value)


def test_the_model_validator_gives_the_same_messages():
    geo.validate_zip_code("10001")
    with pytest.raises(forms.ValidationError) as bad:
        geo.validate_zip_code(FULL_WIDTH)
    assert bad.value.code == "invalid"
    with pytest.raises(forms.ValidationError) as unknown:
        geo.validate_zip_code("00000")
    assert unknown.value.code == "unknown"
