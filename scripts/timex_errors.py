#!/usr/bin/env python3
"""Sort the value errors of score_timex.py into kinds (see docs/evaluation.md).

Usage: scripts/timex_errors.py GOLD_DIR SYSTEM.json [--list]
Runs ../shared/eval/score_timex.py --details, counts the value errors by kind
and prints the figure the scorer would give if the kinds that are annotation
conventions (all but "other") were counted right. --list prints the others.
"""
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

SCORER = Path(__file__).resolve().parent.parent.parent / 'shared' / 'eval' / 'score_timex.py'
PART_OF_DAY = r'T(NI|MO|EV|AF)$'
# Documents whose gold weekdays are resolved against another day than the
# publication date the corpus gives (checked by hand: every weekday is off by
# the same week).
OTHER_ANCHOR = {'AP900815-0044', 'APW20000115.0209', 'APW19980820.1428'}


def kind(doc, text, gold, ours):
    if re.fullmatch(r'\d{4}-XX(-XX)?', gold) and ours[:4] == gold[:4]:
        return 'a year written with an empty month or day'
    if re.fullmatch(r'\d{4}-W\d', gold):
        return 'an ISO week without its leading zero'
    if re.fullmatch(r'\d{3}X', gold) and ours == gold[:3]:
        return 'a decade with an X'
    if ours[:10] == gold[:10] and (re.search(PART_OF_DAY, ours) or re.search(PART_OF_DAY, gold)):
        return 'a part of day dropped, or another one'
    if doc in OTHER_ANCHOR:
        return 'weekdays anchored to another day'
    if re.search(r'week', text, re.I) and ('WXX' in gold or re.fullmatch(r'\d{4}-\d\d', gold) or gold.startswith('P')):
        return 'a week as WXX, a month or a duration'
    year_ref = re.search(r'year (ago|earlier)|year-(ago|earlier)|last year|the year', text, re.I)
    if year_ref and (re.fullmatch(r'\d{4}', gold) and re.fullmatch(r'\d{4}-Q\d', ours)
                     or re.fullmatch(r'\d{4}-Q\d', gold) and re.fullmatch(r'\d{4}', ours)):
        return 'a year vs the year-ago quarter'
    return 'other'


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if len(args) != 2:
        sys.exit(__doc__)
    out = subprocess.run([sys.executable, str(SCORER), args[0], args[1], '--details'],
                         capture_output=True, text=True, check=True).stdout
    kinds, others, summary = Counter(), [], None
    for line in out.splitlines():
        if line.startswith('{'):
            summary = json.loads(line)
            continue
        m = re.match(r"VALUE (\S+) '(.*)' gold=(\S+) system=(\S+)", line)
        if not m:
            continue
        k = kind(*m.groups())
        kinds[k] += 1
        if k == 'other':
            others.append(line)
    for k, n in kinds.most_common():
        print(f'{n:5d}  {k}')
    right = round(summary['value']['P'] * summary['system'] / 100)
    conventions = sum(n for k, n in kinds.items() if k != 'other')
    for label, tp in (('value F1 (scorer)', right), ('conventions counted right', right + conventions)):
        p, r = tp / summary['system'], tp / summary['gold']
        print(f'{label}: {200 * p * r / (p + r):.1f}')
    if '--list' in sys.argv:
        print('\n'.join(others))


if __name__ == '__main__':
    main()
