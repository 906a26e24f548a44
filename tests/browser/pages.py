"""Helpers for browser tests that walk several pages in one browser page."""


def assert_each_page(paths, check):
    """Run `check(path)` for every path, then fail once naming every page whose check
    failed and why, so one bad page does not hide the others."""
    failures = []
    for path in paths:
        try:
            check(path)
        except AssertionError as error:
            failures.append(f"{path}: {error}")
    assert not failures, "\n".join(failures)
