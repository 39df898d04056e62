"""Date expressions, resolved against the publication date with ACLED precision.

"On 31 October 2020" (day, precision 1), "between 29 and 30 October" (a span),
"on Tuesday" / "last night" (relative to the publication date), "in January"
(month only: the 15th with precision 3), "in early March" (precision 2). A
relative expression in an undated article stays unresolved: no date is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from conflictwatch.extract.cues import alternation
from conflictwatch.resources import load_json


@dataclass(frozen=True)
class DateValue:
    date: date | None  # best estimate of the day (or start); None when unresolved
    end: date | None  # end of a span, else None
    precision: int  # ACLED time_precision: 1 day, 2 week, 3 month
    relative: bool = False
    attributive: bool = False  # "a January raid": dates that noun only


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    value: DateValue


_ORD = r"(?:st|nd|rd|th|er)?"
_SPAN_SEP = r"\s*(?:-|–|to|and|au|et|through)\s*"
_TIME_OF_DAY = {"night", "morning", "evening", "afternoon", "dawn", "and", "to", "of", "in"}
_ATTRIBUTIVE_DETERMINERS = {"a", "an", "the", "its", "their", "this", "that"}
_MONTH_NOUN_LEADS = {"of", "for"}


@dataclass(frozen=True)
class _Patterns:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    relative_weeks: dict[str, int]
    part_of_month: dict[str, int]
    compiled: list[tuple[str, re.Pattern[str]]]


@cache
def _patterns() -> _Patterns:
    data = load_json("lexicon/dates.json")
    month = rf"(?P<month>{alternation(data['months'])})\.?"
    year = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    part = rf"(?:(?:the\s+)?(?P<part>{alternation(data['part_of_month'])})\s*(?:of\s+)?)?"
    rules = [
        ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
        ("dmy_numeric", r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)\b"),
        (
            "day_month",
            rf"\b(?:(?:the\s+)?night\s+of\s+)?(?P<day>\d{{1,2}}){_ORD}"
            rf"(?:{_SPAN_SEP}(?P<day2>\d{{1,2}}){_ORD})?\s+(?:of\s+)?{month}{year}\b",
        ),
        # "13-December-1998"
        ("day_month", rf"\b(?P<day>\d{{1,2}})-{month}-(?P<year>(?:19|20)\d\d)\b"),
        # "on August, 25": only after "on", since "in August, 25 people died" is a count
        ("month_day", rf"(?<=\bon\s){month},\s*(?P<day>\d{{1,2}}){_ORD}\b{year}"),
        (
            "month_day",
            rf"\b{month}\s*(?P<day>\d{{1,2}}){_ORD}(?:{_SPAN_SEP}(?P<day2>\d{{1,2}}){_ORD})?"
            rf"\b{year}",
        ),
        (
            "month_span",
            rf"\bfrom\s+{month}(?:\s+(?P<year>(?:19|20)\d\d))?\s+(?:to|until|through)\s+"
            rf"(?P<month2>{alternation(data['months'])})(?:\s+(?P<year2>(?:19|20)\d\d))?\b",
        ),
        ("month", rf"\b{part}{month}{year}\b"),
        (
            "weekday",
            rf"\b(?:(?P<last>last|past|this)\s+)?(?P<weekday>{alternation(data['weekdays'])})"
            r"(?:\s+(?:night|morning|evening|afternoon))?\b",
        ),
        ("relative_day", rf"\b(?P<rel>{alternation(data['relative_days'])})\b"),
        ("relative_week", rf"\b(?P<week>{alternation(data['relative_weeks'])})\b"),
        ("days_ago", r"\b(?P<n>\d{1,2}|two|three|four|five|six)\s+days\s+(?:ago|earlier)\b"),
    ]
    compiled = [(name, re.compile(rule, re.IGNORECASE)) for name, rule in rules]
    return _Patterns(
        data["months"], data["weekdays"], data["relative_days"], data["relative_weeks"],
        data["part_of_month"], compiled,
    )  # fmt: skip


_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: date | None) -> int | None:
    """A day-month without a year is the latest such day not after publication."""
    if published is None:
        return None
    candidate = _safe_date(published.year, month, min(day, 28))
    if candidate and candidate > published + timedelta(days=1):
        return published.year - 1
    return published.year


def _month_number(name: str) -> int:
    return _patterns().months[re.sub(r"\s+", " ", name.lower()).rstrip(".")]


def _precision_of_span(start: date, end: date) -> int:
    days = (end - start).days
    return 1 if days <= 2 else 2 if days <= 7 else 3


def _resolve(
    kind: str, m: re.Match[str], published: date | None, named_year: int | None = None
) -> DateValue | None:
    """The value of one match; `named_year` is the year the text gave this month
    earlier ("from 27 to 31 March 2022 ... on 27 March" is 2022, not this year)."""
    p = _patterns()
    if kind in {"iso", "dmy_numeric"}:
        day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return DateValue(day, None, 1) if day else None
    if kind in {"day_month", "month_day"}:
        month, first = _month_number(m["month"]), int(m["day"])
        year = int(m["year"]) if m["year"] else named_year or _infer_year(month, first, published)
        if year is None:
            return DateValue(None, None, 1, relative=True)
        start = _safe_date(year, month, first)
        if start is None:
            return None
        day2 = m.groupdict().get("day2")  # the one-day forms have no second day
        end = _safe_date(year, month, int(day2)) if day2 else None
        if end and end <= start:
            end = None
        return DateValue(start, end, _precision_of_span(start, end) if end else 1)
    if kind == "month_span":
        first, last = _month_number(m["month"]), _month_number(m["month2"])
        year2 = int(m["year2"]) if m["year2"] else _infer_year(last, 1, published)
        if year2 is None:
            return DateValue(None, None, 3, relative=True)
        year1 = int(m["year"]) if m["year"] else (year2 if first <= last else year2 - 1)
        start, end = _safe_date(year1, first, 1), _safe_date(year2, last, 28)
        return DateValue(start, end, 3) if start and end else None
    if kind == "month":
        if not m["month"][0].isupper():
            return None  # "may", "march" as ordinary words
        month = _month_number(m["month"])
        year = int(m["year"]) if m["year"] else named_year or _infer_year(month, 1, published)
        if year is None:
            return DateValue(None, None, 3, relative=True)
        if m["part"]:
            day = p.part_of_month[re.sub(r"\s+", " ", m["part"].lower()).rstrip("-") or "mid"]
            return DateValue(_safe_date(year, month, day), None, 2, relative=not m["year"])
        return DateValue(_safe_date(year, month, 15), None, 3, relative=not m["year"])
    return _resolve_relative(kind, m, published)


def _resolve_relative(kind: str, m: re.Match[str], published: date | None) -> DateValue | None:
    p = _patterns()
    if kind == "weekday":
        if published is None:
            return DateValue(None, None, 1, relative=True)
        back = (published.weekday() - p.weekdays[m["weekday"].lower()]) % 7
        if back == 0 and (m["last"] or "").lower() in {"last", "past"}:
            back = 7
        return DateValue(published - timedelta(days=back), None, 1, relative=True)
    if published is None:
        return DateValue(None, None, 1, relative=True)
    if kind == "relative_day":
        back = p.relative_days[re.sub(r"\s+", " ", m["rel"].lower())]
        return DateValue(published - timedelta(days=back), None, 1, relative=True)
    if kind == "relative_week":
        back = p.relative_weeks[re.sub(r"\s+", " ", m["week"].lower())]
        return DateValue(published - timedelta(days=back), None, 2, relative=True)
    if kind == "days_ago":
        back = int(m["n"]) if m["n"].isdigit() else _SMALL[m["n"].lower()]
        return DateValue(published - timedelta(days=back), None, 1, relative=True)
    return None


def _is_attributive(text: str, start: int, end: int, month_only: bool = False) -> bool:
    """'a January raid', 'the 2021 coup': the date modifies the next noun only. A bare
    month after "of"/"for" does too: "payment of September salaries", "for July elections"."""
    before = re.search(r"(\w+)\s+$", text[max(0, start - 12) : start])
    after = re.match(r"\s+([a-z]+)", text[end : end + 20])
    if not before or not after:
        return False
    leads = _ATTRIBUTIVE_DETERMINERS | (_MONTH_NOUN_LEADS if month_only else set())
    return before[1].lower() in leads and after[1] not in _TIME_OF_DAY


# A date inside a name: "the March 22 Popular Movement", "the Movement of June 5".
_NAME_AFTER = re.compile(
    r"\s+(?:Popular|Movement|Mouvement|Coalition|Alliance|Front|Rally|Group)\b"
)
_NAME_BEFORE = re.compile(
    r"\b(?:Movement|Mouvement|Coalition|Alliance|Front|Rally|Collective|Collectif)\s+(?:of|du|des)\s+$"
)


def _in_a_name(text: str, start: int, end: int) -> bool:
    return bool(
        _NAME_AFTER.match(text, end) or _NAME_BEFORE.search(text[max(0, start - 30) : start])
    )


_MONTH_YEAR = re.compile(r"(?P<month>[A-Za-zéû]+)\.?,?\s+(?P<year>(?:19|20)\d\d)\b")


def _named_years(text: str) -> list[tuple[int, int, int]]:
    """(offset, month, year) of every "March 2022" written out in the text."""
    months = _patterns().months
    named = []
    for match in _MONTH_YEAR.finditer(text):
        month = months.get(match["month"].lower())
        if month:
            named.append((match.start(), month, int(match["year"])))
    return named


def _year_named_before(named: list[tuple[int, int, int]], match: re.Match[str]) -> int | None:
    if "month" not in match.re.groupindex or not match["month"]:
        return None
    month = _month_number(match["month"])
    years = [year for offset, m, year in named if m == month and offset < match.start()]
    return years[-1] if years else None


def find_dates(text: str, published: date | None) -> list[DateMatch]:
    """Every date expression, longest first where two overlap."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    named = _named_years(text)
    for kind, pattern in _patterns().compiled:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            if _in_a_name(text, start, end):
                taken.append((start, end))  # "the March 22 Popular Movement": no date
                continue
            value = _resolve(kind, match, published, _year_named_before(named, match))
            if value is None:
                continue
            if _is_attributive(text, start, end, kind == "month"):
                value = DateValue(value.date, value.end, value.precision, value.relative, True)
            taken.append((start, end))
            found.append(DateMatch(start, end, match.group(), value))
    return sorted(found, key=lambda item: item.start)


