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
* Names in other languages (NAME_LANGUAGES): for each country, its own default language when
  that is not English, and each of the document languages de, lv, pt_PT, pt_BR and th that
  the library supports for it. They are recorded as a table per country and language that
  maps each English name (one holiday, not a "; "-joined date) to the name in that language;
  a name that is the same as the English one is left out. The country's table covers the
  names of its subdivisions too; a subdivision that names a holiday differently in some
  language (Spain's regions each spell Eid al-Adha their own way) has its own table of the
  differences. The script checks that every English name of a calendar has exactly one name
  per language.

Language tags: the library's language with the region dropped (`de`, `th`, `it` for it_IT,
`pt` for pt_PT), except `pt-BR` for pt_BR.

File format
-----------
    # comment
    @source python-holidays 0.109       dataset source and version
    @years 2020 2040                    first and last year covered
    [DE] Germany                        a country block: every holiday of the country
    @language de                        (in a country block) the country's own language, when
                                        it is not English
    @complete-through 2035              (in a country block) holidays computed from tables
                                        that end that year; later years lack some of them
    2020-01-01 New Year's Day
    @names de                           (closing a country block) names in language de of the
                                        holidays of the country and its subdivisions:
    New Year's Day = Neujahr            English name, " = ", the name in that language
    [DE-BY] Bayern                      a subdivision block: differences from its country
    +2020-01-06 Epiphany                added, or named differently than the country's entry
    -2020-10-31                         a country holiday the subdivision does not have
    @names es                           (closing a subdivision block) where the subdivision's
    Eid al-Adha = Fiesta del Sacrificio name in a language differs from its country's table
