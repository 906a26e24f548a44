"""System checks: the consent cookie may not outlive what regulators accept (13 months)."""

from django.conf import settings
from django.core.checks import Error, register

THIRTEEN_MONTHS = int(365.25 * 86400 * 13 / 12)  # 34,187,400 seconds


@register()
def check_consent_cookie_max_age(app_configs, **kwargs):
    max_age = getattr(settings, "CONSENT_COOKIE_MAX_AGE", None)
    if not isinstance(max_age, int) or max_age <= 0:
        return [
            Error(
                "CONSENT_COOKIE_MAX_AGE must be a positive number of seconds.",
                hint="The default, 28927800, is 11 months.",
                id="consent.E002",
            )
        ]
    if max_age > THIRTEEN_MONTHS:
        return [
            Error(
                f"CONSENT_COOKIE_MAX_AGE is {max_age} seconds, more than 13 months "
                f"({THIRTEEN_MONTHS} seconds): a consent choice must be asked for again "
                "within 13 months.",
                hint="Leave it unset for 11 months (28927800 seconds).",
                id="consent.E001",
            )
        ]
    return []
