"""Reads a CSV file the way a spreadsheet importer or a script would, with Python's csv module.

Usage: read_csv.py FILE [--bom] [--unguard]
Prints {"header": [...], "rows": [[...], ...]} as JSON. --bom reads the file as utf-8-sig (and
fails if it has no byte order mark); --unguard undoes Quire's formula guard on every cell, by the
rule in docs/csv-format.md: a cell of one or more ' followed by =, +, -, @, tab or CR loses its first '.
"""
import csv
import json
import re
import sys

path = sys.argv[1]
flags = set(sys.argv[2:])
with open(path, "rb") as raw:
    starts_with_bom = raw.read(3) == b"\xef\xbb\xbf"
if "--bom" in flags and not starts_with_bom:
    sys.exit("no byte order mark")
if "--bom" not in flags and starts_with_bom:
    sys.exit("unexpected byte order mark")

guarded = re.compile(r"'+[=+\-@\t\r]", re.DOTALL)


def unguard(cell):
    return cell[1:] if guarded.match(cell) else cell


# newline="" as the csv module asks, so line breaks inside quoted cells are kept as written.
with open(path, encoding="utf-8-sig" if "--bom" in flags else "utf-8", newline="", errors="strict") as handle:
    records = list(csv.reader(handle, strict=True))
header, rows = records[0], records[1:]
if "--unguard" in flags:
    rows = [[unguard(cell) for cell in row] for row in rows]
for number, row in enumerate(rows, start=2):
    if len(row) != len(header):
        sys.exit(f"record {number} has {len(row)} cells, the header {len(header)}")
json.dump({"header": header, "rows": rows}, sys.stdout, ensure_ascii=True)
