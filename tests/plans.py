"""The database's plan for a query a test captured: which indexes the search reads."""

from django.db import connection


def query_plan(sql):
    """The plan of `sql` as one string: SQLite's EXPLAIN QUERY PLAN steps joined by " | ",
    PostgreSQL's EXPLAIN lines joined by newlines."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            return " | ".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())
