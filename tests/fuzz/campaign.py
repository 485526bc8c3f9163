"""A longer fuzz campaign over the targets of :mod:`fuzz.targets`, with figures.

    python tests/fuzz/campaign.py cli --examples 50000

Runs hypothesis' generation for *examples* inputs (no shrinking, no example
database), records every outcome instead of stopping at the first failure,
and prints: inputs tried, crashes, tracebacks, wrong results, and the first
few failing inputs. Exits 1 when any input was not clean. ``scripts/fuzz.sh``
runs it per target.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests folder, as under pytest

from fuzz.targets import TARGETS, Outcome, working_directory


def campaign(name: str, examples: int, seed: int | None, show: int = 5) -> dict[str, Any]:
    target = TARGETS[name]
    figures: Counter[str] = Counter()
    failures: list[tuple[Any, Outcome]] = []
    with tempfile.TemporaryDirectory(prefix=f"enforcerules-fuzz-{name}-") as tmp:
        sandbox = Path(tmp)
        target.setup(sandbox)

        @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(target.inputs(sandbox))
        def one(value: Any) -> None:
            outcome = target.check(value, sandbox)
            figures["inputs"] += 1
            figures["crashes"] += bool(outcome.crash)
            figures["tracebacks"] += outcome.traceback
            figures["wrong"] += bool(outcome.wrong)
            if not outcome.clean and len(failures) < show:
                failures.append((value, outcome))

        started = time.monotonic()
        with working_directory(sandbox):
            if seed is not None:
                from hypothesis import seed as hypothesis_seed

                one = hypothesis_seed(seed)(one)
            one()
        elapsed = time.monotonic() - started
    return {"target": name, "inputs": figures["inputs"], "crashes": figures["crashes"], "tracebacks": figures["tracebacks"],
            "wrong": figures["wrong"], "seconds": round(elapsed, 1), "failures": failures}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("--examples", type=int, default=10_000, help="inputs to generate (default 10000)")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed, for a repeatable campaign")
    args = parser.parse_args()
    result = campaign(args.target, args.examples, args.seed)
    print(f"{result['target']:<10} inputs tried {result['inputs']:>8}   crashes {result['crashes']}   "
          f"tracebacks {result['tracebacks']}   wrong results {result['wrong']}   ({result['seconds']} s)")
    for value, outcome in result["failures"]:
        print(f"    {outcome.describe()}: {value!r}")
    return 0 if result["inputs"] and not (result["crashes"] or result["tracebacks"] or result["wrong"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
