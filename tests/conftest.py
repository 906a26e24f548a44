"""
Shared fixtures. Browser tests drive Debian's Chromium through Playwright against
pytest-django's live server; `axe_check(page)` fails on any WCAG 2.x A/AA violation.
"""

import os
import shutil
import threading
import time
from pathlib import Path

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
# beside one unless told that this (test-only) use is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_configure(config):
    """Tests log users in thousands of times: hash their passwords the fast way."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_collection_modifyitems(config, items):
    from tests.db import first_without_loaded_content

    first_without_loaded_content(items)
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI"):
        # In CI a missing browser is a broken set-up, not a reason to skip.
        raise pytest.UsageError(f"Chromium not found at {CHROMIUM}; `make test` installs it.")
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Each test starts with empty caches (pages, counters), so nothing leaks between tests.

    Tests with database access then start in the steady state a live process is in: the
    consent policy registry (read once a minute per process) is already loaded, so query
    counts measure the page, not the first request after a restart.
    """
    from django.core.cache import caches

    def clear():
        for cache in caches.all():
            cache.clear()

    clear()
    if request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(
        request.fixturenames
    ):
        from consent import registry

        request.getfixturevalue("transactional_db" if _is_transactional(request) else "db")
        registry.forget()  # the copy this process holds may come from another test's rows
        registry.load()
    yield
    clear()
    from consent import registry

    registry.forget()


@pytest.fixture
def cache_reads(monkeypatch):
    """The keys asked of the shared cache (cache.get) from here on, in order; the cache
    itself still answers. With Redis each is a round trip."""
    from django.core.cache import cache

    keys = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        keys.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    return keys


def _is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    return "transactional_db" in request.fixturenames or bool(
        marker and marker.kwargs.get("transaction")
    )


@pytest.fixture(scope="session")
def _playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def chromium(_playwright):
    browser = _playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def new_page(chromium, live_server):
    """Factory: new_page(java_script_enabled=False, viewport={...}) opens a fresh context."""
    contexts = []

    def make(**options):
        options.setdefault("base_url", live_server.url)
        context = chromium.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.csp_errors = []
        page.on(
            "console",
            lambda msg: "Content Security Policy" in msg.text and page.csp_errors.append(msg.text),
        )
        return page

    yield make
    for context in contexts:
        context.close()
    _wait_for_live_server_requests()


def _wait_for_live_server_requests(timeout=3.0):
    """Let the requests still in the live server's threads end before the next test.

    Closing a browser context leaves the requests it had sent (the page's stylesheets,
    images, scripts) being answered: 2 to 6 threads, done within 70 ms. With SQLite in
    memory those threads share the test database's connection only while the server runs,
    so when the last test of a worker was a browser test, the server's stop at the end of
    the session raced them, and each one still running failed in connections.close_all()
    ("DatabaseWrapper objects created in a thread can only be used in that same thread";
    six such warnings in one CI run). Waiting here also keeps them away from the flush
    that ends a transactional test.
    """
    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        # socketserver names each request's thread after its target.
        if thread.name.endswith("(process_request_thread)"):
            thread.join(max(0.0, deadline - time.monotonic()))


@pytest.fixture
def page(new_page):
    return new_page()


def _axe_source():
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


@pytest.fixture(scope="session")
def axe_check():
    """axe_check(page): run axe-core in the page and fail on any WCAG 2.x A/AA violation.
    `rules`: only these axe rules (ids), for a page already checked with every rule where
    only some can change (tests/quality/test_every_page.py: the colors of a second scheme)."""
    source = _axe_source()

    def check(page, context=None, rules=None):
        # evaluate() runs through the DevTools protocol, so the page's strict CSP stays on.
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.evaluate(source)
        only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
        results = page.evaluate(
            "([context, only]) => axe.run(context || document,"
            " {runOnly: only, resultTypes: ['violations']})",
            [context, only],
        )
        violations = results["violations"]
        report = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']}\n    "
            + "\n    ".join(n["html"][:200] for n in v["nodes"][:5])
            for v in violations
        )
        assert not violations, f"axe-core found violations on {page.url}:\n{report}"
        return results

    def preload(browser_context):
        """Load axe-core into every page `browser_context` opens from now on, as it opens
        (through DevTools, like evaluate(): the CSP stays on), for a test that checks many
        pages: 10 % less time than evaluating it into each page afterwards."""
        browser_context.add_init_script(script=source)

    check.preload = preload
    return check
