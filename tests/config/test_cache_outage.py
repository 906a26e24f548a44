"""With CACHE_URL=redis://... and Redis down, pages are served from the database, the outage
is logged once, /healthz says 503 naming the cache; all recover when Redis is back."""

import logging
import os
import shutil
import socket
import subprocess
import time

import pytest

from content import cache as safe_cache
from tests.careers.factories import RoleFactory

pytestmark = pytest.mark.django_db

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisProcess:
    """Our own redis-server on a spare loopback port, started and stopped by the test."""

    def __init__(self):
        self.port = _free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                *(REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--daemonize", "no"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def redis_cache(settings):
    if not os.path.exists(REDIS_SERVER):
        pytest.skip(f"redis-server binary not found at {REDIS_SERVER}")
    pytest.importorskip("redis", reason="the redis client is not installed")
    server = RedisProcess()
    server.start()
    redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{server.port}/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    # As config/settings.py sets them with a shared cache: the counters in the same server.
    settings.CACHES = {"default": redis, "counters": redis}
    settings.CACHE_RETRY_SECONDS = 0  # ask again on every call, so recovery is immediate
    yield server
    server.stop()
    safe_cache._state.update(down=False, retry_at=0.0)


def test_pages_are_served_and_healthz_names_the_cache_while_redis_is_down(
    client, redis_cache, caplog
):
    role = RoleFactory()
    pages = ["/", "/careers/", role.get_absolute_url(), "/cookies/", "/trainings/"]
    for url in pages:
        assert client.get(url).status_code == 200, url
    assert client.get("/healthz").content == b"ok\n"

    redis_cache.stop()
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="content.cache"):
        for _ in range(3):
            for url in pages:
                response = client.get(url)
                assert response.status_code == 200, url
        health = client.get("/healthz")
        head = client.head("/healthz")
    assert health.status_code == 503
    assert health.content == b"database ok, cache unreachable\n"
    assert head.status_code == 503
    down_logs = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(down_logs) == 1, [r.getMessage() for r in caplog.records]

    redis_cache.start()  # the same port: no restart of the site
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="content.cache"):
        assert client.get("/healthz").content == b"ok\n"
        for url in pages:
            assert client.get(url).status_code == 200, url
    assert [r.getMessage() for r in caplog.records] == ["Cache reachable again; using it."]


def test_the_page_cache_is_used_again_after_recovery(
    client, redis_cache, django_assert_num_queries
):
    role = RoleFactory()
    redis_cache.stop()
    assert client.get(role.get_absolute_url()).status_code == 200
    redis_cache.start()
    client.get(role.get_absolute_url())  # renders and keeps the page
    with django_assert_num_queries(0):
        assert client.get(role.get_absolute_url()).status_code == 200


def test_healthz_answers_head_and_names_a_database_failure(client, monkeypatch):
    from config import views

    monkeypatch.setattr(views, "_database_ok", lambda: False)
    response = client.head("/healthz")
    assert response.status_code == 503
    assert client.get("/healthz").content == b"database unavailable, cache ok\n"


def test_health_checks_at_once_on_one_cache_do_not_read_each_others_token():
    """Two /healthz at the same time wrote one shared key and could read the other's value."""
    import threading

    from content.cache import ping

    results = []

    def check():
        results.extend(ping() for _ in range(200))

    threads = [threading.Thread(target=check) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results and all(results)
