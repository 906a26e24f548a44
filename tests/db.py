"""
Starting content loaded once per test module instead of once per test.

`loaded_once(load)` makes a module-scoped fixture that runs `load()` inside a transaction
opened for the module and rolled back after its last test, as Django's
TestCase.setUpTestData does for a class. Each test still runs in its own transaction (a
savepoint inside that one, rolled back when it ends), so what a test changes never reaches
the next. Loading the starting content took 1-3 seconds a test on PostgreSQL.

Every test that uses it must have database access of its own (a django_db mark on the
module or the test): one that only asks for this fixture runs outside a transaction, among
pytest-django's tests without a database, and left a second connection open to the test
database at the end of the run. Only for modules whose tests are not transactional (a
TransactionTestCase-style test flushes the tables). The content stays until the module's
last test, so a test that does not ask for it must run before the first that does:
`first_without_loaded_content` (called by tests/conftest.py's pytest_collection_modifyitems)
moves them there, keeping the order otherwise.

A test that starts a server process of its own (gunicorn) hands it this worker's test
database with `database_url_for_a_server()` rather than have it migrate a new one, and
checks with `wait_for_server_sessions_to_end()` that it let go of it.
"""

from itertools import groupby

import pytest
from django.db import transaction


def loaded_once(load):
    def fixture(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            value = load()
            yield value
            transaction.set_rollback(True)

    fixture.__doc__ = f"{load.__doc__ or load.__name__}, once for this module's tests."
    fixture.loaded_once = True
    return pytest.fixture(scope="module")(fixture)


def _uses_loaded_content(item):
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    return any(
        getattr(definition.func, "loaded_once", False)
        for name in info.names_closure
        for definition in info.name2fixturedefs.get(name, ())
    )


def first_without_loaded_content(items):
    """Reorder `items` in place: in each run of consecutive tests from one module, those
    that do not use a loaded_once fixture first. Only within such runs, so the grouping
    pytest-django makes (tests in a transaction before transactional ones, which flush the
    tables and the rows migrations made) stays as it is. Stable, and the same in every
    xdist worker."""
    items[:] = [
        item
        for _module, run in groupby(items, key=lambda item: item.module)
        for item in sorted(run, key=_uses_loaded_content)
    ]


SERVER_SESSIONS = "test-server"


def database_url_for_a_server(path):
    """A DATABASE_URL for a server process a test starts (gunicorn), holding this worker's
    migrated test database, so the process need not migrate a new one (about 14 s of CPU:
    82 migrations). On SQLite, a copy of the in-memory test database written to `path` with
    SQLite's backup API (milliseconds); on PostgreSQL, the test database itself. Either holds
    what the tests before left in it: rows a transactional test flushed are gone. The server's
    PostgreSQL sessions are named `SERVER_SESSIONS` (PGAPPNAME in its environment), for
    `wait_for_server_sessions_to_end()`."""
    import os
    from urllib.parse import quote, urlsplit

    from django.db import connection

    connection.ensure_connection()
    if connection.vendor == "sqlite":
        import sqlite3

        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return f"sqlite:///{path}"
    # The run's own DATABASE_URL, naming the test database instead.
    name = quote(connection.settings_dict["NAME"], safe="")
    return urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}").geturl()


def wait_for_server_sessions_to_end(timeout=10.0):
    """After the server stopped: wait until PostgreSQL has ended its sessions on the test
    database, which cannot be dropped at the end of the run while one is left. Returns
    those still there after `timeout` (none on SQLite)."""
    import time

    from django.db import connection

    if connection.vendor != "postgresql":
        return []
    deadline = time.monotonic() + timeout
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid, state, query FROM pg_stat_activity"
                " WHERE datname = current_database() AND application_name = %s",
                [SERVER_SESSIONS],
            )
            left = cursor.fetchall()
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.1)
