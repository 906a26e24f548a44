"""Small helpers shared by the consent tests."""

from django.conf import settings

SAVE_URL = "/cookies/consent/"


def choose(client, action, *, next_url="/", source="banner", yes=(), **headers):
    data = {"action": action, "source": source, "next": next_url}
    for slug in yes:
        data[f"category_{slug}"] = "yes"
    return client.post(SAVE_URL, data, **headers)


def consent_cookie(response):
    return response.cookies.get(settings.CONSENT_COOKIE_NAME)


def shows_banner(response):
    return 'class="consent-banner"' in response.content.decode()