_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-–]\s")


@dataclass(frozen=True)
class _PassingPatterns:
    earlier: re.Pattern[str]  # "in response to the attack on 17 June"
    opening: re.Pattern[str]  # "After clashes on Monday, troops ..."
    bounding: re.Pattern[str]  # "held until 4 March"
    relative: re.Pattern[str]  # "a hostage who was kidnapped last week"
    complement_heads: frozenset[str]  # "said that": no relative clause
    participle: re.Pattern[str]  # "hostages taken on 17 May"
    auxiliaries: frozenset[str]  # "were taken on 17 May" is a clause of its own
    appositive: re.Pattern[str]  # ", proclaimed on 12 January" right after a break


@cache
def _passing() -> _PassingPatterns:
    data = load_json("lexicon/dates.json")
    return _PassingPatterns(
        re.compile(rf"(?<![\w-])(?:{alternation(data['earlier_event_leads'])})(?![\w-])", re.I),
        re.compile(rf"\W*(?:{alternation(data['opening_leads'])})\b", re.I),
        re.compile(rf"(?<![\w-])(?:{alternation(data['bounding_words'])})\s+(?:the\s+)?$", re.I),
        re.compile(rf"(\w+)['’\"]?\s+(?:{alternation(data['relative_pronouns'])})\s+\w", re.I),
        frozenset(data["complement_heads"]),
        re.compile(
            rf"(\w+)\s+(?P<participle>{alternation(data['modifier_participles'])})\b(?=(?:\W+\w+){{0,6}}\W*$)",
            re.I,
        ),
        frozenset(data["auxiliaries"]),
        re.compile(rf"\s*(?:{alternation(data['modifier_participles'])})\s+(?:on\s+|in\s+)?", re.I),
    )


