"""Ceiling of onrecord's TBAQ value F1: every error of ``out/eval/timex-tbaq.json`` in one class (docs/claims.md).

(a) the gold is contrary to TimeML or to itself, (b) a rule could fix it and none does yet, (c) it needs
discourse or narrative anchoring; "type only" errors have the right value and do not count in value F1.
Form rules classify most errors; the ones read one by one in their context are listed in ``MANUAL`` by
document and gold expression. The last lines give the value F1 if every (b), and every (b) and (c), were
fixed. Run after ``python -m bench.eval --only timex``: ``python -m bench.timex_ceiling [--list b:]``.

wt-timex6 counted every (a) class over all of TBAQ, not only onrecord's errors (docs/claims.md, "Ceiling"): none of
the large ones takes one reading in 75 % of its instances against onrecord's; three construction-level classes the
gold never tags were followed and have left this list ("Now," opening a sentence, "soon" in a past clause, a
"that day" with no day before it). ``MANUAL`` entries of items since fixed are kept: they no longer match an error.
"""
import collections
import datetime as dt
import json
import re
import sys

WD = {'monday': 1, 'tuesday': 2, 'wednesday': 3, 'thursday': 4, 'friday': 5, 'saturday': 6, 'sunday': 7}
FREQ_WORDS = {'now', 'recent', 'recently', 'current', 'currently', 'soon', 'presently', 'at the moment', 'the future', 'future', 'today', 'tomorrow'}
# (doc, gold-or-found text) judged one by one (read in context); everything else falls to the form rules below
MANUAL = {
    # (c) anchored on the story's own time, not the DCT
    ('wsj_0586', 'the previous Friday'): 'c:narrative day', ('wsj_0586', 'overnight'): 'c:narrative day',
    # the ultimatum (noon Saturday) and the ground offensive (Saturday night) of the text are of Saturday 23 February 1991:
    # the DCT's Saturday; the gold puts both a week earlier (wt-timex5, read in context)
    ('WSJ910225-0066', 'noon Saturday'): 'a:gold date a week off the text', ('WSJ910225-0066', 'Saturday night'): 'a:gold date a week off the text',
    # "New Zealand said Friday in response to U.S. missile attacks" of Thursday 20 August 1998: gold 1998-08-07 (the embassy bombings)
    ('APW19980820.1428', 'Friday'): 'a:gold date a week off the text',
    # "two to three weeks" P2W EQUAL_OR_MORE (its lower end) where "the next 12 to 18 months" is PXM: onrecord writes both PX<unit>
    ('wsj_0585', 'two to three weeks'): 'a:a range of durations valued as its lower end (1 gold; another is PXM)',
    ('wsj_0928', 'April'): 'c:narrative year', ('wsj_1006', 'the latest fiscal year'): 'c:narrative year',
    ('wsj_1006', 'a year earlier'): 'c:narrative day', ('wsj_1011', 'a year earlier'): 'c:narrative day',
    ('NYT19981025.0216', '1992'): 'c:narrative day', ('wsj_1003', 'June 1'): 'c:narrative year',
    ('APW19990122.0193', 'last year'): 'a:gold month for a year',
    ('wsj_0950', 'a year earlier'): 'b:a year back from DCT, not from the last date', 
    # (b) direction where the parse misleads the tense reading
    ('CNN19980213.2130.0155', 'Thursday'): 'b:direction (parse: past verb tagged JJ)',
    ('XIE19990313.0173', 'Friday'): 'b:direction (infinitive subject read as a plan)',
    ('APW20000115.0031', 'Friday'): 'b:direction ("had ruled ... and set Friday": pluperfect through a conj)',
    ('APW20000107.0318', 'Saturday'): 'b:direction (a plan told in the past lies ahead)',
    ('wsj_0340', 'Monday'): 'c:direction inside reported expectation',
    ('APW199980817.1193', 'Tuesday'): 'a:gold contrary to text tense', ('APW199980817.1193', 'Tuesday morning'): 'a:weekday+part of day',
    ('APW19980213.1320', 'August 6'): 'b:direction (a schedule under "would")',
    ('APW19980213.1320', 'Monday'): 'b:recurring schedule as SET', ('APW19980213.1320', 'Tuesday nights'): 'b:recurring schedule as SET',
    ('APW20000417.0031', 'Easter week'): 'b:holiday week', ('WSJ910225-0066', 'a week or so ago'): 'a:week valued as a month, a day or a duration',
    ('APW19980301.0720', 'last February'): 'b:"last <month>" just ended is the year before',
    ('wsj_1011', 'last spring'): 'a:"last spring" (TBAQ: "last <season>" is the nearest past one in 5 of 6)',
    ('wsj_0344', 'This quarter'): 'b:"this quarter" of a report is the reported quarter',
    ('wsj_0709', 'the comparable year-ago quarter'): 'b:fiscal quarter named in apposition', ('wsj_0709', 'second quarter'): 'b:fiscal quarter named in apposition',
    ('wsj_0709', 'that quarter'): 'c:anaphoric "that quarter"',
    ('AP900816-0139', 'A day earlier'): 'b:"N units earlier" as DURATION (like "later")',
    ('wsj_0376', "next year's first quarter"): 'b:possessive year',
    ('NYT20000224.0173', 'day before last Tuesday'): 'b:"the day before <date>" as one expression',
    ('wsj_0924', 'then current'): 'b:"then current" is PAST_REF',
    ('wsj_0637', 'the next 12 to 18 months'): 'b:ranges of durations ("two to three weeks", "12 to 18 months")',
    ('VOA19980331.1700.1533', 'a year or two'): 'b:ranges of durations ("two to three weeks", "12 to 18 months")',
    ('wsj_0768', 'recent weeks and months'): 'a:inconsistent "recent <units>" (PAST_REF 5, PX<unit> 7)',
    ('wsj_0542', 'midnight Friday'): 'a:clock written without minutes ("T24", "T17")',
    ('NYT19990419.0515', '6 a.m. ten days'): 'c:narrative day', ('NYT19990419.0515', '10 p.m'): 'c:narrative day',
    ('NYT19990505.0443', '6 a.m'): 'c:narrative day', ('NYT19990505.0443', '10 days'): 'c:narrative day',
    ('APW19991024.0075', 'Earlier that day'): 'a:gold typo (year)',
    ('NYT20000224.0173', 'the next morning'): 'a:weekday+part of day',
    ('APW19980322.0749', 'Sunday'): 'a:gold typo', ('APW19980219.0476', 'July last year'): 'a:gold typo',
    ('ABC19980108.1830.0711', 'week'): 'b:missed span (a unit noun: "a bad week")',
    ('APW20000405.0276', '4 in the morning'): 'b:missed span ("4 in the morning")',
    ('NYT19981025.0216', 'Sunday'): 'b:missed span (weekday before a noun: "his Sunday Mass")',
    ('NYT19981025.0216', '1992'): 'a:gold day for a bare year',
    ('NYT19981121.0173', 'day'): None, ('wsj_1014', 'days'): 'b:vague durations not found ("a while", "some time", "the weeks ahead", "decades-long")',
    ('APW19980219.0476', 'weeks or months'): 'b:disjoined units ("weeks or months")',
    ('wsj_1003', 'a year ago'): None,
}
def form(e):
    kind = e['kind']; doc = e['doc']
    gt = (e.get('gold') or e.get('text') or '').strip()
    low = gt.lower()
    gv, v = (e.get('gold_value'), e.get('value')) if kind == 'wrong' else (e.get('value'), None)
    key = (doc, gt)
    if key in MANUAL and MANUAL[key]:
        return MANUAL[key]
    if kind == 'spurious':
        if (e.get('text') or '').lower() in FREQ_WORDS:
            return 'a:word TBAQ tags in most of its uses, untagged here ("now" 60 of 85, "recent" 18 of 29 ...)'
        if e.get('value') is None:
            return 'c:"that day" with no date to hang on'
        return 'a:a markable expression the gold leaves untagged'
    if kind == 'missed':
        if low in ('previously', 'already', 'yet', 'once', 'earlier', 'then', 'from time to time'):
            return 'a:adverbs TimeML does not mark as TIMEX3 (aspect, sequence): "already", "previously", "once"'
        if low in ('weeks', 'days', 'day') and gv and not gv.startswith('P'):
            return 'a:vague plural ("weeks", "days") valued as a date'
        if low == 'day' and gv == 'P1D':
            return 'b:vague durations not found ("a while", "some time", "the weeks ahead", "decades-long")'
        if re.search(r'\b(the|that) (day|week|weekend|morning|quarter|time)\b|^(day|week|weeks|days|two|that same day\.?|eighth day|the second day|first day|the latest period)$', low):
            return 'c:anaphoric or ordinal day/week ("the week", "the second day", "that time")'
        if re.search(r'old$|-old|month-old', low):
            return 'a:ages (untagged in most of TBAQ: "56-year-old")'
        if low in ('a year', 'annually', 'quarterly', 'hourly') or 'quarters' in low or low == 'second':
            return 'a:rates and frequencies (TBAQ tags "$N a year" in 2 of its uses)'
        if low in ('future',):
            return 'a:adjective "future" ("future losses"), tagged in 6 of its 19 uses'
        if re.search(r'while|some time|lengthy period|months|years|the weeks ahead|decades-long|the early years|the years', low):
            return 'b:vague durations not found ("a while", "some time", "the weeks ahead", "decades-long")'
        return 'b:missed span (' + gt + ')'
    # wrong values
    if v == gv:
        return 'type only'
    if low in ('weeks', 'days', 'day') and gv and not gv.startswith('P'):
        return 'a:vague plural ("weeks", "days") valued as a date'
    if gv and 'X' in gv and not (v and 'X' in v):
        return 'a:X-digit gold where the text gives the value ("1949-XX", "199X", "1989-WXX", "1988-QX")'
    if gv and v and re.fullmatch(r'\d{4}-W\d', gv) and re.sub(r'W0(\d)$', r'W\1', v) == gv:
        return 'a:unpadded ISO week ("2000-W7")'
    m = re.fullmatch(r'(\d{4}-\d{2}-\d{2})(T.*)?', gv or '')
    words = [w for w in re.findall(r'[a-z]+', low) if w in WD]
    if m and words:
        try:
            day = dt.date.fromisoformat(m.group(1))
        except ValueError:
            day = None
        if day and day.isoweekday() != WD[words[0]]:
            return 'a:gold date is not the weekday the text names'
    if re.search(r'(morning|night|evening|afternoon|tonight)', low + ' ' + (e.get('found') or '').lower()) and (words or 'tonight' in low) or 'tonight' in low:
        if v and gv and v[:10] == gv[:10]:
            return 'a:weekday+part of day (day 10 vs TIME with TNI/TMO 15; TNI as TEV 3)'
    if 'week' in low and gv and not re.fullmatch(r'\d{4}-W\d\d', gv):
        return 'a:week valued as a month, a day or a duration'
    if 'week' in low and e.get('dct') and dt.date.fromisoformat(e['dct']).isoweekday() == 7:
        return 'a:week on a Sunday DCT (ISO 3 / US week 1)'
    if words and gv and m:
        # AP900815-0044 (7) and APW20000115.0209 (5): the stories are a week older than their DCT and no date in their text
        # says so; a weekday in a sentence with an explicit date counts from the DCT in 23 of 24 TBAQ golds (wt-timex5)
        return 'c:weekday counted from a story date the text does not give (DCT a week after the story)'
    if re.search(r'quarter|period|year ago|year earlier|year-earlier|year-ago|fiscal|the year$|last year', low):
        return 'a:reporting periods valued inconsistently for one wording (quarter / year / DCT-minus-a-year day)'
    if re.search(r'year-end|year end|end of the month|end of november|later this year|this year|next year|earlier this year', low):
        return 'a:edges and "this year" valued as a day or X ("1989-12-31", "1989-11-01", "1998-XX-XX")'
    if re.search(r'centur|decade|thousand years|1960s|1980s|1990s', low):
        return 'a:decades and centuries against TimeML ("P100Y" for "this century", "P1E", "PXC", "19XX")'
    if re.search(r'ago', low):
        return 'a:qualified "N units ago" as DURATION (3) or DATE (3)'
    if re.search(r'recent|past several|last few|coming weeks|months ago', low):
        return 'a:inconsistent "recent <units>" (PAST_REF 5, PX<unit> 7)'
    if re.search(r'daily|this month|september|the weekend|last week|last three years|hours|minutes|today', low):
        return 'a:same wording, different TIMEX3 across TBAQ ("daily" P1D/XXXX-XX-XX, "the weekend" P2D/day/WE, "this month" P1M)'
    if re.search(r'13 years|six months|july last year|sept\. 27|sept\. 30|fiscal 1988|1988', low):
        return 'a:gold typo'
    if re.search(r'p\.m|a\.m', low):
        return 'a:clock written without minutes ("T24", "T17")'
    return 'b:unclassified: ' + gt


