"""Date expressions, resolved against the publication date with ACLED precision.

"On 31 October 2020" (day, precision 1), "between 29 and 30 October" (a span),
"on Tuesday" / "last night" (relative to the publication date), "in January"
(month only: the 15th with precision 3), "in early March" (precision 2). A
relative expression in an undated article stays unresolved: no date is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from itertools import pairwise

from conflictwatch.extract.cues import alternation
from conflictwatch.numbers import lexicon
from conflictwatch.phrases import phrase_pattern
from conflictwatch.resources import load_json


@dataclass(frozen=True)
class DateValue:
    date: date | None  # best estimate of the day (or start); None when unresolved
    end: date | None  # end of a span, else None
    precision: int  # ACLED time_precision: 1 day, 2 week, 3 month
    relative: bool = False
    attributive: bool = False  # "a January raid": dates that noun only
    anchor: date | None = None  # "the next day": the day told before, that it counts from
    # "on 21, 23 and 27 February": the days of a list, which is not the span 21-27
    days: tuple[date, ...] = ()
    ahead: bool = False  # after publication: a plan or a prospect, never an event's day


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    value: DateValue


_ORD = r"(?:st|nd|rd|th|er)?"
_SPAN_SEP = r"\s*(?P<sep>-|–|to|and|au|et|through)\s*"
_LIST_SEPS = {"and", "et"}  # "8 and 9 May" names two days; "8-9 May" spans them
_TIME_OF_DAY = {"night", "morning", "evening", "afternoon", "dawn", "and", "to", "of", "in"}
_ATTRIBUTIVE_DETERMINERS = {"a", "an", "the", "its", "their", "this", "that"}
_MONTH_NOUN_LEADS = {"of", "for"}


@dataclass(frozen=True)
class _Patterns:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    relative_weeks: dict[str, int]
    relative_months: dict[str, int]
    part_of_month: dict[str, int]
    small_numbers: dict[str, int]
    anaphoric_days: dict[str, int]
    anaphoric_counts: dict[str, int]
    common_words: frozenset[str]
    compiled: list[tuple[str, re.Pattern[str]]]


@cache
def _patterns() -> _Patterns:
    data = load_json("lexicon/dates.json")
    month = rf"(?P<month>{alternation(data['months'])})\.?"
    year = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    part = rf"(?:(?:the\s+)?(?P<part>{alternation(data['part_of_month'])})\s*(?:of\s+)?)?"
    weekdays = alternation(data["weekdays"])
    count = rf"(?P<n>\d{{1,2}}|{alternation(data['small_numbers'])})"
    # "on 21, 23 and 27 February": the days before the last one of a list
    listed = rf"(?:\s*,\s*\d{{1,2}}{_ORD})*,?"
    rules = [
        # "next Monday", "lundi prochain": ahead of publication, never an event's day
        (
            "future",
            rf"\b(?:{alternation(data['future_leads'])})\s+(?:week|month|year|{weekdays}|"
            rf"{alternation(data['months'])})\b|\b(?:{weekdays}|semaine|mois)\s+"
            rf"(?:{alternation(data['future_tails'])})\b",
        ),
        ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
        ("dmy_numeric", r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)\b"),
        (
            "day_month",
            rf"\b(?:(?:the\s+)?night\s+of\s+)?(?P<day>\d{{1,2}}){_ORD}"
            rf"(?:{listed}{_SPAN_SEP}(?P<day2>\d{{1,2}}){_ORD})?\s+(?:of\s+)?{month}{year}\b",
        ),
        # "13-December-1998"
        ("day_month", rf"\b(?P<day>\d{{1,2}})-{month}-(?P<year>(?:19|20)\d\d)\b"),
        # "on August, 25": only after "on", since "in August, 25 people died" is a count
        ("month_day", rf"(?<=\bon\s){month},\s*(?P<day>\d{{1,2}}){_ORD}\b{year}"),
        (
            "month_day",
            rf"\b{month}\s*(?P<day>\d{{1,2}}){_ORD}(?:{listed}{_SPAN_SEP}(?P<day2>\d{{1,2}}){_ORD})?"
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
            rf"\b(?:(?P<last>last|past|this)\s+)?(?P<weekday>{weekdays})"
            r"(?:\s+(?:night|morning|evening|afternoon))?"
            rf"(?:\s+(?P<tail>{alternation(data['last_tails'])}))?\b",
        ),
        # "the next day", "two days later": counted from the date told before them
        ("anaphoric", rf"\b(?P<anaphor>{alternation(data['anaphoric_days'])})\b"),
        (
            "anaphoric",
            rf"\b{count}\s+(?:days?|jours?)\s+(?P<way>{alternation(data['anaphoric_counts'])})\b",
        ),
        ("relative_day", rf"\b(?P<rel>{alternation(data['relative_days'])})\b"),
        ("relative_week", rf"\b(?P<week>{alternation(data['relative_weeks'])})\b"),
        ("relative_month", rf"\b{part}(?P<months_back>{alternation(data['relative_months'])})\b"),
        ("weekend", rf"\b(?P<weekend>{alternation(data['weekend'])})(?![\w-])"),
        (
            "days_ago",
            rf"\b(?:{count}\s+days\s+ago|il\s+y\s+a\s+"
            rf"(?P<n_fr>\d{{1,2}}|{alternation(data['small_numbers'])})\s+jours)\b",
        ),
    ]
    compiled = [(name, re.compile(rule, re.IGNORECASE)) for name, rule in rules]
    return _Patterns(
        data["months"], data["weekdays"], data["relative_days"], data["relative_weeks"],
        data["relative_months"], data["part_of_month"], data["small_numbers"],
        data["anaphoric_days"], data["anaphoric_counts"], frozenset(data["common_words"]),
        compiled,
    )  # fmt: skip


_SUNDAY = 6


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _patterns().small_numbers[word.lower()]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: date | None) -> int | None:
    """A day-month without a year is the latest such day not after publication."""
    if published is None:
        return None
    # the day itself, not the 28th: "31 March" read on 29 March is last year's
    candidate = _safe_date(published.year, month, day) or _safe_date(published.year, month, 28)
    if candidate and candidate > published + timedelta(days=1):
        return published.year - 1
    return published.year


def _month_number(name: str) -> int:
    return _patterns().months[re.sub(r"\s+", " ", name.lower()).rstrip(".")]


def _precision_of_span(start: date, end: date) -> int:
    days = (end - start).days
    return 1 if days <= 2 else 2 if days <= 7 else 3


def _listed_days(m: re.Match[str], year: int, month: int) -> tuple[date, ...]:
    """The days of a list ("21, 23 and 27", "8 and 9"), in order; () for a span ("8-10")."""
    told = m.string[m.start("day") : m.end("day2")]
    if m["sep"].lower() not in _LIST_SEPS and "," not in told:
        return ()
    found = [_safe_date(year, month, int(day)) for day in re.findall(r"\d{1,2}", told)]
    days = tuple(day for day in found if day is not None)
    if len(days) < len(found) or any(a >= b for a, b in pairwise(days)):
        return ()  # "30, 31 February" or "9, 8 May": not a list of this month's days
    return days


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
        precision = _precision_of_span(start, end) if end else _week_of(m)
        return DateValue(start, end, precision, days=_listed_days(m, year, month) if end else ())
    if kind == "month_span":
        first, last = _month_number(m["month"]), _month_number(m["month2"])
        year2 = int(m["year2"]) if m["year2"] else _infer_year(last, 1, published)
        if year2 is None:
            return DateValue(None, None, 3, relative=True)
        year1 = int(m["year"]) if m["year"] else (year2 if first <= last else year2 - 1)
        start, end = _safe_date(year1, first, 1), _safe_date(year2, last, 28)
        return DateValue(start, end, 3) if start and end else None
    if kind == "month":
        word = m["month"].lower().rstrip(".")
        if not m["month"][0].isupper() and (word in p.common_words or len(word) <= 3):
            return None  # "may", "march" as ordinary words; "fin mars" is a month
        month = _month_number(m["month"])
        year = int(m["year"]) if m["year"] else named_year or _infer_year(month, 1, published)
        if year is None:
            return DateValue(None, None, 3, relative=True)
        if m["part"]:
            return DateValue(_safe_date(year, month, _part_day(m)), None, 2, relative=not m["year"])
        return DateValue(_safe_date(year, month, 15), None, 3, relative=not m["year"])
    return _resolve_relative(kind, m, published)


# "in the week of 15 May", "On 4 March 2023 (week of)": a week, not that day.
_WEEK_OF_BEFORE = re.compile(r"\bweek\s+of\s+$", re.IGNORECASE)
_WEEK_OF_AFTER = re.compile(r"\s*\((?:in\s+the\s+|during\s+the\s+)?week\s+of\)", re.IGNORECASE)


def _week_of(m: re.Match[str]) -> int:
    """The precision of one day told: 2 when it only names its week, else 1."""
    before = m.string[max(0, m.start() - 12) : m.start()]
    week = _WEEK_OF_BEFORE.search(before) or _WEEK_OF_AFTER.match(m.string, m.end())
    return 2 if week else 1


def _resolve_relative(kind: str, m: re.Match[str], published: date | None) -> DateValue | None:
    p = _patterns()
    if kind == "weekday":
        if published is None:
            return DateValue(None, None, 1, relative=True)
        back = (published.weekday() - p.weekdays[m["weekday"].lower()]) % 7
        if back == 0 and ((m["last"] or "").lower() in {"last", "past"} or m["tail"]):
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
    if kind == "relative_month":
        return _month_back(m, published)
    if kind == "weekend":
        # the latest weekend day before publication: Sunday for Monday's news
        back = 1 if published.weekday() == _SUNDAY else (published.weekday() - _SUNDAY) % 7
        said = m["weekend"].lower()
        if published.weekday() == _SUNDAY and ("last" in said or "dernier" in said):
            back = 7  # "last weekend" read on a Sunday is not this one
        return DateValue(published - timedelta(days=back), None, 2, relative=True)
    if kind == "days_ago":
        back = _count(m["n"] or m["n_fr"])
        return DateValue(published - timedelta(days=back), None, 1, relative=True)
    return None


def _part_day(m: re.Match[str]) -> int:
    """The day a part of a month stands for: "early" the 5th, "mid-" the 15th."""
    part = re.sub(r"\s+", " ", m["part"].lower()).rstrip("-") or "mid"
    return _patterns().part_of_month[part]


def _month_back(m: re.Match[str], published: date) -> DateValue | None:
    """ "last month" (precision 3, its 15th as ACLED codes a month), "late last month"
    (precision 2); never a day after publication: "earlier this month" read on the
    12th is the 6th, the middle of the days gone."""
    p = _patterns()
    back = p.relative_months[re.sub(r"\s+", " ", m["months_back"].lower())]
    year, month = divmod(published.year * 12 + published.month - 1 - back, 12)
    if m["part"]:
        value, precision = _safe_date(year, month + 1, _part_day(m)), 2
    else:
        value, precision = _safe_date(year, month + 1, 15), 3
    if value is None:
        return None
    if value >= published:
        # This month's days so far, told before publication: the middle of them.
        first = published.replace(day=1)
        value = first + (max(published - timedelta(days=1), first) - first) / 2
    return DateValue(value, None, precision, relative=True)


@cache
def _of_a_noun() -> re.Pattern[str]:
    period = alternation(load_json("lexicon/dates.json")["period_nouns"])
    return re.compile(rf"(?<![\w-])(?!(?:{period})\s)[a-z]+\s+of\s+(?:the\s+)?$")


def _is_attributive(text: str, start: int, end: int, month_only: bool = False) -> bool:
    """'a January raid', 'the 2021 coup': the date modifies the next noun only. A bare
    month after "of"/"for" does too: "payment of September salaries", "for July elections";
    and a day after "of" the noun before it: "the truce of 21 December"."""
    if not month_only and _of_a_noun().search(text, max(0, start - 30), start):
        return True
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


# "in June and July 2017", "on 30 December and 2 January 2018": the year told at the
# end of a list of months is the earlier ones' too.
_LISTED_YEAR = re.compile(
    r"\s*(?:,|and|or|to|through|until|et|ou|au|-|–)\s*(?:\d{1,2}(?:st|nd|rd|th|er)?\s+)?"
    r"(?P<month>[A-Za-zéû]+)\.?,?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _year_listed_after(text: str, match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if not groups.get("month") or groups.get("year"):
        return None
    listed = _LISTED_YEAR.match(text, match.end())
    later = _patterns().months.get(listed["month"].lower()) if listed else None
    if listed is None or later is None:
        return None
    year = int(listed["year"])
    return year if later >= _month_number(match["month"]) else year - 1  # "December and January"


def _is_ahead(value: DateValue, published: date | None) -> bool:
    """Starts after publication (with the day's slack `_infer_year` allows): a plan."""
    if published is None or value.date is None:
        return False
    if value.precision == 1:
        return value.date > published + timedelta(days=1)
    return (value.date.year, value.date.month) > (published.year, published.month)


def find_dates(text: str, published: date | None) -> list[DateMatch]:
    """Every date expression, longest first where two overlap."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    anaphors: list[re.Match[str]] = []
    named = _named_years(text)
    for kind, pattern in _patterns().compiled:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            if kind == "future" or _in_a_name(text, start, end):
                taken.append((start, end))  # "next Monday", "the March 22 Movement": no date
                continue
            if kind == "anaphoric":
                if _anaphor_of_a_noun(text, match):
                    continue  # "the day before yesterday", "two days after the raid"
                taken.append((start, end))
                anaphors.append(match)
                continue
            year = _year_listed_after(text, match) or _year_named_before(named, match)
            value = _resolve(kind, match, published, year)
            if value is None:
                continue
            if _is_attributive(text, start, end, kind == "month"):
                value = replace(value, attributive=True)
            if _is_ahead(value, published):
                value = replace(value, ahead=True)
            taken.append((start, end))
            found.append(DateMatch(start, end, match.group(), value))
    found.sort(key=lambda item: item.start)
    for match in sorted(anaphors, key=lambda item: item.start()):
        value = _resolve_anaphor(match, found, published)
        if value is not None:
            found.append(DateMatch(match.start(), match.end(), match.group(), value))
            found.sort(key=lambda item: item.start)
    return _joined_days(text, _without_weekday_of_a_full_date(text, found), published)


# "the day before the vote", "two days after the attack": counted from that noun's day.
_NOUN_AFTER = re.compile(
    r"\s+(?:the|a|an|his|her|its|their|this|that|these|those|yesterday|[A-Z\d])", re.ASCII
)


def _anaphor_of_a_noun(text: str, match: re.Match[str]) -> bool:
    last = match.group().split()[-1].lower()
    return last in {"before", "after"} and bool(_NOUN_AFTER.match(text, match.end()))


def _resolve_anaphor(
    match: re.Match[str], found: list[DateMatch], published: date | None
) -> DateValue | None:
    """The day of "the next day": the one after the last date told before it. "Two days
    earlier" with no date before it counts back from publication, as "two days ago" does."""
    p = _patterns()
    named = match.groupdict().get("anaphor")  # "the next day"; else a count of days
    if named:
        offset = p.anaphoric_days[re.sub(r"\s+", " ", named.lower())]
    else:
        way = p.anaphoric_counts[re.sub(r"\s+", " ", match["way"].lower())]
        offset = way * _count(match["n"])
    anchors = [
        item.value
        for item in found
        if item.start < match.start()
        and item.value.date
        and item.value.precision == 1
        and not item.value.attributive
        and not item.value.ahead
    ]
    if anchors:
        anchor = anchors[-1]
        base = anchor.end if offset > 0 and anchor.end else anchor.date
        assert base is not None
        return DateValue(base + timedelta(days=offset), None, 1, relative=True, anchor=anchor.date)
    if named or offset >= 0 or published is None:
        return None  # "the next day" of nothing told: no date is invented
    return DateValue(published + timedelta(days=offset), None, 1, relative=True)


_BETWEEN_WEEKDAY_AND_DATE = re.compile(r"[\s,(]*(?:(?:between|entre|on)\s+)?", re.IGNORECASE)


def _without_weekday_of_a_full_date(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """A weekday right before a full date ("Friday (22 December)", "mardi 31 octobre",
    "last weekend (19 June)", "overnight between 5 and 6 April") is that date; alone it
    would be counted back from publication, wrongly for an older story."""
    kept = []
    for index, item in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        if (
            item.value.relative
            and item.value.anchor is None
            and following is not None
            and not following.value.relative
            and following.value.precision == 1
            and _BETWEEN_WEEKDAY_AND_DATE.fullmatch(text, item.end, following.start)
        ):
            continue
        if following is not None and _named_in_brackets(text, item, following):
            continue
        kept.append(item)
    return kept


def _named_in_brackets(text: str, item: DateMatch, following: DateMatch) -> bool:
    """'This morning (Friday)', 'yesterday (Tuesday)': the writer names the day, which
    holds even when the publication date is a day off."""
    return (
        item.value.relative
        and item.value.anchor is None
        and _one_day(item.value)
        and not _weekday_word().search(item.text)
        and following.value.relative
        and _one_day(following.value)
        and _weekday_word().fullmatch(following.text) is not None
        and re.fullmatch(r"\s*\(\s*", text[item.end : following.start]) is not None
    )


# ACLED splits a statement of up to a week of days; a longer one is a campaign, coded
# once ("went on strike from 4 to 12 December").
MAX_SPLIT_DAYS = 7


@dataclass(frozen=True)
class _DailyPatterns:
    lead: re.Pattern[str]  # "on 11-12 March": the word right before the date
    uncertain: re.Pattern[str]  # "between", "overnight", "the night of"


@cache
def _daily() -> _DailyPatterns:
    data = load_json("lexicon/dates.json")
    return _DailyPatterns(
        re.compile(rf"(?<![\w(])(?:{alternation(data['daily_leads'])})\s+(?:the\s+)?$", re.I),
        phrase_pattern(data["uncertain_spans"]),
    )


def told_days(text: str, start: int, end: int, value: DateValue) -> tuple[date, ...]:
    """The days of a date that states several outright ("on 11-12 March", "over 9-10
    June", "from 18 to 23 June", "on 21, 23 and 27 February"), which ACLED codes as
    one event a day; () for one day, an uncertain span ("between 2 and 3 March",
    "overnight between", "around 27 July (from 27-28 July)") or one of over a week."""
    if value.date is None or value.end is None or value.attributive:
        return ()
    days = value.days or tuple(
        value.date + timedelta(days=n) for n in range((value.end - value.date).days + 1)
    )
    if (days[-1] - days[0]).days >= MAX_SPLIT_DAYS:
        return ()
    patterns = _daily()
    # the sentence so far, at most a few words back: "Around 12 April (from 12-13 April)"
    before = re.split(r"[.!?]\s", text[max(0, start - 40) : start])[-1]
    if patterns.uncertain.search(before) or patterns.uncertain.search(text, start, end):
        return ()
    return days if patterns.lead.search(before) else ()


@dataclass(frozen=True)
class _LastingPatterns:
    told: re.Pattern[str]  # "two days of fighting", "for three days", "a three-day strike"
    begun: re.Pattern[str]  # "began a three-day strike": only its first day is told


@cache
def _lasting() -> _LastingPatterns:
    data = load_json("lexicon/dates.json")
    numbers = alternation(data["small_numbers"])
    return _LastingPatterns(
        re.compile(
            r"\b(?:(?:for|over|during|in\s+the\s+course\s+of|pendant|durant)\s+"
            rf"(?P<n>\d|{numbers})\s+(?:days|jours)\b"
            rf"|(?P<m>\d|{numbers})[- ](?:days?|jours?)(?:[- ]long)?\s+(?:of\s+|de\s+|d')?"
            rf"(?:[\w-]+\s+)?(?:{alternation(data['lasting_nouns'])})(?![\w-]))",
            re.I,
        ),
        re.compile(rf"\b(?:{alternation(data['lasting_starts'])})\s+(?:an?\s+|the\s+)?$", re.I),
    )


def days_lasted(text: str, start: int, end: int) -> int:
    """How many days the span says its incident went on ("over two days of fighting",
    "a three-day strike"), from 2 to a week; 0 when it says none."""
    patterns = _lasting()
    for match in patterns.told.finditer(text, start, end):
        if patterns.begun.search(text, start, match.start()):
            continue
        days = _count(match["n"] or match["m"])
        if 2 <= days <= MAX_SPLIT_DAYS:
            return days
    return 0


# Between two days told together: "Monday, Tuesday and Wednesday", "Jan.29 and Jan.30",
# "from Sunday to Thursday"; a comma or "and" lists them, the others span.
_JOINER = re.compile(r"\s*(?:(?P<list>,\s*(?:and|et)?|and|et)|-|–|to|through|au)\s*", re.I)


@cache
def _weekday_word() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(_patterns().weekdays)})\b", re.IGNORECASE)


