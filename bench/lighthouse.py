"""
`make lighthouse`: Lighthouse's four category scores (performance, accessibility, best
practices, SEO) for the pages people land on, on a phone as Lighthouse emulates one, into
bench/results/lighthouse.md.

The site runs as in production (gunicorn, DEBUG=False, collected static files) on
127.0.0.1 over the starting content, in a SQLite file of its own
(bench/lighthouse.sqlite3), as `make bench` does (its helpers are reused). Lighthouse is
the npm package, run with npx (or LIGHTHOUSE=/path/to/lighthouse), driving Debian's
chromium (CHROME_PATH, /usr/bin/chromium by default). Not part of `make test`: the scores
move with the machine's load, so they are figures to read, not a pass or fail.
"""

import datetime
import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from http_bench import (  # noqa: E402
    BIN,
    ROOT,
    base_env,
    free_port,
    manage,
    production_env,
    wait_until_up,
)

PAGES = [
    ("start", "/"),
    ("career", "/careers/care-management-care-coordination/"),
    ("role", "/careers/care-management-care-coordination/care-coordinator/"),
    ("trainings search", "/trainings/?q=care&zip=12207"),
    ("employers", "/employers/"),
]
CATEGORIES = [
    ("performance", "Performance"),
    ("accessibility", "Accessibility"),
    ("best-practices", "Best practices"),
    ("seo", "SEO"),
]
OUT = HERE / "results" / "lighthouse.md"


def lighthouse_command():
    if os.environ.get("LIGHTHOUSE"):
        return shlex.split(os.environ["LIGHTHOUSE"])
    return ["npx", "--yes", "lighthouse@12"]


def scores(url, work, name):
    report = work / f"{name.replace(' ', '-')}.json"
    subprocess.run(
        [
            *lighthouse_command(),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--chrome-flags=--headless --no-sandbox --disable-gpu",
        ],
        env=dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium")),
        check=True,
    )
    categories = json.loads(report.read_text())["categories"]
    return {key: round(categories[key]["score"] * 100) for key, _ in CATEGORIES}


def main():
    env = base_env(f"sqlite:///{HERE / 'lighthouse.sqlite3'}")
    manage(env, "migrate", "--noinput")
    manage(env, "load_content")
    work = Path(tempfile.mkdtemp(prefix="lighthouse-"))
    port = free_port()
    prod = production_env(env, port, work / "access.log")
    prod["WEB_CONCURRENCY"] = "2"
    manage(prod, "collectstatic", "--noinput", debug=False)
    gunicorn = subprocess.Popen(
        [str(BIN / "gunicorn"), "config.wsgi", "-c", str(ROOT / "gunicorn.conf.py")],
        env=prod,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=open(work / "gunicorn.err", "w"),
    )
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        wait_until_up(base, gunicorn)
        for name, path in PAGES:
            result = scores(base + path, work, name)
            print(name, result, flush=True)
            rows.append((name, path, result))
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)

    lines = [
        "# Lighthouse scores",
        "",
        f"Written by `make lighthouse` ({datetime.date.today().isoformat()}): Lighthouse's "
        "default mobile emulation (a mid-range phone on a throttled 4G connection, simulated), "
        "gunicorn with production settings on 127.0.0.1, the starting content, Debian's "
        "chromium. Out of 100.",
        "",
        "| page | path | " + " | ".join(label for _, label in CATEGORIES) + " |",
        "|---|---|" + "---:|" * len(CATEGORIES),
    ]
    for name, path, result in rows:
        figures = " | ".join(str(result[key]) for key, _ in CATEGORIES)
        lines.append(f"| {name} | `{path}` | {figures} |")
    OUT.write_text("\n".join(lines) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
