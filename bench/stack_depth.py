"""
What the depth of the call stack does to rendering a template, and what config/stack.py's
`on_fresh_stack` does about it: the same result cards (trainings/_training_card.html, the
rows of make bench's database) rendered at each stack depth from 0 to MAX_DEPTH extra
frames, plainly and through `on_fresh_stack`, as config/wsgi.py runs every request.

    DATABASE_URL=sqlite:///$PWD/bench/http.sqlite3 python bench/stack_depth.py

(run `make bench` once first, for bench/http.sqlite3). Writes results/stack.md: per way
the fastest, median and slowest depth in ms per card, and the slowest over the fastest;
and what one `on_fresh_stack` call costs. A depth is the best of ROUNDS renders of CARDS
cards (the machine is noisy; the effect is not: a depth is either at a chunk's end or not).
"""

import platform
import statistics
import sys
import time
from pathlib import Path

import inprocess

inprocess.setup()

from django.template.loader import get_template  # noqa: E402
from django.utils import translation  # noqa: E402

from config.stack import on_fresh_stack  # noqa: E402
from trainings.models import Training  # noqa: E402

MAX_DEPTH = 240
STEP = 4
CARDS = 40
ROUNDS = 3
RESULTS = Path(__file__).resolve().parent / "results" / "stack.md"


def at_depth(depth, function):
    """function(), called `depth` Python frames further down the stack than here."""
    if depth == 0:
        return function()
    return at_depth(depth - 1, function)


def main():
    translation.activate("en")
    template = get_template("trainings/_training_card.html")
    trainings = list(Training.objects.published().for_listing()[:CARDS])
    contexts = [
        {"training": t, "compare": True, "distance_shown": True, "distance_mark": ""}
        for t in trainings
    ]

    def render_cards():
        started = time.perf_counter()
        for context in contexts:
            template.render(context)
        return (time.perf_counter() - started) * 1000 / len(contexts)

    ways = {
        "plain": render_cards,
        "on_fresh_stack": lambda: on_fresh_stack(render_cards),
    }
    render_cards()  # compile, imports
    by_way = {}
    for name, render in ways.items():
        by_way[name] = [
            (depth, min(at_depth(depth, render) for _ in range(ROUNDS)))
            for depth in range(0, MAX_DEPTH + 1, STEP)
        ]
    started = time.perf_counter()
    calls = 20_000
    for _ in range(calls):
        on_fresh_stack(int)
    call_us = (time.perf_counter() - started) * 1e6 / calls

    lines = [
        "# Template rendering and the depth of the stack (`bench/stack_depth.py`)",
        "",
        f"- {len(contexts)} training result cards, each depth the best of {ROUNDS} renders; "
        f"depths 0 to {MAX_DEPTH} extra frames, every {STEP}.",
        f"- Python {platform.python_version()}, {platform.machine()}.",
        f"- One `on_fresh_stack` call (of `int()`): {call_us:.1f} µs.",
        "",
        "| way | fastest ms/card | median | slowest (at depth) | slowest / fastest |",
        "|---|--:|--:|--:|--:|",
    ]
    for name, rows in by_way.items():
        times = [ms for _depth, ms in rows]
        worst_depth, worst = max(rows, key=lambda row: row[1])
        lines.append(
            f"| {name} | {min(times):.3f} | {statistics.median(times):.3f} | "
            f"{worst:.3f} ({worst_depth}) | {worst / min(times):.1f}x |"
        )
    fastest = min(ms for _depth, ms in by_way["plain"])
    slow = [depth for depth, ms in by_way["plain"] if ms > 1.3 * fastest]
    lines += [
        "",
        f"Plain, the depths more than 1.3x slower than the fastest: {slow or 'none'}.",
        "",
    ]
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