Blocks are sorted by id, with each country followed by its subdivisions; lines are sorted
by date, name tables by language (the country's own first) and then by English name.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gettext
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


# The document languages a plan can be rendered in, other than English, as the library
# names them.
NAME_LANGUAGES = ("de", "lv", "pt_PT", "pt_BR", "th")


def name_languages(cls: type) -> list[str]:
    """The languages other than English to record names in: the country's own, then the
    document languages the library supports for it."""
    default = cls.default_language
    langs = [default] if default and not default.startswith("en") else []
    langs += [lang for lang in NAME_LANGUAGES if lang in cls.supported_languages and lang not in langs]
    return langs


def tag(lang: str) -> str:
    """The file's tag for a library language: `pt-BR` for pt_BR, else the language alone."""
    return "pt-BR" if lang == "pt_BR" else lang.split("_")[0]


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


Names = list[list[str]]
"""One date's holiday names in English and then in each of a country's name languages. The
library sorts the names of one date alphabetically, so the lists need not line up."""


def holidays_of(code: str, subdiv: str | None) -> tuple[dict[dt.date, str], dict[dt.date, Names], int | None]:
    """Holidays of a calendar by date; each date's names in English and then in each of
    `name_languages`; and the last year its tables cover if they end early."""
    cls = holidays.country_holidays(code).__class__
    # One year either side, so that a holiday observed across New Year is seen with its
    # calendar date; trimmed below.
    years = range(FIRST_YEAR - 1, LAST_YEAR + 2)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = [
            holidays.country_holidays(code, subdiv=subdiv, years=years, language=lang)
            for lang in [language(cls), *name_languages(cls)]
        ]
        names = {day: list(found[0].get_list(day)) for day in found[0]}
        all_names = {
            day: [list(f.get_list(day)) for f in found] for day in found[0] if FIRST_YEAR <= day.year <= LAST_YEAR
        }
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
    return table, all_names, complete_through


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


def catalogue_pairs(code: str, languages: list[str], names: Names) -> list[dict[str, str]]:
    """For a date the dates alone cannot untangle (Latvia's Labour Day and Constitutional
    Assembly Convocation Day are always both on 1 May): the English and each language's
    names, paired through the library's message catalogues, whose keys are the names in the
    country's own language (`languages[0]`, which must then be that language)."""
    cls = holidays.country_holidays(code).__class__
    if languages[0] != cls.default_language:
        raise SystemExit(f"{code}: cannot tell which name is which: {names}")
    locale = Path(holidays.__file__).parent / "locale"
    english = gettext.translation(code, localedir=locale, languages=[language(cls)])
    pairs: list[dict[str, str]] = []
    for lang in languages:
        other = gettext.translation(code, localedir=locale, languages=[lang])
        pairs.append({translate(english, own): translate(other, own) for own in names[1]})
    return pairs


def translate(catalogue: gettext.NullTranslations, own: str) -> str:
    """`own` through a catalogue, also where it was made from a template such as
    `ชดเชย%s` ("%s (in lieu)") and a name."""
    if catalogue.gettext(own) != own:
        return catalogue.gettext(own)
    for template in (k for k in getattr(catalogue, "_catalog", {}) if isinstance(k, str) and "%s" in k):
        before, _, after = template.partition("%s")
        if own.startswith(before) and own.endswith(after) and len(own) > len(before) + len(after):
            inner = own[len(before) : len(own) - len(after)]
            if catalogue.gettext(inner) != inner:
                return catalogue.gettext(template) % catalogue.gettext(inner)
    return own


def name_tables(
    code: str,
    calendars: list[dict[dt.date, Names]],
    languages: list[str],
    known: list[dict[str, str]] | None = None,
) -> list[dict[str, str]]:
    """For each of `languages` (a country's name languages), its name of every English name the
    calendars use. A date with one holiday pairs its names directly; on a date with several,
    a name is paired once the others are known (from other dates, or else from `known`, the
    country's tables, as for Brasília, whose founding day is always Tiradentes' Day). Checks
    that each English name has exactly one name per language and that the pairs account for
    every date."""
    dates = [names for table in calendars for names in table.values()]
    for names in dates:
        for name in (n for names_in in names for n in names_in):
            if "; " in name or " = " in name or "\n" in name or not name.strip():
                raise SystemExit(f"{code}: a name the file format cannot hold: `{name}`")
    tables: list[dict[str, str]] = []
    for i in range(1, len(languages) + 1):
        table: dict[str, str] = {}
        hint: dict[str, str] = {}

        def name_of(en: str) -> str | None:
            return table.get(en, hint.get(en))

        # The calendar's own dates first; the country's tables only for what they leave open.
        for hint in ({}, known[i - 1] if known else {}):
            progress = True
            while progress:
                progress = False
                for names in dates:
                    english, other = names[0], names[i]
                    unknown = [en for en in english if name_of(en) is None]
                    if len(unknown) == 1:
                        left = set(other) - {name_of(en) for en in english}
                        if len(left) == 1:
                            table[unknown[0]] = left.pop()
                            progress = True
        for names in dates:
            english, other = names[0], names[i]
            if any(name_of(en) is None for en in english):
                pairs = catalogue_pairs(code, languages, names)[i - 1]
                for en in english:
                    if name_of(en) is None and en in pairs:
                        table[en] = pairs[en]
            for en in english:
                if name_of(en) is None:
                    raise SystemExit(f"{code}: cannot tell which name is which: {english}, {other}")
                table[en] = name_of(en)  # type: ignore[assignment]
            # Sets: two holidays of one date may share a name in another language.
            if {table[en] for en in english} != set(other):
                raise SystemExit(f"{code}: {english} are not {other} in every year")
        tables.append(table)
    return tables


def generate() -> str:
    version = holidays.__version__
    out = [
        f"# Public holidays {FIRST_YEAR}-{LAST_YEAR}, generated by scripts/holidays/generate.py"
        f" from python-holidays {version}. Do not edit.",
        "# [XX] a country: every public holiday. [XX-YY] a subdivision: +date name (added or",
        "# renamed) and -date (not observed) relative to its country. @complete-through YEAR:",
        "# some holidays of this country come from tables that end that year. Names are in",
        "# English; @language TAG: the country's own language. @names TAG, closing a country:",
        "# `English name = name in TAG` for its and its subdivisions' holidays, where different.",
        f"@source python-holidays {version}",
        f"@years {FIRST_YEAR} {LAST_YEAR}",
    ]
    for code in sorted(COUNTRIES):
        cls = holidays.country_holidays(code).__class__
        languages = name_languages(cls)
        base, base_names, complete_through = holidays_of(code, None)
        out.append(f"[{code}] {country_name(code)}")
        if languages and languages[0] == cls.default_language:
            out.append(f"@language {tag(languages[0])}")
        if complete_through is not None:
            out.append(f"@complete-through {complete_through}")
        out.extend(f"{day.isoformat()} {base[day]}" for day in sorted(base))
        used = {name for day_names in base.values() for name in day_names.split("; ")}
        extended = name_tables(code, [base_names], languages)
        subdivisions = []
        for sub in sorted(s for s in cls.subdivisions if SUBDIVISION_CODE.fullmatch(s)):
            table, table_names, _ = holidays_of(code, sub)
            used |= {name for day_names in table.values() for name in day_names.split("; ")}
            lines = [f"[{code}-{sub}] {subdivision_name(cls, sub)}"]
            for day in sorted(base.keys() | table.keys()):
                if day not in table:
                    lines.append(f"-{day.isoformat()}")
                elif base.get(day) != table[day]:
                    lines.append(f"+{day.isoformat()} {table[day]}")
            own = name_tables(code, [table_names], languages, extended)
            for country_table, sub_table in zip(extended, own):
                for en, name in sub_table.items():
                    country_table.setdefault(en, name)
            subdivisions.append((lines, own))
        for lang, table in zip(languages, extended):
            out.append(f"@names {tag(lang)}")
            out.extend(f"{en} = {name}" for en, name in sorted(table.items()) if en in used and name != en)
        for lines, own in subdivisions:
            out.extend(lines)
            # Where the subdivision's name differs from the country's table.
            for lang, country_table, sub_table in zip(languages, extended, own):
                differ = sorted((en, name) for en, name in sub_table.items() if country_table[en] != name)
                if differ:
                    out.append(f"@names {tag(lang)}")
                    out.extend(f"{en} = {name}" for en, name in differ)
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
