"""
`make bench`: the site as production runs it, measured over real HTTP.

1. A database of its own: PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL names one,
   else the SQLite file bench/http.sqlite3; migrated, `load_content`, and `seed_demo`
   (DEBUG=True for the seeding only) up to 10,000 trainings, 5,000 employers and 5,000 job
   titles; `collectstatic`.
2. bench/site_sample.py (in-process, DEBUG=True) writes the distinct URLs of each page type
   and counts each page's database queries with CaptureQueriesContext.
3. gunicorn with production settings (DEBUG=False, a generated SECRET_KEY, ALLOWED_HOSTS
   127.0.0.1 and localhost, plain http on 127.0.0.1) and the project's gunicorn.conf.py
   with 2 workers; worker recycling (GUNICORN_MAX_REQUESTS) off for the run so the memory
   figures follow the same processes from warm-up to the end.
4. For each page type, wrk walks its list of URLs (bench/walk.lua) at 1 and then 8
   connections for a few seconds each; /healthz first and last.
5. bench/results/latest.json and latest.md, and the table in README.md's "Performance"
   section; on PostgreSQL, bench/results/postgresql.json and postgresql.md instead; with a
   shared cache (CACHE_URL=redis://..., as production runs: docs/deploy.md), the same names
   with "-redis" (sqlite-redis.*, postgresql-redis.*).

    python bench/http_bench.py [--seconds 5] [--only "trainings search,healthz"]
"""

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
PYTHON = sys.executable
BIN = Path(sys.executable).parent

SEED = {"trainings": 10_000, "employers": 5_000, "job_titles": 5_000}
CONNECTIONS = (1, 8)
WORKERS = 2
# Issue 16's first target names these six pages and the cookies page (start is measured too).
CONTENT_PAGES = (
    "start", "career", "role", "compare", "training detail", "employer detail", "cookies",
)  # fmt: skip
SEARCH_PAGES = ("trainings search", "employers search")
TITLE_FINDER = "title finder"
SEARCHES = (*SEARCH_PAGES, TITLE_FINDER)
# Target 2: each search's req/s at 8 connections as a share of /healthz's, at least.
SEARCH_TARGET = 0.25
TITLE_FINDER_TARGET = 0.5
# A page rendered on every request with no database query (bench/site_sample.py): what
# target 2's searches are also compared with, since they cannot cost less than it.
FLOOR = "floor: rendered without a query"
ORDER = (
    FLOOR,
    "start",
    "career",
    "role",
    "compare",
    "title finder",
    "trainings search",
    "training detail",
    "training detail, each once",
    "guide result",
    "employers search",
    "employer detail",
    "employer detail, each once",
    "cookies",
)
# The page types bench/site_sample.py also lists in Spanish ("es: <type>", /es/...) are
# measured each right after its English page, to show a Spanish page costs what its
# English page does.
SPANISH = "es: "
README_START = "<!-- bench:start (written by make bench) -->"
README_END = "<!-- bench:end -->"


def database_url():
    for name in ("BENCH_DATABASE_URL", "DATABASE_URL"):
        url = os.environ.get(name, "")
        if url.startswith(("postgres://", "postgresql://")):
            create_postgres_database(url)
            return url
    return f"sqlite:///{HERE / 'http.sqlite3'}"


def create_postgres_database(url):
    """Create the PostgreSQL database `url` names when the server does not have it yet (the
    run then migrates and seeds it), so a new name is enough to get a database of its own."""
    import psycopg

    server, name = url.rstrip("/").rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def conn_max_age():
    """As docs/deploy.md advises for production: each worker keeps its connection."""
    return os.environ.get("CONN_MAX_AGE", "60")


def base_env(db_url):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DATABASE_URL=db_url,
        DJANGO_SETTINGS_MODULE="config.settings",
        CONN_MAX_AGE=conn_max_age(),
        PYTHONPATH=str(ROOT),
    )
    return env


