"""The system check refuses a consent cookie that would last more than 13 months."""

from consent.checks import THIRTEEN_MONTHS, check_consent_cookie_max_age


def test_default_lifetime_is_eleven_months_and_passes(settings):
    assert settings.CONSENT_COOKIE_MAX_AGE == 28927800  # 11 months of 365.25 / 12 days
    assert check_consent_cookie_max_age(None) == []


def test_more_than_thirteen_months_is_refused(settings):
    settings.CONSENT_COOKIE_MAX_AGE = THIRTEEN_MONTHS + 1
    errors = check_consent_cookie_max_age(None)
    assert [e.id for e in errors] == ["consent.E001"]


def test_exactly_thirteen_months_is_allowed(settings):
    settings.CONSENT_COOKIE_MAX_AGE = THIRTEEN_MONTHS
    assert check_consent_cookie_max_age(None) == []


def test_zero_or_negative_is_refused(settings):
    settings.CONSENT_COOKIE_MAX_AGE = 0
    assert [e.id for e in check_consent_cookie_max_age(None)] == ["consent.E002"]


def test_manage_check_fails_with_a_too_long_lifetime():
    from tests.config.test_settings import run_manage

    result = run_manage(
        "check", env_overrides={"DEBUG": "True", "CONSENT_COOKIE_MAX_AGE": "40000000"}
    )
    assert result.returncode != 0
    assert "consent.E001" in result.stderr
