"""
The Spanish catalogues are complete: every entry of every `locale/es/LC_MESSAGES/django.po`
in the repository is translated and not fuzzy, msgfmt accepts each one (placeholders match
the English), and no catalogue lacks a string the code now marks (or keeps one it no longer
does): `make messages` run on a copy of the repository must find nothing new.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SKIP_DIRS = {".venv", ".git", "node_modules", "staticfiles", "test-results", "__pycache__"}


def catalogues(root=ROOT):
    """Every Spanish catalogue under root, as paths relative to it."""
    found = []
    for path in root.rglob("locale/es/LC_MESSAGES/django.po"):
        relative = path.relative_to(root)
        if not SKIP_DIRS.intersection(relative.parts):
            found.append(relative)
    return sorted(found)


def _entries(path):
    """What a catalogue holds: (context, message, plural) of each live entry."""
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in polib.pofile(str(path)) if not e.obsolete}


def test_the_project_catalogue_exists():
    assert Path("locale/es/LC_MESSAGES/django.po") in catalogues()


@pytest.mark.parametrize("relative", catalogues(), ids=str)
def test_every_entry_is_translated_and_not_fuzzy(relative):
    po = polib.pofile(str(ROOT / relative))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"{relative}: not translated: {untranslated}"
    assert not fuzzy, f"{relative}: fuzzy (check the text, then remove the flag): {fuzzy}"
    assert not po.metadata_is_fuzzy, f"{relative}: the header is marked fuzzy"
    assert po.metadata.get("Language") == "es", f"{relative}: header Language is not es"


@pytest.mark.parametrize("relative", catalogues(), ids=str)
def test_msgfmt_accepts_every_catalogue(relative):
    """--check: the placeholders of each translation match its English, the header is whole."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("GNU gettext is not installed (make gettext-deps)")
    result = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(ROOT / relative)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def _copy_sources(destination):
    """The files git would hold (what makemessages reads), without the bulky rest."""

    def ignore(directory, names):
        skipped = set(SKIP_DIRS)
        if Path(directory) == ROOT:
            skipped |= {name for name in names if name.endswith((".sqlite3", ".sqlite3-journal"))}
            skipped |= {"bench", "docs", "samples", "deploy"}
        return [name for name in names if name in skipped or name.endswith((".pyc", ".mo"))]

    shutil.copytree(ROOT, destination, ignore=ignore, symlinks=True)


def test_make_messages_finds_nothing_new(tmp_path):
    if shutil.which("xgettext") is None or shutil.which("make") is None:
        pytest.skip("GNU gettext and make are needed (make gettext-deps)")
    copy = tmp_path / "repo"
    _copy_sources(copy)
    result = subprocess.run(
        # The copy has no .venv: use this interpreter's, and do not try to install it.
        ["make", "-s", "-o", ".venv/.installed", "messages", f"BIN={Path(sys.executable).parent}"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert catalogues(copy) == catalogues(), "make messages made a catalogue the repo lacks"
    for relative in catalogues():
        committed, current = _entries(ROOT / relative), _entries(copy / relative)
        missing = sorted(str(e[1]) for e in current - committed)
        stale = sorted(str(e[1]) for e in committed - current)
        assert not missing, f"{relative} lacks (run make messages): {missing}"
        assert not stale, f"{relative} keeps strings the code no longer marks: {stale}"
