"""Latency of the online path: ``decide_case`` for one case, side by side
with a hand-written check of 《行政处罚法》第三十三条 (the arithmetic alone).

Each bundled example case is decided many times under the full rulebook;
percentiles are over all calls. Not a test: results are in
docs/performance.md.

    .venv/bin/python bench/decide_benchmark.py --jurisdiction national --rounds 2000
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import enforcerules as er
from enforcerules.facts import Case, Harm

EXAMPLES = Path(__file__).parents[1] / "examples"


def hand_written(case: Case) -> str:
    """Art. 33 sentences 1 and 2, as a case-handling system might code them."""
    if case.minor and case.corrected_promptly and case.harm is Harm.NONE:
        return "shall_not_penalise"
    if case.first_violation and case.harm in (Harm.NONE, Harm.MINOR) and case.corrected_promptly:
        return "may_not_penalise"
    if case.no_fault_proven:
        return "shall_not_penalise"
    return "none"


def percentiles(samples: list[int]) -> tuple[float, float]:
    samples.sort()
    return samples[len(samples) // 2] / 1000, samples[int(len(samples) * 0.99)] / 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jurisdiction", default="national")
    ap.add_argument("--rounds", type=int, default=2000)
    args = ap.parse_args()
    book = er.load_rulebook(args.jurisdiction)
    facts = er.load_facts(EXAMPLES / f"{args.jurisdiction}.json")
    cases = list(facts.cases)
    for c in cases:  # warm caches: compiled rules and the case rules, kept on the rulebook
        er.decide_case(book, c, facts=facts)
    ours: list[int] = []
    base: list[int] = []
    for _ in range(args.rounds):
        for c in cases:
            t = time.perf_counter_ns()
            er.decide_case(book, c, facts=facts)
            ours.append(time.perf_counter_ns() - t)
            t = time.perf_counter_ns()
            hand_written(c)
            base.append(time.perf_counter_ns() - t)
    (p50, p99), (b50, b99) = percentiles(ours), percentiles(base)
    print(f"{args.jurisdiction}: {len(book)} rules, {len(cases)} cases × {args.rounds} rounds")
    print("| call | p50 | p99 |\n|---|---:|---:|")
    print(f"| decide_case, full rulebook | {p50:.1f} µs | {p99:.1f} µs |")
    print(f"| hand-written art. 33 check | {b50:.2f} µs | {b99:.2f} µs |")
    print(f"ratio p50: {p50 / b50:.0f}×")


if __name__ == "__main__":
    main()
