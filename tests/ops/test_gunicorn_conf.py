"""
gunicorn.conf.py, loaded as gunicorn loads it, with and without the variables it reads:
it listens on the loopback unless BIND says otherwise, believes X-Forwarded-* from no one
unless BEHIND_HTTPS_PROXY is on, and uses sync workers so its timeout ends a stuck request.
"""

import runpy
import shutil
from pathlib import Path

import pytest
from gunicorn.config import Config

ROOT = Path(__file__).resolve().parents[2]
VARIABLES = (
    "BIND",
    "PORT",
    "BEHIND_HTTPS_PROXY",
    "FORWARDED_ALLOW_IPS",
    "WEB_CONCURRENCY",
    "GUNICORN_TIMEOUT",
    "GUNICORN_CONTROL_SOCKET",
)


@pytest.fixture
def load(tmp_path, monkeypatch):
    """load(**env): the settings gunicorn.conf.py gives in exactly that environment."""
    # A copy, so that a developer's .env beside the real file cannot change the answer.
    conf = tmp_path / "gunicorn.conf.py"
    shutil.copy(ROOT / "gunicorn.conf.py", conf)

    def load(**env):
        for name in VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(conf))

    return load


@pytest.fixture
def gunicorn_config(tmp_path, load):
    """gunicorn_config(**env): gunicorn's own Config after reading the file."""

    def make(**env):
        settings = load(**env)
        config = Config()
        for name, value in settings.items():
            if name in config.settings:
                config.set(name, value)
        return config

    return make


def test_listens_on_the_loopback_by_default(load):
    assert load()["bind"] == ["127.0.0.1:8000"]


def test_port_alone_changes_the_port_not_the_address(load):
    assert load(PORT="9001")["bind"] == ["127.0.0.1:9001"]


def test_bind_says_where_to_listen(load):
    assert load(BIND="0.0.0.0:8001", PORT="9001")["bind"] == ["0.0.0.0:8001"]
    assert load(BIND="127.0.0.1:8001, [::1]:8001")["bind"] == ["127.0.0.1:8001", "[::1]:8001"]
    assert load(BIND="unix:/run/healthcareers.sock")["bind"] == ["unix:/run/healthcareers.sock"]


def test_forwarded_headers_are_trusted_from_no_one_by_default(load, gunicorn_config):
    assert load()["forwarded_allow_ips"] == ""
    # Even a FORWARDED_ALLOW_IPS left in the environment does not open it.
    assert load(FORWARDED_ALLOW_IPS="*")["forwarded_allow_ips"] == ""
    assert load(BEHIND_HTTPS_PROXY="False")["forwarded_allow_ips"] == ""
    assert gunicorn_config().forwarded_allow_ips == []


def test_behind_an_https_proxy_the_loopback_proxy_is_trusted(load, gunicorn_config):
    assert load(BEHIND_HTTPS_PROXY="True")["forwarded_allow_ips"] == "127.0.0.1,::1"
    assert gunicorn_config(BEHIND_HTTPS_PROXY="on").forwarded_allow_ips == ["127.0.0.1", "::1"]
    proxy = load(BEHIND_HTTPS_PROXY="true", FORWARDED_ALLOW_IPS="10.0.0.5")
    assert proxy["forwarded_allow_ips"] == "10.0.0.5"


def test_sync_workers_so_the_timeout_ends_a_stuck_request(load, gunicorn_config):
    settings = load()
    assert settings["worker_class"] == "sync"
    assert settings["threads"] == 1
    assert settings["timeout"] == 30
    # gunicorn turns "sync" into its threaded worker when threads > 1; it must not.
    assert gunicorn_config().worker_class_str == "sync"
    assert load(GUNICORN_TIMEOUT="12")["timeout"] == 12


def test_control_socket_is_off_unless_named(load, gunicorn_config):
    # Several instances on one machine would all take the same default path.
    assert load()["control_socket_disable"] is True
    assert gunicorn_config().control_socket_disable is True
    settings = load(GUNICORN_CONTROL_SOCKET="/run/healthcareers/a.ctl")
    assert settings["control_socket_disable"] is False
    assert settings["control_socket"] == "/run/healthcareers/a.ctl"


def test_a_worker_keeps_what_it_loaded_out_of_the_garbage_collectors_reach(load):
    import gc

    hook = load()["post_worker_init"]
    try:
        hook(worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
