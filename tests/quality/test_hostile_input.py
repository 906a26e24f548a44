"""
Hostile input on every public page and form: Unicode digits and other scripts, overlong
strings, NUL and control characters, broken percent-escapes, HTML and script, SQL and
template syntax, huge and negative numbers, repeated and unknown parameters, and tampered
cookies. Every answer is below 500 and never reflects markup unescaped. A separate test runs
a real gunicorn (DEBUG=False) and checks its workers survive the nastiest ZIP codes.

Bounded: a fixed list of values (and a few Hypothesis examples), about two thousand requests.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.careers.factories import RoleFactory, WorkSettingFactory
from tests.db import SERVER_SESSIONS, database_url_for_a_server, wait_for_server_sessions_to_end
from tests.employers.factories import LocationFactory
from tests.trainings.factories import TrainingFactory

ROOT = Path(__file__).resolve().parents[2]

FULL_WIDTH = "\uff11\uff12\uff12\uff10\uff17"  # 12207 in full-width digits
SCRIPT = "<script>alert(1)</script>"
SVG = '"><svg onload=x>'
# Values sent percent-encoded (as a browser would).
VALUES = [
    FULL_WIDTH,  # full-width digits
    "١٢٢٠٧",  # Arabic-Indic digits
    "१२२०७",  # Devanagari digits
    "Ωμέγα",
    "中文字",
    "עברית\u202e",  # and a right-to-left override
    "a" * 10_000,
    "\x00",
    "12\x0007",
    "\x01\x1b[31m\x7f\r\n\t",
    SCRIPT,
    SVG,
    "' OR 1=1--",
    "{{ 7*7 }}",
    "{% debug %}",
    "9" * 400,
    "99999999999999999999999999",
    "-1",
    "-99999999999999999999",
    "1e309",
    "NaN",
]
# Query-string fragments sent exactly as written: broken escapes and odd shapes.
RAW = ["%ZZ", "%", "%0", "%00", "%C0%AF", "%ED%A0%80", "%FF%FE", "%E2%80%AE", "%25%32%35"]
UNICODE_DIGITS = (FULL_WIDTH, "١٢٢٠٧", "१२२०७")
# The zipcodes library panics (a BaseException that kills a worker) on non-ASCII digits;
# places refuses them before it is asked (tests/places), and these tests keep it so.

PAGES = {
    "/": ["utm_source"],
    "/careers/": ["q"],
    "/trainings/": [
        "q", "kind", "delivery", "schedule", "career", "role", "max_cost", "free",
        "max_weeks", "region", "county", "language", "zip", "miles", "sort", "page",
    ],
    "/trainings/compare/": ["ids"],
    "/trainings/guide/": ["have", "want", "delivery", "schedule", "budget", "zip", "miles"],
    "/employers/": [
        "zip", "miles", "radius", "county", "region", "role", "kind", "setting", "q", "page",
    ],
    "/cookies/": ["next"],
}  # fmt: skip
ZIP_PAGES = ("/trainings/", "/trainings/guide/", "/employers/")


@pytest.fixture
def content(db):
    role = RoleFactory(slug="care-coordinator")
    WorkSettingFactory(slug="hospital")
    location = LocationFactory()
    training = TrainingFactory()
    training.roles.add(role)
    return {
        "career": role.career.get_absolute_url(),
        "role": role.get_absolute_url(),
        "compare": role.career.get_absolute_url() + "compare/",
        "training": training.get_absolute_url(),
        "employer": location.employer.get_absolute_url(),
    }


def assert_safe(response, url):
    assert response.status_code < 500, (response.status_code, url[:300])
    if response.get("Content-Type", "").startswith("text/html"):
        html = response.content.decode(response.charset or "utf-8", errors="replace")
        assert SCRIPT not in html, url[:300]
        assert "<svg onload=x>" not in html, url[:300]


def _query(param, value, raw=False):
    return f"{param}={value if raw else quote(value, safe='')}"


def _queries(params, value):
    """Each parameter alone, all at once, and the first one repeated."""
    names = list(params)
    if not names:
        return []
    return [
        *(_query(p, value) for p in names),
        "&".join(_query(p, value) for p in names),
        "&".join([*(_query(names[0], value) for _ in range(20)), "unknown=1"]),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("page", list(PAGES))
def test_every_parameter_of_every_search_page_takes_hostile_values(content, page):
    client = Client()
    params = PAGES[page]
    queries = list(RAW)  # each broken escape alone, and in every parameter at once
    queries += ["&".join(_query(p, raw, raw=True) for p in params) for raw in RAW]
    for value in VALUES:
        queries += _queries(params, value)
    for query in queries:
        url = f"{page}?{query}"
        assert_safe(client.get(url), url)


@pytest.mark.django_db
@pytest.mark.parametrize("page", list(PAGES))
def test_spanish_search_pages_take_hostile_values(content, page):
    """The same forms under /es/, where their messages are Spanish: every value in every
    parameter at once, and each broken escape (the English pages take each one alone)."""
    client = Client()
    params = PAGES[page]
    queries = [*RAW, *("&".join(_query(p, value) for p in params) for value in VALUES)]
    for query in queries:
        url = f"/es{page}?{query}"
        assert_safe(client.get(url), url)


@pytest.mark.django_db
@pytest.mark.parametrize("page", [*ZIP_PAGES, "/es/trainings/", "/es/employers/"])
@pytest.mark.parametrize("value", UNICODE_DIGITS)
def test_unicode_digits_in_a_zip_code_are_not_a_server_error(content, page, value):
    url = f"{page}?{_query('zip', value)}"
    assert_safe(Client().get(url), url)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["", "/es"])
@pytest.mark.parametrize("kind", ["career", "role", "compare", "training", "employer"])
def test_detail_pages_ignore_hostile_query_strings_and_paths(content, kind, language):
    client = Client()
    path = language + content[kind]
    for value in VALUES:
        url = f"{path}?{_query('q', value)}&{_query('page', value)}"
        assert_safe(client.get(url), url)
    for raw in RAW:
        assert_safe(client.get(f"{path}?{raw}"), path + raw)
    for suffix in [quote(v, safe="") for v in VALUES[:12]] + RAW:
        url = path.rstrip("/") + suffix + "/"
        assert_safe(client.get(url), url)


BAD_COOKIES = [
    "garbage",
    "a" * 4000,
    "\x00",
    "eyJhIjoxfQ:1tWXYZ:forged-signature",
    ".eJyrVkrOzytJzSvxTFGyUoqpUjJQSs7PS8lMSVXSUcpMAYkBAIyQCEM:1tWXYZ:bad",
    SCRIPT,
    "{{ 7*7 }}",
    FULL_WIDTH,
]


def _tampered_consent_cookie():
    """A real consent cookie with one character of its payload changed."""
    client = Client()
    client.post("/cookies/consent/", {"action": "accept_all", "source": "banner", "next": "/"})
    value = client.cookies[django_settings.CONSENT_COOKIE_NAME].value
    flipped = "A" if value[5] != "A" else "B"
    return value[:5] + flipped + value[6:]


@pytest.mark.django_db
def test_malformed_and_tampered_cookies_are_ignored(content):
    values = [*BAD_COOKIES, _tampered_consent_cookie()]
    names = [django_settings.CONSENT_COOKIE_NAME, "csrftoken", "sessionid", "messages"]
    pages = ["/", "/careers/", content["role"], "/trainings/", "/employers/", "/cookies/"]
    for name in names:
        for value in values:
            client = Client()
            # As a browser sends it: UTF-8 bytes, which WSGI hands over decoded as latin-1.
            client.cookies[name] = value.encode().decode("latin-1")
            for page in pages:
                assert_safe(client.get(page), f"{page} with {name}={value[:40]!r}")
            response = client.post(
                "/cookies/consent/", {"action": "reject_all", "source": "banner", "next": "/"}
            )
            assert_safe(response, f"consent POST with {name}={value[:40]!r}")
    # With CSRF checks on, a forged csrftoken is a 403 page, not an error.
    strict = Client(enforce_csrf_checks=True)
    for value in values:
        strict.cookies["csrftoken"] = value.encode().decode("latin-1")
        response = strict.post(
            "/cookies/consent/",
            {"action": "accept_all", "csrfmiddlewaretoken": value, "next": "/"},
        )
        assert response.status_code == 403


@pytest.mark.django_db
def test_the_consent_form_takes_hostile_values(content, settings):
    settings.CONSENT_RATE_LIMIT = 10_000  # this test is about the values, not the limit
    client = Client()
    fields = ["action", "source", "next", "category_analytics", "category_functional"]
    for value in VALUES:
        for field in fields:
            data = {"action": "custom", "source": "banner", "next": "/", field: value}
            for accept in ("text/html", "application/json"):
                response = client.post("/cookies/consent/", data, HTTP_ACCEPT=accept)
                assert_safe(response, f"consent POST {field}={value[:40]!r}")
                if response.status_code in (301, 302, 303):
                    assert response["Location"].startswith("/"), response["Location"]
    for raw in RAW:
        body = "&".join(f"{f}={raw}" for f in fields)
        response = client.post(
            "/cookies/consent/", body, content_type="application/x-www-form-urlencoded"
        )
        assert_safe(response, f"consent POST body {body}")


@pytest.mark.django_db
@hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    page=st.sampled_from(
        ["/careers/", "/trainings/", "/employers/", "/trainings/guide/", "/es/trainings/"]
    ),
    param=st.sampled_from(["q", "county", "region", "role", "page", "miles", "max_cost"]),
    value=st.text(
        alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="٠١٢٣٤٥٦٧٨٩"),
        max_size=300,
    ),
)
def test_any_text_in_a_parameter_is_never_a_server_error(content, page, param, value):
    # Unicode digits in a ZIP code are the one known crash (places is being fixed); the
    # `zip` parameter is covered by the fixed list above.
    url = f"{page}?{_query(param, value)}"
    assert_safe(Client().get(url), url)


# --- a real gunicorn worker ---------------------------------------------------------------

NASTY_ZIPS = [*UNICODE_DIGITS, "1" + FULL_WIDTH[1] + "207", "12207\x00", "%ZZ", "a" * 10_000]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid):
    """The worker processes of gunicorn's master, read from /proc."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.add(int(entry.name))
    return found


