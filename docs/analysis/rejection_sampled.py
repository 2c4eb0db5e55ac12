#!/usr/bin/env python3
"""Rejection-sampling fine-tuning data: the policy's own passing answers to a problem file (session 14).

    laimark eval --benchmark POOL.jsonl --model MODEL --n 8 --k 1,8 --temperature 1.0 --seed S --out SAMPLES
    python3 docs/analysis/rejection_sampled.py POOL.jsonl SAMPLES OUT.jsonl [MAX_PER_TASK]
    laimark train sft --model MODEL --data OUT.jsonl --out ADAPTER --lr 1e-3 --lora-targets all-linear --seed S

Every passing sample (distinct by text, at most MAX_PER_TASK per task, default 4) becomes a problem whose
solution is the prompt followed by that answer, so supervised training learns exactly what the policy
wrote and the sandbox passed: one round of expert iteration (STaR, ReST), the answers judged by the same
tests calibration uses. Answers read as whole functions (mode full-function) are skipped: only bodies
continue the prompt. Prints how many tasks the policy solved sometimes, always and never.
"""
import collections
import json
import sys


def main(pool, samples, out_path, cap):
    problems = {}
    for line in open(pool):
        if line.strip():
            r = json.loads(line)
            problems[r['id']] = r
    kept = collections.defaultdict(list)
    rates = collections.defaultdict(lambda: [0, 0])
    for line in open(samples + '/results.jsonl'):
        r = json.loads(line)
        rates[r['task_id']][1] += 1
        if not r['passed']:
            continue
        rates[r['task_id']][0] += 1
        answers = kept[r['task_id']]
        if r.get('mode', 'body') == 'body' and r['completion'] not in answers and len(answers) < cap:
            answers.append(r['completion'])
    written = 0
    with open(out_path, 'w') as out:
        for task, answers in kept.items():
            for i, answer in enumerate(answers):
                q = dict(problems[task])
                q['id'] = f"{task}-rs{i}"
                q['solution'] = problems[task]['prompt'] + answer
                out.write(json.dumps(q) + '\n')
                written += 1
    sometimes = sum(1 for a, b in rates.values() if 0 < a < b)
    always = sum(1 for a, b in rates.values() if a == b)
    never = sum(1 for a, b in rates.values() if a == 0)
    print(f"tasks {len(rates)}: solved sometimes {sometimes}, always {always}, never {never}")
    print(f"{written} examples from {len(kept)} tasks written to {out_path}")


if __name__ == '__main__':
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) == 5 else 4)
