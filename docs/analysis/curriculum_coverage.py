#!/usr/bin/env python3
"""Which operations a run's curriculum taught, and what that did to the held-out answers.

A one-off reading of files the project writes (docs/embedded-model.md, "The curriculum's operations crowd
out the rest"): the embedded domain's docstrings name their steps ("Take a list of integers nums: keep only
the even numbers, then ... . Return ..."), and its reference solutions spend one line per step.

    python3 docs/analysis/curriculum_coverage.py HELDOUT.jsonl CURATED.jsonl CURRICULUM.jsonl \
        BASE/results.jsonl ADAPTED/results.jsonl

CURRICULUM is `laimark export RUN_DIR --out FILE`; the results are `laimark eval --out DIR` (greedy) of the
base model and of the run's adapter on HELDOUT. CURATED only helps map step phrases to their code lines.
"""
import collections
import json
import re
import sys


def records(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def steps(stub):
    """The step phrases of a domain docstring, in order."""
    m = re.search(r'"""(.*?)(Return|\n)', stub, re.S)
    text = m.group(1) if m else ''
    text = text.split(':', 1)[1] if ':' in text else text
    return [s.strip(' .') for s in re.split(r', then ', text) if s.strip(' .')]


def code_lines(problem_files):
    """Each step phrase's most common code line in reference solutions with one line per step."""
    seen = collections.defaultdict(collections.Counter)
    for path in problem_files:
        for r in records(path):
            phrases = steps(r['prompt'])
            body = [x.strip() for x in r['solution'].split('"""')[-1].splitlines()
                    if x.strip() and not x.strip().startswith('return')]
            if len(body) == len(phrases):
                for phrase, line in zip(phrases, body):
                    seen[phrase][line] += 1
    step_of_line = {}
    for phrase, lines in seen.items():
        step_of_line.setdefault(lines.most_common(1)[0][0], phrase)
    return step_of_line


def main(heldout, curated, curriculum, base_results, adapted_results):
    held = {r['id']: steps(r['prompt']) for r in records(heldout)}
    taught = collections.Counter()
    problems = repeated = 0
    for r in records(curriculum):
        if r.get('problem_type', 'induction') != 'induction':
            continue
        phrases = steps(r['prompt'])
        problems += 1
        repeated += len(phrases) != len(set(phrases))
        taught.update(phrases)
    held_counts = collections.Counter(s for ph in held.values() for s in ph)
    total, held_total = sum(taught.values()), sum(held_counts.values())
    print(f'curriculum: {problems} problems, {repeated} repeat a step, {len(taught)} distinct steps '
          f'(held-out: {len(held)} tasks, {len(held_counts)} distinct steps)')
    print('most taught steps: share of the curriculum\'s steps vs of the held-out set\'s')
    for phrase, n in taught.most_common(5):
        print(f'  {100 * n / total:5.1f}%  {100 * held_counts[phrase] / held_total:4.1f}%  {phrase}')

    base = {r['task_id']: r for r in records(base_results)}
    adapted = {r['task_id']: r for r in records(adapted_results)}
    same = sum(base[t]['completion'] == adapted[t]['completion'] for t in base)
    print(f'greedy answers unchanged by the adapter: {same} of {len(base)}')

    print('held-out tasks by how many of their steps the curriculum taught:')
    groups = collections.defaultdict(list)
    for task, phrases in held.items():
        covered = sum(s in taught for s in phrases)
        groups['all' if covered == len(phrases) else 'some' if covered else 'none'].append(task)
    for name in ('all', 'some', 'none'):
        tasks = groups[name]
        b = sum(base[t]['passed'] for t in tasks)
        a = sum(adapted[t]['passed'] for t in tasks)
        won = sum(adapted[t]['passed'] and not base[t]['passed'] for t in tasks)
        lost = sum(base[t]['passed'] and not adapted[t]['passed'] for t in tasks)
        print(f'  {name:>4}: {len(tasks):3d} tasks, passed {b:3d} -> {a:3d} (+{won} -{lost})')

    step_of_line = code_lines([curated, heldout])

    def lines_by_step(results):
        used = collections.Counter()
        for r in results.values():
            for line in r['completion'].splitlines():
                phrase = step_of_line.get(line.strip())
                if phrase:
                    used[phrase] += 1
        return used
    before, after = lines_by_step(base), lines_by_step(adapted)
    top = {p for p, _ in taught.most_common(10)}
    in_curriculum = lambda used: sum(n for p, n in used.items() if p in taught)
    absent = lambda used: sum(n for p, n in used.items() if p not in taught)
    print('lines of the held-out answers that code a step (base -> adapted):')
    print(f'  one of the 10 most taught steps: {sum(before[p] for p in top)} -> {sum(after[p] for p in top)}')
    print(f'  any step the curriculum taught:  {in_curriculum(before)} -> {in_curriculum(after)}')
    print(f'  a step it never taught:          {absent(before)} -> {absent(after)}')


if __name__ == '__main__':
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(*sys.argv[1:])