def _get(url, timeout=10):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture
def gunicorn_server(tmp_path, db):
    port = _free_port()
    database_url = database_url_for_a_server(tmp_path / "site.sqlite3")
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "False",
        "SECRET_KEY": "hostile-input-" + "k3Jq9Zx7Lm2Pw8Rt" * 4,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "PGAPPNAME": SERVER_SESSIONS,
        # Its own static files: collectstatic rewriting the shared staticfiles/ while another
        # worker's test read it failed that test (a hashed file missing for a moment).
        "STATIC_ROOT": str(tmp_path / "static"),
        "SECURE_SSL_REDIRECT": "False",
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_MAX_REQUESTS": "0",  # no planned recycling while we count PIDs
        "GUNICORN_ACCESSLOG": "/dev/null",
    }
    env.pop("CACHE_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert (tmp_path / "static" / "staticfiles.json").exists(), "STATIC_ROOT was not used"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "gunicorn.log", "w"),
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if _get(base + "/healthz", timeout=2)[0] == 200 and len(_children(server.pid)) == 2:
                break
        except OSError:
            pass
        time.sleep(0.2)
    else:
        server.terminate()
        pytest.fail("gunicorn did not start: " + (tmp_path / "gunicorn.log").read_text()[-2000:])
    yield base, server.pid
    server.terminate()
    server.wait(timeout=30)
    left = wait_for_server_sessions_to_end()
    assert not left, f"gunicorn's database sessions outlived it: {left}"


def test_gunicorn_workers_survive_the_nastiest_zip_codes(gunicorn_server):
    base, master = gunicorn_server
    workers = _children(master)
    statuses = []
    for page in ZIP_PAGES:
        for value in NASTY_ZIPS:
            url = f"{base}{page}?zip={quote(value, safe='')}"
            try:
                statuses.append(_get(url)[0])
            except OSError as error:  # the worker died mid-request
                statuses.append(repr(error))
    assert _get(base + "/healthz")[0] == 200
    request = urllib.request.Request(base + "/healthz", method="HEAD")
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
    assert all(isinstance(s, int) and s < 500 for s in statuses), str(statuses)
    assert _children(master) == workers, "a worker died and was replaced"
