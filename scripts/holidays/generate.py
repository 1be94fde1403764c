#!/usr/bin/env python3
"""Generate data/holidays.txt, the built-in public-holiday dataset, from python-holidays.

Usage (from the repository root):

    python3 -m pip install -r scripts/holidays/requirements.txt
    python3 scripts/holidays/generate.py            # writes data/holidays.txt
    python3 scripts/holidays/generate.py --check    # exits 1 if the file is out of date

The output is deterministic: the same python-holidays version always gives the same file.

What is recorded
----------------
* Years FIRST_YEAR..LAST_YEAR, for the countries in COUNTRIES, each with every subdivision
  python-holidays offers whose code fits a calendar id (one to three upper-case letters or
  digits, as in `DE-BY`, `GB-SCT`, `FR-971`). City- and zone-level entries such as
  `Augsburg` or `Zone A` are left out: a plan cannot name them.
* Only the library's default category (public holidays).
* Observed dates as the library computes them: a holiday moved to a weekday appears on the
  day it is observed, with the library's name (`Independence Day (observed)`). In countries
  whose law makes the observed day the holiday *instead of* the calendar date
  (OBSERVED_REPLACES_ACTUAL), the calendar date is dropped when it has an observed date;
  elsewhere the library's output is kept as it is (both days are holidays, e.g. Thailand's
  and Japan's substitute days are additional days off).
* Names in English: the library's default language when it is an English variant, else
  en_GB, else en_US, else the default. Several holidays on one date are joined with "; ".

File format
-----------
    # comment
    @source python-holidays 0.109       dataset source and version
    @years 2020 2040                    first and last year covered
    [DE] Germany                        a country block: every holiday of the country
    2020-01-01 New Year's Day
    @complete-through 2035              (in a country block) holidays computed from tables
                                        that end that year; later years lack some of them
    [DE-BY] Bayern                      a subdivision block: differences from its country
    +2020-01-06 Epiphany                added, or named differently than the country's entry
    -2020-10-31                         a country holiday the subdivision does not have
Blocks are sorted by id, with each country followed by its subdivisions; lines are sorted
by date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import warnings
from pathlib import Path

import holidays
from holidays import registry

FIRST_YEAR = 2020
LAST_YEAR = 2040

COUNTRIES = (
    "DE AT CH LV LT EE PT BR ES FR IT NL BE PL SE DK FI NO IE GB US CA AU NZ IN JP SG TH"
).split()

# Countries where a holiday falling on a weekend is moved rather than doubled: the observed
# weekday is the day off and the calendar date is not.
#   GB: gov.uk lists only the substitute day as the bank holiday (Banking and Financial
#       Dealings Act 1971, sched. 1).
#   US: 5 U.S.C. 6103(b) and OPM: a holiday on a Saturday is observed on the Friday before,
#       on a Sunday on the Monday after; states follow the same pattern.
OBSERVED_REPLACES_ACTUAL = {"GB", "US"}
OBSERVED_SUFFIX = " (observed)"

SUBDIVISION_CODE = re.compile(r"[A-Z0-9]{1,3}")
RANGE_WARNING = re.compile(r"available only from (\d{4}) to (\d{4})")

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "data" / "holidays.txt"


def language(cls: type) -> str | None:
    default = cls.default_language
    if default is None or default.startswith("en"):
        return default
    for lang in ("en_GB", "en_US"):
        if lang in cls.supported_languages:
            return lang
    return default


def country_name(code: str) -> str:
    for class_name, alpha2, *_ in registry.COUNTRIES.values():
        if alpha2 == code:
            return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", class_name)
    raise SystemExit(f"python-holidays has no country {code}")


def subdivision_name(cls: type, code: str) -> str:
    """The first alias that reads as a name (`Bayern`, `Guadeloupe`), else the code."""
    for alias in cls.get_subdivision_aliases().get(code, []):
        if any(c.islower() for c in alias):
            return alias
    return code


def holidays_of(code: str, subdiv: str | None) -> tuple[dict[dt.date, str], int | None]:
    """Holidays of a calendar by date, and the last year its tables cover if they end early."""
    cls = holidays.country_holidays(code).__class__
    # One year either side, so that a holiday observed across New Year is seen with its
    # calendar date; trimmed below.
    years = range(FIRST_YEAR - 1, LAST_YEAR + 2)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = holidays.country_holidays(code, subdiv=subdiv, years=years, language=language(cls))
        names = {day: list(found.get_list(day)) for day in found}
    complete_through = None
    for warning in caught:
        match = RANGE_WARNING.search(str(warning.message))
        if match and int(match.group(2)) < LAST_YEAR:
            complete_through = int(match.group(2))
        elif not match:
            raise SystemExit(f"{code} {subdiv}: unexpected warning: {warning.message}")
    if code in OBSERVED_REPLACES_ACTUAL:
        drop_actual_dates(names, f"{code}-{subdiv}" if subdiv else code)
    table = {
        day: "; ".join(day_names)
        for day, day_names in names.items()
        if FIRST_YEAR <= day.year <= LAST_YEAR and day_names
    }
    return table, complete_through


def drop_actual_dates(names: dict[dt.date, list[str]], calendar: str) -> None:
    """Removes the calendar date of every holiday that has an observed date."""
    for day in sorted(names):
        for name in names[day]:
            if not name.endswith(OBSERVED_SUFFIX):
                continue
            actual = name.removesuffix(OBSERVED_SUFFIX)
            near = [day + dt.timedelta(days=d) for d in range(-7, 8) if d]
            origin = [d for d in near if actual in names.get(d, [])]
            if len(origin) != 1:
                raise SystemExit(f"{calendar} {day}: cannot find the date `{name}` is observed for")
            names[origin[0]].remove(actual)
    for day in [day for day, day_names in names.items() if not day_names]:
        del names[day]


def generate() -> str:
    version = holidays.__version__
    out = [
        f"# Public holidays {FIRST_YEAR}-{LAST_YEAR}, generated by scripts/holidays/generate.py"
        f" from python-holidays {version}. Do not edit.",
        "# [XX] a country: every public holiday. [XX-YY] a subdivision: +date name (added or",
        "# renamed) and -date (not observed) relative to its country. @complete-through YEAR:",
        "# some holidays of this country come from tables that end that year.",
        f"@source python-holidays {version}",
        f"@years {FIRST_YEAR} {LAST_YEAR}",
    ]
    for code in sorted(COUNTRIES):
        cls = holidays.country_holidays(code).__class__
        base, complete_through = holidays_of(code, None)
        out.append(f"[{code}] {country_name(code)}")
        if complete_through is not None:
            out.append(f"@complete-through {complete_through}")
        out.extend(f"{day.isoformat()} {base[day]}" for day in sorted(base))
        for sub in sorted(s for s in cls.subdivisions if SUBDIVISION_CODE.fullmatch(s)):
            table, _ = holidays_of(code, sub)
            out.append(f"[{code}-{sub}] {subdivision_name(cls, sub)}")
            for day in sorted(base.keys() | table.keys()):
                if day not in table:
                    out.append(f"-{day.isoformat()}")
                elif base.get(day) != table[day]:
                    out.append(f"+{day.isoformat()} {table[day]}")
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args()
    text = generate()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date; run {Path(__file__).relative_to(ROOT)}")
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(text.encode())} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
