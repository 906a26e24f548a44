"""What the SQLite full-text indexes' tests share (trainings and job titles, migrations
trainings 0006 and careers 0017)."""

from django.db import connection


def trigger_names(table):
    """The names of the triggers SQLite holds on `table`."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [table]
        )
        return {row[0] for row in cursor.fetchall()}


def index_triggers(table):
    """The three triggers that keep `table`'s FTS5 index in step with it."""
    return {f"{table}_fts_{operation}" for operation in ("insert", "delete", "update")}
