"""
`make scale-check`: two instances of the site behind nginx, sharing one PostgreSQL database
and one Redis cache, checked with real HTTP (issue 12, docs/deploy.md).

Starts, all on the loopback and all its own:
  - a fresh PostgreSQL database (migrated, starting content loaded, one superuser),
  - an empty Redis database (claimed with a marker key, flushed at the end),
  - gunicorn instances A and B with production settings (DEBUG=False, a SECRET_KEY made for
    this run, SECURE_SSL_REDIRECT=False, DATABASE_URL, CACHE_URL=redis://...),
  - nginx (not a daemon, its own prefix, pid and logs in a temporary directory) with
    deploy/nginx.conf in front of A and B.

Then checks, talking to A, to B and through nginx:
  1. a CSRF token from A is accepted by B (and a wrong one refused);
  2. a consent choice made on A is honoured on B and through nginx;
  3. consent records made through A, B and nginx all land in the one database;
  4. a staff edit in the admin on A replaces the cached public page on A and on B;
  5. instance A killed (SIGKILL) mid-stream: every GET through nginx still gets a 200, but
     for a response A was already sending when it died (at most one per worker of A),
     which no proxy can retry and which arrives cut short;
  6. behind nginx each visitor is counted on its own (AXES_PROXY_COUNT=1, as docs/deploy.md
     sets it): a visitor from 127.0.0.2 who goes over the consent rate limit, forging
     X-Forwarded-For all the while, is refused; one from 127.0.0.3 is not. (Run after 5:
     B alone then serves nginx, so the count is B's.)
  7. nginx limits the admin's sign-in page per address (deploy/nginx.conf): wrong passwords
     sent as fast as possible from 127.0.0.4 are refused (429) after the first few, which
     alone reach the site and alone leave sign-in attempt rows; 127.0.0.5 is still served.

Prints PASS or FAIL for each, exits non-zero on any failure, cleans up (processes, database,
Redis keys, temporary files) on every exit, and stops itself after TIME_LIMIT seconds.
A clean-up step that fails is reported as a failure too.

Environment: SCALE_CHECK_POSTGRES (server URL, default postgres://postgres@127.0.0.1:5432),
SCALE_CHECK_REDIS (default redis://127.0.0.1:6379), NGINX (the nginx binary).
"""

