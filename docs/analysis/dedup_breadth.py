#!/usr/bin/env python3
"""Would a stricter duplicate rule make a self-written curriculum broader? (docs/embedded-model.md, session 12)

    python3 docs/analysis/dedup_breadth.py PROBLEMS.jsonl

Replays the pipeline's docstring rule (DuplicateDetector: word trigram Jaccard of the docstrings, strictly
above a threshold is a duplicate) over the problems in file order, at thresholds from the default 0.6 down
to 0.2, and prints for each how many problems it keeps, how many distinct step phrases they use and the most
common phrase's share of all steps. PROBLEMS is e.g. docs/analysis/VerifiedPool.java's output. The entry
point rule is left out: the pool's runs chose their entry points independently.
"""
import collections
import re
import sys

from curriculum_coverage import records, steps


def docstring(stub):
    m = re.search(r'("""|\'\'\')(.*?)\1', stub, re.S)
    return m.group(2) if m else ''


def trigrams(text):
    words = re.sub(r'[^0-9a-zA-Z]+', ' ', text.lower()).split()
    return {' '.join(words[i:i + 3]) for i in range(len(words) - 2)}


def jaccard(a, b):
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def main(path):
    problems = records(path)
    print(f"{path}: {len(problems)} problems")
    for threshold in (0.6, 0.5, 0.4, 0.3, 0.25, 0.2):
        kept, phrases = [], collections.Counter()
        for r in problems:
            grams = trigrams(docstring(r['prompt']))
            if all(jaccard(grams, k) <= threshold for k in kept):
                kept.append(grams)
                phrases.update(steps(r['prompt']))
        top, count = phrases.most_common(1)[0] if phrases else ('-', 0)
        share = 100 * count / (sum(phrases.values()) or 1)
        print(f"threshold {threshold}: keeps {len(kept)}, {len(phrases)} distinct step phrases, "
              f"top '{top}' {share:.1f}% of steps")


if __name__ == '__main__':
    main(sys.argv[1])
