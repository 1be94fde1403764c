#!/usr/bin/env python3
"""Write data/phone-metadata.xml: libphonenumber's numbering-plan metadata, as shipped with the
`phonenumber` crate, without comments and indentation.

`plan` reads phone numbers with only the territories a number can belong to, instead of
compiling every territory's patterns at start-up; this file is where those territories are
cut from. Run it after upgrading the `phonenumber` crate:

    python3 scripts/phone/extract.py "$(dirname "$(cargo metadata --format-version 1 \
        | python3 -c 'import json,sys; print([p["manifest_path"] for p in json.load(sys.stdin)["packages"] if p["name"] == "phonenumber"][0])')")"
"""
import re
import sys
from pathlib import Path

crate = Path(sys.argv[1])
version = re.search(r'^version = "([^"]+)"', (crate / "Cargo.toml").read_text(), re.M).group(1)
text = (crate / "assets" / "PhoneNumberMetadata.xml").read_text(encoding="utf-8")
body = text[text.index("<phoneNumberMetadata"):]
body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
# Whitespace between tags only; patterns are read with whitespace ignored, and their own
# spaces stay.
body = re.sub(r">\s+<", "><", body)
header = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f"<!-- libphonenumber numbering-plan metadata (Apache License 2.0), from the phonenumber crate {version}, "
    "comments and indentation removed by scripts/phone/extract.py. -->\n"
)
out = Path(__file__).resolve().parents[2] / "data" / "phone-metadata.xml"
out.write_text(header + body.strip() + "\n", encoding="utf-8")
print(f"wrote {out} ({out.stat().st_size} bytes)")