def _joined_days(text: str, found: list[DateMatch], published: date | None) -> list[DateMatch]:
    """One-day dates told together are one date of several days, as "29 and 30
    January" is: "on Monday, Tuesday and Wednesday", "on 18/02 and 19/02/2014"."""
    joined: list[DateMatch] = []
    for item in found:
        if joined and _weekdays_of_last_week(text, joined[-1], item, published):
            joined[-1] = _week_earlier(joined[-1])
        if joined and _joinable(text, joined[-1], item):
            joined[-1] = _join(text, joined[-1], item)
        else:
            joined.append(item)
    return joined


def _weekdays_of_last_week(
    text: str, last: DateMatch, item: DateMatch, published: date | None
) -> bool:
    """'on Friday and Saturday' read on a Friday: each weekday alone is counted back
    from publication (Friday today, Saturday six days ago), but a list runs forward, so
    the Friday is the one before that Saturday."""
    first, later = last.value, item.value
    if not (first.relative and later.relative and _one_day(later)) or first.anchor or later.anchor:
        return False
    if not (_one_day(first) or first.days):
        return False
    if not (_weekday_word().search(last.text) and _weekday_word().search(item.text)):
        return False
    final = first.days[-1] if first.days else first.date
    # only a list that goes on past the publication's own weekday: "from Sunday to
    # Tuesday" read on a Monday is this week's
    return (
        final == published
        and later.date is not None
        and later.date < final
        and _JOINER.fullmatch(text, last.end, item.start) is not None
    )


