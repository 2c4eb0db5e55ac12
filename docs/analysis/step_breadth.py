#!/usr/bin/env python3
"""How broad a problem file is, in the embedded domain's operations (docs/embedded-model.md, session 11).

    python3 docs/analysis/step_breadth.py HELDOUT.jsonl PROBLEMS.jsonl [PROBLEMS.jsonl ...]

For each file: problems, distinct step phrases (the docstring's "..., then ..." parts), how many of the
held-out set's phrases they cover, the most common phrase's share of all steps, and the problems that
repeat a step ("remove the vowels, then remove the vowels").
"""
import collections
import sys

from curriculum_coverage import records, steps


def main(heldout, files):
    held = set()
    for r in records(heldout):
        held.update(steps(r['prompt']))
    print(f"held-out: {len(held)} distinct step phrases")
    for path in files:
        phrases = collections.Counter()
        problems = repeated = 0
        for r in records(path):
            s = steps(r['prompt'])
            problems += 1
            repeated += len(s) != len(set(s))
            phrases.update(s)
        top, count = phrases.most_common(1)[0] if phrases else ("-", 0)
        total = sum(phrases.values()) or 1
        print(f"{path}: {problems} problems, {len(phrases)} distinct phrases, "
              f"{len(set(phrases) & held)} of the held-out's, top '{top}' {100 * count / total:.1f}% of steps, "
              f"{repeated} with a step repeated")


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2:])
