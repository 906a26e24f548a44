"""Which BLS area a county or ZIP code belongs to; ZIP codes are checked before the ZIP table."""

import pytest

from places import geo
from wages.areas import ZipCodeError, area_for_county, area_for_zip, state_area
from wages.content import load_starting_wages

pytestmark = pytest.mark.django_db

# "12207" in full-width digits: str.isdigit() says True; the zipcodes library failed on it.
FULL_WIDTH = "\uff11\uff12\uff12\uff10\uff17"


@pytest.fixture
def loaded():
    load_starting_wages()


@pytest.mark.parametrize(
    ("zip_code", "area"),
    [
        ("10001", "New York-Newark-Jersey City, NY-NJ"),  # Manhattan
        ("12207", "Albany-Schenectady-Troy, NY"),  # Albany
        ("11201", "New York-Newark-Jersey City, NY-NJ"),  # Brooklyn
        ("14850", "Ithaca, NY"),  # Ithaca
        ("13601", "Watertown-Fort Drum, NY"),  # Watertown
        ("12601", "Kiryas Joel-Poughkeepsie-Newburgh, NY"),  # Poughkeepsie
    ],
)
def test_real_zip_codes(loaded, zip_code, area):
    assert area_for_zip(zip_code).name == area


def test_zip_outside_new_york_or_without_a_mapping_is_none(loaded):
    assert area_for_zip("90210") is None  # Beverly Hills, CA
    assert area_for_zip("12932") is None  # Elizabethtown, Essex County: nonmetro, not mapped
    assert area_for_zip("00000") is None
    assert area_for_zip(" 12207 ").code == "0010580"  # typed with spaces around it
    assert state_area().code == "3600000"


@pytest.mark.parametrize("bad", [FULL_WIDTH, "1220", "122077", "12 207", "12a07", "", None, 12207])
def test_malformed_zip_is_rejected_without_reading_the_zip_table(monkeypatch, bad):
    def fail(*args, **kwargs):
        raise AssertionError("the ZIP code table must not be read")

    monkeypatch.setattr(geo, "_zip_row", fail)
    with pytest.raises(ZipCodeError):
        area_for_zip(bad)


def test_area_for_county_accepts_the_usual_spellings(loaded):
    albany = area_for_county("Albany")
    assert albany.code == "0010580"
    assert area_for_county("Albany County") == albany
    assert area_for_county("  albany county ") == albany
    assert area_for_county("New York").code == "0035620"
    assert area_for_county("Hamilton") is None  # nonmetropolitan: no sourced mapping
    assert area_for_county("Nowhere") is None
    assert area_for_county("") is None