def in_passing(text: str, sent_start: int, start: int) -> bool:
    """A date told in passing, not the day of the sentence's own event: the day of its
    cause ("in response to the attack on 17 June, troops ..."), of an opening clause
    ("After clashes on Monday, ...") or a bound or plan ("held until 4 March")."""
    patterns = _passing()
    before = text[sent_start:start]
    if patterns.bounding.search(before[-30:]):
        return True
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    if patterns.earlier.search(clause) or _in_relative_clause(patterns, clause):
        return True
    if breaks and patterns.appositive.fullmatch(clause):
        return True  # "the state of emergency, proclaimed on 12 January": the noun's day
    return not breaks and bool(patterns.opening.match(before))


def _in_relative_clause(patterns: _PassingPatterns, clause: str) -> bool:
    """'the agreement that was signed on 15 May': the date of the noun, not the event;
    but 'civilians who were queuing on Sunday' tells where they were when it happened."""
    return any(
        _relative_head(patterns, m[1]) and not _ONGOING.match(clause, m.end() - 1)
        for m in patterns.relative.finditer(clause)
    )


_ONGOING = re.compile(r"(?:were|was|are|is)\s+\w+ing\b", re.IGNORECASE)


def _relative_head(patterns: _PassingPatterns, word: str) -> bool:
    """A noun the clause describes; not "said that", nor "said Friday that"."""
    word = word.lower()
    dated = word in _patterns().weekdays or word in _patterns().relative_days or word.isdigit()
    return not dated and word not in patterns.complement_heads


def modifier_participle(text: str, sent_start: int, start: int) -> int | None:
    """Where "taken" starts in "freed the hostages taken on 17 May", in the date's own
    clause: the nearest participle with no auxiliary right after a noun. The caller
    decides whether the sentence told another event before it, which makes this one
    earlier news."""
    patterns = _passing()
    before = text[sent_start:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    offset = breaks[-1].end() if breaks else 0
    found = None  # the participle nearest the date heads its phrase
    for match in patterns.participle.finditer(before, offset):
        if match[1].lower() not in patterns.auxiliaries:
            found = sent_start + match.start("participle")
    return found