import html
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
NGINX_SITE = ROOT / "deploy" / "nginx.conf"
TIME_LIMIT = 150  # seconds for the run; clean-up after it is bounded too (under 3 minutes in all)
HTTP_TIMEOUT = 15
# Consent choices one client may make per window: low, so check 6 goes over it quickly;
# the checks before it send fewer than this from any one address.
RATE_LIMIT = 12
POSTGRES = os.environ.get("SCALE_CHECK_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("SCALE_CHECK_REDIS", "redis://127.0.0.1:6379").rstrip("/")
CLAIM_KEY = "scale-check:claimed-by"
STREAM_SECONDS = 8  # length of the GET stream of check 5; A is killed a third of the way in
STREAM_THREADS = 4
INSTANCE_WORKERS = 2  # gunicorn workers of A and of B
CHECKS = 7
# What deploy/nginx.conf lets through at once to the sign-in page from one address (the
# first request and a burst of 5), and how many wrong passwords check 7 sends after its GET.
SIGN_IN_AT_ONCE = 6
SIGN_IN_TRIES = 20

# Variables of the calling shell that would change what the instances do (`make` sets DEBUG).
CLEARED = (
    "DEBUG",
    "DATABASE_URL",
    "CACHE_URL",
    "BIND",
    "PORT",
    "BEHIND_HTTPS_PROXY",
    "FORWARDED_ALLOW_IPS",
    "SITE_URL",
    "ADMIN_URL",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


class TimeLimit(Exception):
    pass


class CheckFailed(AssertionError):
    pass


def require(condition, message):
    if not condition:
        raise CheckFailed(message)


def log(message):
    print(f"[{time.monotonic() - STARTED:6.1f}s] {message}", flush=True)


STARTED = time.monotonic()


# --- HTTP ------------------------------------------------------------------------------


class Response:
    def __init__(self, status, headers, body, seconds):
        self.status = status
        self.headers = headers
        self.body = body
        self.seconds = seconds

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def header(self, name):
        return self.headers.get(name)


class Browser:
    """One visitor: keeps its cookies (by name, for every port: one site seen through several
    doors, as a browser sees one host name) and sends them back. Secure cookies are sent over
    http here, as browsers do for localhost."""

    def __init__(self, name, source=None):
        self.name = name
        self.cookies = {}
        self.source = source  # the loopback address it connects from (127.0.0.0/8)

    def request(self, port, method, path, form=None, headers=None):
        headers = dict(headers or {})
        body = None
        if form is not None:
            body = urlencode(form, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = fetch(port, method, path, body=body, headers=headers, source=self.source)
        for value in response.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(value)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.coded_value
        return response

    def get(self, port, path, **kwargs):
        return self.request(port, "GET", path, **kwargs)

    def post(self, port, path, form, **kwargs):
        return self.request(port, "POST", path, form=form, **kwargs)


def fetch(port, method, path, body=None, headers=None, source=None):
    started = time.monotonic()
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=HTTP_TIMEOUT, source_address=(source, 0) if source else None
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        content = response.read()
        return Response(response.status, response.headers, content, time.monotonic() - started)
    finally:
        connection.close()


class Forms(HTMLParser):
    """The forms of a page: for each, its attributes and the fields a browser would submit
    (buttons left out: the caller names the one it presses)."""

    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._select = None
        self._textarea = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = {"attrs": attrs, "fields": []}
            self.forms.append(self._form)
        if self._form is None:
            return
        fields = self._form["fields"]
        if tag == "input" and "name" in attrs and "disabled" not in attrs:
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            fields.append([attrs["name"], attrs.get("value", "on" if kind == "checkbox" else "")])
        elif tag == "select" and "name" in attrs and "disabled" not in attrs:
            self._select = {"name": attrs["name"], "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self._select is not None:
            self._select["options"].append((attrs.get("value"), "selected" in attrs, []))
        elif tag == "textarea" and "name" in attrs and "disabled" not in attrs:
            self._textarea = [attrs["name"], ""]
            fields.append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        elif self._select is not None and self._select["options"]:
            self._select["options"][-1][2].append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None:
            # A browser drops the one newline that may follow <textarea>.
            if self._textarea[1].startswith("\n"):
                self._textarea[1] = self._textarea[1][1:]
            self._textarea = None
        elif tag == "select" and self._select is not None:
            select, self._select = self._select, None
            options = [
                (v if v is not None else "".join(t).strip(), s) for v, s, t in select["options"]
            ]
            chosen = [v for v, selected in options if selected]
            if not select["multiple"] and not chosen and options:
                chosen = [options[0][0]]
            for value in chosen:
                self._form["fields"].append([select["name"], value])

    def form(self, **attrs):
        for form in self.forms:
            if all(form["attrs"].get(k) == v for k, v in attrs.items()):
                return form
        raise CheckFailed(f"no form with {attrs} on the page")


def form_fields(page, **attrs):
    return [tuple(field) for field in Forms(page).form(**attrs)["fields"]]


def field(fields, name):
    values = [v for k, v in fields if k == name]
    return values[0] if values else None


def csrf_token(page):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    require(match, "no CSRF token in the page")
    return match.group(1)


def title_of(page):
    match = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    require(match, "no h1 in the page")
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()


# --- processes and services ------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Service:
    """A child process in its own session, so that it and its children can be killed at once."""

    def __init__(self, name, command, env, log_path, stop_signal=signal.SIGTERM, cwd=ROOT):
        self.name = name
        self.stop_signal = stop_signal
        self.log_path = log_path
        self._log = open(log_path, "ab")
        self.process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def alive(self):
        return self.process.poll() is None

    def kill(self, sig=signal.SIGKILL):
        try:
            os.killpg(self.process.pid, sig)
        except ProcessLookupError:
            pass

    def stop(self):
        if self.alive:
            self.kill(self.stop_signal)
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                pass
        # Whatever is left of the group (workers of a killed master included).
        self.kill(signal.SIGKILL)
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        self._log.close()

    def tail(self, lines=25):
        text = Path(self.log_path).read_text(errors="replace").splitlines()
        return "\n".join(f"    {self.name}| {line}" for line in text[-lines:])


def wait_for_http(service, port, path="/healthz", seconds=40):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not service.alive:
            raise CheckFailed(f"{service.name} exited at start-up:\n{service.tail()}")
        try:
            if fetch(port, "GET", path).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise CheckFailed(f"{service.name} did not answer {path} in {seconds}s:\n{service.tail()}")


def manage(env, *args):
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise CheckFailed(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    log(f"manage.py {args[0]}: {time.monotonic() - started:.1f}s")
    return result.stdout


def connect(url, **kwargs):
    return psycopg.connect(url, connect_timeout=10, **kwargs)


def create_database(stack):
    name = f"scalecheck_{os.getpid()}_{secrets.token_hex(3)}"
    with connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            # DROP DATABASE waits for a checkpoint, slow on a busy server; not for ever.
            connection.execute("SET statement_timeout = '30s'")
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        log(f"dropped database {name}")

    stack.callback(drop)
    log(f"created database {name}")
    return f"{POSTGRES}/{name}"


def claim_redis_database(stack, run_id):
    """An empty Redis database, marked as ours, flushed at the end."""
    for number in range(15, 0, -1):
        client = redis.Redis.from_url(
            f"{REDIS}/{number}", socket_timeout=10, socket_connect_timeout=5
        )
        if client.dbsize() == 0 and client.set(CLAIM_KEY, run_id, nx=True):

            def release(client=client, number=number):
                if client.get(CLAIM_KEY) == run_id.encode():
                    client.flushdb()
                    log(f"flushed Redis database {number}")
                client.close()

            stack.callback(release)
            log(f"using Redis database {number}")
            return number, client
        client.close()
    raise CheckFailed("no empty Redis database (1-15) to use")


def find_nginx():
    for candidate in (os.environ.get("NGINX"), shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise CheckFailed("nginx not found: `apt-get install nginx` (.ci/run does it)")


def render_nginx(tmp, port_a, port_b, port_nginx):
    """deploy/nginx.conf with this run's ports and log path, inside a main nginx.conf."""
    site = NGINX_SITE.read_text()
    replacements = [
        ("server 127.0.0.1:8001 ", f"server 127.0.0.1:{port_a} "),
        ("server 127.0.0.1:8002 ", f"server 127.0.0.1:{port_b} "),
        ("listen 80;", f"listen 127.0.0.1:{port_nginx};"),
        (
            "access_log /var/log/nginx/healthcareers.access.log ",
            f"access_log {tmp / 'access.log'} ",
        ),
    ]
    for old, new in replacements:
        require(site.count(old) == 1, f"deploy/nginx.conf no longer has {old!r} exactly once")
        site = site.replace(old, new)
    (tmp / "site.conf").write_text(site)
    temp_paths = "\n".join(
        f"    {kind}_temp_path {tmp / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp / "nginx.conf").write_text(
        f"""worker_processes 1;
pid {tmp / "nginx.pid"};
error_log {tmp / "error.log"} notice;
events {{ worker_connections 256; }}
http {{
{temp_paths}
    include {tmp / "site.conf"};
}}
"""
    )
    return tmp / "nginx.conf"


# --- the checks ------------------------------------------------------------------------


class Cleanup:
    """Clean-up steps, run last first; one that fails is reported and the others still run."""

    def __init__(self):
        self.steps = []
        self.errors = []

    def callback(self, step):
        self.steps.append(step)

    def run(self):
        while self.steps:
            step = self.steps.pop()
            try:
                step()
            except Exception as error:
                self.errors.append(f"{type(error).__name__}: {error}")
                log(f"clean-up step failed: {type(error).__name__}: {error}")


class Run:
    def __init__(self):
        self.results = []  # (name, passed, detail)

    def check(self, name, function):
        log(f"-- {name}")
        try:
            detail = function()
        except (CheckFailed, AssertionError, OSError, http.client.HTTPException) as error:
            self.results.append((name, False, str(error) or type(error).__name__))
            log(f"FAIL {name}: {error}")
            return False
        self.results.append((name, True, detail))
        log(f"PASS {name}: {detail}")
        return True


def check_csrf(ports):
    a, b = ports["A"], ports["B"]
    visitor = Browser("csrf")
    page = visitor.get(a, "/cookies/")
    require(page.status == 200, f"GET /cookies/ on A: {page.status}")
    require("csrftoken" in visitor.cookies, "A set no csrftoken cookie")
    token = csrf_token(page.text)
    form = {"csrfmiddlewaretoken": token, "action": "reject_all", "source": "cookies_page"}
    wrong = Browser("forger")
    wrong.cookies = dict(visitor.cookies)
    refused = wrong.post(b, "/cookies/consent/", dict(form, csrfmiddlewaretoken="x" * 64))
    require(refused.status == 403, f"B accepted a wrong CSRF token ({refused.status})")
    saved = visitor.post(b, "/cookies/consent/", dict(form, next="/cookies/"))
    require(saved.status == 303, f"B refused A's CSRF token: {saved.status}")
    return "token and cookie from A accepted by B (303); a wrong token refused by B (403)"


def check_consent(ports):
    a, b, n = ports["A"], ports["B"], ports["nginx"]
    newcomer = Browser("newcomer")
    require("data-consent-banner" in newcomer.get(b, "/").text, "B shows no banner to a newcomer")
    visitor = Browser("consent")
    token = csrf_token(visitor.get(a, "/").text)
    saved = visitor.post(
        a,
        "/cookies/consent/",
        {"csrfmiddlewaretoken": token, "action": "accept_all", "source": "banner", "next": "/"},
    )
    require(saved.status == 303, f"POST accept all to A: {saved.status}")
    require("consent" in visitor.cookies, "A set no consent cookie")
    on_a = visitor.get(a, "/cookies/").text
    consent_id = re.search(r"Your consent id is <code>([^<]+)</code>", on_a)
    require(consent_id, "A's cookies page shows no consent id")
    consent_id = consent_id.group(1)
    for door, port in (("B", b), ("nginx", n), ("nginx", n)):
        home = visitor.get(port, "/")
        require(home.status == 200, f"GET / on {door}: {home.status}")
        require("data-consent-banner" not in home.text, f"{door} asks again: banner shown")
        page = visitor.get(port, "/cookies/").text
        require(consent_id in page, f"{door} does not show consent id {consent_id}")
        fields = form_fields(page, **{"class": "consent-preferences"})
        for slug in ("functional", "analytics", "performance"):
            value = field(fields, f"category_{slug}")
            require(value == "yes", f"{door}: {slug} shows {value!r}, not the yes given on A")
    return (
        f"accept-all on A (consent id {consent_id[:8]}...) honoured on B and twice through "
        "nginx: no banner, every optional category 'yes'; a newcomer on B gets the banner"
    )


def check_visitors(ports):
    n = ports["nginx"]

    def choose(visitor, forged):
        token = csrf_token(visitor.get(n, "/cookies/").text)
        form = {"csrfmiddlewaretoken": token, "action": "accept_all", "source": "banner"}
        return visitor.post(n, "/cookies/consent/", form, headers={"X-Forwarded-For": forged})

    first = Browser("first visitor", source="127.0.0.2")
    statuses = [choose(first, f"10.0.0.{i}").status for i in range(RATE_LIMIT + 1)]
    require(statuses[:RATE_LIMIT] == [303] * RATE_LIMIT, f"127.0.0.2 was refused: {statuses}")
    require(statuses[-1] == 429, f"127.0.0.2 went over the limit unrefused: {statuses[-1]}")
    second = Browser("second visitor", source="127.0.0.3")
    other = choose(second, "10.0.0.1").status
    require(other == 303, f"127.0.0.3 was refused for 127.0.0.2's choices: {other}")
    return (
        f"127.0.0.2 (forging X-Forwarded-For each time): {RATE_LIMIT} choices saved, the next "
        "refused (429); 127.0.0.3 then saved (303)"
    )


def check_sign_in_limit(ports, database_url):
    n, path = ports["nginx"], "/admin/login/"

    def attempts(address):
        with connect(database_url) as connection:
            return connection.execute(
                "SELECT count(*) FROM axes_accessattempt WHERE ip_address = %s", (address,)
            ).fetchone()[0]

    guesser = Browser("sign-in guesser", source="127.0.0.4")
    page = guesser.get(n, path)
    require(page.status == 200, f"the sign-in page through nginx: {page.status}")
    token = csrf_token(page.text)
    started = time.monotonic()
    statuses = [
        guesser.post(
            n,
            path,
            {"csrfmiddlewaretoken": token, "username": f"guess{i}", "password": "wrong"},
        ).status
        for i in range(SIGN_IN_TRIES)
    ]
    # The GET took one of the burst; nginx lets one more through every 6 s (10 a minute),
    # and each wrong password costs the site a password hash.
    allowed = SIGN_IN_AT_ONCE - 1 + int((time.monotonic() - started) / 6)
    reached = [s for s in statuses if s != 429]
    require(
        SIGN_IN_AT_ONCE - 1 <= len(reached) <= allowed and set(reached) == {200},
        f"expected {SIGN_IN_AT_ONCE - 1} to {allowed} wrong passwords answered (200), the "
        f"rest refused (429): {statuses}",
    )
    rows = attempts("127.0.0.4")
    require(rows == len(reached), f"{len(reached)} reached the site, {rows} attempt rows")
    other = Browser("another address", source="127.0.0.5").get(n, path).status
    require(other == 200, f"127.0.0.5 was refused the sign-in page: {other}")
    return (
        f"{SIGN_IN_TRIES} wrong passwords from 127.0.0.4: {len(reached)} reached the site "
        f"({rows} attempt rows), {statuses.count(429)} refused by nginx (429); 127.0.0.5 "
        "still served (200)"
    )


def check_records(ports, database_url):
    def count():
        with connect(database_url) as connection:
            return connection.execute("SELECT count(*) FROM consent_consentrecord").fetchone()[0]

    before = count()
    doors = ("A", "B", "nginx")
    for door in doors:
        visitor = Browser(f"records-{door}")
        token = csrf_token(visitor.get(ports[door], "/cookies/").text)
        response = visitor.post(
            ports[door],
            "/cookies/consent/",
            {
                "csrfmiddlewaretoken": token,
                "action": "custom",
                "source": "cookies_page",
                "category_analytics": "yes",
                "next": "/cookies/",
            },
        )
        require(response.status == 303, f"POST a choice to {door}: {response.status}")
    after = count()
    require(
        after - before == len(doors),
        f"{len(doors)} choices saved through A, B and nginx, {after - before} new records",
    )
    return f"3 choices (through A, B, nginx) -> {after - before} new records; {after} in all"


def check_staff_edit(ports, database_url, cache, superuser):
    a, b, n = ports["A"], ports["B"], ports["nginx"]
    with connect(database_url) as connection:
        row = connection.execute(
            "SELECT id, slug, title FROM trainings_training WHERE status = 'published' "
            "ORDER BY slug LIMIT 1"
        ).fetchone()
    require(row, "no published training in the starting content")
    pk, slug, title = row
    path = f"/trainings/{slug}/"
    public = Browser("public")
    for door, port in (("A", a), ("B", b)):
        page = public.get(port, path)
        require(page.status == 200 and title_of(page.text) == title, f"{door}: {path} wrong")
    # One entry serves both: the key is the canonical origin and path, not the instance's
    # host and port (content/pagecache.py).
    cached = len(cache.keys(":1:pagecache:*")) - 1  # less the version key
    require(cached >= 1, f"expected {path} cached in Redis, found {cached} pages")
    # Change the row behind the site's back (no signal, so no new content version): both
    # instances must keep serving the cached page, which shows that the cache is in play.
    with connect(database_url) as connection:
        connection.execute(
            "UPDATE trainings_training SET title = %s WHERE id = %s", (title + " (sql)", pk)
        )
    for door, port in (("A", a), ("B", b)):
        shown = title_of(public.get(port, path).text)
        require(shown == title, f"{door} did not serve {path} from the cache ({shown!r})")
    version_before = cache.get(":1:pagecache:version")

    staff = Browser("staff")
    login = staff.get(a, "/admin/login/?next=/admin/")
    require(login.status == 200, f"admin login page on A: {login.status}")
    signed_in = staff.post(
        a,
        "/admin/login/?next=/admin/",
        {
            "csrfmiddlewaretoken": csrf_token(login.text),
            "username": superuser[0],
            "password": superuser[1],
            "next": "/admin/",
        },
    )
    require(
        signed_in.status == 302 and "sessionid" in staff.cookies,
        f"admin sign-in on A failed ({signed_in.status})",
    )
    change_path = f"/admin/trainings/training/{pk}/change/"
    change = staff.get(a, change_path)
    require(change.status == 200, f"GET {change_path} on A: {change.status}")
    fields = form_fields(change.text, id="training_form")
    new_title = f"{title} (edited {secrets.token_hex(3)})"
    fields = [(k, new_title if k == "title" else v) for k, v in fields] + [("_save", "Save")]
    require(field(fields, "title") == new_title, "the admin form has no title field")
    edited_at = time.monotonic()
    saved = staff.post(a, change_path, fields)
    if saved.status != 302:
        errors = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', saved.text, re.S)
        raise CheckFailed(f"admin save on A: {saved.status} {errors[:5]}")
    version_after = cache.get(":1:pagecache:version")
    require(version_after != version_before, "the content version in Redis did not change")
    shown = {}
    for door, port in (("A", a), ("B", b), ("nginx", n)):
        page = public.get(port, path)
        shown[door] = title_of(page.text)
        require(page.status == 200, f"{door}: {path} {page.status}")
        require(shown[door] == new_title, f"{door} still shows {shown[door]!r} after the edit")
    lag = time.monotonic() - edited_at
    return (
        f"{path} cached once for A and B ({cached} page in Redis, an SQL-only change stayed "
        f"hidden); admin save on A bumped the content version; A, B and nginx showed the "
        f"new title on the next GET ({lag * 1000:.0f} ms after the save)"
    )


def check_failover(ports, services, access_log):
    n = ports["nginx"]
    paths = ["/", "/careers/", "/trainings/", "/employers/", "/cookies/", "/healthz"]
    results = []  # (started, status or error)
    lock = threading.Lock()
    stop_at = time.monotonic() + STREAM_SECONDS
    kill_at = time.monotonic() + STREAM_SECONDS / 3
    killed = {}

    def stream(offset):
        i = offset
        while time.monotonic() < stop_at and i < 5000:
            path = paths[i % len(paths)]
            started = time.monotonic()
            try:
                outcome = fetch(n, "GET", path).status
            except (OSError, http.client.HTTPException) as error:
                outcome = f"{type(error).__name__}: {error}"
            with lock:
                results.append((started, path, outcome))
            i += 1

    threads = [
        threading.Thread(target=stream, args=(k,), daemon=True) for k in range(STREAM_THREADS)
    ]
    for thread in threads:
        thread.start()
    time.sleep(max(0.0, kill_at - time.monotonic()))
    killed["at"] = time.monotonic()
    services["A"].kill(signal.SIGKILL)
    log("killed instance A (SIGKILL to its process group)")
    for thread in threads:
        thread.join(STREAM_SECONDS + HTTP_TIMEOUT + 5)
    require(not services["A"].alive, "instance A is still running")
    # A response A had begun to send when it died cannot be retried: nginx has passed its
    # status line on, so the body arrives cut short (IncompleteRead). Only such a cut, on a
    # request sent before the kill, is allowed, and at most one per worker of A (each
    # answers one request at a time); any other failure, or more of them, fails the check.
    cut, bad = [], []
    for started, path, outcome in results:
        if outcome != 200:
            cut_short = started < killed["at"] and str(outcome).startswith("IncompleteRead")
            (cut if cut_short else bad).append((path, outcome))
    before = sum(1 for started, _, _ in results if started < killed["at"])
    after = len(results) - before
    # Which instance answered each request: the last address nginx's log line names.
    tries = [
        re.search(r"upstream=(.*?) upstream_status=", line).group(1).split(", ")
        for line in Path(access_log).read_text().splitlines()[-len(results) :]
    ]
    served_a = sum(1 for t in tries if t[-1] == f"127.0.0.1:{ports['A']}")
    served_b = sum(1 for t in tries if t[-1] == f"127.0.0.1:{ports['B']}")
    retried = sum(1 for t in tries if len(t) > 1)
    summary = (
        f"{len(results)} GETs through nginx in {STREAM_SECONDS}s ({before} before the kill, "
        f"{after} after); answered by A: {served_a}, by B: {served_b}, retried on B after "
        f"A failed: {retried}; cut short by the kill: {len(cut)}; other failures: {len(bad)}"
    )
    require(before > 0 and after > 0, f"the kill was not mid-stream: {summary}")
    require(served_a > 0, f"nginx sent nothing to A before the kill: {summary}")
    require(not bad, f"{summary}; first failures: {bad[:5]}")
    require(len(cut) <= INSTANCE_WORKERS, f"{summary}; cut short: {cut}")
    return summary


# --- main ------------------------------------------------------------------------------


def main():
    run = Run()
    run_id = f"{os.getpid()}-{secrets.token_hex(4)}"

    def on_signal(signum, frame):
        if signum == signal.SIGALRM:
            raise TimeLimit(f"stopped after the {TIME_LIMIT}s time limit")
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGALRM, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    signal.alarm(TIME_LIMIT)
    setup_error = None
    services = {}
    cleanup = Cleanup()
    try:
        setup_error = scale_check(run, run_id, cleanup, services)
    except (TimeLimit, KeyboardInterrupt, CheckFailed, Exception) as error:
        setup_error = f"{type(error).__name__}: {error}"
        if not isinstance(error, (CheckFailed, TimeLimit, KeyboardInterrupt)):
            traceback.print_exc()
    finally:
        signal.alarm(0)
        # The clean-up itself must not be interrupted (each step has its own time bound).
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if setup_error or not all(passed for _, passed, _ in run.results):
            for service in services.values():
                print(f"--- last lines of {service.name}'s log", flush=True)
                print(service.tail(), flush=True)
        log("cleaning up")
        cleanup.run()
    elapsed = time.monotonic() - STARTED
    print("\n== scale-check summary")
    for name, passed, detail in run.results:
        print(f"{'PASS' if passed else 'FAIL'}  {name}\n      {detail}")
    if setup_error:
        print(f"FAIL  run\n      {setup_error}")
    for error in cleanup.errors:
        print(f"FAIL  clean-up\n      {error}")
    passed = sum(1 for _, ok, _ in run.results if ok)
    ok = not setup_error and not cleanup.errors and passed == CHECKS
    print(f"== {'PASS' if ok else 'FAIL'}: {passed} of {CHECKS} checks passed in {elapsed:.1f}s")
    return 0 if ok else 1


def scale_check(run, run_id, stack, services):
    nginx = find_nginx()
    tmp = Path(tempfile.mkdtemp(prefix="scale-check-"))
    stack.callback(lambda: (shutil.rmtree(tmp, ignore_errors=True), log(f"removed {tmp}")))
    # nginx's workers run as an unprivileged user when it is started as root: let them in.
    tmp.chmod(0o755)
    database_url = create_database(stack)
    redis_db, cache = claim_redis_database(stack, run_id)

    # Production settings, as a deployment sets them; only STATIC_ROOT moves to the
    # temporary directory (a settings module there imports config.settings and changes it).
    (tmp / "scalecheck_settings.py").write_text(
        f"from config.settings import *  # noqa: F403\nSTATIC_ROOT = {str(tmp / 'static')!r}\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    superuser = ("scalecheck", secrets.token_urlsafe(16))
    env.update(
        DEBUG="False",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="False",
        DATABASE_URL=database_url,
        CACHE_URL=f"{REDIS}/{redis_db}",
        DJANGO_SETTINGS_MODULE="scalecheck_settings",
        PYTHONPATH=os.pathsep.join([str(tmp), str(ROOT)]),
        WEB_CONCURRENCY=str(INSTANCE_WORKERS),
        GUNICORN_TIMEOUT="30",
        DJANGO_SUPERUSER_USERNAME=superuser[0],
        DJANGO_SUPERUSER_PASSWORD=superuser[1],
        DJANGO_SUPERUSER_EMAIL="scalecheck@example.org",
        AXES_PROXY_COUNT="1",
        CONSENT_RATE_LIMIT=str(RATE_LIMIT),
    )
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_content")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "createsuperuser", "--noinput")

    ports = {"A": free_port(), "B": free_port(), "nginx": free_port()}
    # As in production: one public address, so both instances build the same page-cache
    # keys and links whatever Host and port a request came in on.
    env["SITE_URL"] = f"http://127.0.0.1:{ports['nginx']}"
    for name in ("A", "B"):
        instance_env = dict(env, BIND=f"127.0.0.1:{ports[name]}")
        services[name] = Service(
            f"gunicorn {name}",
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), "config.wsgi"],
            instance_env,
            tmp / f"gunicorn-{name}.log",
            stop_signal=signal.SIGINT,  # gunicorn's quick shutdown (SIGTERM waits for requests)
        )
        stack.callback(services[name].stop)
    nginx_dir = tmp / "nginx"
    nginx_dir.mkdir()
    conf = render_nginx(nginx_dir, ports["A"], ports["B"], ports["nginx"])
    nginx_command = [
        nginx,
        "-p",
        str(nginx_dir),
        "-c",
        str(conf),
        "-e",
        str(nginx_dir / "error.log"),
    ]
    tested = subprocess.run([*nginx_command, "-t"], capture_output=True, text=True, timeout=20)
    require(tested.returncode == 0, f"nginx -t refused deploy/nginx.conf:\n{tested.stderr}")
    for name in ("A", "B"):
        wait_for_http(services[name], ports[name])
        log(f"instance {name} up on 127.0.0.1:{ports[name]}")
    services["nginx"] = Service(
        "nginx", [*nginx_command, "-g", "daemon off;"], env, nginx_dir / "error.log"
    )
    stack.callback(services["nginx"].stop)
    wait_for_http(services["nginx"], ports["nginx"])
    log(f"nginx up on 127.0.0.1:{ports['nginx']} in front of A and B")

    run.check("1. a CSRF token from A is accepted by B", lambda: check_csrf(ports))
    run.check("2. a consent choice made on A is honoured on B", lambda: check_consent(ports))
    run.check(
        "3. consent records from A, B and nginx land in the one database",
        lambda: check_records(ports, database_url),
    )
    run.check(
        "4. a staff edit on A replaces the cached page on A and B",
        lambda: check_staff_edit(ports, database_url, cache, superuser),
    )
    run.check(
        "5. instance A killed mid-stream: every GET through nginx gets a 200 "
        "(a response A was already sending excepted)",
        lambda: check_failover(ports, services, nginx_dir / "access.log"),
    )
    run.check(
        "6. behind nginx the consent rate limit counts each visitor, not nginx",
        lambda: check_visitors(ports),
    )
    run.check(
        "7. nginx limits sign-in attempts per address, so they cannot fill the lockout table",
        lambda: check_sign_in_limit(ports, database_url),
    )
    return None


if __name__ == "__main__":
    sys.exit(main())