def production_env(env, port, access_log):
    env = dict(env)
    env.update(
        DEBUG="False",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # As production must (docs/deploy.md): the page cache keys pages on SITE_URL; without
        # it, a Host with a port (127.0.0.1:PORT, as wrk sends) is not cached at all.
        SITE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="False",
        SESSION_COOKIE_SECURE="False",
        CSRF_COOKIE_SECURE="False",
        CONSENT_COOKIE_SECURE="False",
        SECURE_HSTS_SECONDS="0",
        BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY=str(WORKERS),
        # Recycling would swap the workers mid-run and hide any growth in their memory.
        GUNICORN_MAX_REQUESTS="0",
        GUNICORN_ACCESSLOG=str(access_log),
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env, *args, debug=True):
    env = dict(env, DEBUG="True" if debug else env.get("DEBUG", "False"))
    return subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


COUNT_SCRIPT = """
from careers.models import JobTitle
from employers.models import Employer
from trainings.models import Training
print(Training.objects.count(), Employer.objects.count(), JobTitle.objects.count())
"""


def prepare_database(env, seed=SEED, log=print):
    started = time.perf_counter()
    manage(env, "migrate", "--noinput")
    manage(env, "load_content")
    counts = manage(env, "shell", "--no-imports", "-c", COUNT_SCRIPT).split()[-len(seed) :]
    have = dict(zip(seed, map(int, counts), strict=True))
    # The starting content has a few real rows; seed the synthetic ones up to the target.
    wanted = {name: max(0, count - have[name]) for name, count in seed.items()}
    wanted = {name: n for name, n in wanted.items() if n > 50}
    if wanted:
        args = [f"--{name}={n}" for name, n in wanted.items()]
        log(f"seeding {wanted}")
        manage(env, "seed_demo", *args)
    log(f"database ready in {time.perf_counter() - started:.0f} s")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, timeout=30):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read(), ""


def wait_until_up(base, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped while starting; see its log above")
        try:
            if fetch(base + "/healthz", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("gunicorn did not answer /healthz in time")


def worker_pids(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    return sorted(int(pid) for pid in children)


def memory(pids):
    """{pid: (rss MiB, peak rss MiB)} from /proc/<pid>/status."""
    figures = {}
    for pid in pids:
        status = Path(f"/proc/{pid}/status").read_text()
        rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
        hwm = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
        figures[pid] = (round(rss, 1), round(hwm, 1))
    return figures


def load_average():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# A status in a line of gunicorn's access log: ... "GET /path HTTP/1.1" 200 3 "-" "-"
ACCESS_STATUS = re.compile(r'" (\d{3}) ')


def statuses_since(access_log, start):
    """How many requests the access log records from byte `start` on, and how many of them
    answered something other than 2xx."""
    if access_log is None or not access_log.exists():
        return 0, 0
    time.sleep(0.2)  # the workers write a request's line once it is answered
    with access_log.open("rb") as log:
        log.seek(start)
        lines = log.read().decode("utf-8", "replace").splitlines()
    codes = [m.group(1) for m in map(ACCESS_STATUS.search, lines) if m]
    return len(codes), sum(1 for code in codes if not code.startswith("2"))


def wrk(base, paths_file, *, connections, seconds, offset=0, access_log=None):
    start = access_log.stat().st_size if access_log and access_log.exists() else 0
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(HERE / "walk.lua"),
        base,
        "--",
        str(paths_file),
        str(offset),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    line = [row for row in result.stdout.splitlines() if row.startswith("{")][-1]
    figures = json.loads(line)
    # From the server's access log, not from a response() in the Lua script: with one, wrk
    # copies every body into Lua, which on these 2 cores taxed a 45 KB page against the
    # 3-byte /healthz it is compared with.
    logged, figures["non2xx"] = statuses_since(access_log, start)
    if access_log is not None and figures["requests"] and not logged:
        raise SystemExit(f"no request of this run in {access_log}: statuses cannot be counted")
    seconds_run = figures["duration_us"] / 1e6
    return {
        "connections": connections,
        "requests": figures["requests"],
        "rps": round(figures["requests"] / seconds_run, 1),
        "p50_ms": round(figures["p50_us"] / 1000, 2),
        "p99_ms": round(figures["p99_us"] / 1000, 2),
        "max_ms": round(figures["max_us"] / 1000, 2),
        "non2xx": figures["non2xx"],
        "socket_errors": sum(figures["errors"][k] for k in ("connect", "read", "write", "timeout")),
        "offset": offset,
    }


def machine():
    meminfo = Path("/proc/meminfo").read_text()
    total = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1)) // 1024
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    # make bench-scale reports the machine too, and does not need wrk.
    wrk_version = ["not", "installed"]
    if shutil.which("wrk"):
        wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu.group(1).strip() if cpu else platform.processor(),
        "memory_mib": total,
        "python": platform.python_version(),
        "wrk": " ".join(wrk_version[:2]),
    }