def _week_earlier(item: DateMatch) -> DateMatch:
    week = timedelta(days=7)
    value = item.value
    assert value.date is not None
    days = tuple(day - week for day in value.days)
    return replace(item, value=replace(value, date=value.date - week, days=days))


def _one_day(value: DateValue) -> bool:
    return value.date is not None and value.end is None and value.precision == 1


def _joinable(text: str, last: DateMatch, item: DateMatch) -> bool:
    """A day (or a list of days) and a later day of the same week, with only a comma,
    "and" or "to" between them; not "the next day", counted from another date."""
    first, later = last.value, item.value
    if not (_one_day(first) or first.days) or not _one_day(item.value):
        return False
    if first.attributive or later.attributive or first.anchor or later.anchor:
        return False
    if first.ahead or later.ahead:
        return False
    assert first.date is not None and later.date is not None
    final = first.days[-1] if first.days else first.date
    return (
        final < later.date
        and (later.date - first.date).days < MAX_SPLIT_DAYS
        and _JOINER.fullmatch(text, last.end, item.start) is not None
    )


def _join(text: str, last: DateMatch, item: DateMatch) -> DateMatch:
    first, day = last.value.date, item.value.date
    assert first is not None and day is not None
    joiner = _JOINER.fullmatch(text, last.end, item.start)
    days: tuple[date, ...] = ()
    if last.value.days or (joiner and joiner["list"]):
        days = (*(last.value.days or (first,)), day)
    value = DateValue(
        first,
        day,
        _precision_of_span(first, day),
        relative=last.value.relative or item.value.relative,
        days=days,
    )
    return DateMatch(last.start, item.end, text[last.start : item.end], value)


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
    scope_end: re.Pattern[str]  # "accused of theft was abducted": the main verb ends the lead
    later_deed: re.Pattern[str]  # "freed", "found": what became of the noun afterwards
    protest_cause: re.Pattern[str]  # "following the repression": what a crowd protests
    future: re.Pattern[str]  # "it will free the hostages on Friday": what is to come
    later_deed_after: re.Pattern[str]  # "[kidnapped on 25 August] in Gao were found"


