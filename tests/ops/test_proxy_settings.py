"""
Django believes `X-Forwarded-Proto: https` only when BEHIND_HTTPS_PROXY is on: otherwise
any client could make a plain-http request look secure (and, say, skip the https redirect).
"""

import os
import subprocess
import sys
from pathlib import Path

from django.test import RequestFactory

ROOT = Path(__file__).resolve().parents[2]

PROBE = (
    "from django.conf import settings; from django.test import RequestFactory; "
    "r = RequestFactory().get('/', HTTP_X_FORWARDED_PROTO='https'); "
    "print(settings.SECURE_PROXY_SSL_HEADER, r.is_secure())"
)


def production(**env):
    """SECURE_PROXY_SSL_HEADER and is_secure() of a forwarded-https request in that env."""
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("BEHIND_HTTPS_PROXY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(
        DEBUG="False",
        SECRET_KEY="t3st-" + "x9Kq2Lm8Zr4Vw7Pn1Bc6Hd0Fj5Gs3Ay" * 2,
        ALLOWED_HOSTS="testserver",
        DATABASE_URL="sqlite:///:memory:",
        **env,
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PROBE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_forwarded_proto_is_ignored_without_behind_https_proxy(settings):
    settings.SECURE_PROXY_SSL_HEADER = None  # what config/settings.py sets when it is off
    request = RequestFactory().get("/", HTTP_X_FORWARDED_PROTO="https")
    assert not request.is_secure()


def test_production_settings_trust_the_header_only_when_told():
    assert production() == "None False"
    assert production(BEHIND_HTTPS_PROXY="False") == "None False"
    assert production(BEHIND_HTTPS_PROXY="True") == "('HTTP_X_FORWARDED_PROTO', 'https') True"
