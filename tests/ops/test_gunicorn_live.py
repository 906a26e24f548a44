"""
The real gunicorn with gunicorn.conf.py, serving the real site (production settings) or a
tiny slow app, talked to over HTTP on the loopback:

- with BEHIND_HTTPS_PROXY off, a client's `X-Forwarded-Proto: https` does not make a
  request secure (before, gunicorn believed it from 127.0.0.1 whatever Django said);
- with it on, the proxy's header is believed;
- a request running past GUNICORN_TIMEOUT is cut off, not answered late.
"""

import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(app, tmp_path, **env):
    port = free_port()
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("BEHIND_HTTPS_PROXY", "FORWARDED_ALLOW_IPS", "PORT", "DATABASE_URL")
    }
    environment.update(
        DEBUG="False",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="False",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
        GUNICORN_ACCESSLOG="",
        **env,
    )
    log_path = tmp_path / f"gunicorn-{port}.log"
    log = open(log_path, "wb")
    process = subprocess.Popen(
        [*GUNICORN, app], cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail("gunicorn did not start:\n" + log_path.read_text())
                time.sleep(0.1)
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def get(port, path, headers=None, timeout=20):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def sitemap_line(port):
    status, body = get(port, "/robots.txt", {"X-Forwarded-Proto": "https"})
    assert status == 200, body
    return next(line for line in body.splitlines() if line.startswith("Sitemap:"))


def test_a_client_cannot_claim_https_when_no_proxy_is_trusted(tmp_path):
    with gunicorn("config.wsgi", tmp_path) as port:
        assert sitemap_line(port) == f"Sitemap: http://127.0.0.1:{port}/sitemap.xml"


def test_behind_an_https_proxy_its_header_is_believed(tmp_path):
    with gunicorn("config.wsgi", tmp_path, BEHIND_HTTPS_PROXY="True") as port:
        assert sitemap_line(port) == f"Sitemap: https://127.0.0.1:{port}/sitemap.xml"


def test_a_request_running_past_the_timeout_is_cut_off(tmp_path):
    with gunicorn("tests.ops.slow_wsgi:app", tmp_path, GUNICORN_TIMEOUT="2") as port:
        assert get(port, "/sleep?seconds=0") == (200, "done\n")
        started = time.monotonic()
        try:
            status, _ = get(port, "/sleep?seconds=8")
        except (http.client.HTTPException, ConnectionError):
            status = None  # the worker was killed mid-request: the connection just closes
        elapsed = time.monotonic() - started
        assert status != 200, "a request past the timeout was answered"
        assert elapsed < 7, f"cut off only after {elapsed:.1f}s"
        # The killed worker is replaced: the next request is served.
        assert get(port, "/sleep?seconds=0") == (200, "done\n")
