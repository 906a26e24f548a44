"""
`make test` installs only requirements-test.lock, which must therefore pin every runtime
package requirements.lock pins, at the same version: a package added to one lock file and
not the other works on a machine that already had it and fails on a clean clone.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9._-]+)==(\S+)", re.M)


def pins(name):
    return {pkg.lower(): version for pkg, version in PIN.findall((ROOT / name).read_text())}


def test_the_test_lock_file_pins_every_runtime_package_at_the_same_version():
    runtime, test = pins("requirements.lock"), pins("requirements-test.lock")
    assert runtime, "no pins read from requirements.lock"
    missing = {pkg: v for pkg, v in runtime.items() if test.get(pkg) != v}
    assert not missing, f"requirements-test.lock lacks or differs on {missing}"
