#!/usr/bin/python3
"""Reads a CSV export back with Python's csv module (as a spreadsheet import would) and prints
its rows as JSON. Fails unless the file is UTF-8 with a byte-order mark and CRLF line ends."""
import csv
import json
import sys

raw = open(sys.argv[1], 'rb').read()
if not raw.startswith(b'\xef\xbb\xbf'):
    sys.exit('no UTF-8 byte-order mark')
raw.decode('utf-8')  # strict: raises on invalid UTF-8
if not raw.endswith(b'\r\n'):
    sys.exit('rows must end with CRLF')
with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f, strict=True))
widths = {len(r) for r in rows}
if len(widths) != 1:
    sys.exit('rows of different widths: %s' % sorted(widths))
print(json.dumps(rows))
