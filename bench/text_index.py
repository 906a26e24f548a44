"""
What SQLite's text index costs a trainings search, and what an index of words would cost:
the same searches counted through the site's FTS5 trigram index (trainings migration 0006)
and through an FTS5 index of words with prefix matching (each typed word matches the words
of the text that start with it), built for the run inside a transaction that is rolled
back, so the database is left as it was.

The trigram index finds a typed word anywhere in the text ("ordination" finds
"coordination"), as the search's fallback without an index (`search_text LIKE '%word%'`)
does; an index of words finds it only at the start of a word. So the two can differ in what
they match: the tool prints, for each search, the matches both ways, and the words where
they differ. Changing the index would be a decision about what a search finds (and the
fallback would have to match words the same way); this tool only measures.

    python bench/text_index.py [bench/http.sqlite3] [--searches 40]
"""

import argparse
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

FTS = "trainings_training_fts"
WORDS = "text_index_words"
RUNS = 5
# Two parts from inside words the data holds, which only a search anywhere in the text
# finds, and the start of one, which both find.
INSIDE_WORDS = ["ordination", "havioral", "navig"]


def median_ms(connection, sql, match):
    """(median of RUNS runs in ms, the count)."""
    times, count = [], None
    for _ in range(RUNS):
        started = time.perf_counter()
        count = connection.execute(sql, [match]).fetchone()[0]
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, count


def searches(n):
    """`n` searches as the make bench trainings search sends them (one or two of its
    words), then INSIDE_WORDS."""
    from site_sample import TRAINING_WORDS

    rng = random.Random(16)
    found = []
    while len(found) < n:
        words = tuple(rng.sample(TRAINING_WORDS, rng.choice([1, 1, 2])))
        if words not in found:
            found.append(words)
    return found + [(word,) for word in INSIDE_WORDS]


def main():
    from content.text import fts_all  # the site's own quoting of FTS5 words

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", nargs="?", default=str(HERE / "http.sqlite3"))
    parser.add_argument("--searches", type=int, default=40)
    args = parser.parse_args()
    if not Path(args.database).exists():
        raise SystemExit(f"{args.database} is missing: run make bench first")
    connection = sqlite3.connect(args.database, isolation_level=None)
    total = connection.execute("SELECT count(*) FROM trainings_training").fetchone()[0]
    print(f"{args.database}: {total:,} trainings; every match counted, median of {RUNS} runs")
    trigram_sql = f"SELECT count(*) FROM {FTS} WHERE {FTS} MATCH ?"
    words_sql = f"SELECT count(*) FROM {WORDS} WHERE {WORDS} MATCH ?"
    rows = []
    connection.execute("BEGIN")
    try:
        connection.execute(
            f"CREATE VIRTUAL TABLE {WORDS} USING fts5(search_text, content='', "
            "tokenize='unicode61 remove_diacritics 2', prefix='3')"
        )
        connection.execute(
            f"INSERT INTO {WORDS}(rowid, search_text) "
            "SELECT id, search_text FROM trainings_training"
        )
        for words in searches(args.searches):
            trigram = median_ms(connection, trigram_sql, fts_all(words))  # as the site asks
            prefix = median_ms(
                connection, words_sql, " AND ".join(fts_all([w]) + "*" for w in words)
            )
            rows.append((" ".join(words), trigram, prefix))
    finally:
        connection.execute("ROLLBACK")
    print(f"{'search':30} {'trigram ms':>10} {'matches':>8} {'words ms':>9} {'matches':>8}")
    for search, (trigram_ms, trigram_n), (words_ms, words_n) in rows:
        flag = "" if trigram_n == words_n else "  differs"
        print(
            f"{search:30} {trigram_ms:>10.2f} {trigram_n:>8,} {words_ms:>9.2f} {words_n:>8,}{flag}"
        )
    measured = rows[: args.searches]
    trigram_median = statistics.median(r[1][0] for r in measured)
    words_median = statistics.median(r[2][0] for r in measured)
    differ = sum(r[1][1] != r[2][1] for r in measured)
    print(
        f"\nthe {len(measured)} make bench searches: median {trigram_median:.2f} ms through the "
        f"trigram index, {words_median:.2f} ms through an index of words "
        f"({trigram_median / words_median:.1f}x); matches differ for {differ}"
    )


if __name__ == "__main__":
    main()
