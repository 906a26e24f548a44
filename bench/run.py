"""
Run every bench/bench_*.py module and write their figures to bench/results/.

Benchmarks get a database of their own (never the development one): a SQLite file
bench/bench.sqlite3, or whatever BENCH_DATABASE_URL names (e.g. a PostgreSQL database),
migrated and loaded with the starting content before the first module runs.
"""

import os
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def main():
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{HERE / 'bench.sqlite3'}"
    )
    os.environ["DEBUG"] = "True"  # synthetic data is refused otherwise
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("load_content", verbosity=0, stdout=open(os.devnull, "w"))
    only = sys.argv[1:]
    modules = [m for m in sorted(HERE.glob("bench_*.py")) if not only or m.stem in only]
    for module in modules:
        print(f"== {module.name}", flush=True)
        runpy.run_path(str(module), run_name="__main__")


if __name__ == "__main__":
    main()