@cache
def _passing() -> _PassingPatterns:
    data = load_json("lexicon/dates.json")
    return _PassingPatterns(
        phrase_pattern(data["earlier_event_leads"]),
        re.compile(rf"\W*(?:{alternation(data['opening_leads'])})\b", re.I),
        re.compile(rf"(?<![\w-])(?:{alternation(data['bounding_words'])})\s+(?:the\s+)?$", re.I),
        re.compile(rf"(\w+)['’\"]?\s+(?:{alternation(data['relative_pronouns'])})\s+\w", re.I),
        frozenset(data["complement_heads"]),
        re.compile(
            rf"(\w+)\s+(?P<participle>{alternation(data['modifier_participles'])})\b"
            r"(?=(?:\W+\w+){0,6}\W*$)",
            re.I,
        ),
        frozenset(data["auxiliaries"]),
        re.compile(rf"\s*(?:{alternation(data['modifier_participles'])})\s+(?:on\s+|in\s+)?", re.I),
        phrase_pattern(data["lead_scope_ends"]),
        phrase_pattern(data["later_deeds"]),
        re.compile(
            rf"(?<![\w-])(?:{alternation(data['protest_cause_leads'])})\s.*?(?<![\w-])"
            rf"(?:{alternation(data['protest_cause_nouns'])})(?![\w-])",
            re.I,
        ),
        re.compile(
            rf"(?<![\w-])(?:{alternation(data['future_modals'])})\s+"
            r"(?!(?:on|in|of|at|and|or|to|the|their|his|her|its)\b)\w",
            re.I,
        ),
        re.compile(
            r"(?:\s+(?:in|near|at|by|from)\s+[\w'-]+(?:\s+[A-Z][\w'-]+)*)*,?\s+"
            rf"(?:were|was|have been|has been|had been|ont été|a été)\s+(?:\w+ly\s+)?"
            rf"(?:{alternation(data['later_deeds'])})(?![\w-])",
            re.I,
        ),
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
    if _after_earlier_lead(patterns, clause) or _in_relative_clause(patterns, clause):
        return True
    if patterns.future.search(clause):
        return True  # "said it will free the hostages on Friday": not yet done
    if breaks and patterns.appositive.fullmatch(clause):
        return True  # "the state of emergency, proclaimed on 12 January": the noun's day
    return not breaks and bool(patterns.opening.match(before))


def _after_earlier_lead(patterns: _PassingPatterns, clause: str) -> bool:
    """'in reprisal for the raid in March', 'accused of killing a chief in May'; but in
    'a woman accused of theft was abducted on 16 May' the verb after the lead is the
    sentence's own, and so is the date."""
    return any(
        not patterns.scope_end.search(clause, lead.end())
        for lead in patterns.earlier.finditer(clause)
    )


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
        if match[1].lower() not in patterns.auxiliaries and not _has_object(before, match.end()):
            found = sent_start + match.start("participle")
    return found


# Determiners that open an object; counts are read by the number parser.
_DETERMINER_NEXT = re.compile(r"\s+(?:an?|the|some|several)\b", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def _has_object(text: str, end: int) -> bool:
    """A count or determiner right after the participle is its object: "soldiers
    killed 500 people in March" is the sentence's own verb, not "the hostages taken
    in March"."""
    if _DETERMINER_NEXT.match(text, end):
        return True
    space = _SPACE.match(text, end)
    return space is not None and lexicon().pattern.match(text, space.end()) is not None


def later_deed_of_noun(text: str, sent_start: int, participle: int, end: int) -> bool:
    """The noun of a participle phrase ("the hostages taken on 17 May") is told of for
    what became of it afterwards: it was "freed" before the phrase, or "were found"
    right after the date. Its date is the earlier deed's, not the sentence's event."""
    patterns = _passing()
    return bool(
        patterns.later_deed.search(text, sent_start, participle)
        or patterns.later_deed_after.match(text, end)
    )


def protested_cause(text: str, protest_end: int, start: int) -> bool:
    """The date follows what a crowd protests, in the same clause as the protest word
    ending at `protest_end`: "marched following the repression in Gao on Tuesday" is the
    repression's day; the march came after it."""
    between = text[protest_end:start]
    return not _CLAUSE_BREAK.search(between) and bool(_passing().protest_cause.search(between))
