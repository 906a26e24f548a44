"""
Why the trainings search grows with the data on SQLite, and what plan would not: the same
first page of a one-word search read three ways, timed on a `make bench-scale` database.
The page is 20 trainings, featured first, then by title: the order the site gives a list
without words. (A word search also puts the trainings with the word in their title first;
a plan that stays flat must serve that too, e.g. one tier at a time.)

1. "text index first" (what the site does today): the FTS5 trigram index lists every
   training that holds the word, then each is looked up. Cost grows with the matches.
2. "order index first": an index in the list's order is walked, and each training is
   checked against the text index by its id until the page is full. Cost grows with the
   rows walked: tiny for a common word, every row for a rare one.
3. the count: exact (every match) or capped ("1,000+": stop at 1,001).

A search can only stay flat as the data grows if it picks between 1 and 2 by how many
trainings match (the capped count answers that cheaply) and shows a capped count. That is
a product decision (the count shown, the order of "best match"); this tool only measures.
The order index is created inside a transaction that is rolled back: the database is left
as it was.

    python bench/search_plans.py [bench/scale-100x.sqlite3] [--words care,behavioral,zzzq]
"""

import argparse
import sqlite3
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FTS = "trainings_training_fts"
TEXT_FIRST = (
    "SELECT id FROM trainings_training WHERE status = 'published' AND id IN "
    f"(SELECT rowid FROM {FTS} WHERE {FTS} MATCH ?) ORDER BY featured DESC, title, id LIMIT 20"
)
ORDER_FIRST = (
    "SELECT id FROM trainings_training t WHERE status = 'published' AND EXISTS "
    f"(SELECT 1 FROM {FTS} f WHERE f.{FTS} MATCH ? AND f.rowid = t.id) "
    "ORDER BY featured DESC, title, id LIMIT 20"
)
ORDER_INDEX = (
    "CREATE INDEX search_plans_order ON trainings_training (status, featured DESC, title, id)"
)
COUNT = f"SELECT count(*) FROM {FTS} WHERE {FTS} MATCH ?"
CAPPED_COUNT = f"SELECT count(*) FROM (SELECT 1 FROM {FTS} WHERE {FTS} MATCH ? LIMIT 1001)"


def best_of(connection, sql, match, runs=3):
    """(fastest of `runs` in ms, the rows)."""
    best, rows = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        rows = connection.execute(sql, [match]).fetchall()
        best = min(best, time.perf_counter() - started)
    return best * 1000, rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", nargs="?", default=str(HERE / "scale-100x.sqlite3"))
    parser.add_argument("--words", default="care,behavioral,zzzq")
    args = parser.parse_args()
    if not Path(args.database).exists():
        raise SystemExit(f"{args.database} is missing: run make bench-scale first")
    connection = sqlite3.connect(args.database, isolation_level=None)
    total = connection.execute("SELECT count(*) FROM trainings_training").fetchone()[0]
    print(f"{args.database}: {total:,} trainings; fastest of 3 runs, ms")
    print(f"{'word':12} {'matches':>8} {'count':>7} {'capped':>7} {'text first':>11} "
          f"{'order first':>12}")  # fmt: skip
    words = args.words.split(",")
    matches = ['"' + word.replace('"', '""') + '"' for word in words]
    # The site's plan first, on the database as the site has it; then the order index.
    before = [
        (best_of(connection, COUNT, match), best_of(connection, CAPPED_COUNT, match)[0])
        for match in matches
    ]
    text_first = [best_of(connection, TEXT_FIRST, match) for match in matches]
    connection.execute("BEGIN")
    try:
        connection.execute(ORDER_INDEX)
        order_first = [best_of(connection, ORDER_FIRST, match, runs=1) for match in matches]
    finally:
        connection.execute("ROLLBACK")
    for word, ((count_ms, rows), capped_ms), text, order in zip(
        words, before, text_first, order_first, strict=True
    ):
        assert text[1] == order[1], "the two plans must give the same page"
        print(
            f"{word:12} {rows[0][0]:>8,} {count_ms:>7.2f} {capped_ms:>7.2f} "
            f"{text[0]:>11.2f} {order[0]:>12.2f}"
        )


if __name__ == "__main__":
    main()
