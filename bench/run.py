"""Run every bench/bench_*.py module and write their figures to bench/results/."""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main():
    sys.path.insert(0, str(HERE.parent))
    modules = sorted(HERE.glob("bench_*.py"))
    if not modules:
        print("no benchmarks yet")
    for module in modules:
        print(f"== {module.name}")
        runpy.run_path(str(module), run_name="__main__")


if __name__ == "__main__":
    main()