def f1(right, pred, gold):
    p, r = right / pred, right / gold
    return 2 * p * r / (p + r)


def main(argv: list[str]) -> None:
    d = json.load(open(argv[1] if len(argv) > 1 and not argv[1].startswith('-') else 'out/eval/timex-tbaq.json'))
    classes = collections.defaultdict(list)
    right = round(d['value']['precision'] * d['predicted'])
    for e in d['errors']:
        c = form(e)
        classes[c].append(e)
    gold, pred = d['gold'], d['predicted']
    print(f"now: right {right}, predicted {pred}, gold {gold}, value F1 {f1(right, pred, gold):.3f}")
    gain = {'a': [0, 0], 'b': [0, 0], 'c': [0, 0]}  # right gained, predicted change
    for c, es in sorted(classes.items(), key=lambda x: (x[0][0], -len(x[1]))):
        if c == 'type only':
            continue
        g = c[0]
        for e in es:
            if e['kind'] == 'wrong':
                gain[g][0] += 1
            elif e['kind'] == 'missed':
                gain[g][0] += 1
                gain[g][1] += 1
            else:
                gain[g][1] -= 1
        ex = es[0]
        print(f"{len(es):4d}  {c}  | e.g. {ex['doc']}: {ex.get('gold') or ex.get('text')!r} gold {ex.get('gold_value', ex.get('value') if ex['kind']=='missed' else None)} ours {ex.get('value') if ex['kind']!='missed' else None}")
    print('type only (right value, other type):', len(classes['type only']))
    for g in 'abc':
        print(g, 'items', sum(len(es) for c, es in classes.items() if c[0] == g), 'right+', gain[g][0], 'pred', gain[g][1])
    b = f1(right + gain['b'][0], pred + gain['b'][1], gold)
    bc = f1(right + gain['b'][0] + gain['c'][0], pred + gain['b'][1] + gain['c'][1], gold)
    print(f"value F1 if every (b) were fixed: {b:.4f}; every (b) and (c): {bc:.4f}")
    if '--list' in argv:
        for c, es in sorted(classes.items()):
            if c.startswith(argv[argv.index('--list') + 1]):
                for e in es:
                    print(c[:40], '|', e['kind'], e['doc'], repr(e.get('gold') or e.get('text')), e.get('gold_value', e.get('value')), e.get('value') if e['kind'] == 'wrong' else '')


if __name__ == "__main__":
    main(sys.argv)