def ratio(value, base):
    return round(value / base, 2) if base else None


def run(args):
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk (see bench/README.md)")
    started = time.perf_counter()
    db_url = database_url()
    env = base_env(db_url)
    vendor = "postgresql" if db_url.startswith("postgres") else "sqlite"
    print(f"database: {vendor}; load average {load_average()}", flush=True)
    load_before = load_average()
    prepare_database(env, log=lambda text: print(text, flush=True))
    work = Path(tempfile.mkdtemp(prefix="bench-http-"))
    subprocess.run(
        [PYTHON, str(HERE / "site_sample.py"), str(work)],
        env=dict(env, DEBUG="True"),
        check=True,
        cwd=ROOT,
    )
    sample = json.loads((work / "sample.json").read_text())
    port = free_port()
    access_log = work / "access.log"
    prod = production_env(env, port, access_log)
    manage(prod, "collectstatic", "--noinput", debug=False)
    gunicorn = subprocess.Popen(
        [str(BIN / "gunicorn"), "config.wsgi", "-c", str(ROOT / "gunicorn.conf.py")],
        env=prod,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=open(work / "gunicorn.err", "w"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, gunicorn)
        pids = worker_pids(gunicorn.pid)
        only = {name.strip() for name in args.only.split(",")} if args.only else None
        # Each Spanish page type right after its English one: the machine drifts during a
        # run, and the two are compared with each other.
        interleaved = []
        for name in ORDER:
            interleaved += [name, *([SPANISH + name] if SPANISH + name in sample["pages"] else [])]
        names = [n for n in interleaved if not only or n in only]
        pages = sample["pages"]

        # Warm-up: every page type, with URLs the measured runs do not send (except the
        # short lists of cached pages, which are what the page cache holds); long enough on
        # the long lists to fill the workers' bounded caches (site_sample.WARM), so "after
        # warm-up" is the memory a worker keeps and the check below catches growth that goes
        # on.
        for name in ["healthz", *names]:
            seconds = 4 if pages[name]["long"] else 1
            wrk(base, work / pages[name]["warm_file"], connections=2, seconds=seconds)
        memory_warm = memory(pids)

        results = {}
        # /healthz at 8 connections again right before each page type: the page's ratio at
        # 8 connections is against the mean of the /healthz runs just before and just after
        # it, so the machine's drift during the run (/healthz itself moved by a quarter
        # between the first and the last run) shifts it less.
        checks = []
        healthz_file = work / pages["healthz"]["file"]
        for name in ["healthz", *names, "healthz"]:
            key = "healthz after" if name == "healthz" and "healthz" in results else name
            if name != "healthz":
                checks.append(
                    wrk(
                        base,
                        healthz_file,
                        connections=CONNECTIONS[-1],
                        seconds=args.seconds,
                        access_log=access_log,
                    )
                )
            page = pages[name]
            status, body, content_type = fetch(base + page["example"])
            row = {
                "example": page["example"],
                "distinct_urls": page["distinct_urls"],
                "queries": page["queries"],
                "status": status,
                "html_bytes": len(body),
                "html_gzip_bytes": len(gzip.compress(body, 6)),
                "content_type": content_type,
                "runs": [],
            }
            for index, connections in enumerate(CONNECTIONS):
                # Each run starts where the previous one stopped, so no URL goes twice.
                offset = sum(r["requests"] for r in row["runs"]) if index else 0
                figures = wrk(
                    base,
                    work / page["file"],
                    connections=connections,
                    seconds=args.seconds,
                    offset=offset,
                    access_log=access_log,
                )
                row["runs"].append(figures)
                print(
                    f"{key:28} c={connections}  {figures['rps']:8.1f} req/s  "
                    f"p50 {figures['p50_ms']:7.2f} ms  p99 {figures['p99_ms']:7.2f} ms  "
                    f"non-2xx {figures['non2xx']}",
                    flush=True,
                )
            results[key] = row
        memory_after = memory(pids)
        adjacent_healthz(results, names, checks)
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        try:
            gunicorn.wait(timeout=30)
        except subprocess.TimeoutExpired:
            gunicorn.kill()
    errors = (work / "gunicorn.err").read_text()
    phases = in_process_phases(env, work, pages, names)
    report = summarise(
        results=results,
        checks=checks,
        sample=sample,
        vendor=vendor,
        memory_warm=memory_warm,
        memory_after=memory_after,
        load=(load_before, load_average()),
        seconds=args.seconds,
        elapsed=time.perf_counter() - started,
        phases=phases,
        server_errors=[line for line in errors.splitlines() if "ERROR" in line or "Trace" in line],
    )
    write(report, readme=not only)
    shutil.rmtree(work, ignore_errors=True)


# Requests per page type for in_process_phases: each URL of the list once.
PHASE_REQUESTS = 100


def in_process_phases(env, work, pages, names):
    """{page type: medians in ms of its time in SQL, templates and the rest}
    (bench/profile_pages.py --phases --json, in a process of its own with the production
    settings, on this run's database) for the searches and the floor page: how much of a
    search is its database work, which no template or Python made faster would remove."""
    phases = {}
    for name in (FLOOR, *SEARCHES):
        if name not in names:
            continue
        result = subprocess.run(
            [PYTHON, str(HERE / "profile_pages.py"), str(work / pages[name]["file"]),
             "--phases", "--json", "--requests", str(PHASE_REQUESTS)],
            env=env, cwd=ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        phases[name] = json.loads(result.stdout.strip().splitlines()[-1])
        print(f"{name:28} in-process {phases[name]}", flush=True)
    return phases


def adjacent_healthz(results, names, checks):
    """Each page type's /healthz at 8 connections (`names` in the order measured): the mean
    of the run just before it and the next one (the next page type's, or the last run)."""
    last = results["healthz after"]["runs"][-1]
    for index, key in enumerate(names):
        before = checks[index]
        after = checks[index + 1] if index + 1 < len(checks) else last
        results[key]["adjacent_healthz"] = {
            "rps": round((before["rps"] + after["rps"]) / 2, 1),
            "p99_ms": round((before["p99_ms"] + after["p99_ms"]) / 2, 2),
            "runs": [before, after],
        }


def summarise(*, results, checks, sample, vendor, memory_warm, memory_after, load, seconds,
              elapsed, server_errors, phases):  # fmt: skip
    """`checks`: the /healthz runs before each page type (adjacent_healthz); `phases`:
    in_process_phases()."""
    before, after = results["healthz"], results.get("healthz after", results["healthz"])
    baseline = {}
    for index, connections in enumerate(CONNECTIONS):
        # The mean of /healthz before and after, so a load change on this shared machine
        # during the run shifts every ratio less.
        rps = (before["runs"][index]["rps"] + after["runs"][index]["rps"]) / 2
        p99 = (before["runs"][index]["p99_ms"] + after["runs"][index]["p99_ms"]) / 2
        baseline[connections] = {"rps": rps, "p99_ms": p99}
    for row in results.values():
        for figures in row["runs"]:
            base = baseline[figures["connections"]]
            if figures["connections"] == CONNECTIONS[-1] and "adjacent_healthz" in row:
                base = row["adjacent_healthz"]
            figures["rps_ratio"] = ratio(figures["rps"], base["rps"])
            figures["p99_ratio"] = ratio(figures["p99_ms"], base["p99_ms"])
    rss_warm = sum(rss for rss, _ in memory_warm.values())
    rss_after = sum(rss for rss, _ in memory_after.values())
    peak = max(hwm for _, hwm in memory_after.values())
    runs = [f for r in results.values() for f in r["runs"]] + checks
    non2xx = sum(f["non2xx"] + f["socket_errors"] for f in runs)
    c8 = {name: row["runs"][-1] for name, row in results.items()}
    targets = []

    def target(text, met, detail):
        targets.append({"target": text, "met": bool(met), "measured": detail})

    for name in CONTENT_PAGES:
        if name in c8:
            value = c8[name]["rps_ratio"]
            target(f"{name}: >= 1.0x /healthz req/s at 8 connections", value >= 1.0, value)
    for name in SEARCH_PAGES:
        if name in c8:
            value = c8[name]["rps_ratio"]
            target(f"{name}: >= {SEARCH_TARGET}x /healthz req/s at 8 connections",
                   value >= SEARCH_TARGET, value)  # fmt: skip
            value = c8[name]["p99_ratio"]
            target(f"{name}: p99 <= 10x /healthz p99 at 8 connections", value <= 10, value)
    if TITLE_FINDER in c8:
        value = c8[TITLE_FINDER]["rps_ratio"]
        target(f"{TITLE_FINDER}: >= {TITLE_FINDER_TARGET}x /healthz req/s at 8 connections",
               value >= TITLE_FINDER_TARGET, value)  # fmt: skip
    for spanish in [name for name in c8 if name.startswith(SPANISH)]:
        name = spanish.removeprefix(SPANISH)
        if name in c8:
            # "Keep the speed": within the noise of one run on a shared machine (20%).
            value = ratio(c8[spanish]["rps"], c8[name]["rps"])
            target(f"{spanish}: >= 0.8x the English page's req/s at 8 connections",
                   value >= 0.8, value)  # fmt: skip
            if spanish == "es: title finder":
                continue  # Spanish words: other matches, so other queries
            same = results[spanish]["queries"] == results[name]["queries"]
            target(f"{spanish}: the English page's queries per request", same,
                   f"{results[spanish]['queries']} vs {results[name]['queries']}")  # fmt: skip
    floor = None
    if FLOOR in c8:
        # Informational, not a target: what any page rendered per request reaches, and each
        # search as a share of it (a search renders a page and runs its queries).
        floor = {
            "rps_ratio": c8[FLOOR]["rps_ratio"],
            "p99_ratio": c8[FLOOR]["p99_ratio"],
            "searches_share_of_floor": {
                name: ratio(c8[name]["rps"], c8[FLOOR]["rps"]) for name in SEARCHES if name in c8
            },
            "in_process_ms": phases,
            "sql_ceiling": sql_ceilings(c8, phases),
        }
    target("no non-2xx response or socket error during the run", non2xx == 0, non2xx)
    growth = rss_after / rss_warm - 1
    target(
        "workers' memory after the run within 10% of after warm-up",
        abs(growth) <= 0.10,
        f"{rss_warm:.0f} -> {rss_after:.0f} MiB ({growth:+.1%})",
    )
    return {
        "when": datetime.datetime.now().isoformat(timespec="seconds"),
        "command": "make bench",
        "database": vendor,
        "rows": sample["rows"],
        "machine": {**machine(), "load_average_before": load[0], "load_average_after": load[1]},
        "setup": {
            "server": f"gunicorn config.wsgi -c gunicorn.conf.py, {WORKERS} sync workers, "
            "DEBUG=False, CONN_MAX_AGE="
            + conn_max_age()
            + ", cache "
            + (os.environ.get("CACHE_URL") or "locmem (per process)"),
            "load generator": f"wrk -t1, {seconds} s per run at each of {CONNECTIONS} "
            "connections, bench/walk.lua walking distinct URLs",
        },
        "baseline_healthz": baseline,
        "pages": results,
        "memory_mib": {
            "after_warm_up": {str(pid): rss for pid, (rss, _) in memory_warm.items()},
            "after_run": {str(pid): rss for pid, (rss, _) in memory_after.items()},
            "peak_per_worker": {str(pid): hwm for pid, (_, hwm) in memory_after.items()},
            "total_after_warm_up": round(rss_warm, 1),
            "total_after_run": round(rss_after, 1),
            "peak": peak,
        },
        "server_errors_logged": server_errors[:20],
        "targets": targets,
        "floor": floor,
        "elapsed_s": round(elapsed),
    }


def sql_ceilings(c8, phases):
    """{search: the most its req/s could reach as a share of /healthz's at 8 connections were
    it to cost only what the floor page costs plus its SQL}: the floor page's time per
    request on the server (WORKERS / its req/s) plus the search's median SQL time in-process
    (in_process_phases), against the floor page's own ratio. Nothing but fewer or cheaper
    queries can take a search past it."""
    if FLOOR not in c8 or not c8[FLOOR]["rps"]:
        return {}
    floor_ms = WORKERS * 1000 / c8[FLOOR]["rps"]
    return {
        name: ratio(c8[FLOOR]["rps_ratio"] * floor_ms, floor_ms + phases[name]["sql"])
        for name in SEARCHES
        if name in phases and name in c8
    }


def _two_places(value):
    return "" if value is None else f"{value:.2f}"


def table(report):
    lines = [
        "| page | queries | HTML KiB (gzip) | c=1 req/s | c=1 p50 / p99 ms | c=8 req/s | "
        "c=8 p50 / p99 ms | c=8 x healthz req/s | c=8 p99 x healthz | non-2xx |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, row in report["pages"].items():
        one, eight = row["runs"]
        lines.append(
            f"| {name} | {row['queries']} | {row['html_bytes'] / 1024:.1f} "
            f"({row['html_gzip_bytes'] / 1024:.1f}) | {one['rps']:.0f} | "
            f"{one['p50_ms']:.1f} / {one['p99_ms']:.1f} | {eight['rps']:.0f} | "
            f"{eight['p50_ms']:.1f} / {eight['p99_ms']:.1f} | {eight['rps_ratio']:.2f} | "
            f"{eight['p99_ratio']:.1f} | {one['non2xx'] + eight['non2xx']} |"
        )
    return lines


def markdown(report):
    m = report["machine"]
    mem = report["memory_mib"]
    rows = ", ".join(f"{count:,} {name}" for name, count in report["rows"].items())
    lines = [
        f"# `make bench`: {report['when']}",
        "",
        f"- Database: {report['database']} ({rows}).",
        f"- Server: {report['setup']['server']}.",
        f"- Load: {report['setup']['load generator']}.",
        f"- Machine: {m['nproc']} cores ({m['cpu']}), {m['memory_mib']:,} MiB; load average "
        f"{m['load_average_before']} before, {m['load_average_after']} after (shared machine: "
        "compare ratios within one run, not absolute figures across runs).",
        f"- Workers' memory (RSS): {mem['total_after_warm_up']} MiB after warm-up, "
        f"{mem['total_after_run']} MiB after the run; peak of one worker {mem['peak']} MiB.",
        f"- Whole run: {report['elapsed_s']} s.",
        "",
        *table(report),
        "",
        "Queries: per request, counted in-process with CaptureQueriesContext, page cache cold.",
        "HTML: one example response, raw and gzip level 6 (the proxy in front compresses).",
        "Ratios: at 8 connections, against the mean of the /healthz runs right before and right "
        "after the page type (the drift of this shared machine during the run moves them less); "
        "at 1 connection, against the mean of the first and last /healthz runs.",
        "",
        "## Targets",
        "",
        *(
            f"- {'met' if t['met'] else '**missed**'}: {t['target']} (measured {t['measured']})"
            for t in report["targets"]
        ),
        "",
    ]
    floor = report.get("floor")
    if floor:
        shares = ", ".join(
            f"{name} {share:.2f}" for name, share in floor["searches_share_of_floor"].items()
        )
        lines += [
            "## What any rendered page costs",
            "",
            f"`{FLOOR}` is the compare page with nothing chosen: rendered on every request, "
            "with no database query. It reached "
            f"{floor['rps_ratio']:.2f}x /healthz req/s at 8 connections (p99 "
            f"{floor['p99_ratio']:.1f}x), the most any page the page cache does not serve can "
            f"reach on this server. Target 2 asks the searches for {SEARCH_TARGET}x (the "
            f"{TITLE_FINDER} {TITLE_FINDER_TARGET}x). Each search's req/s as a share of this "
            "page's: "
            f"{shares}.",
            "",
        ]
        in_process = floor.get("in_process_ms") or {}
        if in_process:
            lines += [
                "Where a request's time goes, in-process (bench/profile_pages.py --phases, "
                f"production settings, {PHASE_REQUESTS} of the page type's URLs each once, "
                "medians in ms; /healthz timed the same way):",
                "",
                "| page | total | SQL | templates | the rest | /healthz | ceiling (x healthz) |",
                "|---|--:|--:|--:|--:|--:|--:|",
                *(
                    f"| {name} | {m['total']:.2f} | {m['sql']:.2f} | {m['templates']:.2f} | "
                    f"{m['rest']:.2f} | {m['healthz']:.2f} | "
                    f"{_two_places(floor['sql_ceiling'].get(name))} |"
                    for name, m in in_process.items()
                ),
                "",
                "Ceiling: the req/s a search would reach, as a share of /healthz's at 8 "
                "connections, if it cost no more than the floor page plus its own SQL (the "
                "floor page's time per request on this server, plus the SQL time above). No "
                "work on templates or Python takes a search past it; only fewer or cheaper "
                "queries do.",
                "",
            ]
    if report["server_errors_logged"]:
        lines += ["## Server errors logged", "", "```", *report["server_errors_logged"], "```", ""]
    return "\n".join(lines)


def results_name(database, cache_url):
    """SQLite's run with the per-process cache: "latest" (and the README's table); else the
    database, with "-redis" for a run on a shared cache, so no run replaces another's."""
    redis = cache_url.startswith(("redis://", "rediss://"))
    if database == "sqlite" and not redis:
        return "latest"
    return database + ("-redis" if redis else "")


def write(report, *, readme=True):
    """results/<results_name>.json and .md, and for "latest" the README's table."""
    RESULTS.mkdir(exist_ok=True)
    name = results_name(report["database"], os.environ.get("CACHE_URL", ""))
    (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
    text = markdown(report)
    (RESULTS / f"{name}.md").write_text(text)
    readme_file = ROOT / "README.md"
    content = readme_file.read_text()
    readme = readme and name == "latest"
    if readme and README_START in content and README_END in content:
        head, rest = content.split(README_START, 1)
        _, tail = rest.split(README_END, 1)
        body = text.split("\n", 1)[1].strip()  # without the title
        readme_file.write_text(f"{head}{README_START}\n{body}\n{README_END}{tail}")
    print(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    parser.add_argument("--only", default="", help="comma-separated page types")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
